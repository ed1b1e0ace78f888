/** Small helpers shared by the query files (no database access here). */

/** Splits a list into runs of at most `size` items (keeps `in (...)` lists under the drivers' limits). */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** JSON text of a column, or `fallback` when it is empty or not valid JSON. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** A JSON list column (chosen options) as strings, or null when it is empty, invalid or not a list. */
export function parseStringList(text: string | null | undefined): string[] | null {
  const parsed = parseJson<unknown>(text, null);
  return Array.isArray(parsed) ? parsed.map(String) : null;
}
