import { describe, expect, it } from "vitest";
import { companyDomain, normaliseCompany, normaliseName, suggestDuplicates } from "../../app/prospects/duplicates";
import { combinedPerson } from "../../app/prospects/person-merge.server";
import type { PersonRecord } from "../../db/queries/person-merges";

describe("likely duplicates: normalising (ADR 0402)", () => {
  it("compares names without case, accents, punctuation or spacing", () => {
    expect(normaliseName("  José  O'Neil ")).toBe("jose o neil");
    expect(normaliseName("JOSE O NEIL")).toBe("jose o neil");
    expect(normaliseName("  ")).toBeNull();
  });
  it("drops legal forms from company names and reads & as and", () => {
    expect(normaliseCompany("Acme Health Ltd.")).toBe("acme health");
    expect(normaliseCompany("ACME Health, Inc")).toBe("acme health");
    expect(normaliseCompany("Smith & Sons GmbH")).toBe("smith and sons");
    expect(normaliseCompany("Ltd")).toBeNull();
  });
  it("takes the email's company domain and ignores free mail", () => {
    expect(companyDomain("Dana@WWW.Acme.example")).toBe("acme.example");
    expect(companyDomain("dana@gmail.com")).toBeNull();
    expect(companyDomain("dana@Outlook.com")).toBeNull();
    expect(companyDomain("no-at-sign")).toBeNull();
    expect(companyDomain(null)).toBeNull();
  });
  it("offers each pair once, lower id first, with every rule that matched", () => {
    const pairs = suggestDuplicates([
      { personId: 7, name: "Dana Smith", email: "dana@acme.example", jobTitle: "CISO", companyName: "Acme" },
      { personId: 3, name: "dana smith", email: "d.smith@acme.example", jobTitle: "ciso", companyName: "Acme Ltd" },
      { personId: 5, name: "Dana Smith", email: "dana@gmail.com", jobTitle: "CTO", companyName: "Beta" },
      { personId: 9, name: "Dana Smith", email: "dsmith@gmail.com", jobTitle: "CFO", companyName: "Gamma" },
    ]);
    expect(pairs).toEqual([{ keptId: 3, mergedId: 7, rules: ["domain_and_name", "company_and_role"] }]);
  });
});

describe("the kept person after a merge", () => {
  const base: PersonRecord = {
    id: 1,
    company_id: 10,
    email: "a@acme.example",
    name: "Dana",
    job_title: null,
    source: "marketing",
    utm_source: null,
    utm_campaign: null,
    rep: null,
    owner_user_id: null,
    created_at: "2026-11-10T00:00:00.000Z",
    pipeline_status: "new",
    reject_reason: null,
    contacted_at: null,
    status_changed_at: null,
    merged_into_id: null,
  };
  it("keeps their own values, fills blanks, takes the further pipeline state and the earliest dates", () => {
    const merged: PersonRecord = {
      ...base,
      id: 2,
      email: "b@acme.example",
      job_title: "CISO",
      owner_user_id: 4,
      pipeline_status: "rejected",
      reject_reason: "no budget",
      status_changed_at: "2026-11-20T00:00:00.000Z",
      contacted_at: "2026-11-19T00:00:00.000Z",
      created_at: "2026-11-01T00:00:00.000Z",
    };
    expect(combinedPerson(base, merged)).toEqual({
      ...base,
      job_title: "CISO",
      owner_user_id: 4,
      pipeline_status: "rejected",
      reject_reason: "no budget",
      status_changed_at: "2026-11-20T00:00:00.000Z",
      contacted_at: "2026-11-19T00:00:00.000Z",
      created_at: "2026-11-01T00:00:00.000Z",
    });
    // an accepted kept person stays accepted even if the other was rejected
    expect(combinedPerson({ ...base, pipeline_status: "accepted" }, merged).pipeline_status).toBe("accepted");
  });
});
