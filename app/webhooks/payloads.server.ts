import type { Kysely } from "kysely";
import { isUnsubscribed } from "../../db/queries/consents.js";
import type { Database } from "../../db/schema.js";
import { pseudonymOf } from "../consent/consent-rule.js";
import { apiProspect } from "../prospects/api-prospect.js";
import { prospectViews } from "../prospects/prospect-views.server.js";
import { apiResponses } from "../responses/api-response.server.js";
import type { WebhookEventPayload } from "../jobs/webhook-event.job.server.js";

/**
 * What an event says, built through the same views as the API, so the consent rule applies: a
 * person is named (name, email, company) only with permission to contact; someone who unsubscribed
 * is not sent at all (null).
 */
export async function eventData(db: Kysely<Database>, e: WebhookEventPayload): Promise<Record<string, unknown> | null> {
  if (e.event === "response.completed") {
    if (e.responseId === undefined) return null;
    const [response] = await apiResponses(db, { ids: [e.responseId] });
    if (!response) return null;
    if (response.person) {
      const [state] = await prospectViews(db, { personIds: [response.person.id], includeUnsubscribed: true });
      if (state?.consent.unsubscribed) return null;
    }
    return { response };
  }
  if (e.personId === undefined) return null;
  // Unsubscribed people are left out by prospectViews: nothing about who they are leaves the app.
  const [view] = await prospectViews(db, { personIds: [e.personId] });
  if (!view) {
    // Except that they unsubscribed (ADR 0702): a CRM that knew them must stop too. Only the id
    // and the pseudonym, which name no one.
    if (e.event === "prospect.updated" && (await isUnsubscribed(db, e.personId)))
      return { prospect: { id: e.personId, label: pseudonymOf(e.personId), named: false, unsubscribed: true } };
    return null;
  }
  return { prospect: { ...apiProspect(view, null), label: view.label, named: view.named } };
}
