import { describe, expect, it } from "vitest";
import { adjustedRandIndex, clusteringAccuracy, hungarian, normalizedMutualInformation } from "../../../analysis/metrics";

describe("clustering metrics (values checked against scikit-learn 1.2)", () => {
  const truth = [0, 0, 0, 1, 1, 1];
  const predicted = [0, 0, 1, 1, 2, 2];

  it("NMI with arithmetic normalisation", () => {
    expect(normalizedMutualInformation(truth, predicted)).toBeCloseTo(0.5158037429793888, 10);
  });

  it("adjusted Rand index", () => {
    expect(adjustedRandIndex(truth, predicted)).toBeCloseTo(0.24242424242424246, 10);
  });

  it("accuracy under the best one-to-one matching", () => {
    expect(clusteringAccuracy(truth, predicted)).toBeCloseTo(4 / 6, 10);
  });

  it("is invariant to renaming clusters and perfect on a permutation", () => {
    const renamed = ["b", "b", "b", "a", "a", "a"];
    expect(normalizedMutualInformation(truth, renamed)).toBe(1);
    expect(adjustedRandIndex(truth, renamed)).toBe(1);
    expect(clusteringAccuracy(truth, renamed)).toBe(1);
  });

  it("scores a single predicted cluster as uninformative", () => {
    expect(normalizedMutualInformation(truth, [0, 0, 0, 0, 0, 0])).toBe(0);
    expect(adjustedRandIndex(truth, [0, 0, 0, 0, 0, 0])).toBe(0);
  });
});

describe("hungarian", () => {
  it("finds the minimum-cost assignment", () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const match = hungarian(cost);
    expect(match.reduce((sum, c, r) => sum + cost[r][c], 0)).toBe(5);
    expect(new Set(match).size).toBe(3);
  });
});
