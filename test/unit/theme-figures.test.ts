import { describe, expect, it } from "vitest";
import { chooseQuotes, themeStat, themesWithRespondents } from "../../app/themes/theme-figures";

describe("chooseQuotes", () => {
  it("takes the central answers (quote rank >= 0.8) highest first, ties by answer id", () => {
    expect(
      chooseQuotes({
        byRank: [
          { answerId: 9, quoteRank: 0.95 },
          { answerId: 4, quoteRank: 0.9 },
          { answerId: 2, quoteRank: 0.9 },
        ],
        byLength: [7, 8, 9],
      }),
    ).toEqual([9, 2, 4]);
  });

  it("fills up with the longest answers not already chosen", () => {
    expect(
      chooseQuotes({
        byRank: [
          { answerId: 5, quoteRank: 0.8 },
          { answerId: 6, quoteRank: 0.79 },
          { answerId: 1, quoteRank: 0.5 },
        ],
        byLength: [5, 3, 6, 1],
      }),
    ).toEqual([5, 3, 6]);
  });

  it("gives fewer than three quotes only when the theme has fewer members", () => {
    expect(chooseQuotes({ byRank: [{ answerId: 1, quoteRank: 0.2 }], byLength: [1] })).toEqual([1]);
    expect(chooseQuotes({ byRank: [], byLength: [] })).toEqual([]);
  });
});

describe("themeStat and themesWithRespondents", () => {
  it("keeps only themes someone belongs to and computes the share of everyone analysed", () => {
    const totals = [
      { themeId: 1, respondents: 3, avgSeverity: 4 },
      { themeId: 2, respondents: 0, avgSeverity: null },
    ];
    expect(themesWithRespondents(totals).map((t) => t.themeId)).toEqual([1]);
    expect(themeStat(totals[0], 12, { breach: 2 }, [7, 8])).toEqual({
      themeId: 1,
      memberCount: 3,
      share: 0.25,
      avgSeverity: 4,
      triggerMix: { breach: 2 },
      quoteAnswerIds: [7, 8],
    });
    expect(themeStat(totals[0], 0, undefined, undefined)).toEqual({
      themeId: 1,
      memberCount: 3,
      share: 0,
      avgSeverity: 4,
      triggerMix: {},
      quoteAnswerIds: [],
    });
  });
});
