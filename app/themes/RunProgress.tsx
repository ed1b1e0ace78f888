import { Link, useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";

export interface RunStatus {
  id: number;
  status: "queued" | "running" | "done" | "failed";
  progress: number;
  stage: string;
  error: string | null;
}

/**
 * The live state of an analysis run. With JavaScript it polls /api/runs/:id every second and
 * refreshes the page's data when the run ends; without, a refresh link (and a meta refresh) does.
 */
export function RunProgress({ run, refreshHref }: { run: RunStatus; refreshHref: string }) {
  const fetcher = useFetcher<RunStatus>();
  const revalidator = useRevalidator();
  const live = fetcher.data && fetcher.data.id === run.id ? fetcher.data : run;
  const active = live.status === "queued" || live.status === "running";
  const wasActive = useRef(active);

  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (fetcher.state === "idle") fetcher.load(`/api/runs/${run.id}`);
    }, 1000);
    return () => clearInterval(timer);
  }, [active, run.id, fetcher]);

  useEffect(() => {
    if (wasActive.current && !active && revalidator.state === "idle") revalidator.revalidate();
    wasActive.current = active;
  }, [active, revalidator]);

  const pct = Math.round((live.status === "done" ? 1 : live.progress) * 100);
  return (
    <section className="card run-progress" aria-live="polite">
      <h2 className="run-progress__title">
        Analysis run #{live.id}: {live.status === "done" ? "finished" : live.status}
      </h2>
      {live.status === "failed" ? (
        <div className="alert alert--error" role="alert">
          <p>The run failed and nothing on the board changed. {live.error}</p>
        </div>
      ) : (
        <>
          <div
            className="progress"
            role="progressbar"
            aria-label="Analysis progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <span style={{ width: `${pct}%` }} />
          </div>
          <p className="muted">
            {pct}% · {live.stage || live.status}
          </p>
        </>
      )}
      {active ? (
        <noscript>
          <p>
            <Link to={refreshHref}>Refresh to see progress</Link>
          </p>
        </noscript>
      ) : null}
    </section>
  );
}
