/**
 * Which lexicon patterns can match a clause at all. Each pattern is read once (a small parser for
 * the regex subset the lexicons use) to find a set of word prefixes one of which every match must
 * contain at the start of a word: "(?:be|get) (?:pop|pwn|hack)" needs "pop", "pwn" or "hack"
 * (rarer than "be"/"get"), "lurk\S*" needs a word starting with "lurk". A clause then runs only
 * the patterns whose required prefixes start one of its words. The old index (any literal's first
 * three letters) let ~37 patterns through per clause, most of them for "be", "get" or "new".
 * The condition is necessary, never sufficient: the regex still decides. A test runs every
 * pattern on every corpus clause to check that the index never drops a match.
 */

/** Words too common to be a useful requirement: prefer any other required part of the pattern. */
const COMMON = new Set(
  "a an the our we us it its my i of to in on at by for with as and or be get have go do not no new make take this that they them some up out off".split(
    " ",
  ),
);

function cost(prefix: string): number {
  return COMMON.has(prefix) ? 50 : 1 + 4 / prefix.length;
}

function setCost(set: readonly string[]): number {
  return set.reduce((s, p) => s + cost(p), 0);
}

type Req = string[] | null;
interface Result {
  req: Req;
  /** Definitely at the start of a word after the node, on every path through it. */
  ws: boolean;
}

/** Parses `source` from `at`; stops at an unmatched ")" or the end. Returns the alternation's result and the end offset. */
function alternation(source: string, at: number, wsIn: boolean): { result: Result; end: number } {
  const branches: Result[] = [];
  let pos = at;
  for (;;) {
    const { result, end } = sequence(source, pos, wsIn);
    branches.push(result);
    pos = end;
    if (source[pos] === "|") {
      pos++;
      continue;
    }
    break;
  }
  const req = branches.some((b) => b.req === null) ? null : [...new Set(branches.flatMap((b) => b.req!))];
  return { result: { req, ws: branches.every((b) => b.ws) }, end: pos };
}

function quantifierAt(source: string, pos: number): { min: number; length: number } | null {
  const c = source[pos];
  let length = 0;
  let min = 1;
  if (c === "?" || c === "*") [min, length] = [0, 1];
  else if (c === "+") [min, length] = [1, 1];
  else if (c === "{") {
    const m = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(pos));
    if (!m) return null;
    [min, length] = [Number(m[1]), m[0].length];
  } else return null;
  if (source[pos + length] === "?") length++;
  return { min, length };
}

function sequence(source: string, at: number, wsIn: boolean): { result: Result; end: number } {
  let pos = at;
  let ws = wsIn;
  let word = "";
  let inWord = false;
  let best: Req = null;
  const offer = (req: Req) => {
    if (req && req.length > 0 && (best === null || setCost(req) < setCost(best))) best = req;
  };
  const endWord = () => {
    if (inWord && word) offer([word]);
    inWord = false;
    word = "";
  };
  while (pos < source.length && source[pos] !== "|" && source[pos] !== ")") {
    const c = source[pos];
    let atom: Result;
    let next: number;
    let literal: string | null = null;
    if (c === "(") {
      let inner = pos + 1;
      let zeroWidth = false;
      if (source.startsWith("?:", inner)) inner += 2;
      else if (source.startsWith("?<!", inner) || source.startsWith("?<=", inner)) [inner, zeroWidth] = [inner + 3, true];
      else if (source.startsWith("?!", inner) || source.startsWith("?=", inner)) [inner, zeroWidth] = [inner + 2, true];
      const { result, end } = alternation(source, inner, ws);
      if (source[end] !== ")") throw new Error(`pattern-index: unbalanced group in ${source}`);
      next = end + 1;
      atom = zeroWidth ? { req: null, ws } : result;
      if (zeroWidth) {
        pos = next;
        continue;
      }
    } else if (c === "[") {
      const close = source.indexOf("]", pos + 2);
      next = close + 1;
      atom = { req: null, ws: false };
    } else if (c === "\\") {
      next = pos + 2;
      atom = { req: null, ws: source[pos + 1] === "s" };
    } else if (c === ".") {
      next = pos + 1;
      atom = { req: null, ws: false };
    } else {
      next = pos + 1;
      literal = c;
      atom = { req: null, ws: c === " " };
    }
    const q = quantifierAt(source, next);
    if (q) {
      next += q.length;
      endWord();
      if (q.min >= 1) offer(atom.req);
      ws = q.min === 0 ? ws && atom.ws : atom.ws;
    } else if (literal !== null && literal !== " ") {
      if (ws) {
        inWord = true;
        word = literal;
      } else if (inWord) word += literal;
      ws = false;
    } else {
      endWord();
      offer(atom.req);
      ws = atom.ws;
    }
    pos = next;
  }
  endWord();
  return { result: { req: best, ws }, end: pos };
}

/** The word prefixes one of which every match of `source` contains at a word start, or null if none is certain. */
export function requiredPrefixes(source: string): string[] | null {
  const { result, end } = alternation(source, 0, true);
  if (end !== source.length) throw new Error(`pattern-index: unbalanced ")" in ${source}`);
  return result.req;
}

export interface PatternIndex {
  /** Pattern ids (ascending) that can match a clause made of these words. */
  candidates(words: Iterable<string>): number[];
}

const MEMO_LIMIT = 100_000;

export function buildPatternIndex(sources: readonly string[]): PatternIndex {
  const byPrefix = new Map<string, number[]>();
  const always: number[] = [];
  let longest = 1;
  sources.forEach((source, id) => {
    const req = requiredPrefixes(source);
    if (req === null) {
      always.push(id);
      return;
    }
    for (const p of req) {
      const list = byPrefix.get(p) ?? [];
      list.push(id);
      byPrefix.set(p, list);
      longest = Math.max(longest, p.length);
    }
  });
  // Per word, the patterns it can open: words repeat (Zipf), so each is worked out once.
  const memo = new Map<string, readonly number[]>();
  const forWord = (word: string): readonly number[] => {
    let list = memo.get(word);
    if (list) return list;
    const found: number[] = [];
    for (let n = 1; n <= Math.min(word.length, longest); n++) {
      const ids = byPrefix.get(word.slice(0, n));
      if (ids) for (const id of ids) found.push(id);
    }
    list = found;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(word, list);
    return list;
  };
  const mark = new Int32Array(sources.length);
  let epoch = 0;
  return {
    candidates(words) {
      epoch++;
      const out = [...always];
      for (const id of always) mark[id] = epoch;
      for (const word of words)
        for (const id of forWord(word))
          if (mark[id] !== epoch) {
            mark[id] = epoch;
            out.push(id);
          }
      return out.sort((a, b) => a - b);
    },
  };
}
