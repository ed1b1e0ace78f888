import type { Kysely } from "kysely";
import { createRng } from "../../analysis/random.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { findUserByEmail } from "../../db/queries/users.js";
import type { Database } from "../../db/schema.js";
import { flushCompletions } from "../prospects/after-completion.server.js";
import { loadAnsweringSurvey, pageQuestions, personSource, submitPage } from "../surveys/submission.server.js";
import { parsePageAnswers, type FormValues } from "../surveys/answer-schema.js";
import {
  DEFAULT_TEMPLATE_VARS,
  MARKET_VALIDATION_TEMPLATE,
  MARKET_VALIDATION_TITLE,
  marketValidationIntro,
  marketValidationQuestions,
} from "../surveys/template.js";
import { newSurveySlug } from "../utils/slug.server.js";
import { DAY, makeProspect } from "./demo-prospect.js";

/**
 * Demo data: one open "Market validation study" with about 80 responses written by a seeded
 * generator through the public form's own path (answer schema -> submitPage -> db/queries/responses),
 * with timestamps spread over the last 90 days; plus one draft survey for the builder.
 * Same seed, same answers.
 */

const SEED = 20261101;
const RESPONSES = 80;

export async function seedDemoData(db: Kysely<Database>, options: { now?: number; responses?: number } = {}): Promise<string | null> {
  const existing = await db.selectFrom("surveys").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const now = options.now ?? Date.now();
  const marketer = await findUserByEmail(db, "marketer@painmap.test");
  const createdBy = marketer?.id ?? (await findUserByEmail(db, "admin@painmap.test"))?.id ?? null;

  const vars = DEFAULT_TEMPLATE_VARS;
  const slug = newSurveySlug();
  const surveyId = await createSurvey(
    db,
    {
      slug,
      title: MARKET_VALIDATION_TITLE,
      intro: marketValidationIntro(vars),
      template: MARKET_VALIDATION_TEMPLATE,
      templateVars: { ...vars },
      status: "open",
      createdBy,
    },
    marketValidationQuestions(vars),
  );
  const opened = new Date(now - 92 * DAY).toISOString();
  await db
    .updateTable("surveys")
    .set({ created_at: opened, updated_at: opened, published_at: opened })
    .where("id", "=", surveyId)
    .execute();

  await createSurvey(
    db,
    {
      slug: newSurveySlug(),
      title: "Customer onboarding pain check",
      intro: "A short follow-up for new customers about their first 90 days.",
      template: null,
      status: "draft",
      createdBy,
    },
    [
      { page: 1, kind: "long_text", role: "pain_story", required: true, prompt: "What was the hardest part of getting started with us?" },
      {
        page: 1,
        kind: "scale_0_10",
        role: "pain_severity",
        prompt: "How painful was onboarding overall?",
        helpText: "0 = painless, 10 = very painful.",
      },
      { page: 2, kind: "consent", role: "consent_contact", prompt: "Send me the study summary when it is ready." },
      { page: 2, kind: "email", role: "contact_email", prompt: "Work email (optional)" },
    ],
  );

  const survey = await loadAnsweringSurvey(db, slug);
  if (!survey) throw new Error("demo survey vanished");
  const rng = createRng(SEED);
  const consentRng = createRng(SEED + 17);
  const total = options.responses ?? RESPONSES;
  let complete = 0;
  const sources = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const prospect = makeProspect(rng, now, consentRng);
    let at = prospect.startedAt.getTime();
    const idempotencyKey = `demo-${String(i + 1).padStart(4, "0")}-${SEED}`;
    let token: string | undefined;
    const lastPage = prospect.stopAfter ?? survey.pages.length;
    for (let page = 1; page <= lastPage; page++) {
      const questions = pageQuestions(survey, page);
      const form: FormValues = {};
      for (const q of questions) Object.assign(form, prospect.formByRole(q));
      const parsed = parsePageAnswers(questions, form);
      if (!parsed.success) throw new Error(`demo answer ${i + 1} page ${page} is invalid: ${JSON.stringify(parsed.errors)}`);
      const outcome = await submitPage(db, {
        survey,
        pageIndex: page,
        answers: parsed.data,
        identity: token ? { kind: "token", token } : { kind: "key", idempotencyKey, attribution: prospect.attribution },
        origin: "demo",
        now: new Date(at).toISOString(),
      });
      if (outcome.outcome === "bad_link") throw new Error("demo resume token refused");
      if ("token" in outcome) token = outcome.token;
      if (outcome.outcome === "complete") complete++;
      at += (40 + rng.int(200)) * 1000;
    }
    const source = personSource(prospect.attribution);
    sources.set(source, (sources.get(source) ?? 0) + 1);
  }
  // The completion path queued each person's readiness score; do it now so the demo is ready.
  await flushCompletions(db);
  const bySource = [...sources.entries()]
    .sort()
    .map(([s, n]) => `${n} ${s}`)
    .join(", ");
  return `"${MARKET_VALIDATION_TITLE}" (open, /s/${slug}) with ${total} responses (${complete} complete, ${total - complete} partial; ${bySource}) and one draft survey`;
}
