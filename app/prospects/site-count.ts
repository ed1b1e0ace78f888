/**
 * The one reading of a site-count answer, used both for the company's stored `site_count` and for
 * the readiness gate (which also falls back to the stored count): "2-5" -> 2, "More than 100" ->
 * 101, "12" -> 12. It is the smallest count the answer allows, so the "at most N sites" gate only
 * fails prospects who cannot fit, and a band stored then read back gates the same as the answer.
 */
export function siteCountOf(answer: string | null | undefined): number | null {
  if (!answer) return null;
  const more = /(?:more than|over)\s+(\d+)/i.exec(answer);
  if (more) return Number(more[1]) + 1;
  const n = /(\d+)/.exec(answer);
  return n ? Number(n[1]) : null;
}
