import { siteCountOf } from "../../app/prospects/site-count.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { createSurvey } from "../../db/queries/surveys.js";
import { seedDemoUsers } from "../../app/demo/users.server.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";

process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
const { loadAnsweringSurvey, pageQuestions, resumeTokenFor, resumeTokenHash, submitPage, surveyAvailability } =
  await import("../../app/surveys/submission.server.js");
const { parseDraftAnswers, parsePageAnswers, OTHER_VALUE } = await import("../../app/surveys/answer-schema.js");
const { seedDemoData } = await import("../../app/demo/seed.server.js");
const { flushCompletions } = await import("../../app/prospects/after-completion.server.js");
type Survey = NonNullable<Awaited<ReturnType<typeof loadAnsweringSurvey>>>;

let slugCounter = 0;

describe.each(DATABASE_KINDS)("public form write path on %s", (kind) => {
  let handle: DatabaseHandle;
  let survey: Survey;
  let other: Survey;

  async function makeSurvey(extra: { status?: "open" | "draft" | "closed"; maxResponses?: number | null; closesAt?: string | null } = {}) {
    const slug = `slug-${kind}-${++slugCounter}-abcdefghij`;
    await createSurvey(
      handle.db,
      {
        slug,
        title: "Test study",
        intro: "",
        template: null,
        status: extra.status ?? "open",
        maxResponses: extra.maxResponses ?? null,
        closesAt: extra.closesAt ?? null,
        createdBy: null,
      },
      [
        {
          page: 1,
          kind: "single_choice",
          role: "industry",
          required: true,
          prompt: "Industry?",
          options: ["Retail", "Healthcare"],
          allowOther: true,
        },
        { page: 1, kind: "single_choice", role: "site_count", prompt: "Sites?", options: ["1", "2-5", "6-20"] },
        { page: 2, kind: "long_text", role: "pain_story", required: true, prompt: "Story?" },
        { page: 2, kind: "multiple_choice", role: "trigger_events", prompt: "Events?", options: ["Outage", "Security breach"] },
        { page: 3, kind: "consent", role: "consent_contact", prompt: "Send me the study summary." },
        { page: 3, kind: "consent", role: "consent_nurture", prompt: "Send me content." },
        { page: 3, kind: "email", role: "contact_email", prompt: "Email" },
        { page: 3, kind: "short_text", role: "company_name", prompt: "Company" },
      ],
    );
    return slug;
  }

  function answers(s: Survey, page: number, form: Record<string, string | string[]>) {
    const qs = pageQuestions(s, page);
    const values: Record<string, string | string[]> = {};
    for (const [role, value] of Object.entries(form)) {
      const q = qs.find((x) => x.role === role);
      if (!q)
        values[role] = value; // raw field name
      else values[`q_${q.id}`] = value;
    }
    const parsed = parsePageAnswers(qs, values);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
    return parsed.data;
  }

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    survey = (await loadAnsweringSurvey(handle.db, await makeSurvey()))!;
    other = (await loadAnsweringSurvey(handle.db, await makeSurvey()))!;
  });
  afterAll(async () => {
    // Completions queue a re-score; let it finish before the database goes away.
    await flushCompletions(handle.db);
    await handle?.close();
  });

  it("loads an open survey with its pages in one go; drafts and unknown slugs are alike (undefined)", async () => {
    expect(survey.pages).toEqual([1, 2, 3]);
    expect(survey.questions).toHaveLength(8);
    expect(await loadAnsweringSurvey(handle.db, await makeSurvey({ status: "draft" }))).toBeUndefined();
    expect(await loadAnsweringSurvey(handle.db, "no-such-survey")).toBeUndefined();
    expect(await surveyAvailability(handle.db, survey)).toBe("open");
    const closed = (await loadAnsweringSurvey(handle.db, await makeSurvey({ status: "closed" })))!;
    expect(await surveyAvailability(handle.db, closed)).toBe("closed");
    const expired = (await loadAnsweringSurvey(handle.db, await makeSurvey({ closesAt: "2020-01-01T00:00:00.000Z" })))!;
    expect(await surveyAvailability(handle.db, expired)).toBe("closed");
  });

  it("starts, saves pages and completes with company, person (source from src) and consents", async () => {
    const key = `key-${kind}-complete-000001`;
    const first = await submitPage(handle.db, {
      survey,
      pageIndex: 1,
      answers: answers(survey, 1, { industry: OTHER_VALUE, [`q_${survey.questions[0].id}_other`]: "Mining", site_count: "2-5" }),
      identity: { kind: "key", idempotencyKey: key, attribution: { src: "sales", rep: "Jo", utm_source: "linkedin", utm_campaign: "c1" } },
    });
    expect(first).toMatchObject({ outcome: "saved", nextPage: 2, token: resumeTokenFor(survey.survey.id, key) });
    if (first.outcome !== "saved") throw new Error();
    const row = await handle.db.selectFrom("responses").selectAll().where("id", "=", first.responseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: "partial",
      current_page: 2,
      source: "sales",
      rep: "Jo",
      utm_source: "linkedin",
      resume_token_hash: resumeTokenHash(first.token),
    });

    const token = { kind: "token" as const, token: first.token };
    expect(
      await submitPage(handle.db, {
        survey,
        pageIndex: 2,
        answers: answers(survey, 2, { pain_story: "Ransomware hit us.", trigger_events: ["Security breach", "Outage"] }),
        identity: token,
      }),
    ).toMatchObject({ outcome: "saved", nextPage: 3 });
    const done = await submitPage(handle.db, {
      survey,
      pageIndex: 3,
      answers: answers(survey, 3, { consent_contact: "on", contact_email: "Dana@Example.com", company_name: "Acme" }),
      identity: token,
    });
    expect(done).toMatchObject({ outcome: "complete", changed: true });

    const response = await handle.db.selectFrom("responses").selectAll().where("id", "=", first.responseId).executeTakeFirstOrThrow();
    expect(response.status).toBe("complete");
    expect(response.completed_at).not.toBeNull();
    const person = await handle.db.selectFrom("people").selectAll().where("id", "=", response.person_id!).executeTakeFirstOrThrow();
    expect(person).toMatchObject({ email: "dana@example.com", source: "sales", rep: "Jo", utm_source: "linkedin", utm_campaign: "c1" });
    const company = await handle.db.selectFrom("companies").selectAll().where("id", "=", person.company_id!).executeTakeFirstOrThrow();
    expect(company).toMatchObject({ name: "Acme", industry: "Other: Mining", site_count: 2 }); // the smallest count "2-5" allows (was 5, see siteCountOf)
    const consents = await handle.db.selectFrom("consents").selectAll().where("person_id", "=", person.id).orderBy("purpose").execute();
    expect(consents.map((c) => [c.purpose, c.status, c.actor, c.wording])).toEqual([
      ["educational_content", "opted_out", "prospect", "Send me content."],
      ["study_summary", "opted_in", "prospect", "Send me the study summary."],
    ]);
    expect(consents[0].wording_version).toBeTruthy();
    const stored = await handle.db.selectFrom("answers").selectAll().where("response_id", "=", first.responseId).execute();
    expect(stored).toHaveLength(8); // every question of the three pages was answered (consents as 0/1)
    const triggers = stored.find((a) => a.question_id === survey.questions[3].id)!;
    expect(JSON.parse(triggers.value_json!)).toEqual(["Security breach", "Outage"]);

    // Posting a page of a complete response changes nothing.
    const again = await submitPage(handle.db, {
      survey,
      pageIndex: 2,
      answers: answers(survey, 2, { pain_story: "Changed my mind" }),
      identity: token,
    });
    expect(again).toMatchObject({ outcome: "complete", changed: false });
    const story = await handle.db
      .selectFrom("answers")
      .select("value_text")
      .where("response_id", "=", first.responseId)
      .where("question_id", "=", survey.questions[2].id)
      .executeTakeFirstOrThrow();
    expect(story.value_text).toBe("Ransomware hit us.");
    expect(await handle.db.selectFrom("people").select("id").execute()).toHaveLength(1);
  });

  it("going back from a half-answered page keeps what was typed, moves no progress and completes nothing", async () => {
    const key = `key-${kind}-back-00000001`;
    const first = await submitPage(handle.db, {
      survey,
      pageIndex: 1,
      answers: answers(survey, 1, { industry: "Retail" }),
      identity: { kind: "key", idempotencyKey: key, attribution: {} },
    });
    if (first.outcome !== "saved") throw new Error("expected saved");
    const token = { kind: "token" as const, token: first.token };
    await submitPage(handle.db, {
      survey,
      pageIndex: 2,
      answers: answers(survey, 2, { pain_story: "Our backups failed twice." }),
      identity: token,
    });

    // On page 3 the prospect typed a company name, left the required-looking email empty, and went back.
    const page3 = pageQuestions(survey, 3);
    const email = page3.find((q) => q.role === "contact_email")!;
    const company = page3.find((q) => q.role === "company_name")!;
    const back = await submitPage(handle.db, {
      survey,
      pageIndex: 3,
      answers: parseDraftAnswers(page3, { [`q_${company.id}`]: "Globex", [`q_${email.id}`]: "not-an-email-yet" }),
      identity: token,
      direction: "back",
    });
    expect(back).toMatchObject({ outcome: "saved", nextPage: 2, responseId: first.responseId });
    const row = await handle.db.selectFrom("responses").selectAll().where("id", "=", first.responseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "partial", current_page: 3 });
    const stored = await handle.db
      .selectFrom("answers")
      .select(["question_id", "value_text"])
      .where("response_id", "=", first.responseId)
      .execute();
    expect(stored.find((a) => a.question_id === company.id)?.value_text).toBe("Globex");
    expect(stored.find((a) => a.question_id === email.id)).toBeUndefined();

    // Back from page 2 with the story erased clears it; back from page 1 stays on page 1.
    const page2 = pageQuestions(survey, 2);
    const story = page2.find((q) => q.role === "pain_story")!;
    expect(
      await submitPage(handle.db, {
        survey,
        pageIndex: 2,
        answers: parseDraftAnswers(page2, { [`q_${story.id}`]: "  " }),
        identity: token,
        direction: "back",
      }),
    ).toMatchObject({ outcome: "saved", nextPage: 1 });
    expect(
      await handle.db
        .selectFrom("answers")
        .select("id")
        .where("response_id", "=", first.responseId)
        .where("question_id", "=", story.id)
        .execute(),
    ).toEqual([]);
    expect(await submitPage(handle.db, { survey, pageIndex: 1, answers: [], identity: token, direction: "back" })).toMatchObject({
      outcome: "saved",
      nextPage: 1,
    });
  });

  it("a retried first page finds the same response: same id, same link, one row, answers replaced", async () => {
    const key = `key-${kind}-retry-0000001`;
    const identity = { kind: "key" as const, idempotencyKey: key, attribution: { utm_source: "google" } };
    const a = await submitPage(handle.db, { survey, pageIndex: 1, answers: answers(survey, 1, { industry: "Retail" }), identity });
    const b = await submitPage(handle.db, {
      survey,
      pageIndex: 1,
      answers: answers(survey, 1, { industry: "Healthcare", site_count: "1" }),
      identity,
    });
    if (a.outcome !== "saved" || b.outcome !== "saved") throw new Error("expected saved");
    expect(b.responseId).toBe(a.responseId);
    expect(b.token).toBe(a.token);
    const rows = await handle.db.selectFrom("responses").selectAll().where("idempotency_key", "=", key).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].source).toBe("marketing");
    const stored = await handle.db
      .selectFrom("answers")
      .select(["question_id", "value_text"])
      .where("response_id", "=", a.responseId)
      .orderBy("question_id")
      .execute();
    expect(stored.map((s) => s.value_text)).toEqual(["Healthcare", "1"]);
    // Concurrent double submit: still one response.
    const key2 = `key-${kind}-race-00000001`;
    const both = await Promise.all(
      [1, 2].map(() =>
        submitPage(handle.db, {
          survey,
          pageIndex: 1,
          answers: answers(survey, 1, { industry: "Retail" }),
          identity: { kind: "key", idempotencyKey: key2, attribution: {} },
        }),
      ),
    );
    expect(new Set(both.map((o) => (o.outcome === "saved" ? o.responseId : -1))).size).toBe(1);
    expect(await handle.db.selectFrom("responses").select("id").where("idempotency_key", "=", key2).execute()).toHaveLength(1);
  });

  it("another survey's question ids change nothing; a page ahead of the resume point is not saved; a bad token is refused", async () => {
    const first = await submitPage(handle.db, {
      survey,
      pageIndex: 1,
      answers: answers(survey, 1, { industry: "Retail" }),
      identity: { kind: "key", idempotencyKey: `key-${kind}-foreign-00001`, attribution: {} },
    });
    if (first.outcome !== "saved") throw new Error();
    // Another survey's question posted on this survey's page 2 is not part of that page: the parse ignores it.
    const foreign = other.questions.find((q) => q.role === "pain_story")!;
    const parsed = parsePageAnswers(pageQuestions(survey, 2), { [`q_${foreign.id}`]: "sneaky", [`q_${survey.questions[2].id}`]: "mine" });
    if (!parsed.success) throw new Error();
    expect(parsed.data.map((a) => a.questionId)).not.toContain(foreign.id);
    // Page 3 before page 2 has been saved: sent back to page 2, nothing stored.
    const ahead = await submitPage(handle.db, {
      survey,
      pageIndex: 3,
      answers: answers(survey, 3, { consent_contact: "on", contact_email: "ahead@example.com" }),
      identity: { kind: "token", token: first.token },
    });
    expect(ahead).toMatchObject({ outcome: "ahead", currentPage: 2 });
    const stored = await handle.db.selectFrom("answers").select("question_id").where("response_id", "=", first.responseId).execute();
    expect(stored.map((s) => s.question_id)).toEqual([survey.questions[0].id]);
    // A token of this survey does not open a response of another survey.
    expect(
      await submitPage(handle.db, { survey: other, pageIndex: 1, answers: [], identity: { kind: "token", token: first.token } }),
    ).toEqual({ outcome: "bad_link" });
    expect(await submitPage(handle.db, { survey, pageIndex: 1, answers: [], identity: { kind: "token", token: "x".repeat(43) } })).toEqual({
      outcome: "bad_link",
    });
  });

  it("a full survey says so once complete responses reach max_responses", async () => {
    const s = (await loadAnsweringSurvey(handle.db, await makeSurvey({ maxResponses: 1 })))!;
    expect(await surveyAvailability(handle.db, s)).toBe("open");
    let token = "";
    for (const page of [1, 2, 3]) {
      const form: Record<string, string> = page === 1 ? { industry: "Retail" } : page === 2 ? { pain_story: "x" } : {};
      const out = await submitPage(handle.db, {
        survey: s,
        pageIndex: page,
        answers: answers(s, page, form),
        identity: token ? { kind: "token", token } : { kind: "key", idempotencyKey: `key-${kind}-full-000000001`, attribution: {} },
      });
      if ("token" in out) token = out.token;
    }
    expect(await surveyAvailability(handle.db, s)).toBe("full");
  });

  // Was the band's upper bound (2-5 -> 5) while the gate read the lower one: one rule now (issue 15).
  it("maps site-count bands to the smallest count they allow", () => {
    expect([
      siteCountOf("1"),
      siteCountOf("2-5"),
      siteCountOf("21-100"),
      siteCountOf("More than 100"),
      siteCountOf(null),
      siteCountOf("many"),
    ]).toEqual([1, 2, 21, 101, null, null]);
  });
});

describe.each(DATABASE_KINDS)("demo data on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
    await seedDemoUsers(handle.db);
  });
  afterAll(async () => {
    // Completions queue a re-score; let it finish before the database goes away.
    await flushCompletions(handle.db);
    await handle?.close();
  });

  it("creates an open study with ~80 varied responses and a draft, once", async () => {
    const summary = await seedDemoData(handle.db, { now: Date.parse("2026-11-15T12:00:00Z") });
    expect(summary).toMatch(/80 responses/);
    const surveys = await handle.db.selectFrom("surveys").select(["id", "status"]).orderBy("id").execute();
    expect(surveys.map((s) => s.status)).toEqual(["open", "draft"]);
    const responses = await handle.db.selectFrom("responses").selectAll().where("survey_id", "=", surveys[0].id).execute();
    expect(responses).toHaveLength(80);
    const partial = responses.filter((r) => r.status === "partial").length;
    expect(partial).toBeGreaterThanOrEqual(5);
    expect(partial).toBeLessThanOrEqual(20);
    expect(new Set(responses.map((r) => r.source))).toEqual(new Set(["marketing", "sales", "partner"]));
    expect(responses.every((r) => r.origin === "demo")).toBe(true);
    const starts = responses.map((r) => Date.parse(r.started_at));
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(60 * 24 * 3600 * 1000);
    const people = await handle.db.selectFrom("people").selectAll().execute();
    expect(people).toHaveLength(80 - partial);
    const consents = await handle.db.selectFrom("consents").select(["status"]).execute();
    expect(new Set(consents.map((c) => c.status))).toEqual(new Set(["opted_in", "opted_out"]));
    const stories = await handle.db
      .selectFrom("answers")
      .innerJoin("questions", "questions.id", "answers.question_id")
      .select("answers.value_text")
      .where("questions.role", "=", "pain_story")
      .execute();
    expect(new Set(stories.map((s) => s.value_text)).size).toBeGreaterThan(70);
    const text = stories
      .map((s) => s.value_text)
      .join(" ")
      .toLowerCase();
    for (const word of ["ransomware", "outage", "audit", "alerts", "on-call", "renewal"]) expect(text).toContain(word);
    expect(await seedDemoData(handle.db)).toBeNull();
  });
});
