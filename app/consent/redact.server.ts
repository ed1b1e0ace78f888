import type { Kysely } from "kysely";
import type { ExportPlan, ExportRedaction, ExportRow } from "../../db/queries/response-export.js";
import type { ResponseListRow } from "../../db/queries/response-listing.js";
import type { Database } from "../../db/schema.js";
import { HIDDEN_ANSWER, IDENTIFYING_ROLES, mayShowIdentity, pseudonymOf } from "./consent-rule.js";
import { consentStates } from "./consent-states.server.js";

/* ---------- The consent rule on the responses surfaces: list, one response, the raw export ---------- */

const META_IDENTITY = new Set(["name", "email", "company"]);

/** The raw export: name, email, company and the answers that identify someone are blanked without permission to contact. */
export function exportRedaction(db: Kysely<Database>): ExportRedaction {
  return async (rows: ExportRow[], personIds: Array<number | null>, plan: ExportPlan) => {
    const states = await consentStates(
      db,
      personIds.filter((id): id is number => id !== null),
    );
    const hide = plan.columns.map((c, i) => (c.meta ? META_IDENTITY.has(c.meta) : IDENTIFYING_ROLES.has(plan.columnRoles[i] ?? "")));
    rows.forEach((row, r) => {
      const id = personIds[r];
      if (id !== null && mayShowIdentity(states.get(id))) return;
      hide.forEach((h, i) => {
        if (h && row[i] !== null && row[i] !== "")
          row[i] = plan.columns[i].meta === "name" && id !== null ? pseudonymOf(id) : HIDDEN_ANSWER;
      });
    });
  };
}

/** The responses table: a pseudonym in place of the name, no email, no company without permission. */
export async function redactListing<T extends Pick<ResponseListRow, "personId" | "personName" | "personEmail" | "company">>(
  db: Kysely<Database>,
  rows: T[],
): Promise<T[]> {
  const states = await consentStates(
    db,
    rows.map((r) => r.personId).filter((id): id is number => id !== null),
  );
  return rows.map((r) =>
    r.personId !== null && mayShowIdentity(states.get(r.personId))
      ? r
      : { ...r, personName: r.personId !== null ? pseudonymOf(r.personId) : null, personEmail: null, company: null },
  );
}

type Detail = NonNullable<Awaited<ReturnType<typeof import("../../db/queries/response-listing.js").getResponseDetail>>>;

/** One response: the person's name, email, job title and company, and the answers that say who they are, only with permission. */
export async function redactDetail(db: Kysely<Database>, detail: Detail): Promise<Detail & { named: boolean }> {
  const personId = detail.response.personId;
  const named = personId !== null && mayShowIdentity((await consentStates(db, [personId])).get(personId));
  if (named) return { ...detail, named };
  return {
    ...detail,
    named,
    response: { ...detail.response, personName: personId !== null ? pseudonymOf(personId) : null, personEmail: null, company: null },
    person: detail.person ? { ...detail.person, name: pseudonymOf(detail.person.id), email: null, jobTitle: null } : null,
    company: detail.company ? { ...detail.company, name: HIDDEN_ANSWER } : null,
    answers: detail.answers.map((a) =>
      a.answered && a.role !== null && IDENTIFYING_ROLES.has(a.role) ? { ...a, value: HIDDEN_ANSWER } : a,
    ),
  };
}
