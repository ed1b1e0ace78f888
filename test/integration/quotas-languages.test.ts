import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { loadAnsweringSurvey, pageQuestions, submitPage } = await import("../../app/surveys/submission.server.js");
const { parsePageAnswers } = await import("../../app/surveys/answer-schema.js");
const { flushCompletions } = await import("../../app/prospects/after-completion.server.js");
const { saveQuota, quotasPage, removeQuota } = await import("../../app/surveys/quotas/quotas.server.js");
const { writeTranslation, loadSource } = await import("../../app/surveys/i18n/translations.server.js");
const { parseTranslation } = await import("../../app/surveys/i18n/translation.js");
type Survey = NonNullable<Awaited<ReturnType<typeof loadAnsweringSurvey>>>;

let counter = 0;

describe.each(DATABASE_KINDS)("quotas and languages on %s", (kind) => {
  let handle: DatabaseHandle;

  async function makeSurvey(maxResponses: number | null = null) {
    const slug = `quota-${kind}-${++counter}-abcdefghij`;
    const id = await createSurvey(
      handle.db,
      { slug, title: "Quota study", intro: "Thanks for helping.", template: null, status: "open", maxResponses, createdBy: null },
      [
        { page: 1, kind: "single_choice", role: "industry", required: true, prompt: "Industry?", options: ["Retail", "Healthcare"] },
        { page: 1, kind: "multiple_choice", role: "trigger_events", prompt: "Events?", options: ["Outage", "Audit"] },
        { page: 2, kind: "long_text", role: "pain_story", required: true, prompt: "Story?", helpText: "In your words." },
      ],
    );
    return { id, slug };
  }
  const load = async (slug: string) => (await loadAnsweringSurvey(handle.db, slug))!;

  function page(s: Survey, index: number, byRole: Record<string, string>) {
    const values: Record<string, string> = {};
    for (const q of pageQuestions(s, index)) if (q.role && byRole[q.role]) values[`q_${q.id}`] = byRole[q.role]!;
    const parsed = parsePageAnswers(pageQuestions(s, index), values);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  }

  /** n prospects past page 1 with this industry; returns their resume tokens. */
  async function startMany(s: Survey, n: number, industry: string, tag: string) {
    const tokens: string[] = [];
    for (let i = 0; i < n; i++) {
      const out = await submitPage(handle.db, {
        survey: s,
        pageIndex: 1,
        answers: page(s, 1, { industry }),
        identity: { kind: "key", idempotencyKey: `k-${kind}-${tag}-${i}-000000000000`, attribution: {} },
      });
      expect(out.outcome).toBe("saved");
      tokens.push((out as { token: string }).token);
    }
    return tokens;
  }

  const finishAll = (s: Survey, tokens: string[]) =>
    Promise.all(
      tokens.map((token) =>
        submitPage(handle.db, {
          survey: s,
          pageIndex: 2,
          answers: page(s, 2, { pain_story: "Too slow." }),
          identity: { kind: "token", token },
        }),
      ),
    );

  async function completeIn(surveyId: number) {
    const rows = await handle.db
      .selectFrom("responses")
      .select("id")
      .where("survey_id", "=", surveyId)
      .where("status", "=", "complete")
      .execute();
    return rows.length;
  }

  beforeAll(async () => {
    handle = await freshDatabase(kind);
  });
  afterAll(async () => {
    await flushCompletions(handle.db);
    await handle?.close();
  });

  it("refuses a quota of 0 or below, on an option the question does not have, or on a question that is not a choice", async () => {
    const { id } = await makeSurvey();
    const s = await loadSource(handle.db, id);
    const [industry, events, story] = s!.source.questions;
    const { QuotaFormSchema } = await import("../../app/surveys/quotas/rules.js");
    for (const bad of ["0", "-5"]) {
      const parsed = QuotaFormSchema.safeParse({ segment: `${events!.id}|Audit`, maxComplete: bad });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(["maxComplete"]);
      expect(parsed.error!.issues[0]!.message).toMatch(/at least 1/);
    }
    expect(await saveQuota(handle.db, id, { questionId: industry!.id, option: "Mining", maxComplete: 5 })).toMatchObject({
      ok: false,
      errors: { segment: [expect.stringContaining("Mining")] },
    });
    expect(await saveQuota(handle.db, id, { questionId: events!.id, option: "Breach", maxComplete: 5 })).toEqual({
      ok: false,
      errors: { segment: ["“Breach” is not an answer of “Events?”."] },
    });
    expect(await saveQuota(handle.db, id, { questionId: story!.id, option: "Too slow.", maxComplete: 5 })).toMatchObject({
      ok: false,
      errors: { segment: [expect.stringContaining("single- and multiple-choice")] },
    });
    expect((await quotasPage(handle.db, id))!.quotas).toEqual([]);
    expect(await saveQuota(handle.db, id, { questionId: events!.id, option: "Audit", maxComplete: 5 })).toEqual({ ok: true });
    expect((await quotasPage(handle.db, id))!.quotas).toEqual([
      expect.objectContaining({ prompt: "Events?", option: "Audit", complete: 0 }),
    ]);
  });

  it("holds a quota on a multiple-choice option under concurrent completions, counting exactly who ticked it", async () => {
    const slug = `quota-multi-${kind}-${++counter}-abcdefghij`;
    const id = await createSurvey(handle.db, { slug, title: "CRM study", intro: "", template: null, status: "open", createdBy: null }, [
      {
        page: 1,
        kind: "multiple_choice",
        role: "current_tools",
        required: true,
        prompt: "Which tools do you use?",
        options: ["Salesforce", "Sales", "SALESFORCE classic", "50%_off"],
        allowOther: true,
      },
      { page: 2, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" },
    ]);
    const s0 = await load(slug);
    const tools = s0.questions[0]!;
    expect(await saveQuota(handle.db, id, { questionId: tools.id, option: "Salesforce", maxComplete: 3 })).toEqual({ ok: true });
    expect(await saveQuota(handle.db, id, { questionId: tools.id, option: "50%_off", maxComplete: 1 })).toEqual({ ok: true });
    const s = await load(slug);
    expect(s.quotas).toHaveLength(2);

    const start = async (choices: string[], other: string, tag: string, n: number) => {
      const tokens: string[] = [];
      for (let i = 0; i < n; i++) {
        const parsed = parsePageAnswers(pageQuestions(s, 1), { [`q_${tools.id}`]: choices, [`q_${tools.id}_other`]: other });
        if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
        const out = await submitPage(handle.db, {
          survey: s,
          pageIndex: 1,
          answers: parsed.data,
          identity: { kind: "key", idempotencyKey: `m-${kind}-${tag}-${i}-000000000000`, attribution: {} },
        });
        expect(out.outcome).toBe("saved");
        tokens.push((out as { token: string }).token);
      }
      return tokens;
    };
    const inSegment = [...(await start(["Salesforce", "Sales"], "", "both", 6)), ...(await start(["Salesforce"], "", "sf", 4))];
    // Not in the segment: a similar option, another case, "Other" text that quotes it, the other quota's option.
    const outside = [
      ...(await start(["Sales"], "", "sales", 3)),
      ...(await start(["SALESFORCE classic"], "", "classic", 2)),
      ...(await start(["__other__"], '"Salesforce"', "other", 2)),
    ];
    const outcomes = await finishAll(s, [...inSegment, ...outside]);
    expect(outcomes.slice(0, 10).filter((o) => o.outcome === "complete")).toHaveLength(3);
    expect(outcomes.slice(0, 10).filter((o) => o.outcome === "quota_full")).toHaveLength(7);
    expect(outcomes.slice(10).map((o) => o.outcome)).toEqual(Array(7).fill("complete"));
    expect(await completeIn(id)).toBe(10);
    expect((await quotasPage(handle.db, id))!.quotas).toEqual([
      expect.objectContaining({ option: "Salesforce", complete: 3, full: true }),
      expect.objectContaining({ option: "50%_off", complete: 0, full: false }),
    ]);

    // The LIKE wildcards in an option are literal: "50%_off" fills its own quota of 1, and only it.
    const [first, second] = await start(["50%_off", "Sales"], "", "wild", 2);
    expect((await finishAll(s, [first!]))[0]!.outcome).toBe("complete");
    expect((await finishAll(s, [second!]))[0]).toMatchObject({ outcome: "quota_full", quota: { option: "50%_off" } });
    // A newcomer ticking the full option among others hears it on the page where they ticked it.
    const parsed = parsePageAnswers(pageQuestions(s, 1), { [`q_${tools.id}`]: ["Sales", "Salesforce"] });
    const late = await submitPage(handle.db, {
      survey: s,
      pageIndex: 1,
      answers: parsed.success ? parsed.data : [],
      identity: { kind: "key", idempotencyKey: `m-${kind}-late-000000000000`, attribution: {} },
    });
    expect(late).toMatchObject({ outcome: "quota_full", quota: { option: "Salesforce" } });
  });

  it("never lets more than the quota complete under concurrent completions; the others are told their segment is full", async () => {
    const { id, slug } = await makeSurvey();
    const industry = (await load(slug)).questions.find((q) => q.role === "industry")!;
    expect(await saveQuota(handle.db, id, { questionId: industry.id, option: "Healthcare", maxComplete: 3 })).toEqual({ ok: true });
    const s = await load(slug); // the quota write refreshed the cached survey
    expect(s.quotas).toEqual([expect.objectContaining({ option: "Healthcare", maxComplete: 3 })]);

    const healthcare = await startMany(s, 10, "Healthcare", "hc");
    const retail = await startMany(s, 4, "Retail", "rt");
    const outcomes = await finishAll(s, [...healthcare, ...retail]);
    const done = outcomes.filter((o) => o.outcome === "complete").length;
    expect(done).toBe(3 + 4);
    expect(outcomes.slice(0, 10).filter((o) => o.outcome === "quota_full")).toHaveLength(7);
    expect(await completeIn(id)).toBe(7);
    const shown = (await quotasPage(handle.db, id))!.quotas[0]!;
    expect(shown).toMatchObject({ complete: 3, full: true, remaining: 0 });

    // A newcomer choosing the full segment hears it on the page where they chose it; answers kept.
    const late = await submitPage(handle.db, {
      survey: s,
      pageIndex: 1,
      answers: page(s, 1, { industry: "Healthcare" }),
      identity: { kind: "key", idempotencyKey: `k-${kind}-late-0000000000000`, attribution: {} },
    });
    expect(late).toMatchObject({ outcome: "quota_full", quota: { option: "Healthcare" } });
    const kept = await handle.db
      .selectFrom("answers")
      .select("value_text")
      .where("response_id", "=", (late as { responseId: number }).responseId)
      .execute();
    expect(kept.map((a) => a.value_text)).toEqual(["Healthcare"]);

    // Raising the quota reopens the segment.
    await saveQuota(handle.db, id, { questionId: industry.id, option: "Healthcare", maxComplete: 4 });
    const again = await finishAll(await load(slug), [healthcare[3]!]);
    expect(again[0]!.outcome).toBe("complete");
    await removeQuota(handle.db, id, shown.id);
    expect((await load(slug)).quotas).toEqual([]);
  });

  it("holds the response cap under concurrent completions", async () => {
    const { id, slug } = await makeSurvey(4);
    const s = await load(slug);
    const tokens = await startMany(s, 10, "Retail", "cap");
    const outcomes = await finishAll(s, tokens);
    expect(outcomes.filter((o) => o.outcome === "complete")).toHaveLength(4);
    expect(outcomes.filter((o) => o.outcome === "full")).toHaveLength(6);
    expect(await completeIn(id)).toBe(4);
  });

  it("keeps the language a prospect answered in on the response, and a saved translation reaches the public form", async () => {
    const { id, slug } = await makeSurvey();
    const { source } = (await loadSource(handle.db, id))!;
    const input: Record<string, string> = { title: "Estudio", intro: "Gracias por ayudar." };
    const [q1, q2, q3] = source.questions;
    Object.assign(input, {
      [`q_${q1!.id}_prompt`]: "¿Sector?",
      [`q_${q1!.id}_option_1`]: "Comercio",
      [`q_${q1!.id}_option_2`]: "Sanidad",
      [`q_${q2!.id}_prompt`]: "¿Eventos?",
      [`q_${q2!.id}_option_1`]: "Caída",
      [`q_${q2!.id}_option_2`]: "Auditoría",
      [`q_${q3!.id}_prompt`]: "¿Historia?",
      [`q_${q3!.id}_help`]: "Con tus palabras.",
    });
    const parsed = parseTranslation(source, input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    expect((await load(slug)).translations?.size).toBe(0);
    await writeTranslation(handle.db, id, "es", parsed.data);
    const s = await load(slug);
    expect(s.translations?.get("es")?.questions[String(q1!.id)]?.options).toEqual(["Comercio", "Sanidad"]);

    const first = await submitPage(handle.db, {
      survey: s,
      pageIndex: 1,
      answers: page(s, 1, { industry: "Healthcare" }),
      identity: { kind: "key", idempotencyKey: `k-${kind}-lang-0000000000000`, attribution: {} },
      language: "es",
    });
    const token = (first as { token: string }).token;
    const done = await submitPage(handle.db, {
      survey: s,
      pageIndex: 2,
      answers: page(s, 2, { pain_story: "Demasiado lento." }),
      identity: { kind: "token", token },
      language: "es",
    });
    expect(done.outcome).toBe("complete");
    const row = await handle.db
      .selectFrom("responses")
      .select(["language", "status"])
      .where("id", "=", (done as { responseId: number }).responseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ language: "es", status: "complete" });
    // The answer keeps the survey's own option (analysis and quotas never see a translated value).
    const answer = await handle.db
      .selectFrom("answers")
      .select("value_text")
      .where("response_id", "=", (done as { responseId: number }).responseId)
      .where("question_id", "=", q1!.id)
      .executeTakeFirstOrThrow();
    expect(answer.value_text).toBe("Healthcare");
  });
});
