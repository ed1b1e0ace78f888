import { describe, expect, it } from "vitest";
import { sphericalKmeans } from "../../../analysis/kmeans/index.js";
import { resolveOptions } from "../../../analysis/options.js";
import { createRng } from "../../../analysis/random.js";
import type { CsrMatrix } from "../../../analysis/sparse.js";
import { truncatedSvd } from "../../../analysis/svd.js";
import { vectorize } from "../../../analysis/vectorize.js";

// Small hand-built inputs whose answers can be worked out on paper.

function rowOf(m: CsrMatrix, r: number): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = m.rowStart[r]; i < m.rowStart[r + 1]; i++) out.set(m.colIndex[i], m.values[i]);
  return out;
}

describe("vectorize", () => {
  it("weighs by sublinear tf and ln((1+n)/(1+df)) idf floored at 0.05, then L2-normalises each row", () => {
    const m = vectorize(["printer printer jammed", "printer"], { minDf: 1, bigramMinDf: 1, maxDfRatio: 1, bigrams: false });
    expect(m.rows).toBe(2);
    expect([...m.docFrequency].sort()).toEqual([1, 2]);
    const printer = m.surfaces.indexOf("printer");
    const jammed = m.docFrequency.findIndex((df, col) => df === 1 && col !== printer);
    expect(printer).toBeGreaterThanOrEqual(0);
    // "printer" is in both texts: ln(3/3) = 0, floored to 0.05; tf 1 + ln 2. "jammed": ln(3/2), tf 1.
    const p = (1 + Math.log(2)) * 0.05;
    const j = Math.log(3 / 2);
    const norm = Math.hypot(p, j);
    const row0 = rowOf(m, 0);
    expect(row0.get(printer)).toBeCloseTo(p / norm, 6);
    expect(row0.get(jammed)).toBeCloseTo(j / norm, 6);
    // The second text holds only "printer": its row is that one term at length 1.
    expect([...rowOf(m, 1)]).toEqual([[printer, 1]]);
  });
});

describe("truncatedSvd", () => {
  it("maps rows with the same direction to the same unit vector and orthogonal rows to orthogonal ones", () => {
    // rows: (1, 0), (2, 0), (0, 3)
    const matrix: CsrMatrix = {
      rows: 3,
      cols: 2,
      rowStart: Int32Array.from([0, 1, 2, 3]),
      colIndex: Int32Array.from([0, 0, 1]),
      values: Float32Array.from([1, 2, 3]),
    };
    const e = truncatedSvd(matrix, { dimensions: 2, oversampling: 2, powerIterations: 2 }, createRng(1));
    expect([e.rows, e.dimensions]).toEqual([3, 2]);
    const v = (r: number) => [...e.vectors.slice(r * 2, r * 2 + 2)];
    const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1];
    for (const r of [0, 1, 2]) expect(dot(v(r), v(r))).toBeCloseTo(1, 5);
    expect(dot(v(0), v(1))).toBeCloseTo(1, 5);
    expect(dot(v(0), v(2))).toBeCloseTo(0, 5);
  });
});

describe("sphericalKmeans", () => {
  it("splits two tight groups of unit vectors and reports the summed cosine to their centres", () => {
    const points = [
      [1, 0],
      [0.96, 0.28],
      [0, 1],
      [0.28, 0.96],
    ];
    const data = Float32Array.from(points.flat());
    const result = sphericalKmeans(
      data,
      2,
      Int32Array.from([0, 1, 2, 3]),
      { k: 2, restarts: 4, maxIterations: 20, restartSampleSize: 100, restartIterations: 20 },
      createRng(7),
    );
    const a = result.assignments;
    expect(a[0]).toBe(a[1]);
    expect(a[2]).toBe(a[3]);
    expect(a[0]).not.toBe(a[2]);
    // Each centre is the normalised mean of its pair: cos to it is |x + y| / 2 for unit x, y.
    const half = Math.hypot(1.96, 0.28) / 2;
    expect(result.objective).toBeCloseTo(4 * half, 5);
    expect(result.iterations).toBeGreaterThanOrEqual(1);
  });
});

describe("analyzeThemes options", () => {
  it("refuses bad numeric options with a message naming the option, like k", () => {
    expect(() => resolveOptions({ k: 0 })).toThrow(/k must be a positive integer/);
    expect(() => resolveOptions({ restarts: 0 })).toThrow("restarts must be an integer of at least 1, got 0");
    expect(() => resolveOptions({ dimensions: 2.5 })).toThrow(/dimensions must be an integer/);
    expect(() => resolveOptions({ maxIterations: Number.NaN })).toThrow(/maxIterations/);
    expect(() => resolveOptions({ minK: 10, maxK: 5 })).toThrow("minK (10) must not exceed maxK (5)");
    expect(() => resolveOptions({ maxDfRatio: 0 })).toThrow(/maxDfRatio must be in \(0, 1\]/);
    expect(() => resolveOptions({ seed: Number.POSITIVE_INFINITY })).toThrow(/seed must be a finite number/);
    expect(resolveOptions({ restarts: 3, quotesPerCluster: 0 })).toMatchObject({ restarts: 3, quotesPerCluster: 0 });
  });
});
