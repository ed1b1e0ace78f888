/**
 * One generated demo prospect: a pain theme drawn at random, answers put together from its
 * sentence parts (app/demo/demo-texts.ts), attribution, and where they stop if they do not finish.
 */
import type { Rng } from "../../analysis/random.js";
import { OTHER_VALUE, fieldName, otherFieldName, type FormValues, type PublicQuestion } from "../surveys/answer-schema.js";
import { BUYING_ROLE_OPTIONS, INDUSTRY_OPTIONS, REGION_OPTIONS, SITE_COUNT_OPTIONS } from "../surveys/template.js";
import {
  COMPANY_A,
  COMPANY_B,
  EARLY_STAGE,
  FIRST,
  LAST,
  MARKETING,
  MONTHS,
  OTHER_INDUSTRIES,
  PROJECTS,
  REPS,
  SITE_NAMES,
  SYSTEMS,
  THEMES,
  TITLES,
} from "./demo-texts.js";

export const DAY = 24 * 60 * 60 * 1000;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)];
const chance = (rng: Rng, p: number) => rng.next() < p;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

function fillIn(rng: Rng, text: string, startedAt: Date): string {
  const month = MONTHS[(startedAt.getUTCMonth() + 11 - rng.int(2)) % 12];
  const month2 = MONTHS[(startedAt.getUTCMonth() + 2 + rng.int(4)) % 12];
  return text
    .replace("{month}", month)
    .replace("{month2}", month2)
    .replace("{n}", String(2 + rng.int(9)))
    .replace("{days}", String(2 + rng.int(12)))
    .replace("{weeks}", String(2 + rng.int(8)))
    .replace("{hours}", String(3 + rng.int(20)))
    .replace("{pct}", String(15 + 5 * rng.int(10)))
    .replace("{k}", String(20 + 10 * rng.int(40)))
    .replace("{system}", pick(rng, SYSTEMS))
    .replace("{site}", pick(rng, SITE_NAMES))
    .replace("{project}", pick(rng, PROJECTS));
}

export interface Prospect {
  formByRole: (q: PublicQuestion) => FormValues;
  attribution: { utm_source?: string; utm_campaign?: string; src?: "marketing" | "sales" | "partner"; rep?: string };
  stopAfter: number | null;
  startedAt: Date;
}

/**
 * `consentRng` draws the "sales may contact me" answer on its own stream, so adding that question
 * left every other demo answer as it was. Shares (ADR 0401): about a third of named respondents let
 * sales contact them; anonymous ones cannot (no email), and nobody ticks the summary without an email.
 */
export function makeProspect(rng: Rng, now: number, consentRng: Rng): Prospect {
  const theme = pick(rng, THEMES);
  const startedAt = new Date(now - rng.next() * 90 * DAY);
  const pain = Math.round(clamp(theme.pain + rng.normal() * 1.3, 0, 10));
  const hot = pain >= 7;
  let story = `${fillIn(rng, pick(rng, theme.openers), startedAt)} ${fillIn(rng, pick(rng, theme.middles), startedAt)}`;
  if (chance(rng, 0.8)) story += ` ${fillIn(rng, pick(rng, theme.costs), startedAt)}`;
  // A second, different pain now and then: real stories are rarely about one thing.
  if (chance(rng, 0.15)) {
    const other = pick(
      rng,
      THEMES.filter((t) => t !== theme),
    );
    story += ` On top of that, ${fillIn(rng, pick(rng, other.openers), startedAt).replace(/^./, (c) => c.toLowerCase())}.`;
  }
  const trigger = chance(rng, 0.2) ? { choices: ["None of these"], text: "" } : pick(rng, theme.triggers);
  const industry = pick(rng, INDUSTRY_OPTIONS);
  const otherIndustry = industry === "Other" ? pick(rng, OTHER_INDUSTRIES) : null;
  const company = `${pick(rng, COMPANY_A)} ${pick(rng, COMPANY_B[industry])}`;
  const domain = `${company.toLowerCase().replace(/[^a-z]+/g, "-")}.example.com`;
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  const anonymous = chance(rng, 0.2);
  const budget = hot
    ? pick(rng, ["Allocated", "Allocated", "Could be found", "Don't know"])
    : pick(rng, ["Could be found", "None", "Don't know", "Allocated"]);
  const timeline = hot
    ? pick(rng, ["Less than 3 months", "3-6 months", "3-6 months", "6-12 months"])
    : pick(rng, ["6-12 months", "More than 12 months", "No plans", "3-6 months"]);
  const yesNo = (pYes: number) => (chance(rng, pYes) ? "Yes" : chance(rng, 0.6) ? "No" : "Not sure");

  const roll = rng.next();
  const attribution: Prospect["attribution"] =
    roll < 0.5
      ? { ...pick(rng, MARKETING) }
      : roll < 0.85
        ? { src: "sales", rep: pick(rng, REPS) }
        : { src: "partner", utm_campaign: "msp-partner-program", ...(chance(rng, 0.5) ? { rep: pick(rng, REPS) } : {}) };
  if (roll < 0.5 && chance(rng, 0.3)) attribution.src = "marketing";

  const byRole: Record<string, () => FormValues[string] | undefined> = {
    buying_role: () =>
      pick(
        rng,
        BUYING_ROLE_OPTIONS.filter((o) => o !== "Other"),
      ),
    industry: () => (otherIndustry ? OTHER_VALUE : industry),
    region: () => pick(rng, REGION_OPTIONS),
    site_count: () => pick(rng, SITE_COUNT_OPTIONS),
    pain_story: () => story,
    current_solution: () => (chance(rng, 0.75) ? pick(rng, theme.current) : undefined),
    pain_severity: () => String(pain),
    cost_of_inaction: () => (chance(rng, 0.8) ? pick(rng, theme.inaction) : undefined),
    budget: () => budget,
    timeline: () => timeline,
    project_leader: () => yesNo(hot ? 0.65 : 0.3),
    exec_sponsor: () => yesNo(hot ? 0.55 : 0.2),
    category_appeal: () => String(clamp(Math.round(pain / 2.2 + rng.normal() * 0.7), 1, 5)),
    early_stage_concerns: () => (chance(rng, 0.6) ? pick(rng, EARLY_STAGE) : undefined),
    consent_contact: () => (chance(rng, anonymous ? 0.2 : 0.65) && !anonymous ? "on" : undefined),
    consent_sales: () => (!anonymous && chance(consentRng, 0.4) ? "on" : undefined),
    consent_nurture: () => (chance(rng, anonymous ? 0.1 : 0.45) ? "on" : undefined),
    contact_name: () => (anonymous ? undefined : `${first} ${last}`),
    contact_email: () => (anonymous ? undefined : `${first}.${last}@${domain}`.toLowerCase()),
    company_name: () => (anonymous && chance(rng, 0.7) ? undefined : company),
    job_title: () => (anonymous ? undefined : pick(rng, TITLES)),
  };

  return {
    startedAt,
    attribution,
    stopAfter: chance(rng, 0.15) ? 2 + rng.int(2) : null,
    formByRole(q) {
      const out: FormValues = {};
      if (q.role === "trigger_events") {
        if (q.kind === "multiple_choice") out[fieldName(q.id)] = trigger.choices;
        else if (trigger.text) out[fieldName(q.id)] = fillIn(rng, trigger.text, startedAt);
        return out;
      }
      const value = q.role ? byRole[q.role]?.() : undefined;
      if (value !== undefined) out[fieldName(q.id)] = value;
      if (q.role === "industry" && otherIndustry) out[otherFieldName(q.id)] = otherIndustry;
      return out;
    },
  };
}
