/**
 * npm run analyze -- cluster  --input FILE.csv [--text-column text] [--k N] [--seed S] [--out FILE.json]
 * npm run analyze -- triggers --input FILE.csv [--text-column text] [--out FILE.json]
 * npm run analyze -- score    --input FILE.csv --truth-column label [--text-column text] [--k N] [--seed S]
 * npm run analyze -- triggers-score --input FILE.csv   (columns text,type,timing; type "none" or "a;b",
 *                                                      timing aligned "past;upcoming")
 *
 * JSON results go to stdout (or --out), progress to stderr. Bad input: one line on stderr, exit 2.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { columnOf, CsvError, parseCsv } from "./csv.js";
import { scoreClustering } from "./metrics.js";
import { analyzeThemesTimed } from "./themes.js";
import { detectTriggers } from "./triggers/index.js";
import { labelsFromColumns } from "./triggers/labels.js";
import { formatScores, scoreTriggers } from "./triggers/score.js";

export class UsageError extends Error {}

const USAGE = `usage:
  analyze cluster  --input FILE.csv [--text-column text] [--k N] [--seed S] [--out FILE.json]
  analyze triggers --input FILE.csv [--text-column text] [--out FILE.json]
  analyze score    --input FILE.csv --truth-column label [--text-column text] [--k N] [--seed S]
  analyze triggers-score --input FILE.csv   (columns text,type,timing)`;

const FLAGS: Record<string, readonly string[]> = {
  cluster: ["input", "text-column", "k", "seed", "out"],
  triggers: ["input", "text-column", "out"],
  score: ["input", "text-column", "truth-column", "k", "seed"],
  "triggers-score": ["input"],
};

/** Texts at or above this count get progress lines on stderr. */
const PROGRESS_THRESHOLD = 2000;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export function parseArgs(argv: readonly string[]): { command: string; flags: Map<string, string> } {
  const [command, ...rest] = argv;
  if (!command || !(command in FLAGS)) throw new UsageError(`unknown command "${command ?? ""}"\n${USAGE}`);
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") ? arg.slice(2, eq > 0 ? eq : undefined) : "";
    if (!FLAGS[command].includes(name)) throw new UsageError(`unknown option "${arg}" for ${command}\n${USAGE}`);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    flags.set(name, value);
  }
  if (!flags.has("input")) throw new UsageError(`--input is required\n${USAGE}`);
  if (command === "score" && !flags.has("truth-column")) throw new UsageError(`score needs --truth-column\n${USAGE}`);
  return { command, flags };
}

function integerFlag(flags: Map<string, string>, name: string, minimum: number): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new UsageError(`--${name} must be an integer >= ${minimum}, got "${raw}"`);
  return value;
}

function readTable(path: string) {
  if (!existsSync(path)) throw new CsvError(`input file not found: ${path}`);
  if (statSync(path).isDirectory()) throw new CsvError(`input is a directory, not a CSV file: ${path}`);
  const content = readFileSync(path, "utf8");
  if (content.replace(/^\uFEFF/, "").trim().length === 0) throw new CsvError(`input file is empty: ${path}`);
  const table = parseCsv(content);
  if (table.rows.length === 0) throw new CsvError(`input file has a header but no rows: ${path}`);
  return table;
}

function emit(json: unknown, out: string | undefined, io: Io): void {
  const text = JSON.stringify(json);
  if (out) writeFileSync(out, text + "\n");
  else io.stdout(text + "\n");
}

export function run(argv: readonly string[], io: Io): number {
  try {
    const { command, flags } = parseArgs(argv);
    const started = performance.now();
    const table = readTable(flags.get("input")!);
    const texts = columnOf(table, flags.get("text-column") ?? "text");
    if (command === "triggers-score") {
      const truth = labelsFromColumns(columnOf(table, "type"), columnOf(table, "timing"));
      const predicted = detectTriggers(texts).map((found) => ({ types: found.map((m) => m.type), timings: found.map((m) => m.timing) }));
      io.stdout(`n=${texts.length}\n${formatScores(scoreTriggers(truth, predicted))}\n`);
      return 0;
    }
    const readMs = performance.now() - started;
    const progress =
      texts.length >= PROGRESS_THRESHOLD
        ? (fraction: number, stage: string) => io.stderr(`[analyze] ${stage} done (${Math.round(fraction * 100)}%)\n`)
        : undefined;

    if (command === "triggers") {
      const rows = detectTriggers(texts).map((triggers) => ({ triggers }));
      progress?.(1, "triggers");
      emit({ rows }, flags.get("out"), io);
      return 0;
    }

    if (command === "cluster") {
      const { result, timingsMs } = analyzeThemesTimed(texts, {
        k: integerFlag(flags, "k", 1),
        seed: integerFlag(flags, "seed", 0),
        onProgress: progress,
      });
      emit(
        {
          k: result.k,
          assignments: result.assignments,
          clusters: result.clusters.map((c) => ({ id: c.id, label: c.label, size: c.size, keywords: c.keywords, quotes: c.quotes })),
          timings_ms: { read: round1(readMs), ...timingsMs, total: round1(performance.now() - started) },
        },
        flags.get("out"),
        io,
      );
      return 0;
    }

    // score: rows with an empty text are skipped, as the scikit-learn reference does.
    const truthAll = columnOf(table, flags.get("truth-column")!);
    const keep = texts.map((text, i) => (text.trim() ? i : -1)).filter((i) => i >= 0);
    const scoredTexts = keep.map((i) => texts[i]);
    const truth = keep.map((i) => truthAll[i]);
    const trueK = new Set(truth).size;
    const { result } = analyzeThemesTimed(scoredTexts, {
      k: integerFlag(flags, "k", 1),
      seed: integerFlag(flags, "seed", 0),
      onProgress: progress,
    });
    const seconds = (performance.now() - started) / 1000;
    const scores = scoreClustering(truth, result.assignments);
    io.stdout(
      `n=${scoredTexts.length} k=${result.k} true_k=${trueK} NMI=${pct(scores.nmi)} ARI=${pct(scores.ari)} ACC=${pct(scores.acc)} time_s=${seconds.toFixed(3)}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof CsvError) {
      io.stderr(`error: ${error.message.split("\n")[0]}\n`);
      if (error instanceof UsageError && error.message.includes("\n"))
        io.stderr(error.message.slice(error.message.indexOf("\n") + 1) + "\n");
      return 2;
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function pct(value: number): string {
  return (100 * value).toFixed(2);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

const invokedDirectly = process.argv[1] !== undefined && /analysis[\\/]cli\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  const code = run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
