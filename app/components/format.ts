/** Display formatting shared by routes and components (server and browser). */

/** A share in 0..1 as a whole percent: 0.237 -> "24%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An ISO timestamp as a UTC date and time in British order, e.g. "23/11/2026, 13:31:25" (callers add "UTC"). */
export function formatUtcDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { timeZone: "UTC" });
}

/** An ISO timestamp as "YYYY-MM-DD HH:MM" in UTC; "" for none, the text itself if it is not a date. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)}`;
}

/** A stored ISO timestamp as a short UTC date ("31 Mar 2027"), or a dash. */
export function formatDay(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : "—";
}
