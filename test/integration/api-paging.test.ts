import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "../../app/api/openapi.js";
import { encodeCursor } from "../../app/api/paging.js";
import { pseudonymOf } from "../../app/consent/consent-rule.js";
import { readyNowForCrm } from "../../app/prospects/prospect-views.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { prospectsApi } from "../../app/routes/api.prospects/prospects-api.server.js";
import { responsesApi } from "../../app/routes/api.responses/responses-api.server.js";
import type { DatabaseHandle } from "../../db/client.js";
import { generateApiKey, insertApiKey } from "../../db/queries/api-keys.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, NOT_A_FIT_ANSWERS, NURTURE_ANSWERS, READY_ANSWERS } from "./prospects-fixtures.js";

/** Issue 14, item 7 on both databases: keyset pages, updated_since, 400s per parameter, the OpenAPI file. */
interface Page {
  count: number;
  next_cursor?: string | null;
  prospects?: Array<{ id: number; name: string | null; email: string | null; updated_at: string }>;
  responses?: Array<{ id: number; updated_at: string; person: { id: number; named: boolean; name: string | null; label: string } | null }>;
  errors?: Record<string, string[]>;
}

describe.each(DATABASE_KINDS)("CRM API paging on %s", (kind) => {
  let h: DatabaseHandle;
  let key: string;
  const people: number[] = [];
  let private_: number;

  const call = async (path: string, auth = true) => {
    const request = new Request(`https://pm.test${path}`, { headers: auth ? { Authorization: `Bearer ${key}` } : {} });
    const res = path.startsWith("/api/responses")
      ? await responsesApi(h.db, request)
      : await prospectsApi(h.db, request, "https://pm.test", (id) => `https://pm.test/u/${id}`);
    return { status: res.status, body: (await res.json()) as Page, headers: res.headers };
  };
  /** Follows next_cursor to the end; returns the ids in the order seen. */
  async function walk(path: string, field: "prospects" | "responses") {
    const seen: number[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const sep = path.includes("?") ? "&" : "?";
      const { status, body } = await call(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(status).toBe(200);
      seen.push(...body[field]!.map((x) => x.id));
      cursor = body.next_cursor;
      if (++pages > 50) throw new Error("paging does not end");
    } while (cursor);
    return { seen, pages };
  }

  beforeAll(async () => {
    h = await freshDatabase(kind);
    const generated = generateApiKey();
    key = generated.key;
    await insertApiKey(h.db, { name: "crm", prefix: generated.prefix, keyHash: generated.keyHash, createdBy: null });
    const survey = await makeSurvey(h.db, `api-${kind}`);
    const specs = [READY_ANSWERS, NURTURE_ANSWERS, NOT_A_FIT_ANSWERS, READY_ANSWERS, READY_ANSWERS, NURTURE_ANSWERS, READY_ANSWERS];
    for (const [i, answers] of specs.entries())
      people.push(await addPerson(h.db, survey, { name: `Person ${i}`, answers, nurtureOptIn: i % 2 === 1, contactOptIn: i !== 3 }));
    private_ = people[3];
    await reassessAll(h.db);
  });
  afterAll(async () => h?.close());

  it("walks every prospect exactly once across pages, in every band", async () => {
    const all = await walk("/api/prospects?band=all&limit=2", "prospects");
    expect(all.seen).toEqual([...people].sort((a, b) => a - b));
    expect(all.pages).toBe(4);
    const ready = await walk("/api/prospects?band=ready_now&limit=1", "prospects");
    const crm = (await readyNowForCrm(h.db)).map((p) => p.personId).sort((a, b) => a - b);
    expect(ready.seen).toEqual(crm);
    // The ready-now band hands over only people who may be contacted.
    expect(ready.seen).not.toContain(private_);
    expect(crm.length).toBe(3);
  });

  it("keeps the first contract without paging parameters", async () => {
    const { status, body, headers } = await call("/api/prospects");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).not.toHaveProperty("next_cursor");
    expect(body.count).toBe(3);
    expect((await call("/api/prospects", false)).status).toBe(401);
  });

  it("filters by updated_since on prospects and responses", async () => {
    const old = "2026-01-01T00:00:00.000Z";
    const recent = people.slice(0, 2);
    await h.db.updateTable("assessments").set({ computed_at: old }).where("person_id", "not in", recent).execute();
    await h.db.updateTable("responses").set({ updated_at: old }).where("person_id", "not in", recent).execute();
    const since = "2026-06-01T00:00:00Z";
    const prospects = await walk(`/api/prospects?band=all&limit=5&updated_since=${since}`, "prospects");
    expect(prospects.seen).toEqual(recent);
    const responses = await walk(`/api/responses?limit=1&updated_since=${since}`, "responses");
    expect(responses.seen).toHaveLength(2);
    const { body } = await call(`/api/responses?updated_since=${since}`);
    expect(body.responses!.map((r) => r.person!.id)).toEqual(recent);
    expect(body.responses!.every((r) => r.updated_at >= since.replace("Z", ".000Z"))).toBe(true);
    // A status change counts as an update.
    await h.db.updateTable("people").set({ status_changed_at: new Date().toISOString() }).where("id", "=", people[5]).execute();
    expect((await walk(`/api/prospects?band=all&updated_since=${since}`, "prospects")).seen).toEqual([...recent, people[5]]);
  });

  it("pages responses once each and names people only under the consent rule", async () => {
    const { seen } = await walk("/api/responses?status=all&limit=3", "responses");
    expect(seen).toHaveLength(people.length);
    expect(new Set(seen).size).toBe(people.length);
    const { body } = await call("/api/responses?limit=500");
    const hidden = body.responses!.find((r) => r.person!.id === private_)!;
    expect(hidden.person).toMatchObject({ named: false, name: null, label: pseudonymOf(private_) });
    expect(JSON.stringify(hidden)).not.toContain("Person 3");
    expect(body.responses!.find((r) => r.person!.id === people[0])!.person).toMatchObject({ named: true, name: "Person 0" });
  });

  it("answers bad parameters with a 400 and a message per parameter", async () => {
    const bad = await call("/api/prospects?band=hot&limit=0&cursor=nonsense&updated_since=yesterday");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors!).sort()).toEqual(["band", "cursor", "limit", "updated_since"]);
    const responses = await call("/api/responses?status=done&survey_id=abc&limit=501");
    expect(responses.status).toBe(400);
    expect(Object.keys(responses.body.errors!).sort()).toEqual(["limit", "status", "survey_id"]);
    expect((await call("/api/responses?limit=1&limit=2")).body.errors).toEqual({ limit: ["limit may be given once."] });
    // A cursor of another shape is refused, one of ours past the end is an empty last page.
    expect((await call(`/api/responses?cursor=${Buffer.from('{"after":"x"}').toString("base64url")}`)).status).toBe(400);
    expect((await call(`/api/responses?cursor=${encodeCursor(10_000_000)}`)).body).toMatchObject({ count: 0, next_cursor: null });
  });
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 JSON that lists every API route and its parameters", () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument("https://pm.test"))) as {
      openapi: string;
      paths: Record<string, { get: { parameters?: Array<{ name: string }> } }>;
    };
    expect(doc.openapi).toBe("3.1.0");
    const routes = fs
      .readdirSync("app/routes")
      .filter((f) => f.startsWith("api.") && !f.startsWith("api.runs"))
      .map(
        (f) =>
          `/${f
            .replace(/\.tsx$/, "")
            .replace("[.]", ".")
            .split(".")
            .join("/")
            .replace(/\/json$/, ".json")}`,
      );
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
    expect(doc.paths["/api/prospects"].get.parameters!.map((p) => p.name)).toEqual(["band", "limit", "cursor", "updated_since"]);
    expect(doc.paths["/api/responses"].get.parameters!.map((p) => p.name)).toEqual([
      "status",
      "survey_id",
      "limit",
      "cursor",
      "updated_since",
    ]);
  });
});
