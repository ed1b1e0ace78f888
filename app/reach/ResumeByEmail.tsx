import { useFetcher } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { translateError, useFormT } from "~/surveys/i18n/i18n";
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
  const t = useFormT();
  const fetcher = useFetcher<Result>();
  const [clientError, setClientError] = useState<string | undefined>();
  const data = fetcher.data;
  // The schema's and the action's messages are English keys of the `errors` namespace: shown in the form's language.
  const english = clientError ?? data?.errors?.email?.[0] ?? data?.errors?.[""]?.[0] ?? data?.errors?.r?.[0];
  const error = english === undefined ? undefined : translateError(english, t);
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
        {t("resumeEmailSent")}
      </p>
    );
  return (
    <fetcher.Form method="post" action={`/s/${encodeURIComponent(slug)}/resume-link`} onSubmit={check} noValidate className="stack">
      <input type="hidden" name="r" value={token} />
      <label htmlFor="resume-email">{t("resumeEmailLabel")}</label>
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
          {sending ? t("resumeEmailSending") : t("resumeEmailButton")}
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
