import type { ThemeModel } from "./assign.js";

export interface Cluster {
  /** Position in `clusters`, largest theme first; `assignments` use the same numbers. */
  id: number;
  /** Most distinctive phrase, as customers wrote it; unique across clusters. */
  label: string;
  keywords: string[];
  /** The most central member's first sentence, cut at a clause boundary. */
  summary: string;
  size: number;
  /** Row indexes of the most representative texts, most central first. */
  quotes: number[];
  /** Mean cosine similarity of members to the theme centre, 0..1. */
  cohesion: number;
}

export interface KSelectionReport {
  /** "forced", "silhouette", or why no comparison was possible. */
  method: string;
  requestedK: number | null;
  sampleSize: number;
  candidates: { k: number; score: number }[];
}

export interface ThemeQuality {
  /** Size-weighted mean of cluster cohesion. */
  meanCohesion: number;
  kSelection: KSelectionReport;
  dimensions: number;
  vocabularySize: number;
  clusteredCount: number;
  unclusteredCount: number;
  /** Objective (sum of cosine to centre) of the returned solution. */
  objective: number;
  /** Above the sampling threshold (analysis/sampled.ts): the model was fitted on `size` of the `of` texts. */
  sample?: { size: number; of: number };
}

export interface ThemeResult {
  k: number;
  /** One entry per input text: cluster id, or -1 when the text had no usable words. */
  assignments: number[];
  clusters: Cluster[];
  /** Indexes of texts with no usable words (empty, only stop words, emoji, numbers). */
  unclustered: number[];
  /** Fitted model for assignToThemes (null when nothing was clustered); store it with the run. */
  model: ThemeModel | null;
  quality: ThemeQuality;
}
