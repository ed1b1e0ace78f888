import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client.js";
import { generateApiKey, insertApiKey } from "../../db/queries/api-keys.js";
import { loadQuotes } from "../../db/queries/board.js";
import { recordUnsubscribe } from "../../db/queries/consents.js";
import { exportBatches, exportPlan } from "../../db/queries/response-export.js";
import { getResponseDetail, listResponses } from "../../db/queries/response-listing.js";
import type { ConsentPurpose } from "../../db/schema.js";
import { attributeQuotes, memberCompanies, triggersView } from "../../app/board/board-view.server.js";
import { messagingCsvRows } from "../../app/board/messaging.js";
import { consentKind, type ConsentKind } from "../../app/consent/consent-rule.js";
import { consentStates } from "../../app/consent/consent-states.server.js";
import { exportRedaction, redactDetail, redactListing } from "../../app/consent/redact.server.js";
import { crmCsv } from "../../app/prospects/crm-csv.js";
import { nurtureList, prospectViews, readyNowForCrm } from "../../app/prospects/prospect-views.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { prospectsApi } from "../../app/routes/api.prospects/prospects-api.server.js";
import { importRows, readImportCsv, checkMapping, validateRows } from "../../app/surveys/import.server.js";
import { publicQuestions } from "../../app/surveys/submission.server.js";
import { toCsv } from "../../app/utils/csv.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, NURTURE_ANSWERS, READY_ANSWERS } from "./prospects-fixtures.js";

/**
 * Issue 17 on both databases: one email is one person, a re-import writes nothing, and the consent
 * walk: a ready-now person of each consent state on every surface that shows people.
 */
const KINDS: ConsentKind[] = ["contact", "summary_only", "nurture_only", "none", "unsubscribed"];

describe.each(DATABASE_KINDS)("one truth on %s", (kind) => {
  let handle: DatabaseHandle;
  let survey: Awaited<ReturnType<typeof makeSurvey>>;
  const people = new Map<ConsentKind, { id: number; name: string; email: string; company: string }>();

  async function consent(personId: number, purpose: ConsentPurpose) {
    const now = new Date().toISOString();
    await handle.db
      .insertInto("consents")
      .values({
        person_id: personId,
        response_id: null,
        purpose,
        status: "opted_in",
        wording: "w",
        wording_version: "v",
        actor: "prospect",
        captured_at: now,
        withdrawn_at: null,
      })
      .execute();
  }

  beforeAll(async () => {
    handle = await freshDatabase(kind);
    survey = await makeSurvey(handle.db, `walk-${kind}`);
    for (const k of KINDS) {
      const name = `Walk ${k.replace("_", " ")}`;
      const email = `${k}@walk.example`;
      const nurtureState = k === "nurture_only";
      const id = await addPerson(handle.db, survey, {
        name,
        email,
        answers: k === "nurture_only" ? NURTURE_ANSWERS : READY_ANSWERS,
        contactOptIn: k === "contact" || k === "unsubscribed",
        nurtureOptIn: nurtureState,
      });
      if (k === "summary_only") await consent(id, "study_summary");
      if (k === "unsubscribed")
        await recordUnsubscribe(handle.db, { personId: id, actor: "link", wording: "stop", now: new Date().toISOString() });
      people.set(k, { id, name, email, company: `${name} Ltd` });
    }
    await reassessAll(handle.db);
  });
  afterAll(async () => handle.close());

  const shows = (text: string, k: ConsentKind) => {
    const p = people.get(k)!;
    return { name: text.includes(p.name), email: text.includes(p.email), company: text.includes(p.company) };
  };
  /** Named on a surface exactly when they let sales contact them and did not unsubscribe. */
  function expectOnlyContactNamed(surface: string, text: string, withEmail = true) {
    for (const k of KINDS) {
      const named = k === "contact";
      const seen = shows(text, k);
      // surfaces that never carry an email (quotes, theme members, triggers) are checked for name and company
      expect({ surface, k, ...seen }).toEqual({ surface, k, name: named, email: named && withEmail, company: named });
    }
  }

  it("reads each person's consent state as the rule sees it", async () => {
    const states = await consentStates(
      handle.db,
      KINDS.map((k) => people.get(k)!.id),
    );
    expect(KINDS.map((k) => consentKind(states.get(people.get(k)!.id)!))).toEqual(KINDS);
  });

  it("walks the prospects list and page, the CRM file, the API and the nurture list", async () => {
    const list = await prospectViews(handle.db);
    expect(list.some((p) => p.personId === people.get("unsubscribed")!.id)).toBe(false);
    const listText = JSON.stringify(list);
    for (const k of KINDS) if (k !== "unsubscribed") expect(shows(listText, k).email).toBe(k === "contact");
    const pages = await prospectViews(handle.db, { personIds: KINDS.map((k) => people.get(k)!.id), includeUnsubscribed: true });
    expectOnlyContactNamed("prospect page", JSON.stringify(pages));
    const noPermission = pages.find((p) => p.personId === people.get("none")!.id)!;
    expect(noPermission.label).toMatch(/^Prospect P-\d{4}$/);
    expect(noPermission.descriptor).toContain("Decision maker");

    const crm = crmCsv(await readyNowForCrm(handle.db), "https://pm.test", "hubspot", (id) => `https://pm.test/u/${id}`);
    expectOnlyContactNamed("CRM file", crm);

    const { key, prefix, keyHash } = generateApiKey();
    await insertApiKey(handle.db, { name: "walk", prefix, keyHash, createdBy: null });
    for (const band of ["ready_now", "all"]) {
      const res = await prospectsApi(
        handle.db,
        new Request(`https://pm.test/api/prospects?band=${band}`, { headers: { Authorization: `Bearer ${key}` } }),
        "https://pm.test",
        (id) => `https://pm.test/u/${id}`,
      );
      expect(res.status).toBe(200);
      const body = await res.text();
      for (const k of KINDS) expect(shows(body, k).email, `${band} ${k}`).toBe(k === "contact");
    }
    const nurture = JSON.stringify(await nurtureList(handle.db));
    expect(shows(nurture, "nurture_only")).toEqual({ name: false, email: false, company: false });
  });

  it("walks the responses list, one response and the raw export", async () => {
    const listed = await redactListing(handle.db, await listResponses(handle.db, { surveyId: survey.id }, 1, 100));
    expectOnlyContactNamed("responses list", JSON.stringify(listed));
    const details = [];
    for (const r of listed) details.push(await redactDetail(handle.db, (await getResponseDetail(handle.db, r.id))!));
    expectOnlyContactNamed("response page", JSON.stringify(details));
    const plan = await exportPlan(handle.db, { surveyId: survey.id });
    const rows = [];
    for await (const batch of exportBatches(handle.db, { surveyId: survey.id }, plan, 2, exportRedaction(handle.db))) rows.push(...batch);
    expectOnlyContactNamed(
      "responses export",
      toCsv(
        plan.columns.map((c) => c.header),
        rows,
      ),
    );
  });

  it("walks the board's quotes, the messaging export, the theme page and the triggers view", async () => {
    const story = survey.questions.find((q) => q.role === "pain_story")!.id;
    const answers = await handle.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .select(["answers.id", "answers.response_id", "responses.person_id"])
      .where("answers.question_id", "=", story)
      .execute();
    const quotes = [
      ...(
        await loadQuotes(
          handle.db,
          answers.map((a) => a.id),
          null,
        )
      ).values(),
    ];
    await attributeQuotes(handle.db, quotes);
    expect(quotes).toHaveLength(KINDS.length);
    expectOnlyContactNamed("board quotes", JSON.stringify(quotes.map((q) => [q.attribution, q.personName, q.company])), false);
    const card = { label: "T", themeId: 1, respondents: 5, share: 1, avgSeverity: 9, impact: 9, valueProposition: null, quotes };
    expectOnlyContactNamed("messaging export", JSON.stringify(messagingCsvRows([card as never])), false);

    const companies = await memberCompanies(
      handle.db,
      KINDS.map((k) => ({ personId: people.get(k)!.id, company: people.get(k)!.company })),
    );
    const companyText = JSON.stringify(companies);
    for (const k of KINDS) expect(shows(companyText, k).company, k).toBe(k === "contact");

    for (const a of answers)
      await handle.db
        .insertInto("trigger_mentions")
        .values({
          answer_id: a.id,
          response_id: a.response_id,
          run_id: null,
          trigger_type: "outage",
          timing: "past",
          phrase: "down",
          origin: "text",
          confidence: 1,
        })
        .execute();
    expectOnlyContactNamed("triggers view", JSON.stringify(await triggersView(handle.db, null)), false);
  });

  it("one email is one person across imports; a re-import writes nothing; a malformed email is a row error", async () => {
    const questions = publicQuestions(survey.questions as never);
    const prompt = (role: string) => survey.questions.find((q) => q.role === role)! as unknown as { id: number };
    const text = [
      "story,email,company",
      "Our backups failed twice,Dana@Import.example,Import Co",
      "Audit is due in June, dana@import.example ,Import Co",
      "Nobody reads the alerts,not-an-email,Other Co",
    ].join("\n");
    const table = readImportCsv(text);
    const check = checkMapping(table.header, [`q:${prompt("pain_story").id}`, "meta:email", "meta:company"], questions);
    expect(check.errors).toEqual([]);
    const rows = validateRows(table, check, "sales");
    expect(rows.map((r) => r.errors.length)).toEqual([0, 0, 1]);
    expect(rows[2].errors.join(" ")).toContain("not a valid email address");

    const before = await handle.db
      .selectFrom("people")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const first = await importRows(handle.db, { surveyId: survey.id, questions, rows, importedBy: "t" });
    expect(first).toMatchObject({ alreadyImported: 0 });
    expect(first.ids).toHaveLength(2);
    const owners = await handle.db.selectFrom("responses").select("person_id").where("id", "in", first.ids).execute();
    expect(new Set(owners.map((o) => o.person_id)).size).toBe(1);
    const after = await handle.db
      .selectFrom("people")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    expect(await handle.db.selectFrom("people").select("email").where("email", "=", "dana@import.example").execute()).toHaveLength(1);

    const responsesBefore = await handle.db
      .selectFrom("responses")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const again = await importRows(handle.db, {
      surveyId: survey.id,
      questions,
      rows: validateRows(readImportCsv(text), check, "sales"),
      importedBy: "t",
    });
    expect(again).toEqual({ ids: [], alreadyImported: 2 });
    const responsesAfter = await handle.db
      .selectFrom("responses")
      .select(({ fn }) => fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(responsesAfter.n)).toBe(Number(responsesBefore.n));
  });
});
