/**
 * Bulk rows for the board and scale benchmarks: N complete responses (a company, a person, six
 * answers each) whose pain stories come from THEMES topics, generated from one seeded stream so
 * SQLite and PostgreSQL hold the same data. SQLite: prepared statements in 5,000-response
 * transactions. PostgreSQL: one INSERT ... SELECT FROM unnest($1, $2, ...) per table per
 * 5,000-response batch (one parameter per column, so a batch is four statements), explicit ids,
 * then the sequences moved past them.
 */
import SQLite from "better-sqlite3";
import pg from "pg";
import { createRng } from "../../analysis/random.js";
import { BUYING_ROLE_OPTIONS, INDUSTRY_OPTIONS, REGION_OPTIONS, TRIGGER_EVENT_OPTIONS } from "../../app/surveys/template.js";

export const THEMES = 50;
const BATCH = 5000;

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "sa", "do", "fu", "gi", "ha", "ju", "be"];
function word(seed: number): string {
  let s = "";
  let x = seed + 7;
  for (let i = 0; i < 3; i++) {
    s += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length) + i * 5 + 3;
  }
  return s;
}
const topicWords = Array.from({ length: THEMES }, (_, t) => Array.from({ length: 8 }, (_, j) => `${word(t * 8 + j)}${t}`));
const COMMON = ["our", "team", "lost", "time", "again", "because", "the", "system", "every", "month", "cost", "money"];
const SOURCES = ["marketing", "sales", "partner"];

export interface SeedTarget {
  surveyId: number;
  /** Question id by role (trigger_events: the multiple-choice one). */
  q: Record<"pain_story" | "pain_severity" | "industry" | "region" | "buying_role" | "trigger_events", number>;
  n: number;
  now: string;
}

interface Row {
  i: number;
  industry: string;
  region: string;
  source: string;
  /** [question id, value_text, value_number, value_json] */
  answers: Array<[number, string | null, number | null, string | null]>;
}

function* rows(target: SeedTarget): Generator<Row> {
  const rng = createRng(12345);
  const rand = (n: number) => rng.int(n);
  const { q } = target;
  for (let i = 0; i < target.n; i++) {
    const topic = i % THEMES;
    const words = topicWords[topic];
    const text = `${COMMON[rand(COMMON.length)]} ${words[rand(8)]} ${words[rand(8)]} ${COMMON[rand(COMMON.length)]} ${words[rand(8)]} ${words[rand(8)]} ${COMMON[rand(COMMON.length)]}`;
    const industry = INDUSTRY_OPTIONS[rand(INDUSTRY_OPTIONS.length)];
    const region = REGION_OPTIONS[rand(REGION_OPTIONS.length)];
    const source = SOURCES[rand(3)];
    const severity = (topic % 10) + rand(2);
    const role = BUYING_ROLE_OPTIONS[rand(BUYING_ROLE_OPTIONS.length)];
    yield {
      i,
      industry,
      region,
      source,
      answers: [
        [q.pain_story, text, null, null],
        [q.pain_severity, null, severity, null],
        [q.industry, industry, null, null],
        [q.region, region, null, null],
        [q.buying_role, role, null, null],
        [q.trigger_events, null, null, JSON.stringify([TRIGGER_EVENT_OPTIONS[topic % 7]])],
      ],
    };
  }
}

export function seedSqlite(file: string, target: SeedTarget): void {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const insCompany = sqlite.prepare("insert into companies (name, industry, region, site_count, created_at) values (?, ?, ?, 3, ?)");
  const insPerson = sqlite.prepare(
    "insert into people (company_id, email, name, job_title, source, created_at) values (?, ?, ?, 'IT lead', ?, ?)",
  );
  const insResponse = sqlite.prepare(
    "insert into responses (survey_id, person_id, status, resume_token_hash, idempotency_key, current_page, source, origin, meta, started_at, updated_at, completed_at) values (?, ?, 'complete', ?, ?, 6, ?, 'import', '{}', ?, ?, ?)",
  );
  const insAnswer = sqlite.prepare(
    "insert into answers (response_id, question_id, value_text, value_number, value_json, updated_at) values (?, ?, ?, ?, ?, ?)",
  );
  const { now } = target;
  const batch = sqlite.transaction((list: Row[]) => {
    for (const r of list) {
      const company = insCompany.run(`Company ${r.i}`, r.industry, r.region, now).lastInsertRowid;
      const person = insPerson.run(company, `p${r.i}@bench.test`, `Person ${r.i}`, r.source, now).lastInsertRowid;
      const response = insResponse.run(target.surveyId, person, `h${r.i}`, `k${r.i}`, r.source, now, now, now).lastInsertRowid;
      for (const [question, text, number, json] of r.answers) insAnswer.run(response, question, text, number, json, now);
    }
  });
  let list: Row[] = [];
  for (const r of rows(target)) {
    list.push(r);
    if (list.length === BATCH) batch(list.splice(0));
  }
  if (list.length) batch(list);
  list = [];
  sqlite.close();
}

/** Ids are given explicitly (companies, people and responses share i + 1 + offset): the tables must hold none of them yet. */
export async function seedPostgres(url: string, target: SeedTarget): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const base = await client.query<{ c: number; p: number; r: number; a: number }>(
      "select (select coalesce(max(id), 0) from companies) c, (select coalesce(max(id), 0) from people) p, (select coalesce(max(id), 0) from responses) r, (select coalesce(max(id), 0) from answers) a",
    );
    const offset = Math.max(base.rows[0].c, base.rows[0].p, base.rows[0].r);
    let answerId = Number(base.rows[0].a);
    const { now } = target;
    const flush = async (list: Row[]) => {
      const ids = list.map((r) => r.i + 1 + offset);
      await client.query("begin");
      await client.query(
        "insert into companies (id, name, industry, region, site_count, created_at) select id, 'Company ' || id, ind, reg, 3, $4 from unnest($1::int[], $2::text[], $3::text[]) as t(id, ind, reg)",
        [ids, list.map((r) => r.industry), list.map((r) => r.region), now],
      );
      await client.query(
        "insert into people (id, company_id, email, name, job_title, source, created_at) select id, id, 'p' || id || '@bench.test', 'Person ' || id, 'IT lead', src, $3 from unnest($1::int[], $2::text[]) as t(id, src)",
        [ids, list.map((r) => r.source), now],
      );
      await client.query(
        "insert into responses (id, survey_id, person_id, status, resume_token_hash, idempotency_key, current_page, source, origin, meta, started_at, updated_at, completed_at) select id, $2, id, 'complete', 'h' || id, 'k' || id, 6, src, 'import', '{}', $4, $4, $4 from unnest($1::int[], $3::text[]) as t(id, src)",
        [ids, target.surveyId, list.map((r) => r.source), now],
      );
      const cols: [number[], number[], number[], (string | null)[], (number | null)[], (string | null)[]] = [[], [], [], [], [], []];
      list.forEach((r, j) => {
        for (const [question, text, number, json] of r.answers) {
          cols[0].push(++answerId);
          cols[1].push(ids[j]);
          cols[2].push(question);
          cols[3].push(text);
          cols[4].push(number);
          cols[5].push(json);
        }
      });
      await client.query(
        "insert into answers (id, response_id, question_id, value_text, value_number, value_json, updated_at) select id, rid, qid, vt, vn, vj, $7 from unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::float8[], $6::text[]) as t(id, rid, qid, vt, vn, vj)",
        [...cols, now],
      );
      await client.query("commit");
    };
    let list: Row[] = [];
    for (const r of rows(target)) {
      list.push(r);
      if (list.length === BATCH) await flush(list.splice(0));
    }
    if (list.length) await flush(list);
    list = [];
    for (const table of ["companies", "people", "responses", "answers"])
      await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
    await client.query("analyze");
  } finally {
    await client.end();
  }
}
