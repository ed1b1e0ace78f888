import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allJobs } from "../../app/jobs/index.server.js";
import { createRunner, type JobRunner } from "../../app/jobs/runner.server.js";
import { afterCompletion } from "../../app/prospects/after-completion.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { pseudonymOf } from "../../app/consent/consent-rule.js";
import { recordStaffOptOut } from "../../app/consent/opt-out.server.js";
import { assignOwner } from "../../app/prospects/pipeline.server.js";
import { confirmOptIn } from "../../app/reach/confirmations.server.js";
import { CONFIRM_PURPOSE, signedToken } from "../../app/reach/links.server.js";
import { newWebhookSecret, verifySignature } from "../../app/webhooks/signature.server.js";
import type { DatabaseHandle } from "../../db/client.js";
import { insertEndpoint, listEndpoints, recentDeliveries } from "../../db/queries/webhooks.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { startReceiver, until, type Received } from "../setup/webhook-receiver.js";
import { addPerson, makeSurvey, NURTURE_ANSWERS, READY_ANSWERS } from "./prospects-fixtures.js";

// Fast retries for the test; the receiver is on 127.0.0.1, which production refuses (ADR 0701).
process.env.WEBHOOK_ALLOW_PRIVATE = "true";
process.env.SESSION_SECRET ??= "integration-test-secret-that-is-long-enough-000";
process.env.WEBHOOK_RETRY_BASE_MS = "100";
process.env.WEBHOOK_MAX_ATTEMPTS = "3";

type Receiver = Awaited<ReturnType<typeof startReceiver>>;
interface Sent {
  id: string;
  type: string;
  data: {
    prospect: { id: number } & Record<string, unknown>;
    response: { id: number; answers: unknown[]; person: Record<string, unknown> } & Record<string, unknown>;
  };
}
const json = (r: Received) => JSON.parse(r.body) as Sent;

describe.each(DATABASE_KINDS)("webhooks on %s", (kind) => {
  let h: DatabaseHandle;
  let receiver: Receiver;
  let runner: JobRunner;
  let survey: Awaited<ReturnType<typeof makeSurvey>>;
  const secrets = new Map<string, string>();

  async function endpoint(path: string, events: string[]) {
    const secret = newWebhookSecret();
    secrets.set(path, secret);
    return insertEndpoint(h.db, { url: receiver.url(path), description: path, events, secret, createdBy: null });
  }
  const at = (path: string) => receiver.received.filter((r) => r.path === path);
  const responseOf = async (personId: number) =>
    (await h.db.selectFrom("responses").select("id").where("person_id", "=", personId).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    h = await freshDatabase(kind);
    receiver = await startReceiver();
    runner = createRunner(h.db, allJobs(), { pollMs: 100, register: false, maintenanceIntervalSeconds: 1 });
    await runner.ready();
    runner.start();
    survey = await makeSurvey(h.db, `hooks-${kind}`);
  });
  afterAll(async () => {
    await runner?.stop();
    await receiver?.close();
    await h?.close();
  });

  it("signs each delivery over timestamp.body, and names only people who agreed to be contacted", async () => {
    await endpoint("/ok", ["prospect.ready_now", "prospect.updated"]);
    const rita = await addPerson(h.db, survey, { name: "Rita Ready", answers: READY_ANSWERS });
    const nina = await addPerson(h.db, survey, { name: "Nina Private", answers: READY_ANSWERS, contactOptIn: false });
    const nora = await addPerson(h.db, survey, { name: "Nora Nurture", answers: NURTURE_ANSWERS });
    await reassessAll(h.db);
    // ready_now for Rita and Nina, updated for all three (each was scored for the first time).
    await until(() => at("/ok").length === 5, "five deliveries to /ok");
    const secret = secrets.get("/ok")!;
    for (const r of at("/ok")) {
      const headers = { timestamp: String(r.headers["painmap-timestamp"]), signature: String(r.headers["painmap-signature"]) };
      expect(verifySignature(secret, headers, r.body)).toEqual({ ok: true });
      // A changed body, another secret or an old timestamp (a replay) is refused.
      expect(verifySignature(secret, headers, r.body.replace("}", ', "x": 1}')).ok).toBe(false);
      expect(verifySignature(newWebhookSecret(), headers, r.body).ok).toBe(false);
      expect(verifySignature(secret, headers, r.body, Date.now() + 10 * 60_000)).toMatchObject({ ok: false });
      expect(r.headers["painmap-event"]).toBe(json(r).type);
    }
    const events = at("/ok").map((r) => [json(r).type, json(r).data.prospect.id]);
    expect(
      events
        .filter(([t]) => t === "prospect.ready_now")
        .map(([, id]) => id)
        .sort(),
    ).toEqual([rita, nina].sort());
    expect(
      events
        .filter(([t]) => t === "prospect.updated")
        .map(([, id]) => id)
        .sort(),
    ).toEqual([rita, nina, nora].sort());

    const ritaBody = at("/ok").find((r) => json(r).data.prospect.id === rita)!;
    expect(json(ritaBody).data.prospect).toMatchObject({
      named: true,
      name: "Rita Ready",
      email: "rita.ready@example.test",
      company: "Rita Ready Ltd",
    });
    for (const r of at("/ok").filter((x) => json(x).data.prospect.id === nina)) {
      expect(json(r).data.prospect).toMatchObject({ named: false, label: pseudonymOf(nina), name: null, email: null, company: null });
      expect(r.body).not.toMatch(/Nina|nina\.private/);
    }
    // A re-scoring that changes nothing sends nothing.
    await reassessAll(h.db);
    await runner.drain("webhook-event");
    await runner.drain("webhook-delivery");
    expect(at("/ok")).toHaveLength(5);
  });

  it("retries a delivery answered with a 500 and records both attempts", async () => {
    await endpoint("/flaky", ["response.completed"]);
    const rita = (await h.db.selectFrom("people").select("id").where("name", "=", "Rita Ready").executeTakeFirstOrThrow()).id;
    const responseId = await responseOf(rita);
    await h.db.transaction().execute((trx) => afterCompletion(trx, { personId: rita, surveyId: survey.id, autoRun: false, responseId }));
    await until(
      async () => (await recentDeliveries(h.db)).some((d) => d.endpointUrl.endsWith("/flaky") && d.status === "delivered"),
      "retried delivery",
    );
    const [first, second] = at("/flaky");
    expect(at("/flaky")).toHaveLength(2);
    // The same event, the same body on both attempts: the receiver deduplicates on the id.
    expect(second.body).toBe(first.body);
    expect(second.headers["painmap-delivery"]).toBe(first.headers["painmap-delivery"]);
    const body = json(second);
    expect(body).toMatchObject({
      type: "response.completed",
      data: { response: { id: responseId, status: "complete", person: { id: rita, named: true } } },
    });
    expect(body.data.response.answers.length).toBeGreaterThan(5);
    const delivery = (await recentDeliveries(h.db)).find((d) => d.endpointUrl.endsWith("/flaky"))!;
    expect(delivery).toMatchObject({ attempts: 2, responseStatus: 200, error: null });
  });

  it("keeps committing completions while an endpoint is down, then marks it failing", async () => {
    const down = await endpoint("/down", ["response.completed"]);
    const nina = (await h.db.selectFrom("people").select("id").where("name", "=", "Nina Private").executeTakeFirstOrThrow()).id;
    const responseId = await responseOf(nina);
    await h.db.transaction().execute((trx) => afterCompletion(trx, { personId: nina, surveyId: survey.id, autoRun: false, responseId }));
    // The completion committed without waiting for any receiver: its jobs are queued.
    await until(async () => (await listEndpoints(h.db)).find((e) => e.id === down)!.failingSince !== null, "the endpoint marked failing");
    const delivery = (await recentDeliveries(h.db)).find((d) => d.endpointId === down)!;
    expect(delivery).toMatchObject({ status: "failed", attempts: 3, responseStatus: 500, error: "HTTP 500" });
    expect(at("/down")).toHaveLength(3);
    const endpointRow = (await listEndpoints(h.db)).find((e) => e.id === down)!;
    expect(endpointRow.consecutiveFailures).toBe(1);
    // No name or identifying answer of someone without permission to contact in the payload.
    const sent = json(at("/down")[0]);
    expect(sent.data.response.person).toMatchObject({ named: false, name: null, email: null, label: pseudonymOf(nina) });
    expect(at("/down")[0].body).not.toMatch(/Nina|nina\.private/);
    // Another completion still commits while the endpoint is failing.
    const another = await addPerson(h.db, survey, { name: "Late Comer", answers: READY_ANSWERS });
    const lateResponse = await responseOf(another);
    await h.db
      .transaction()
      .execute((trx) => afterCompletion(trx, { personId: another, surveyId: survey.id, autoRun: false, responseId: lateResponse }));
    await until(async () => (await recentDeliveries(h.db)).filter((d) => d.endpointId === down).length === 2, "second delivery logged");
  });
  it("sends prospect.updated when sales changes the owner and when consent changes (confirmed opt-in, opt-out)", async () => {
    const cora = await addPerson(h.db, survey, { name: "Cora Change", answers: READY_ANSWERS });
    await reassessAll(h.db);
    const responseId = await responseOf(cora);
    await h.db
      .insertInto("consents")
      .values({
        person_id: cora,
        response_id: responseId,
        purpose: "study_summary",
        status: "opted_in",
        wording: "Send me the study summary.",
        wording_version: "v1",
        actor: "respondent",
        captured_at: new Date().toISOString(),
        withdrawn_at: null,
        pending: 1,
      })
      .execute();
    const sam = await h.db
      .insertInto("users")
      .values({
        email: `sam-${kind}@x.test`,
        name: "Sam Sales",
        role: "sales",
        password_hash: "x",
        created_at: new Date().toISOString(),
        disabled_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Her first scoring's events are fanned out before the endpoint exists (fan-out reads the endpoints when it runs).
    await runner.drain("webhook-event");
    await endpoint("/changes", ["prospect.updated"]);

    expect(await assignOwner(h.db, cora, sam.id)).toBe(true);
    await until(() => at("/changes").length === 1, "the owner change");
    // Assigning the same owner again changes nothing and sends nothing.
    expect(await assignOwner(h.db, cora, sam.id)).toBe(false);
    expect(await confirmOptIn(h.db, signedToken(CONFIRM_PURPOSE, responseId))).toEqual({ ok: true, confirmed: 1 });
    await until(() => at("/changes").length === 2, "the confirmed opt-in");
    await recordStaffOptOut(h.db, cora, "staff@example.test");
    await until(() => at("/changes").length === 3, "the opt-out");
    await runner.drain("webhook-event");
    await runner.drain("webhook-delivery");
    expect(at("/changes")).toHaveLength(3);

    const [owner, confirmed, optOut] = at("/changes");
    for (const r of at("/changes")) {
      const headers = { timestamp: String(r.headers["painmap-timestamp"]), signature: String(r.headers["painmap-signature"]) };
      expect(verifySignature(secrets.get("/changes")!, headers, r.body)).toEqual({ ok: true });
      expect(json(r).type).toBe("prospect.updated");
    }
    // Named: Cora agreed to be contacted by sales.
    expect(json(owner!).data.prospect).toMatchObject({ id: cora, named: true, name: "Cora Change", owner: "Sam Sales" });
    expect(json(confirmed!).data.prospect).toMatchObject({ id: cora, named: true });
    // After the opt-out: that they left, under the pseudonym, and nothing that names them.
    expect(json(optOut!).data.prospect).toEqual({ id: cora, label: pseudonymOf(cora), named: false, unsubscribed: true });
    expect(optOut!.body).not.toMatch(/Cora|cora\.change/i);
  });
});
