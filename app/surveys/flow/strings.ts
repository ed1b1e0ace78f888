/**
 * The public form's own words added with one question at a time, autosave, counters and the
 * accessibility work (issue 13, ADR 0601), in one place so the translation work (i18next) can
 * take them over as keys without hunting through components.
 */
const n = (value: number) => value.toLocaleString("en");

export const flowText = {
  saving: "Saving…",
  saved: "All answers saved",
  notSaved: "Not saved yet: we will try again when you change an answer, and Next saves everything.",
  saveLinkNow: "Save this link to finish later:",
  counter: (count: number, max: number) => `${n(count)} / ${n(max)}`,
  over: (count: number, max: number) => `${n(count - max)} characters over the limit. Nothing was cut: please shorten it to ${n(max)}.`,
  tooLong: (count: number, max: number) =>
    `Please keep this under ${n(max)} characters. It has ${n(count)}; nothing was cut, please shorten it.`,
  exclusive: (option: string) => `“${option}” cannot be combined with other choices. Untick it or the others.`,
  questionOf: (index: number, count: number) => `Question ${index} of ${count} on this page`,
  nextQuestion: "Next question",
  previousQuestion: "Previous question",
  keysHint: "Keys: a letter picks a choice, Enter goes on.",
  summaryIntro: "Go to:",
} as const;
