import { describe, expect, it } from "vitest";
import { extractFeatures } from "../../../../analysis/triggers/features";

/** The scopes of every lexicon hit of `type` in `text`, in order. */
function scopesOf(text: string, type: string): string[] {
  return extractFeatures(text)
    .hits.filter((h) => h.type === type)
    .map((h) => h.scope);
}

/** Every hit of the type has this scope (and there is at least one hit). */
function expectAll(text: string, type: string, scope: string) {
  const scopes = scopesOf(text, type);
  expect(scopes.length).toBeGreaterThan(0);
  expect(new Set(scopes)).toEqual(new Set([scope]));
}

describe("context beyond the clause (context.ts)", () => {
  it("a disclaimer elsewhere in the answer makes someone else's event not ours", () => {
    expectAll("Slack had an outage in January, but our product was fine.", "outage", "other");
    expectAll("Our packaging supplier had a ransomware attack. We were not affected.", "security_incident", "other");
    expectAll("Cloudflare had a huge outage but we weren't on it.", "outage", "other");
  });

  it("a disclaimer does not undo the speaker's own event", () => {
    expectAll("We had an outage last week, but our customers were not affected.", "outage", "fact");
    expectAll("Our ERP crashed on Monday.", "outage", "fact");
  });

  it("a quantity going down is no outage, and prices going up are no growth", () => {
    expect(scopesOf("Power prices went down a bit last week.", "outage")).not.toContain("fact");
    expect(scopesOf("Freight rates have gone through the roof.", "growth")).not.toContain("fact");
    expect(scopesOf("Orders have gone through the roof.", "growth")).toContain("fact");
  });

  it("planned work is no outage", () => {
    expect(scopesOf("The turbine went down for its planned annual service.", "outage")).not.toContain("fact");
    expect(scopesOf("The turbine went down for two days in July.", "outage")).toContain("fact");
  });

  it("a product or a vendor being bought is the vendor's deal, not our merger", () => {
    expect(scopesOf("Our survey tool got acquired last year.", "merger_acquisition")).not.toContain("fact");
    expect(scopesOf("We got acquired last year.", "merger_acquisition")).toContain("fact");
  });

  it("the new owners of a vendor that changed hands are not our new owners", () => {
    const scopes = scopesOf("Our payroll provider was bought and the new owners are killing the product.", "merger_acquisition");
    expect(scopes).not.toContain("fact");
  });

  it("an investor named as the buyer is no funding round", () => {
    expect(scopesOf("Private equity bought us in September.", "funding")).not.toContain("fact");
    expect(scopesOf("Private equity put £5m into the business.", "funding")).toContain("fact");
  });

  it("a benign outcome after the hit negates it", () => {
    expect(scopesOf("The phishing test came back clean.", "security_incident")).not.toContain("fact");
    expect(scopesOf("Growth has been flat for two years.", "growth")).not.toContain("fact");
    expect(scopesOf("The merger fell through in the end.", "merger_acquisition")).not.toContain("fact");
  });

  it("keeping records of an event is not the event", () => {
    expect(scopesOf("We track outages in a spreadsheet.", "outage")).not.toContain("fact");
    expect(scopesOf("We had three outages in a month.", "outage")).toContain("fact");
  });

  it("a drill is not an attack", () => {
    expect(scopesOf("Half the staff failed the phishing simulation.", "security_incident")).not.toContain("fact");
    expect(scopesOf("Someone phished our payroll clerk.", "security_incident")).toContain("fact");
  });

  it("a guard as a person and someone as the attacker keep the event factual", () => {
    expect(scopesOf("A guard's tablet got nicked out of a car last month.", "security_incident")).toContain("fact");
    expect(scopesOf("We need to guard against a breach.", "security_incident")).not.toContain("fact");
  });

  it("talk, thoughts and maybes are not events", () => {
    expect(scopesOf("There's talk of merging with the practice across town.", "merger_acquisition")).not.toContain("fact");
    expect(scopesOf("We're thinking about maybe expanding into Wales.", "growth")).not.toContain("fact");
  });
});
