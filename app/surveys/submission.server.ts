import type { Kysely } from "kysely";
import type { ConsentPurpose, Database, PersonSource } from "../../db/schema.js";
import { writeTransaction } from "../../db/group-commit.js";
import { countResponses } from "../../db/queries/response-listing.js";
import {
  advanceResponse,
  completeResponse,
  findResponseByTokenHash,
  listResponseAnswers,
  saveAnswers,
  startResponse,
  type AnswerWrite,
  type CompanyInput,
  type ConsentInput,
} from "../../db/queries/responses.js";
import type { Attribution, PageAnswers, PublicQuestion } from "./answer-schema.js";
import { hasLogic } from "./logic/page.js";
import { nextPageIndex, previousPageIndex, storedAnswerValue, visibleQuestionIds, visiblePageIndexes } from "./logic/rules.js";
import { siteCountOf } from "../prospects/site-count.js";
import { CONSENT_SALES_WORDING_VERSION, CONSENT_WORDING_VERSION } from "./template.js";
import { readCookie } from "../utils/cookies.server.js";
import { sign } from "../utils/secrets.server.js";
import { sha256 } from "../utils/tokens.server.js";
import { afterCompletion, completionCommitted } from "../prospects/after-completion.server.js";
import { needsConfirmation } from "../consent/consent-rule.js";
import { requestConfirmation } from "../reach/confirmations.server.js";
import { linkInvitation } from "../reach/invitations.server.js";
import { queueSummaryIfEnded } from "../jobs/study-summary.job.server.js";
import { lockSurveyForCompletion, setResponseLanguage } from "../../db/queries/quotas.js";
import { fullQuotaOf } from "./quotas/quotas.server.js";
import { chosenOptions } from "./quotas/rules.js";
import type { Quota } from "./quotas/rules.js";
import type { FormLanguage } from "./i18n/languages.js";

/**
 * The prospect's side of a survey: which page to show, and one page post written in one
 * transaction (response found or created by its idempotency key, answers upserted, and on the last
 * page the company, person and consents created and the response completed).
 */

export {
  loadAnsweringSurvey,
  pageQuestions,
  publicQuestions,
  SURVEY_NOT_FOUND,
  surveyAvailability,
  toPublicQuestion,
  type AnsweringSurvey,
} from "./answering-survey.server.js";
import type { AnsweringSurvey } from "./answering-survey.server.js";

/** Deterministic from the idempotency key: a retried first page gets the same response and the same link. */
export function resumeTokenFor(surveyId: number, idempotencyKey: string): string {
  return sign("resume", String(surveyId), idempotencyKey);
}

export function resumeTokenHash(token: string): string {
  return sha256(token);
}

/** `src` wins; a UTM source alone means a marketing campaign; otherwise unknown. */
export function personSource(attribution: Attribution): PersonSource {
  if (attribution.src) return attribution.src;
  if (attribution.utm_source) return "marketing";
  return "unknown";
}

const CONSENT_PURPOSES: Record<string, ConsentPurpose> = {
  consent_contact: "study_summary",
  consent_nurture: "educational_content",
  consent_sales: "contact",
};
const CONSENT_VERSIONS: Record<string, string> = { consent_sales: CONSENT_SALES_WORDING_VERSION };

/** One person per address: emails are kept trimmed and lower-cased, so "Dana@Example.com " finds dana@example.com. */
function normalizeEmail(email: string | null): string | null {
  const e = email?.trim().toLowerCase();
  return e ? e : null;
}

/**
 * What a finished response says about who answered, read by question role: the company, the
 * contact details and a consent record for every consent question answered. Shared by the public
 * form and the CSV import so both create people the same way.
 */
export function completionFacts(
  questions: readonly PublicQuestion[],
  byQuestion: ReadonlyMap<number, Pick<AnswerWrite, "text" | "number">>,
  actor: string,
  overrides: { companyName?: string | null; email?: string | null; name?: string | null } = {},
): {
  company: CompanyInput | null;
  contact: { email: string | null; name: string | null; jobTitle: string | null };
  consents: ConsentInput[];
} {
  const textOf = (role: string): string | null => {
    for (const q of questions) {
      if (q.role !== role) continue;
      const answer = byQuestion.get(q.id);
      if (answer?.text) return answer.text;
    }
    return null;
  };
  const companyName = overrides.companyName ?? textOf("company_name");
  const industry = textOf("industry");
  const region = textOf("region");
  const siteCount = siteCountOf(textOf("site_count"));
  const company = companyName || industry || region || siteCount !== null ? { name: companyName ?? "", industry, region, siteCount } : null;
  const consents: ConsentInput[] = [];
  for (const q of questions) {
    const purpose = q.kind === "consent" && q.role ? CONSENT_PURPOSES[q.role] : undefined;
    const answer = byQuestion.get(q.id);
    if (!purpose || !answer) continue; // not shown: nothing to record
    consents.push({
      purpose,
      status: answer.number === 1 ? "opted_in" : "opted_out",
      wording: q.prompt,
      wordingVersion: CONSENT_VERSIONS[q.role!] ?? CONSENT_WORDING_VERSION,
      actor,
    });
  }
  return {
    company,
    contact: {
      email: normalizeEmail(overrides.email ?? textOf("contact_email")),
      name: overrides.name ?? textOf("contact_name"),
      jobTitle: textOf("job_title"),
    },
    consents,
  };
}

export type PageIdentity = { kind: "key"; idempotencyKey: string; attribution: Attribution } | { kind: "token"; token: string };

export type PageOutcome =
  | { outcome: "saved"; token: string; nextPage: number; responseId: number }
  | { outcome: "complete"; token: string; responseId: number; changed: boolean; personId: number | null }
  | { outcome: "ahead"; token: string; currentPage: number }
  | { outcome: "bad_link" }
  /** The answers put the prospect in a segment whose quota is full: answers kept, response left partial. */
  | { outcome: "quota_full"; token: string; quota: Quota; responseId: number }
  /** The response cap was reached by others while this prospect answered the last page. */
  | { outcome: "full"; token: string; responseId: number }
  /** A later page came with an idempotency key and no resume token: only page 1 may start a response. */
  | { outcome: "start_over" };

/**
 * One page post. The caller has checked that the survey is open and parsed the page's answers
 * against that page's questions (so every question id belongs to this survey).
 */
export async function submitPage(
  db: Kysely<Database>,
  args: {
    survey: AnsweringSurvey;
    pageIndex: number;
    answers: PageAnswers;
    identity: PageIdentity;
    /** "back": keep the answers and return to the previous page, without moving progress or completing. */
    direction?: "next" | "back";
    origin?: "web" | "demo" | "import";
    now?: string;
    /** the language the prospect answers in (kept on the response for analysis) */
    language?: FormLanguage;
    /** the questions as the prospect read them: the consent wording recorded is the one they saw */
    shownQuestions?: PublicQuestion[];
  },
): Promise<PageOutcome> {
  const { survey: s, pageIndex, identity } = args;
  const now = args.now ?? new Date().toISOString();
  const token = identity.kind === "key" ? resumeTokenFor(s.survey.id, identity.idempotencyKey) : identity.token;
  const tokenHash = resumeTokenHash(token);
  const lastPage = s.pages.length;
  // Only a valid first page starts a response: a later page with a fresh key would otherwise leave
  // an empty partial row behind (it inflated partial counts) before being sent back to page 1.
  if (identity.kind === "key" && pageIndex !== 1) return { outcome: "start_over" };

  // SQLite: through the app's group committer (several posts share one COMMIT; each still settles
  // only after that COMMIT). Elsewhere a plain transaction.
  return writeTransaction(db, async (trx): Promise<PageOutcome> => {
    let response;
    let created = false;
    if (identity.kind === "key") {
      const attribution = identity.attribution;
      ({ response, created } = await startResponse(trx, {
        surveyId: s.survey.id,
        idempotencyKey: identity.idempotencyKey,
        resumeTokenHash: tokenHash,
        source: personSource(attribution),
        utmSource: attribution.utm_source ?? null,
        utmCampaign: attribution.utm_campaign ?? null,
        rep: attribution.rep ?? null,
        origin: args.origin ?? "web",
        now,
      }));
      if (created && attribution.inv) await linkInvitation(trx, s.survey.id, attribution.inv, response.id, now);
    } else {
      response = await findResponseByTokenHash(trx, s.survey.id, tokenHash);
      if (!response) return { outcome: "bad_link" };
    }
    if (response.status === "complete")
      return { outcome: "complete", token, responseId: response.id, changed: false, personId: response.person_id };
    if (pageIndex > response.current_page) return { outcome: "ahead", token, currentPage: response.current_page };

    const writes: AnswerWrite[] = [];
    const clear: number[] = [];
    for (const { questionId, value } of args.answers) {
      if (value) writes.push({ questionId, text: value.text, number: value.number, json: value.json ? JSON.stringify(value.json) : null });
      else if (!created) clear.push(questionId);
    }
    await saveAnswers(trx, { responseId: response.id, answers: writes, clear, now });
    if (args.language) await setResponseLanguage(trx, response.id, args.language);
    const route = await routeAfterSave(trx, s, response.id, pageIndex, now);
    if (args.direction === "back") return { outcome: "saved", token, nextPage: route.previous, responseId: response.id };
    // An answer on this page puts the prospect in a full segment: tell them now, not pages later.
    // (Not authoritative: the completion below checks again under the survey's completion lock.)
    if (route.next !== null && s.quotas?.length) {
      const full = await fullQuotaOf(trx, s.survey.id, s.quotas, chosenOptions(writes));
      if (full) return { outcome: "quota_full", token, quota: full, responseId: response.id };
    }

    if (route.next !== null) {
      await advanceResponse(trx, { responseId: response.id, currentPage: Math.max(response.current_page, route.next), now });
      return { outcome: "saved", token, nextPage: route.next, responseId: response.id };
    }

    // Last page: everything the prospect said, by role. A response created by this very post
    // (a one-page survey) has no earlier answers to read back.
    const byQuestion = new Map<number, AnswerWrite>();
    if (created) for (const w of writes) byQuestion.set(w.questionId, w);
    else
      for (const a of await listResponseAnswers(trx, response.id))
        byQuestion.set(a.question_id, { questionId: a.question_id, text: a.value_text, number: a.value_number, json: a.value_json });

    // The response cap and the quotas hold under concurrent completions: counted after taking the
    // survey's completion lock, in the transaction that completes (ADR 0602).
    if (s.survey.max_responses !== null || s.quotas?.length) {
      await lockSurveyForCompletion(trx, s.survey.id);
      if (
        s.survey.max_responses !== null &&
        (await countResponses(trx, { surveyId: s.survey.id, status: "complete" })) >= s.survey.max_responses
      )
        return { outcome: "full", token, responseId: response.id };
      const full = await fullQuotaOf(trx, s.survey.id, s.quotas, chosenOptions(byQuestion.values()));
      if (full) return { outcome: "quota_full", token, quota: full, responseId: response.id };
    }

    const facts = completionFacts(args.shownQuestions ?? s.questions, byQuestion, "prospect");
    const done = await completeResponse(trx, {
      responseId: response.id,
      lastPage,
      company: facts.company,
      person: {
        ...facts.contact,
        source: response.source,
        utmSource: response.utm_source,
        utmCampaign: response.utm_campaign,
        rep: response.rep,
      },
      // Double opt-in: a summary or nurture opt-in from the form waits for its confirmation link.
      consents: facts.consents.map((c) => ({ ...c, pending: needsConfirmation(c.purpose, c.status, args.origin ?? "web") })),
      now,
    });
    if (!done) return { outcome: "complete", token, responseId: response.id, changed: false, personId: response.person_id };
    await requestConfirmation(
      trx,
      { responseId: response.id, personId: done.personId, email: facts.contact.email, surveyId: s.survey.id },
      new Date(now),
    );
    // The completion that fills the response cap ends the study: its summary is queued with it (ADR 0702).
    if (s.survey.max_responses !== null) await queueSummaryIfEnded(trx, s.survey.id, new Date(now));
    // Scoring (and maybe an automatic analysis run) is a job committed with the completion itself.
    const web = (args.origin ?? "web") === "web";
    await afterCompletion(trx, {
      personId: done.personId,
      surveyId: s.survey.id,
      autoRun: web,
      ...(web ? { responseId: response.id } : {}),
    });
    return { outcome: "complete", token, responseId: response.id, changed: true, personId: done.personId };
  }).then((outcome) => {
    if (outcome.outcome === "complete" && outcome.changed) completionCommitted(db);
    return outcome;
  });
}

/**
 * Where the prospect goes after a page is saved. Without display logic: the neighbouring pages.
 * With it: the nearest pages that still have a shown question, and every stored answer to a
 * question that the answers now hide is deleted (a changed earlier answer must not leave answers
 * of a branch the prospect no longer takes counted in analysis).
 */
async function routeAfterSave(
  trx: Kysely<Database>,
  s: AnsweringSurvey,
  responseId: number,
  pageIndex: number,
  now: string,
): Promise<{ next: number | null; previous: number }> {
  if (!hasLogic(s.questions)) return { next: pageIndex < s.pages.length ? pageIndex + 1 : null, previous: Math.max(1, pageIndex - 1) };
  const stored = await listResponseAnswers(trx, responseId);
  const visible = visibleQuestionIds(s.questions, new Map(stored.map((a) => [a.question_id, storedAnswerValue(a)])));
  const stale = stored.filter((a) => !visible.has(a.question_id)).map((a) => a.question_id);
  if (stale.length) await saveAnswers(trx, { responseId, answers: [], clear: stale, now });
  const pages = visiblePageIndexes(s.questions, s.pages, visible);
  return { next: nextPageIndex(pages, pageIndex), previous: previousPageIndex(pages, pageIndex) };
}

/* The answering cookie: remembers this browser's idempotency key for one survey, so pressing Back
   to the first page (which re-runs the loader) offers the same key and finds the same response. */

const COOKIE_PREFIX = "pm_s";
const COOKIE_MAX_AGE = 60 * 60 * 24 * 30;
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,100}$/;

export function readAnsweringKey(request: Request, surveyId: number): string | undefined {
  const value = readCookie(request, `${COOKIE_PREFIX}${surveyId}`);
  return value && KEY_PATTERN.test(value) ? value : undefined;
}

export function answeringCookie(surveyId: number, slug: string, idempotencyKey: string, secure: boolean): string {
  const attributes = [
    `${COOKIE_PREFIX}${surveyId}=${idempotencyKey}`,
    `Path=/s/${slug}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${COOKIE_MAX_AGE}`,
  ];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}
