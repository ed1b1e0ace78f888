import { describe, expect, it } from "vitest";
import { matchClusters, type ExistingTheme } from "../../app/themes/theme-matching";
import { withEdits } from "../../app/themes/run-changes";
import type { LoggedEdit } from "../../db/queries/theme-edits";

const theme = (id: number, answerIds: number[], extra: Partial<ExistingTheme> = {}): ExistingTheme => ({
  id,
  label: `theme ${id}`,
  customLabel: null,
  keywords: [],
  status: "active",
  mergedIntoId: null,
  answerIds,
  ...extra,
});

const edit = (e: Partial<LoggedEdit> & Pick<LoggedEdit, "action" | "themeLabel">): LoggedEdit => ({
  themeId: 1,
  otherThemeId: null,
  otherThemeLabel: null,
  answerIds: [],
  createdAt: "2026-12-01T00:00:00.000Z",
  ...e,
});

describe("a merge applies again on a re-run", () => {
  it("a mostly-new cluster in a merged theme's words joins the theme it was merged into, through chains of merges", () => {
    const result = matchClusters({
      themes: [
        theme(1, [], { label: "licence costs", keywords: ["licence", "renewal"], status: "merged", mergedIntoId: 2 }),
        theme(2, [], { label: "vendor spend", keywords: ["vendor", "invoice"], status: "merged", mergedIntoId: 3 }),
        theme(3, [1, 2, 3], { label: "server outage", keywords: ["outage", "servers"] }),
      ],
      clusters: [{ index: 0, label: "licence renewal", keywords: ["licence", "renewal"], answerIds: [50, 51, 52] }],
      userAssignments: new Map(),
    });
    expect(result.clusters).toEqual([{ cluster: 0, themeId: 3, reason: "keywords", score: expect.any(Number) }]);
    expect(result.assignments.every((a) => "themeId" in a.placement && a.placement.themeId === 3)).toBe(true);
  });

  it("a merged theme whose chain ends nowhere live matches nothing", () => {
    const result = matchClusters({
      themes: [theme(1, [], { label: "licence costs", keywords: ["licence"], status: "merged", mergedIntoId: 1 })],
      clusters: [{ index: 0, label: "licence costs", keywords: ["licence"], answerIds: [5] }],
      userAssignments: new Map(),
    });
    expect(result.clusters[0].themeId).toBeNull();
  });
});

describe("withEdits", () => {
  const changes = { added: ["Night outages", "Hiring"], growing: ["Phishing"], fading: [], gone: ["Licences", "Audit"], edited: [] };

  it("reports a split, a merge, moves and a rename as edits, and no longer as new or vanished themes", () => {
    const out = withEdits(changes, [
      edit({ action: "split", themeLabel: "Outage", otherThemeLabel: "Night outages", answerIds: [1, 2] }),
      edit({ action: "merge", themeLabel: "Licences", otherThemeLabel: "Outage" }),
      edit({ action: "move", themeLabel: "Phishing", otherThemeLabel: "Outage", answerIds: [7] }),
      edit({ action: "move", themeLabel: "Phishing", otherThemeLabel: "Outage", answerIds: [8] }),
      edit({ action: "rename", themeLabel: "Phishing" }),
      edit({ action: "pin", themeLabel: "Audit" }),
      edit({ action: "hide", themeLabel: "Hiring" }),
      edit({ action: "unhide", themeLabel: "Hiring" }),
    ]);
    expect(out).toEqual({
      added: [],
      growing: ["Phishing"],
      fading: [],
      gone: ["Audit"],
      edited: [
        "Night outages (split out of Outage)",
        "Licences merged into Outage",
        "Phishing (renamed)",
        "Hiring (hidden)",
        "2 answers moved from Phishing to Outage",
      ],
    });
  });

  it("leaves the changes alone without edits", () => {
    expect(withEdits(changes, [])).toBe(changes);
  });
});
