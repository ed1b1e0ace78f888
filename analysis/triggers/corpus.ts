/**
 * The labelled corpus (corpus/*.jsonl): one answer per line, {text, types, timings, industry}.
 * The train/test split is fixed by a seed so every report is on the same held-out answers.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRng } from "../random.js";
import { isTriggerType, TIMINGS, type Timing, type TriggerType } from "./types.js";

export interface CorpusRow {
  text: string;
  types: TriggerType[];
  timings: Timing[];
  /** Which file the row came from (a writer's part, or "corrections"). */
  source: string;
  industry?: string;
}

const CORPUS_DIR = new URL("./corpus/", import.meta.url);
const SPLIT_SEED = 20261201;
const TEST_SHARE = 0.25;

function parseCorpusLine(line: string, source: string, lineNumber: number): CorpusRow {
  const raw = JSON.parse(line) as { text?: unknown; types?: unknown; timings?: unknown; industry?: unknown };
  if (typeof raw.text !== "string") throw new Error(`${source}:${lineNumber}: text must be a string`);
  const types = Array.isArray(raw.types) ? raw.types : [];
  const timings = Array.isArray(raw.timings) ? raw.timings : [];
  if (types.length !== timings.length) throw new Error(`${source}:${lineNumber}: ${types.length} types but ${timings.length} timings`);
  for (const t of types)
    if (typeof t !== "string" || !isTriggerType(t)) throw new Error(`${source}:${lineNumber}: unknown type ${String(t)}`);
  for (const t of timings) if (!TIMINGS.includes(t as Timing)) throw new Error(`${source}:${lineNumber}: unknown timing ${String(t)}`);
  return {
    text: raw.text,
    types: types as TriggerType[],
    timings: timings as Timing[],
    source,
    industry: typeof raw.industry === "string" ? raw.industry : undefined,
  };
}

function readJsonl(path: string, source: string): CorpusRow[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0)
    .map(([line, n]) => parseCorpusLine(line, source, n));
}

export function loadCorpus(dir: URL | string = CORPUS_DIR): CorpusRow[] {
  const path = typeof dir === "string" ? dir : dir.pathname;
  return readdirSync(path)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .flatMap((f) => readJsonl(join(path, f), f.replace(/\.jsonl$/, "")));
}

/** Deterministic split: a seeded shuffle of indexes, the first quarter held out. */
export function splitCorpus(rows: readonly CorpusRow[], seed = SPLIT_SEED): { train: CorpusRow[]; test: CorpusRow[] } {
  const rng = createRng(seed);
  const order = rows.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const testSize = Math.round(rows.length * TEST_SHARE);
  const test = new Set(order.slice(0, testSize));
  return { train: rows.filter((_, i) => !test.has(i)), test: rows.filter((_, i) => test.has(i)) };
}
