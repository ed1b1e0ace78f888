import { describe, expect, it } from "vitest";
import { loadCorpus, splitCorpus } from "../../../../analysis/triggers/corpus";
import { shippedTriggerModel } from "../../../../analysis/triggers/detect";
import { evaluate } from "../../../../analysis/triggers/train";
import { figuresOf } from "../../../../analysis/triggers/train-cli";

describe("the shipped trigger model", () => {
  it("reproduces the test-split figures recorded when it was trained", () => {
    const model = shippedTriggerModel();
    const corpus = loadCorpus();
    const { test } = splitCorpus(corpus);
    const recorded = model.figures as { corpusRows: number; testRows: number; test: ReturnType<typeof figuresOf> };
    expect(corpus.length).toBe(recorded.corpusRows);
    expect(test.length).toBe(recorded.testRows);
    expect(figuresOf(evaluate(model, test))).toEqual(recorded.test);
  }, 60_000);

  it("is a small file", async () => {
    const { statSync } = await import("node:fs");
    expect(statSync(new URL("../../../../analysis/triggers/model.json", import.meta.url)).size).toBeLessThan(5 * 1024 * 1024);
  });
});
