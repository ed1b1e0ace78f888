import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import type { DatabaseHandle } from "../../db/client.js";

describe.each(DATABASE_KINDS)("migrations on %s", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await freshDatabase(kind);
  });
  afterAll(async () => handle.close());

  it("creates every table of the domain model", async () => {
    const tables = (await handle.db.introspection.getTables()).map((t) => t.name).sort();
    for (const table of [
      "users",
      "sessions",
      "surveys",
      "questions",
      "responses",
      "answers",
      "consents",
      "people",
      "companies",
      "themes",
    ]) {
      expect(tables).toContain(table);
    }
  });

  it("returns generated ids and enforces one answer per question", async () => {
    const now = new Date().toISOString();
    const survey = await handle.db
      .insertInto("surveys")
      .values({
        slug: `s-${kind}`,
        title: "T",
        intro: "",
        status: "draft",
        template: null,
        template_vars: "{}",
        closes_at: null,
        max_responses: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        published_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    expect(typeof survey.id).toBe("number");
    const question = await handle.db
      .insertInto("questions")
      .values({
        survey_id: survey.id,
        position: 1,
        page: 1,
        kind: "short_text",
        prompt: "Q",
        help_text: "",
        options: "[]",
        allow_other: 0,
        required: 0,
        role: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const response = await handle.db
      .insertInto("responses")
      .values({
        survey_id: survey.id,
        person_id: null,
        status: "partial",
        resume_token_hash: `h-${kind}`,
        idempotency_key: "k1",
        current_page: 1,
        source: "unknown",
        utm_source: null,
        utm_campaign: null,
        rep: null,
        origin: "web",
        meta: "{}",
        started_at: now,
        updated_at: now,
        completed_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const answer = {
      response_id: response.id,
      question_id: question.id,
      value_text: "a",
      value_number: null,
      value_json: null,
      updated_at: now,
    };
    await handle.db.insertInto("answers").values(answer).execute();
    await expect(handle.db.insertInto("answers").values(answer).execute()).rejects.toThrow();
  });
});
