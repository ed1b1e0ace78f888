import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { TRIGGER_TYPES } from "../../analysis/triggers/types";
import { confidenceLabel, triggerLabel } from "~/prospects/readiness";
import type { AnswerTrigger } from "./correction-schema";

interface PanelCorrection {
  type: string;
  action: "reject" | "add";
}

interface Props {
  answerId: number;
  mentions: readonly AnswerTrigger[];
  corrections: readonly PanelCorrection[];
  back: { to: "response" | "theme"; id: number };
  canEdit: boolean;
}

const TIMING_WORDS: Record<string, string> = { past: "happened", upcoming: "upcoming", unknown: "timing unclear" };

type Result = { ok: true } | { ok: false; errors: Record<string, string[]> };

/**
 * Detected buying triggers of one answer, with the evidence and the confidence in words; a
 * marketer marks one wrong or adds a missed one (type and timing). Works without JavaScript
 * (plain posts that come back to this page) and with it (a fetcher; the page revalidates).
 */
export function TriggerPanel({ answerId, mentions, corrections, back, canEdit }: Props) {
  const rejected = corrections.filter((c) => c.action === "reject");
  const fetcher = useFetcher<Result>();
  const addForm = useRef<HTMLFormElement>(null);
  const errors = fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {};
  const busy = fetcher.state !== "idle";
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) addForm.current?.reset();
  }, [fetcher.state, fetcher.data]);
  const action = `/answers/${answerId}/triggers`;
  const hidden = (
    <>
      <input type="hidden" name="backTo" value={back.to} />
      <input type="hidden" name="backId" value={back.id} />
    </>
  );
  return (
    <div className="trigger-panel" id={`answer-${answerId}`}>
      <p className="trigger-panel__title small">Buying triggers in this answer</p>
      {mentions.length === 0 && rejected.length === 0 ? <p className="muted small">None detected.</p> : null}
      <ul className="trigger-panel__list">
        {mentions.map((m) => (
          <li key={m.type}>
            <span className={m.origin === "correction" ? "badge badge--accent" : "badge"}>{triggerLabel(m.type)}</span>{" "}
            <span className="small">
              {TIMING_WORDS[m.timing]} ·{" "}
              {confidenceLabel({ confidence: m.confidence, corrected: m.origin === "correction", origin: "text" })}
              {m.origin === "text" ? ` (${Math.round(m.confidence * 100)}%)` : ""}
            </span>
            {m.phrase && m.origin !== "correction" ? <span className="muted small"> “{m.phrase}”</span> : null}
            {canEdit ? (
              <fetcher.Form method="post" action={action} className="trigger-panel__inline">
                {hidden}
                <input type="hidden" name="type" value={m.type} />
                {m.origin === "correction" ? (
                  <button className="button button--quiet button--small" name="action" value="undo" disabled={busy}>
                    Undo correction
                  </button>
                ) : (
                  <button
                    className="button button--quiet button--small"
                    name="action"
                    value="reject"
                    disabled={busy}
                    aria-label={`Mark ${triggerLabel(m.type)} as wrong`}
                  >
                    Mark wrong
                  </button>
                )}
              </fetcher.Form>
            ) : null}
          </li>
        ))}
        {rejected.map((c) => (
          <li key={`rejected-${c.type}`} className="muted small">
            <s>{triggerLabel(c.type)}</s> marked wrong by marketing
            {canEdit ? (
              <fetcher.Form method="post" action={action} className="trigger-panel__inline">
                {hidden}
                <input type="hidden" name="type" value={c.type} />
                <button className="button button--quiet button--small" name="action" value="undo" disabled={busy}>
                  Undo
                </button>
              </fetcher.Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <fetcher.Form method="post" action={action} className="trigger-panel__add" ref={addForm}>
          {hidden}
          <input type="hidden" name="action" value="add" />
          <label htmlFor={`add-type-${answerId}`} className="small">
            Add a missed trigger
          </label>
          <select id={`add-type-${answerId}`} name="type" required aria-invalid={errors.type ? true : undefined} defaultValue="">
            <option value="" disabled>
              Kind of trigger…
            </option>
            {TRIGGER_TYPES.map((t) => (
              <option key={t} value={t}>
                {triggerLabel(t)}
              </option>
            ))}
          </select>
          <label htmlFor={`add-timing-${answerId}`} className="sr-only">
            When
          </label>
          <select id={`add-timing-${answerId}`} name="timing" required aria-invalid={errors.timing ? true : undefined} defaultValue="">
            <option value="" disabled>
              When…
            </option>
            <option value="past">Happened</option>
            <option value="upcoming">Upcoming</option>
            <option value="unknown">Timing unclear</option>
          </select>
          <button className="button button--secondary button--small" disabled={busy}>
            {busy ? "Saving…" : "Add trigger"}
          </button>
          {Object.values(errors).flat().length ? (
            <p className="error small" role="alert">
              {Object.values(errors).flat().join(" ")}
            </p>
          ) : null}
        </fetcher.Form>
      ) : null}
    </div>
  );
}
