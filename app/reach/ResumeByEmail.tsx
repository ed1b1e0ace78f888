import { useFetcher } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { ResumeLinkSchema } from "./resume-link-schema";

interface Result {
  ok: boolean;
  sent?: boolean;
  errors?: Record<string, string[]>;
}

/**
 * "Email me a link to finish later" on the public survey: posts the response's resume token and an
 * address to /s/:slug/resume-link (a route of its own, so the survey route itself barely changes).
 */
export function ResumeByEmail({ slug, token }: { slug: string; token: string }) {
  const fetcher = useFetcher<Result>();
  const [clientError, setClientError] = useState<string | undefined>();
  const data = fetcher.data;
  const error = clientError ?? data?.errors?.email?.[0] ?? data?.errors?.[""]?.[0] ?? data?.errors?.r?.[0];
  const sending = fetcher.state !== "idle";

  function check(event: FormEvent<HTMLFormElement>) {
    const parsed = ResumeLinkSchema.safeParse({ r: token, email: new FormData(event.currentTarget).get("email") });
    if (parsed.success) return setClientError(undefined);
    event.preventDefault();
    setClientError(parsed.error.issues[0]?.message);
  }

  if (data?.sent)
    return (
      <p role="status" className="alert alert--ok" data-testid="resume-email-sent">
        We have emailed you a link. It continues here, on any device.
      </p>
    );
  return (
    <fetcher.Form method="post" action={`/s/${encodeURIComponent(slug)}/resume-link`} onSubmit={check} noValidate className="stack">
      <input type="hidden" name="r" value={token} />
      <label htmlFor="resume-email">Or email me a link to finish later</label>
      <div className="row">
        <input
          id="resume-email"
          name="email"
          type="email"
          autoComplete="email"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "resume-email-error" : undefined}
        />
        <button type="submit" className="button button--secondary" disabled={sending}>
          {sending ? "Sending…" : "Email me the link"}
        </button>
      </div>
      {error ? (
        <p className="error" id="resume-email-error" role="alert">
          {error}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
