import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { answersForPeople, themesForPeople } from "../../db/queries/assessments";
import { consentHistory, isUnsubscribed } from "../../db/queries/consents";
import { closeOpportunity, opportunitiesForPerson } from "../../db/queries/opportunities";
import { listOwners, markContacted, prospectRow, setOwner, setPipelineStatus } from "../../db/queries/prospects";
import { Field, FormErrors } from "~/components/Field";
import { formatDate, percent } from "~/components/format";
import { BandBadge, StatusBadge } from "~/prospects/BandBadge";
import { ReasonList } from "~/prospects/ReasonList";
import { optOutUrl, recordStaffOptOut } from "~/consent/opt-out.server";
import { visibleAnswer } from "~/consent/consent-rule";
import { consentStateFor } from "~/consent/consent-states.server";
import { acceptProspect } from "~/prospects/pipeline.server";
import { reachability, toProspectView } from "~/prospects/prospect-views.server";
import { CRITERION_LABELS, CRITERION_KEYS } from "~/prospects/profile";
import { ALL_ROLES, requireUser, SALES_ROLES } from "~/utils/auth.server";
import { readFormData } from "~/utils/body.server";
import { db } from "~/utils/db.server";
import { firstError, parseWith } from "~/utils/forms";
import { badRequest, idParam, notFound, publicOrigin } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.prospect.label || "Prospect"} · Painmap` }];

export const ProspectActionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("accept") }),
    z.object({
      intent: z.literal("reject"),
      reason: z.string().trim().min(1, "Say why, so marketing can learn from it.").max(500, "Keep the reason under 500 characters."),
    }),
    z.object({ intent: z.literal("reopen") }),
    z.object({ intent: z.literal("assign"), ownerUserId: z.union([z.literal(""), z.coerce.number().int().positive()]) }),
    z.object({ intent: z.literal("contacted") }),
    z.object({
      intent: z.literal("close"),
      opportunityId: z.coerce.number().int().positive(),
      outcome: z.enum(["won", "lost"], { message: "Choose won or lost." }),
      amount: z.union([z.literal(""), z.coerce.number().min(0, "The amount cannot be negative.").max(1e12)]).optional(),
    }),
    z.object({
      intent: z.literal("opt-out"),
      confirm: z.literal("yes", { message: "Tick the box to confirm they asked to stop all email." }),
    }),
  ],
  { message: "Unknown action." },
);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireUser(request, ALL_ROLES);
  const personId = idParam(params.personId);
  const database = db();
  const row = await prospectRow(database, personId);
  if (!row) throw notFound("We could not find that prospect. They may not have answered a survey yet.");
  const [answers, themes, consents, opportunities, owners, unsubscribed] = await Promise.all([
    answersForPeople(database, [personId]),
    themesForPeople(database, [personId]),
    consentHistory(database, personId),
    opportunitiesForPerson(database, personId),
    listOwners(database),
    isUnsubscribed(database, personId),
  ]);
  const prospect = toProspectView(row, themes.get(personId), await consentStateFor(database, personId));
  const themeByAnswer = new Map((themes.get(personId) ?? []).map((t) => [t.answerId, t.label]));
  return json({
    prospect,
    reach: prospect.effectiveBand === "ready_now" ? reachability(prospect) : null,
    unsubscribed,
    optOutLink: prospect.email && !unsubscribed ? optOutUrl(publicOrigin(request), personId) : null,
    answers: (answers.get(personId) ?? []).map((a) => ({
      id: a.answerId,
      prompt: a.prompt,
      role: a.role,
      value: visibleAnswer(
        a.role,
        a.choices ? a.choices.join(", ") : (a.text ?? (a.number !== null ? String(a.number) : "")),
        prospect.named,
      ),
      theme: themeByAnswer.get(a.answerId) ?? null,
      kind: a.kind,
    })),
    consents,
    opportunities,
    owners,
    meId: me.id,
    canAct: me.role !== "marketer",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireUser(request, SALES_ROLES);
  const personId = idParam(params.personId);
  const parsed = parseWith(ProspectActionSchema, await readFormData(request, 16 * 1024));
  if (!parsed.success) return badRequest(parsed.errors);
  const input = parsed.data;
  const database = db();
  const row = await prospectRow(database, personId);
  if (!row) throw notFound();
  const now = new Date().toISOString();

  switch (input.intent) {
    case "accept": {
      const { failedGate } = await acceptProspect(database, { prospect: row, acceptedBy: me.id, now });
      return json({
        ok: true as const,
        message: failedGate
          ? "Accepted as an opportunity, although they fail a gate: this shows on the plan."
          : "Accepted: they are now an opportunity.",
      });
    }
    case "reject":
      await setPipelineStatus(database, { personId, status: "rejected", reason: input.reason, now });
      return json({ ok: true as const, message: "Rejected: they go back to nurture (if they opted in)." });
    case "reopen":
      await setPipelineStatus(database, { personId, status: "new", reason: null, now });
      return json({ ok: true as const, message: "Back in the prospects list as new." });
    case "assign":
      await setOwner(database, personId, input.ownerUserId === "" ? null : input.ownerUserId);
      return json({ ok: true as const, message: input.ownerUserId === "" ? "Owner removed." : "Owner assigned." });
    case "contacted":
      await markContacted(database, personId, now);
      return json({ ok: true as const, message: "Marked as contacted." });
    case "close": {
      const amount = typeof input.amount === "number" ? input.amount : null;
      const closed = await closeOpportunity(database, {
        opportunityId: input.opportunityId,
        personId,
        outcome: input.outcome,
        amount,
        now,
      });
      if (!closed) return badRequest({ "": ["That opportunity is already closed."] });
      return json({ ok: true as const, message: input.outcome === "won" ? "Marked as won." : "Marked as lost." });
    }
    case "opt-out":
      await recordStaffOptOut(database, personId, me.email);
      return json({ ok: true as const, message: "Recorded: they will get no more email and are left out of lists, exports and the API." });
  }
}

export default function ProspectPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && !result.ok ? result.errors : undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const intent = navigation.formData?.get("intent");
  const p = data.prospect;
  const openOpp = data.opportunities.find((o) => !o.closedAt);
  return (
    <div className="page">
      <p>
        <Link to="/prospects">← All prospects</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{p.named ? p.company || p.name || p.label : p.label}</h1>
          <p className="muted">
            {[p.named && p.company ? p.name : null, p.jobTitle, p.role !== p.jobTitle ? p.role : null, p.industry, p.region]
              .filter(Boolean)
              .join(" · ")}{" "}
            · source: {p.source}
            {p.campaign ? ` (${p.campaign})` : ""}
          </p>
        </div>
        <div className="prospect-score">
          <span className="prospect-score__value">{p.score}</span>
          <span className="muted small">/ 100</span>
          {p.heldBy ? <span className="held-by small">, held by: {p.heldBy}</span> : null} <BandBadge band={p.effectiveBand} />{" "}
          <StatusBadge status={p.status} />
        </div>
      </div>

      {result?.ok ? (
        <div className="alert alert--ok" role="status">
          {result.message}
        </div>
      ) : null}
      <FormErrors errors={errors?.[""]} />
      {data.unsubscribed ? (
        <div className="alert alert--warn" role="status">
          This person opted out of all email. Do not contact them; they are left out of lists, exports and the API.
        </div>
      ) : null}

      <div className="grid">
        <section className="card" aria-labelledby="why">
          <h2 id="why">Why {p.effectiveBand === "ready_now" ? "ready now" : p.effectiveBand === "nurture" ? "nurture" : "not a fit"}</h2>
          <ReasonList reasons={p.reasons} />
          {p.parts ? (
            <table className="parts">
              <caption className="sr-only">Score parts</caption>
              <tbody>
                {CRITERION_KEYS.map((k) => (
                  <tr key={k}>
                    <th scope="row">{CRITERION_LABELS[k]}</th>
                    <td>
                      <div className="progress" aria-hidden="true">
                        <span style={{ width: percent(p.parts![k]) }} />
                      </div>
                    </td>
                    <td>{percent(p.parts![k])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <p className="muted small">
            Scored by qualification profile v{p.profileVersion ?? "?"} on {p.computedAt.slice(0, 10)}.
          </p>
        </section>

        <section className="card" aria-labelledby="signals">
          <h2 id="signals">Triggers and themes</h2>
          {p.triggers.length ? (
            <ul>
              {p.triggers.map((t) => (
                <li key={t.type}>
                  <strong>{t.label}</strong> ({t.timing},{" "}
                  <span className={t.corrected ? "badge badge--accent" : undefined}>{t.certainty}</span>)
                  {t.phrase && t.phrase !== t.label ? (
                    <>
                      {" "}
                      — <q>{t.phrase}</q>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No buying trigger found in their answers.</p>
          )}
          <h3>Pain themes</h3>
          {p.themes.length ? (
            <p>
              {p.themes.map((t) => (
                <span key={t.id} className="badge badge--accent">
                  {t.label}
                </span>
              ))}
            </p>
          ) : (
            <p className="muted">Not grouped into a theme yet (the board's analysis assigns themes).</p>
          )}
          {p.quote ? <blockquote className="quote">{p.quote}</blockquote> : null}
        </section>

        <section className="card" aria-labelledby="actions">
          <h2 id="actions">Actions</h2>
          {data.reach ? (
            <p className="alert alert--warn" data-testid="reach">
              {data.reach}
            </p>
          ) : null}
          {p.email ? (
            <p>
              <a href={`mailto:${p.email}`}>{p.email}</a>
              {data.optOutLink ? (
                <>
                  <br />
                  <span className="small muted">Opt-out link for any email you send: </span>
                  <a className="small break" href={data.optOutLink}>
                    {data.optOutLink}
                  </a>
                </>
              ) : null}
            </p>
          ) : (
            <p className="muted">{p.named ? "No email address given." : "Name, company and email hidden: no permission to contact."}</p>
          )}
          {data.canAct ? (
            <div className="stack">
              {p.status !== "accepted" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="accept" />
                  <button type="submit" disabled={busy}>
                    {busy && intent === "accept" ? "Accepting…" : "Accept as opportunity"}
                  </button>
                  {p.band === "not_a_fit" ? <p className="help small">They fail a gate; accepting them is counted on the plan.</p> : null}
                </Form>
              ) : null}
              {p.status !== "rejected" ? (
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="reject" />
                  <Field
                    id="reject-reason"
                    label="Reason for rejecting"
                    help="They go back to nurture if they opted in."
                    error={firstError(errors, "reason")}
                  >
                    {(aria) => <input {...aria} name="reason" type="text" maxLength={500} />}
                  </Field>
                  <button type="submit" className="button--secondary" disabled={busy}>
                    {busy && intent === "reject" ? "Rejecting…" : "Reject"}
                  </button>
                </Form>
              ) : null}
              {p.status !== "new" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="reopen" />
                  <button type="submit" className="button--secondary button--small" disabled={busy}>
                    Reopen as new
                  </button>
                </Form>
              ) : null}
              <Form method="post" className="row">
                <input type="hidden" name="intent" value="assign" />
                <label htmlFor="owner">Owner</label>
                <select id="owner" name="ownerUserId" defaultValue={p.ownerUserId ?? ""} style={{ width: "auto" }}>
                  <option value="">Unassigned</option>
                  {data.owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                      {o.id === data.meId ? " (me)" : ""}
                    </option>
                  ))}
                </select>
                <button type="submit" className="button--secondary button--small" disabled={busy}>
                  {busy && intent === "assign" ? "Saving…" : "Assign"}
                </button>
              </Form>
              {!p.contactedAt ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="contacted" />
                  <button type="submit" className="button--secondary button--small" disabled={busy}>
                    Mark as contacted
                  </button>
                </Form>
              ) : (
                <p className="small muted">First contacted {formatDate(p.contactedAt)} UTC.</p>
              )}
            </div>
          ) : (
            <p className="muted">Only sales and admins can accept, reject or assign prospects.</p>
          )}
        </section>
      </div>

      {data.opportunities.length ? (
        <section className="card" aria-labelledby="opps">
          <h2 id="opps">Opportunity</h2>
          <ul>
            {data.opportunities.map((o) => (
              <li key={o.id}>
                Qualified {o.qualifiedAt.slice(0, 10)} ({o.source}){o.failedGate ? " · accepted while failing a gate" : ""} ·{" "}
                {o.outcome ? `${o.outcome} on ${o.closedAt?.slice(0, 10)}` : "open"}
                {o.amount !== null ? ` · ${o.amount.toLocaleString("en")}` : ""}
              </li>
            ))}
          </ul>
          {openOpp && data.canAct ? (
            <Form method="post" className="row" noValidate>
              <input type="hidden" name="intent" value="close" />
              <input type="hidden" name="opportunityId" value={openOpp.id} />
              <label htmlFor="outcome">Outcome</label>
              {/* no default: closing as won or lost is a choice, never a pre-selected Won */}
              <select id="outcome" name="outcome" style={{ width: "auto" }} defaultValue="" required>
                <option value="" disabled>
                  Choose…
                </option>
                <option value="won">Won</option>
                <option value="lost">Lost</option>
              </select>
              <label htmlFor="amount">Amount</label>
              <input
                id="amount"
                name="amount"
                type="number"
                min={0}
                step="any"
                defaultValue={openOpp.amount ?? ""}
                style={{ width: "9rem" }}
                aria-describedby={errors?.amount ? "amount-error" : undefined}
              />
              <button type="submit" className="button--secondary button--small" disabled={busy}>
                Close opportunity
              </button>
              {errors?.amount ? (
                <p id="amount-error" className="error">
                  {errors.amount[0]}
                </p>
              ) : null}
            </Form>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="answers">
        <h2 id="answers">Every answer</h2>
        {data.answers.length ? (
          <dl className="answers">
            {data.answers.map((a) => (
              <div key={a.id}>
                <dt>
                  {a.prompt}
                  {a.theme ? (
                    <>
                      {" "}
                      <span className="badge badge--accent">{a.theme}</span>
                    </>
                  ) : null}
                </dt>
                <dd>{a.kind === "consent" ? (a.value === "1" ? "Yes" : "No") : a.value || <span className="muted">(blank)</span>}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="muted">No answers.</p>
        )}
      </section>

      <section className="card" aria-labelledby="consent">
        <h2 id="consent">Consent history</h2>
        {data.consents.length ? (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Purpose</th>
                  <th scope="col">Status</th>
                  <th scope="col">Who</th>
                  <th scope="col">Wording</th>
                </tr>
              </thead>
              <tbody>
                {data.consents.map((c) => (
                  <tr key={c.id}>
                    <td>{formatDate(c.capturedAt)}</td>
                    <td>{c.purpose.replace(/_/g, " ")}</td>
                    <td>
                      {c.status === "opted_in" ? "opted in" : "opted out"}
                      {c.withdrawnAt ? ` (withdrawn ${c.withdrawnAt.slice(0, 10)})` : ""}
                    </td>
                    <td>{c.actor}</td>
                    <td>
                      {c.wording} <span className="muted small">({c.wordingVersion})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">No consent recorded.</p>
        )}
        {data.canAct && !data.unsubscribed ? (
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="opt-out" />
            <label className="choice">
              <input type="checkbox" name="confirm" value="yes" aria-describedby={errors?.confirm ? "confirm-error" : undefined} />
              <span>They asked us to stop all email</span>
            </label>
            {errors?.confirm ? (
              <p id="confirm-error" className="error">
                {errors.confirm[0]}
              </p>
            ) : null}
            <button type="submit" className="button--danger button--small" disabled={busy}>
              Record opt-out
            </button>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/RouteError";
