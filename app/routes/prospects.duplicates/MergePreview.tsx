import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import type { mergePreview } from "~/prospects/duplicates-view.server";
import { formatDate } from "~/components/format";
import { firstError } from "~/utils/forms";

import { PersonSummary } from "./PersonSummary";

type Preview = SerializeFrom<Awaited<ReturnType<typeof mergePreview>>>;
type Has = Preview["after"]["has"];

function hasText(h: Has) {
  return `${h.responses} responses, ${h.answers} answers, ${h.consents} consent records, ${h.opportunities} opportunities, ${h.corrections} trigger corrections`;
}

/** What the kept person will have after the merge, with the form that runs it (carrying the preview's fingerprint). */
export function MergePreview({
  preview: p,
  errors,
  busy,
}: {
  preview: Preview;
  errors: Record<string, string[]> | undefined;
  busy: boolean;
}) {
  const keptId = p.kept.card.personId;
  const mergedId = p.merged.card.personId;
  return (
    <section className="card" aria-labelledby="preview-h" data-testid="merge-preview">
      <h2 id="preview-h">
        Preview: merge {p.merged.card.label} into {p.kept.card.label}
      </h2>
      <div className="grid">
        <div>
          <h3>Kept</h3>
          <PersonSummary card={p.kept.card} />
          <p className="small">
            Has {hasText(p.kept.has)}; status {p.kept.pipeline.status}.
          </p>
        </div>
        <div>
          <h3>Merged into them</h3>
          <PersonSummary card={p.merged.card} />
          <p className="small">
            Has {hasText(p.merged.has)}; status {p.merged.pipeline.status}.
          </p>
        </div>
      </div>
      <p>
        <Link to={`?kept=${mergedId}&merged=${keptId}`}>Keep the other one instead</Link>
      </p>
      <h3>After the merge, the kept person has</h3>
      <ul data-testid="merge-after">
        <li>{hasText(p.after.has)}: nothing is lost.</li>
        <li>
          Pipeline status {p.after.pipeline.status}
          {p.after.pipeline.rejectReason ? ` (${p.after.pipeline.rejectReason})` : ""}
          {p.after.pipeline.contactedAt ? `, first contacted ${formatDate(p.after.pipeline.contactedAt)} UTC` : ", not yet contacted"}.
        </li>
        <li>
          Consent records:{" "}
          {p.after.consentRecords.length
            ? p.after.consentRecords
                .map((c) => `${c.purpose.replace(/_/g, " ")} ${c.status.replace("_", " ")} ${c.capturedAt.slice(0, 10)}`)
                .join("; ")
            : "none"}
          .
        </li>
        <li>
          {p.after.unsubscribed
            ? "They are unsubscribed from all email: staff see only a pseudonym."
            : p.after.namedAfter !== p.after.namedBefore
              ? p.after.namedAfter
                ? "Their latest answer allows sales contact: staff will see their name after the merge."
                : "Their latest answer withdraws sales contact: staff will see only a pseudonym after the merge."
              : p.after.namedAfter
                ? "Staff keep seeing their name (they allow sales contact)."
                : "Staff keep seeing a pseudonym (no permission to contact)."}
        </li>
      </ul>
      <p className="small muted">Readiness is re-scored on all their answers. The merge is recorded and can be undone below.</p>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="merge" />
        <input type="hidden" name="kept" value={keptId} />
        <input type="hidden" name="merged" value={mergedId} />
        <input type="hidden" name="fingerprint" value={p.fingerprint} />
        <label className="choice">
          <input
            type="checkbox"
            name="confirm"
            value="yes"
            aria-describedby={firstError(errors, "confirm") ? "merge-confirm-error" : undefined}
          />
          <span>I checked: these are the same person</span>
        </label>
        {firstError(errors, "confirm") ? (
          <p id="merge-confirm-error" className="error">
            {firstError(errors, "confirm")}
          </p>
        ) : null}
        <button type="submit" className="button--danger" disabled={busy}>
          {busy ? "Merging…" : "Merge"}
        </button>
      </Form>
    </section>
  );
}
