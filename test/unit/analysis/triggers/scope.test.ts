import { describe, expect, it } from "vitest";
import { extractFeatures } from "../../../../analysis/triggers/features";

/** The scope of the first lexicon hit of `type` in `text`. */
function scopeOf(text: string, type: string): string | undefined {
  return extractFeatures(text).hits.find((h) => h.type === type)?.scope;
}

describe("trigger scope rules", () => {
  it.each([
    ["We had a breach in March.", "security_incident", "fact"],
    ["We've been lucky, no breach so far.", "security_incident", "negated"],
    ["We have never had an outage.", "outage", "negated"],
    ["We didn't have any downtime this year.", "outage", "negated"],
    ["Zero outages since we moved.", "outage", "negated"],
    ["should the auditors ever turn up we'd be in trouble", "compliance_deadline", "hypothetical"],
    ["If the ERP went down we would lose a day.", "outage", "hypothetical"],
    ["I'm worried about ransomware.", "security_incident", "hypothetical"],
    ["in case of an audit we need the logs", "compliance_deadline", "hypothetical"],
    ["Our neighbour's plant had an outage.", "outage", "other"],
    ["A competitor got hacked last month.", "security_incident", "other"],
    ["A competitor of ours got hit by ransomware.", "security_incident", "other"],
    ["The hotel across the road got hit with ransomware.", "security_incident", "other"],
    ["Our sister company had a data breach.", "security_incident", "other"],
    ["Our own company had a data breach.", "security_incident", "fact"],
    ["We hope to expand into Spain.", "growth", "wish"],
    ["we'd love to open new stores", "growth", "wish"],
  ])("%s -> %s is %s", (text, type, scope) => {
    expect(scopeOf(text, type)).toBe(scope);
  });

  it("negation does not cross a clause boundary", () => {
    const hits = extractFeatures("We never had an outage, but our licence expires next month.").hits;
    expect(hits.find((h) => h.type === "outage")?.scope).toBe("negated");
    expect(hits.find((h) => h.type === "contract_renewal")?.scope).toBe("fact");
  });

  it("'no longer supported' is the event itself, not a negation", () => {
    expect(scopeOf("The tool is no longer supported.", "vendor_change")).toBe("fact");
  });

  it("matches lemmas, so every tense hits the same pattern", () => {
    for (const text of ["The ERP fell over.", "The ERP falls over every week.", "the erp has fallen over twice"]) {
      expect(scopeOf(text, "outage")).toBe("fact");
    }
  });

  it("tags words with their clause's scope", () => {
    const f = extractFeatures("No breach so far.");
    expect(f.shared).toContain("wn:breach");
    expect(f.shared).not.toContain("wf:breach");
    expect(f.byType.get("security_incident")).toContain("Ln");
  });
});

describe("lexicon traps", () => {
  it("'breach of contract' is not a security breach", () => {
    expect(scopeOf("Our breach of contract module is popular.", "security_incident")).toBeUndefined();
    expect(scopeOf("We had a data breach in May.", "security_incident")).toBe("fact");
  });
});
