import { Form, Link } from "@remix-run/react";
import type { PersonCard } from "~/prospects/duplicates-view.server";
import { formatDate } from "~/components/format";

interface MergeItem {
  id: number;
  kept: PersonCard;
  merged: PersonCard;
  by: string | null;
  at: string;
  undoneAt: string | null;
  undoneBy: string | null;
  moved: { responses: number; consents: number; opportunities: number };
}

/** The merge record: who merged whom, when and what moved, with an undo for each merge still standing. */
export function MergeHistory({ merges, busy }: { merges: MergeItem[]; busy: boolean }) {
  return (
    <section className="card" aria-labelledby="history-h">
      <h2 id="history-h">Recent merges</h2>
      {merges.length ? (
        <ul className="stack" data-testid="merge-history">
          {merges.map((m) => (
            <li key={m.id} data-merge={m.id}>
              {m.merged.label} into <Link to={`/prospects/${m.kept.personId}`}>{m.kept.label}</Link>, by {m.by ?? "a former user"} on{" "}
              {formatDate(m.at)} UTC: moved {m.moved.responses} responses, {m.moved.consents} consent records, {m.moved.opportunities}{" "}
              opportunities.
              {m.undoneAt ? (
                <span className="muted">
                  {" "}
                  Undone by {m.undoneBy ?? "a former user"} on {formatDate(m.undoneAt)} UTC.
                </span>
              ) : (
                <Form method="post" className="row">
                  <input type="hidden" name="intent" value="undo" />
                  <input type="hidden" name="mergeId" value={m.id} />
                  <button type="submit" className="button--secondary button--small" disabled={busy}>
                    Undo this merge
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No merges yet.</p>
      )}
    </section>
  );
}
