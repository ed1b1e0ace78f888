import type { PublicQuestion } from "../answer-schema.js";

/**
 * One question at a time (ADR 0601): which control a key press picks. Letters pick choices
 * (A = the first option), digits pick a scale's value; anything else is left to the browser.
 * Returns the index of the choice input (`q<id>-<index>`), or undefined.
 */
export function shortcutChoice(q: Pick<PublicQuestion, "kind" | "options" | "allowOther">, key: string): number | undefined {
  if (q.kind === "single_choice" || q.kind === "multiple_choice") {
    if (!/^[a-z]$/i.test(key)) return undefined;
    const index = key.toLowerCase().charCodeAt(0) - 97;
    const shown = q.allowOther ? q.options.filter((o) => o.trim().toLowerCase() !== "other").length : q.options.length;
    return index < shown ? index : undefined;
  }
  if (q.kind === "scale_0_10" || q.kind === "rating_1_5") {
    if (!/^[0-9]$/.test(key)) return undefined;
    const digit = Number(key);
    if (q.kind === "scale_0_10") return digit;
    return digit >= 1 && digit <= 5 ? digit - 1 : undefined;
  }
  return undefined;
}

/** The step to show among the page's shown questions, kept in range when logic hides some. */
export function clampStep(step: number, shown: number): number {
  return Math.max(0, Math.min(step, shown - 1));
}
