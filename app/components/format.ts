/** Display formatting shared by routes and components (server and browser). */

/** A share in 0..1 as a whole percent: 0.237 -> "24%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An ISO timestamp as a UTC date and time in British order, e.g. "23/11/2026, 13:31:25" (callers add "UTC"). */
export function formatUtcDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { timeZone: "UTC" });
}
