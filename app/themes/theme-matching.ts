/**
 * Theme identity across analysis runs (pure: plain data in, plain data out).
 *
 * A new run produces clusters with fresh numbers; the board's themes must keep their identity,
 * their value propositions and a marketer's decisions. LSA centroids are not comparable across
 * runs (the vocabulary and SVD basis change), so clusters are matched by their members first:
 * the answers a cluster shares with an existing theme. Clusters made mostly of new answers fall
 * back to keyword / label similarity (a merged theme's words lead to the theme it was merged
 * into). Human decisions are then re-applied: merged themes redirect to the theme they were merged into, answers a user placed stay where the user put them, hidden
 * stays hidden and custom labels win (those two live on the theme row and are never touched).
 */

export interface ExistingTheme {
  id: number;
  label: string;
  customLabel: string | null;
  keywords: string[];
  status: "active" | "merged" | "hidden";
  mergedIntoId: number | null;
  /** Answers that belonged to the theme after the previous run and later edits. */
  answerIds: number[];
}

export interface NewCluster {
  /** Position in the analysis result. */
  index: number;
  label: string;
  keywords: string[];
  answerIds: number[];
}

type Placement = { themeId: number } | { newCluster: number };

interface ClusterMatch {
  cluster: number;
  /** The existing theme the cluster continues, or null when it is a new theme. */
  themeId: number | null;
  reason: "overlap" | "keywords" | "new";
  score: number;
}

export interface MatchResult {
  clusters: ClusterMatch[];
  /** Where each answer ends up; `by: "user"` keeps a marketer's move or split. */
  assignments: Array<{ answerId: number; placement: Placement; by: "analysis" | "user" }>;
}

/** A cluster continues a theme when at least this share of its previously seen answers were the theme's... */
const MIN_CONTAINMENT = 0.5;
/** ...and previously seen answers are at least this share of the cluster (else it is mostly new). */
const MIN_OLD_FRACTION = 0.2;
/** Keyword-set Jaccard needed to match a mostly-new cluster to an existing theme. */
const MIN_KEYWORD_SIMILARITY = 0.34;

/**
 * A re-run keeps a continued theme's name unless its members changed substantially: fewer than
 * half of the theme's previous answers are in the cluster, or they are under half of the
 * cluster. Otherwise re-running renamed stable themes on small wording shifts ("social media"
 * -> "large customers"), and a marketer lost the name they had learnt to read.
 */
const KEEP_NAME_SHARE = 0.5;
export function keepsName(previousAnswerIds: readonly number[], clusterAnswerIds: readonly number[]): boolean {
  if (previousAnswerIds.length === 0 || clusterAnswerIds.length === 0) return false;
  const previous = new Set(previousAnswerIds);
  let shared = 0;
  for (const id of clusterAnswerIds) if (previous.has(id)) shared++;
  return shared >= KEEP_NAME_SHARE * previous.size && shared >= KEEP_NAME_SHARE * clusterAnswerIds.length;
}

/** Follows merged_into_id to the theme that now stands for `id` (cycle-safe). */
export function resolveTheme(
  themes: ReadonlyMap<number, Pick<ExistingTheme, "id" | "status" | "mergedIntoId">>,
  id: number,
): number | null {
  const seen = new Set<number>();
  let current = themes.get(id);
  while (current && current.status === "merged" && current.mergedIntoId !== null) {
    if (seen.has(current.id)) return null;
    seen.add(current.id);
    current = themes.get(current.mergedIntoId);
  }
  if (!current || current.status === "merged") return null;
  return current.id;
}

function normaliseWords(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const phrase of words) {
    for (const word of phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length > 2) out.add(word);
  }
  return out;
}

export function keywordSimilarity(a: { label: string; keywords: string[] }, b: { label: string; keywords: string[] }): number {
  if (a.label.trim().toLowerCase() === b.label.trim().toLowerCase()) return 1;
  const left = normaliseWords([a.label, ...a.keywords]);
  const right = normaliseWords([b.label, ...b.keywords]);
  if (!left.size || !right.size) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export function matchClusters(input: {
  themes: ExistingTheme[];
  clusters: NewCluster[];
  /** answer id -> theme id, for answers a user moved or split out */
  userAssignments: ReadonlyMap<number, number>;
}): MatchResult {
  const byId = new Map(input.themes.map((t) => [t.id, t]));
  // Which live theme each previously seen answer belongs to (through merges).
  const previous = new Map<number, number>();
  for (const theme of input.themes) {
    const live = resolveTheme(byId, theme.id);
    if (live === null) continue;
    for (const answerId of theme.answerIds) previous.set(answerId, live);
  }

  const clusters: ClusterMatch[] = input.clusters.map((cluster) => {
    const overlap = new Map<number, number>();
    let seenBefore = 0;
    for (const answerId of cluster.answerIds) {
      const themeId = previous.get(answerId);
      if (themeId === undefined) continue;
      seenBefore += 1;
      overlap.set(themeId, (overlap.get(themeId) ?? 0) + 1);
    }
    let best: { themeId: number; count: number } | null = null;
    for (const [themeId, count] of overlap) {
      if (!best || count > best.count || (count === best.count && themeId < best.themeId)) best = { themeId, count };
    }
    if (best && cluster.answerIds.length > 0) {
      const containment = best.count / seenBefore;
      const oldFraction = seenBefore / cluster.answerIds.length;
      if (containment >= MIN_CONTAINMENT && oldFraction >= MIN_OLD_FRACTION) {
        return { cluster: cluster.index, themeId: best.themeId, reason: "overlap", score: containment };
      }
    }
    // A merged theme still has its words: a mostly-new cluster like it joins the theme it was
    // merged into, so a marketer's merge applies to answers that arrive after it.
    let byWords: { themeId: number; score: number } | null = null;
    for (const theme of input.themes) {
      const live = resolveTheme(byId, theme.id);
      if (live === null) continue;
      const score = Math.max(
        keywordSimilarity(cluster, theme),
        theme.customLabel ? keywordSimilarity(cluster, { label: theme.customLabel, keywords: [] }) : 0,
      );
      if (score >= MIN_KEYWORD_SIMILARITY && (!byWords || score > byWords.score)) byWords = { themeId: live, score };
    }
    if (byWords) return { cluster: cluster.index, themeId: byWords.themeId, reason: "keywords", score: byWords.score };
    return { cluster: cluster.index, themeId: null, reason: "new", score: 0 };
  });

  const clusterTarget = new Map(clusters.map((c) => [c.cluster, c.themeId]));
  const assignments: MatchResult["assignments"] = [];
  const placed = new Set<number>();
  for (const [answerId, themeId] of input.userAssignments) {
    const live = resolveTheme(byId, themeId);
    if (live === null) continue;
    assignments.push({ answerId, placement: { themeId: live }, by: "user" });
    placed.add(answerId);
  }
  for (const cluster of input.clusters) {
    const target = clusterTarget.get(cluster.index) ?? null;
    for (const answerId of cluster.answerIds) {
      if (placed.has(answerId)) continue;
      placed.add(answerId);
      assignments.push({ answerId, placement: target === null ? { newCluster: cluster.index } : { themeId: target }, by: "analysis" });
    }
  }
  return { clusters, assignments };
}
