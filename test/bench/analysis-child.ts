/**
 * Child process for the analysis benchmark, so each measurement has its own heap and its own
 * peak RSS. Modes:
 *   import                 -> {"importMs"}
 *   run FILE [K|auto]      -> {"n","k","ms","maxRssMb","assignments"?}
 */
import { readFileSync } from "node:fs";

const [mode, file, kArg, withAssignments] = process.argv.slice(2);

if (mode === "import") {
  const started = performance.now();
  await import("../../analysis/index.js");
  process.stdout.write(JSON.stringify({ importMs: performance.now() - started }) + "\n");
} else if (mode === "run") {
  const { columnOf, parseCsv } = await import("../../analysis/csv.js");
  const { analyzeThemesTimed } = await import("../../analysis/themes.js");
  const started = performance.now();
  const texts = columnOf(parseCsv(readFileSync(file, "utf8")), "text");
  const readMs = performance.now() - started;
  const k = kArg && kArg !== "auto" ? Number(kArg) : undefined;
  const { result, timingsMs } = analyzeThemesTimed(texts, { k, seed: 42 });
  const ms = performance.now() - started;
  process.stdout.write(
    JSON.stringify({
      n: texts.length,
      k: result.k,
      ms,
      timingsMs: { read: readMs, ...timingsMs },
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      candidates: result.quality.kSelection.candidates.map((c) => c.k),
      assignments: withAssignments === "with-assignments" ? result.assignments : undefined,
    }) + "\n",
  );
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exitCode = 2;
}
