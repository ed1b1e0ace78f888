/** Reading labelled CSV columns: `type` is "none" or "a;b", `timing` aligned ("past;upcoming"). */
import { CsvError } from "../csv.js";
import type { LabelledTriggers } from "./score.js";
import { isTriggerType, TIMINGS, type Timing, type TriggerType } from "./types.js";

export function labelsFromColumns(typeColumn: readonly string[], timingColumn: readonly string[]): LabelledTriggers[] {
  return typeColumn.map((rawType, i) => {
    const row = i + 2; // 1-based, after the header
    const cell = rawType.trim().toLowerCase();
    if (cell === "" || cell === "none") return { types: [], timings: [] };
    const types = cell.split(";").map((t) => t.trim());
    const timings = (timingColumn[i] ?? "")
      .trim()
      .toLowerCase()
      .split(";")
      .map((t) => t.trim());
    for (const t of types) if (!isTriggerType(t)) throw new CsvError(`row ${row}: unknown trigger type "${t}"`);
    if (timings.length !== types.length) throw new CsvError(`row ${row}: ${types.length} types but ${timings.length} timings`);
    for (const t of timings)
      if (!TIMINGS.includes(t as Timing)) throw new CsvError(`row ${row}: unknown timing "${t}" (past, upcoming or unknown)`);
    return { types: types as TriggerType[], timings: timings as Timing[] };
  });
}
