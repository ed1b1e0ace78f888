import { Form } from "@remix-run/react";
import { Field } from "~/components/Field";
import type { ShareRow } from "../../../db/queries/report";
import { segmentTitle, parseSegment } from "../segment";
import { ScrollRegion } from "~/components/ScrollRegion";

/** Create a read-only link (figures and verdict, no quotes or names) and, for admins, revoke one. */
export function SharePanel(props: { shares: ShareRow[]; segmentKey: string; isAdmin: boolean; errors?: Record<string, string[]> }) {
  const now = new Date().toISOString();
  return (
    <details className="card report-share">
      <summary>Share a read-only copy</summary>
      <Form method="post" className="row">
        <input type="hidden" name="intent" value="share" />
        <input type="hidden" name="segment" value={props.segmentKey} />
        <Field id="days" label="Link works for (days)" error={props.errors?.days?.[0]}>
          {(aria) => <input {...aria} name="days" type="number" min={1} max={90} step={1} required defaultValue={14} />}
        </Field>
        <button type="submit" className="button button--secondary">
          Create share link
        </button>
      </Form>
      {props.shares.length ? (
        <ScrollRegion className="report-table-wrap" label="Share links of this study">
          <table className="report-table">
            <caption>Share links of this study</caption>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col">Created</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {props.shares.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{segmentTitle(parseSegment(s.segment))}</th>
                  <td>
                    {s.createdAt.slice(0, 10)}
                    {s.createdByName ? ` by ${s.createdByName}` : ""}
                  </td>
                  <td>{s.expiresAt.slice(0, 10)}</td>
                  <td>
                    {s.revokedAt ? (
                      "revoked"
                    ) : s.expiresAt <= now ? (
                      "expired"
                    ) : props.isAdmin ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="shareId" value={s.id} />
                        <button type="submit" className="button button--danger button--small">
                          Revoke
                        </button>
                      </Form>
                    ) : (
                      "live (an admin can revoke it)"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="empty">No share links yet.</p>
      )}
    </details>
  );
}
