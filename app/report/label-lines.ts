/**
 * Chart labels broken into lines by a character budget. recharts wraps an axis label by measuring
 * it in the browser's DOM, which the server cannot do, so the server sent one line and the browser
 * drew several: a hydration mismatch (React errors #418/#425) and a client re-render. A character
 * budget gives the same lines on both sides.
 */

/** Words of `text` packed into lines of at most `maxChars` characters; a word longer than that is cut. At most `maxLines`, the last ending in "…" if text was left out. */
export function labelLines(text: string, maxChars: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const raw of words) {
    let word = raw;
    while (word.length > maxChars) {
      if (line) lines.push(line);
      lines.push(word.slice(0, maxChars));
      word = word.slice(maxChars);
      line = "";
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  return kept;
}
