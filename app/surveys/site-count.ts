/**
 * The one reading of the "How many sites or locations?" answer, for storing a company's site
 * count and for the qualification gate alike: the smallest count the answer allows ("2-5" -> 2,
 * "More than 100" -> 101, "12" -> 12). Before, storage took the upper bound and the gate the lower,
 * so a sales-entered company with "2-5" passed a 5-site gate that the same survey answer failed.
 */
export function siteCountOf(answer: string | null | undefined): number | null {
  if (!answer) return null;
  const more = /(?:more than|over)\s+(\d+)|(\d+)\s*\+/i.exec(answer);
  if (more) return Number(more[1] ?? more[2]) + 1;
  const n = /(\d+)/.exec(answer);
  return n ? Number(n[1]) : null;
}
