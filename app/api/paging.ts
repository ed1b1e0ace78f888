import { z } from "zod";

/**
 * Paging for the CRM API (issue 14, item 7; ADR 0701): keyset pages in id order behind an opaque
 * cursor, so a client that walks every page sees every record exactly once, however many arrive
 * meanwhile, and no page costs more than its own rows (no OFFSET).
 */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 100;

/** The cursor is base64url JSON: opaque to clients (they pass back what they got), versioned for us. */
export function encodeCursor(afterId: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: afterId })).toString("base64url");
}

function decodeCursor(cursor: string): number | null {
  try {
    const parsed = z
      .object({ v: z.literal(1), after: z.number().int().nonnegative() })
      .safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return parsed.success ? parsed.data.after : null;
  } catch {
    return null;
  }
}

const isoInstant = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v) && !Number.isNaN(Date.parse(v)), {
    message: "updated_since must be an ISO 8601 date or date-time, e.g. 2026-12-01T00:00:00Z.",
  })
  .transform((v) => new Date(v).toISOString());

export const PagingSchema = z.object({
  limit: z.coerce
    .number({ message: `limit must be a whole number from 1 to ${MAX_LIMIT}.` })
    .int(`limit must be a whole number from 1 to ${MAX_LIMIT}.`)
    .min(1, `limit must be a whole number from 1 to ${MAX_LIMIT}.`)
    .max(MAX_LIMIT, `limit must be a whole number from 1 to ${MAX_LIMIT}.`)
    .default(DEFAULT_LIMIT),
  cursor: z
    .string()
    .max(200, "cursor is not one this API gave out.")
    .transform((v, ctx) => {
      const after = decodeCursor(v);
      if (after === null) {
        ctx.addIssue({ code: "custom", message: "cursor is not one this API gave out: pass back next_cursor unchanged." });
        return z.NEVER;
      }
      return after;
    })
    .optional(),
  updated_since: isoInstant.optional(),
});

/** Query parameters as an object; a repeated parameter is an error of its own, not a silent pick. */
export function queryObject(params: URLSearchParams): { values: Record<string, string>; errors: Record<string, string[]> } {
  const values: Record<string, string> = {};
  const errors: Record<string, string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    if (all.length > 1) errors[key] = [`${key} may be given once.`];
    else values[key] = all[0];
  }
  return { values, errors };
}

/**
 * Fills one page from a source read in id order, `limit` rows at a time, keeping the rows that pass
 * `keep` (a consent or band rule applied in code). The cursor is the last id read into the page.
 */
export async function fillPage<T>(
  read: (afterId: number | undefined, limit: number) => Promise<T[]>,
  idOf: (row: T) => number,
  keep: (row: T) => boolean,
  afterId: number | undefined,
  limit: number,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const items: T[] = [];
  let after = afterId;
  for (;;) {
    const rows = await read(after, limit);
    for (const row of rows) {
      after = idOf(row);
      if (!keep(row)) continue;
      items.push(row);
      if (items.length === limit) return { items, nextCursor: encodeCursor(after) };
    }
    if (rows.length < limit) return { items, nextCursor: null };
  }
}
