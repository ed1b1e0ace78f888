/**
 * Board query-path benchmark (not a test): `tsx test/bench/board-queries.bench.ts [--against REF]`.
 * Measures in one process the two code paths the renovation moved (issue 15): loadBoard (the
 * board's data, unfiltered and filtered) and the full recompute of a run's aggregates (theme
 * stats, facets, quote choice). `--against REF` extracts that commit's app/, db/ and analysis/
 * into .cache/ and calls its loadBoard and recomputeAggregates on the same database, interleaved
 * call by call, so before and after run side by side under the same load. Medians of REPEAT calls.
 * Env: BOARD_QUERIES_RESPONSES (default 2000), BOARD_QUERIES_REPEAT (default 9).
 */
import { execSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import { loadBoard } from "../../app/board/load-board.server.js";
import { recomputeAggregates } from "../../app/themes/theme-aggregates.server.js";
import type { Database } from "../../db/schema.js";
import { addResponse, makeSurvey, runNow, TOPICS } from "../integration/board-fixtures.js";
import { freshDatabase } from "../setup/databases.js";

const args = process.argv.slice(2);
const againstAt = args.indexOf("--against");
const against = againstAt >= 0 ? args[againstAt + 1] : undefined;
const N = Number(process.env.BOARD_QUERIES_RESPONSES ?? 2000);
const REPEAT = Number(process.env.BOARD_QUERIES_REPEAT ?? 9);
const repoRoot = resolve(import.meta.dirname, "../..");

type LoadBoard = (db: Kysely<Database>, input: { scope: number | null; filters?: { industry?: string } }) => Promise<unknown>;
type Recompute = (db: Kysely<Database>, runId: number, themeIds: number[] | null) => Promise<void>;
interface Version {
  name: string;
  loadBoard: LoadBoard;
  recompute: Recompute;
}

const versions: Version[] = [{ name: "this tree", loadBoard, recompute: recomputeAggregates as unknown as Recompute }];
if (against) {
  const dir = resolve(repoRoot, ".cache", `bench-${against.replace(/[^\w.-]/g, "_")}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execSync(`git archive ${JSON.stringify(against)} app db analysis | tar -x -C ${JSON.stringify(dir)}`, { cwd: repoRoot });
  // Before the renovation both lived in the query layer.
  const board = await import(pathToFileURL(resolve(dir, "db/queries/board.ts")).href);
  const themes = await import(pathToFileURL(resolve(dir, "db/queries/themes.ts")).href);
  versions.push({ name: against, loadBoard: board.loadBoard, recompute: themes.recomputeAggregates });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const h = await freshDatabase("sqlite");
try {
  const survey = await makeSurvey(h.db, "Board queries bench");
  const topics = Object.keys(TOPICS);
  const industries = ["Retail", "Healthcare", "Finance", "Education"];
  for (let i = 0; i < N; i++)
    await addResponse(h.db, survey, { topic: topics[i % topics.length], index: i, industry: industries[i % industries.length] });
  const runId = await runNow(h.db, null, { k: topics.length });
  console.log(`\nboard query paths: ${N} responses, ${topics.length} topics, ${REPEAT} calls each, interleaved`);

  const results = new Map<string, { board: number[]; filtered: number[]; recompute: number[] }>(
    versions.map((v) => [v.name, { board: [], filtered: [], recompute: [] }]),
  );
  for (let r = 0; r < REPEAT; r++) {
    for (const v of versions) {
      const out = results.get(v.name)!;
      out.board.push(await time(() => v.loadBoard(h.db, { scope: null })));
      out.filtered.push(await time(() => v.loadBoard(h.db, { scope: null, filters: { industry: "Retail" } })));
      out.recompute.push(await time(() => h.db.transaction().execute((trx) => v.recompute(trx, runId, null))));
    }
  }
  for (const [name, out] of results)
    console.log(
      `  ${name}: loadBoard p50 ${median(out.board).toFixed(1)} ms, filtered ${median(out.filtered).toFixed(1)} ms, recompute (all themes) ${median(out.recompute).toFixed(1)} ms`,
    );
  if (against) {
    const now = results.get("this tree")!;
    const base = results.get(against)!;
    const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(2);
    console.log(
      `  ratio this tree / ${against}: loadBoard ${ratio(now.board, base.board)}, filtered ${ratio(now.filtered, base.filtered)}, recompute ${ratio(now.recompute, base.recompute)}`,
    );
  }
} finally {
  await h.close();
}
