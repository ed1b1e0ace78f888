/**
 * The ceiling for `npm run bench:submit`: a bare node:http + better-sqlite3 server that writes the
 * same rows as a one-page survey submission (company, person, response, one answer per question,
 * consents) in one transaction with prepared statements, at the same durability (WAL,
 * synchronous=FULL). No framework, no validation beyond the bare minimum, no rendering.
 *
 * Usage: tsx test/bench/bare-submit-server.ts <sqlite file> <survey id> <port>
 */
import crypto from "node:crypto";
import http from "node:http";
import SQLite from "better-sqlite3";

const [file, surveyIdText, portText] = process.argv.slice(2);
const surveyId = Number(surveyIdText);
const sqlite = new SQLite(file);
sqlite.pragma("journal_mode = WAL");
sqlite.pragma("synchronous = FULL");
sqlite.pragma("foreign_keys = ON");

const questions = sqlite.prepare("select id, kind, role from questions where survey_id = ? order by position").all(surveyId) as Array<{
  id: number;
  kind: string;
  role: string | null;
}>;
const insertCompany = sqlite.prepare("insert into companies (name, industry, region, site_count, created_at) values (?, ?, ?, ?, ?)");
const insertPerson = sqlite.prepare(
  "insert into people (company_id, email, name, job_title, source, utm_source, utm_campaign, rep, owner_user_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, null, ?)",
);
const insertResponse = sqlite.prepare(
  "insert into responses (survey_id, person_id, status, resume_token_hash, idempotency_key, current_page, source, utm_source, utm_campaign, rep, origin, meta, started_at, updated_at, completed_at) values (?, ?, 'complete', ?, ?, 1, ?, ?, ?, ?, 'web', '{}', ?, ?, ?) on conflict (survey_id, idempotency_key) do nothing",
);
const insertAnswer = sqlite.prepare(
  "insert into answers (response_id, question_id, value_text, value_number, value_json, updated_at) values (?, ?, ?, ?, ?, ?)",
);
const insertConsent = sqlite.prepare(
  "insert into consents (person_id, response_id, purpose, status, wording, wording_version, actor, captured_at, withdrawn_at) values (?, ?, ?, ?, 'wording', 'v1', 'prospect', ?, null)",
);

const submit = sqlite.transaction((form: URLSearchParams) => {
  const now = new Date().toISOString();
  const get = (role: string) => {
    const q = questions.find((x) => x.role === role);
    return q ? form.get(`q_${q.id}`) : null;
  };
  const company = insertCompany.run(get("company_name") ?? "", get("industry"), get("region"), 5, now);
  const person = insertPerson.run(
    company.lastInsertRowid,
    get("contact_email"),
    get("contact_name"),
    get("job_title"),
    form.get("src") ?? "unknown",
    form.get("utm_source"),
    form.get("utm_campaign"),
    form.get("rep"),
    now,
  );
  const key = form.get("idem") ?? "";
  const response = insertResponse.run(
    surveyId,
    person.lastInsertRowid,
    crypto.createHash("sha256").update(key).digest("hex"),
    key,
    form.get("src") ?? "unknown",
    form.get("utm_source"),
    form.get("utm_campaign"),
    form.get("rep"),
    now,
    now,
    now,
  );
  for (const q of questions) {
    const values = form.getAll(`q_${q.id}`);
    if (q.kind === "multiple_choice") insertAnswer.run(response.lastInsertRowid, q.id, null, null, JSON.stringify(values), now);
    else if (q.kind === "consent") insertAnswer.run(response.lastInsertRowid, q.id, null, values.length ? 1 : 0, null, now);
    else if (q.kind === "scale_0_10" || q.kind === "rating_1_5" || q.kind === "number")
      insertAnswer.run(response.lastInsertRowid, q.id, null, Number(values[0]), null, now);
    else if (values.length) insertAnswer.run(response.lastInsertRowid, q.id, values[0], null, null, now);
    if (q.kind === "consent")
      insertConsent.run(
        person.lastInsertRowid,
        response.lastInsertRowid,
        q.role === "consent_nurture" ? "educational_content" : "study_summary",
        values.length ? "opted_in" : "opted_out",
        now,
      );
  }
});

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      try {
        submit(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
        res.writeHead(302, { Location: "/thanks", "Content-Length": 0 }).end();
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
  })
  .listen(Number(portText), "127.0.0.1", () => console.log("listening"));
