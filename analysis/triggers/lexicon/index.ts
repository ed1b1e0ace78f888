/**
 * Concept lexicons for the ten trigger types, written over LEMMAS, not surface strings: a clause
 * is matched as the space-joined lemmas of its words (wink-nlp's lemmatiser: "fell" -> "fall",
 * "got" -> "get", "renews" -> "renew", "didn't" -> "do not"), so one pattern covers every tense
 * and number. Word classes (SYSTEM, EXEC, ...) are shared so a new synonym is added once.
 *
 * A lexicon hit is evidence, not a verdict: the learned model (model.ts) weighs hits with the
 * clause's scope (negated, hypothetical, someone else's) and the rest of the answer's words.
 */
import type { TriggerType } from "../types.js";
import { SECURITY_INCIDENT } from "./security.js";
import { OUTAGE } from "./outage.js";
import { COMPLIANCE_DEADLINE } from "./compliance.js";
import { LEADERSHIP_CHANGE } from "./leadership.js";
import { CONTRACT_RENEWAL } from "./contract.js";
import { GROWTH } from "./growth.js";
import { FUNDING } from "./funding.js";
import { MERGER_ACQUISITION } from "./merger.js";
import { COST_PRESSURE } from "./cost.js";
import { VENDOR_CHANGE } from "./vendor.js";

/** One list of patterns per type; a pattern's index in its list is its id in the model's features (P:n). */
export const LEXICON: Record<TriggerType, string[]> = {
  security_incident: SECURITY_INCIDENT,
  outage: OUTAGE,
  compliance_deadline: COMPLIANCE_DEADLINE,
  leadership_change: LEADERSHIP_CHANGE,
  contract_renewal: CONTRACT_RENEWAL,
  growth: GROWTH,
  funding: FUNDING,
  merger_acquisition: MERGER_ACQUISITION,
  cost_pressure: COST_PRESSURE,
  vendor_change: VENDOR_CHANGE,
};

/** Every literal word the patterns are written with: the lemmatiser's back-off (parse.ts) maps a
 *  participle wink leaves unlemmatised ("retired", "fined" -> "fin") onto one of these. */
export const LEXICON_WORDS: ReadonlySet<string> = new Set(
  Object.values(LEXICON)
    .flat()
    .flatMap((source) => source.replace(/\\[a-zA-Z]/g, " ").match(/[a-z][a-z'-]*/g) ?? []),
);
