/** Longest one-line summary shown under a theme name. */
const SUMMARY_MAX_CHARS = 140;
const SENTENCE_END = /[.!?。！？](?=\s|$)/u;
/** Places a clause may end: punctuation, or before a conjunction that starts a new clause. */
const CLAUSE_BOUNDARY = /[,;:–—)](?=\s)|\s(?=(?:but|and|because|so|although|though|while|which|when|since|or)\s)/giu;

/**
 * The first sentence of the theme's most central member, cut at the last clause boundary
 * that fits in SUMMARY_MAX_CHARS (a word boundary plus "…" only when the sentence has none),
 * so a summary never stops mid-phrase where the text offers a clause to stop at.
 */
export function summarise(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (!clean) return "";
  const end = clean.search(SENTENCE_END);
  const sentence = end >= 0 ? clean.slice(0, end + 1) : clean;
  if (sentence.length <= SUMMARY_MAX_CHARS) return sentence;
  let cut = -1;
  for (const match of sentence.matchAll(CLAUSE_BOUNDARY)) {
    const at = match.index! + (match[0].trim() ? 0 : 0);
    if (at > 20 && at <= SUMMARY_MAX_CHARS) cut = at;
  }
  if (cut > 0) return sentence.slice(0, cut).replace(/[,;:–—\s]+$/u, "") + "…";
  const space = sentence.lastIndexOf(" ", SUMMARY_MAX_CHARS);
  return sentence.slice(0, space > 20 ? space : SUMMARY_MAX_CHARS) + "…";
}
