import { describe, expect, it } from "vitest";
import { labelLines } from "../../app/report/label-lines.js";

describe("labelLines (chart labels wrapped the same on the server and in the browser)", () => {
  it("keeps a label that fits on one line", () => {
    expect(labelLines("Lost a big customer", 24, 2)).toEqual(["Lost a big customer"]);
  });
  it("packs words into lines of at most maxChars", () => {
    expect(labelLines("Within the next three months", 12, 3)).toEqual(["Within the", "next three", "months"]);
  });
  it("cuts a word longer than a line", () => {
    expect(labelLines("abcdefghij xy", 4, 5)).toEqual(["abcd", "efgh", "ij", "xy"]);
  });
  it("ends the last kept line with an ellipsis when lines are left out", () => {
    expect(labelLines("one two three four five", 7, 2)).toEqual(["one two", "three…"]);
    expect(labelLines("aaaaaaa bbbbbbb ccc", 7, 2)).toEqual(["aaaaaaa", "bbbbbb…"]);
  });
  it("collapses white space and gives no line for an empty label", () => {
    expect(labelLines("  a   b  ", 10, 2)).toEqual(["a b"]);
    expect(labelLines("   ", 10, 2)).toEqual([]);
  });
});
