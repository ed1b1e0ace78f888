/**
 * Exclusive choices of a multiple-choice question (ADR 0601): an option that says the prospect has
 * none of the others ("None of these", "None", "Not applicable", "I don't know") cannot be ticked
 * together with them. Recognised by its words rather than a builder flag, so every existing survey
 * (and the study template's "None of these") gets the rule without a migration.
 */
const EXCLUSIVE = [
  /^none( of (these|the above|them))?\.?$/,
  /^not applicable\.?$/,
  /^n\/a$/,
  /^(i )?(don't|do not|dont) know\.?$/,
  /^nothing( yet)?\.?$/,
];

export function isExclusiveOption(option: string): boolean {
  const words = option.trim().toLowerCase().replace(/[’‘]/g, "'");
  return EXCLUSIVE.some((re) => re.test(words));
}

/** The first exclusive option among several choices, when it is combined with another (what the server refuses). */
export function exclusiveConflict(chosen: readonly string[]): string | undefined {
  if (chosen.length < 2) return undefined;
  return chosen.find(isExclusiveOption);
}

/**
 * What stays ticked after the prospect ticks `changed` (the browser's live rule): ticking an exclusive
 * option clears the others; ticking any other option clears the exclusive ones.
 */
export function afterTick(checked: readonly string[], changed: string): string[] {
  if (!checked.includes(changed)) return [...checked];
  if (isExclusiveOption(changed)) return [changed];
  return checked.filter((v) => v === changed || !isExclusiveOption(v));
}

/** The browser's side, on a form's change event: ticking an exclusive box clears its group's others, and the others clear it. */
export function clearExclusiveOthers(form: HTMLFormElement | null, input: HTMLInputElement): void {
  if (!form || input.type !== "checkbox" || !input.checked || !input.name) return;
  for (const box of form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(input.name)}"]`)) {
    if (box !== input && (input.hasAttribute("data-exclusive") || box.hasAttribute("data-exclusive"))) box.checked = false;
  }
}
