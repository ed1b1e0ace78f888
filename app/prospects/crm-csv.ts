import { toCsv, type CsvCell } from "../utils/csv.js";
import { countryOf } from "./country.js";
import type { PipelineStage } from "./order.js";
import type { ProspectView } from "./prospect-views.server.js";

/* ---------- To the CRM: CSV columns HubSpot and Salesforce map on import, and the API shape ---------- */

export type CrmFormat = "hubspot" | "salesforce";

function splitName(name: string | null): [string, string] {
  const parts = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (parts.length <= 1) return [parts[0] ?? "", ""];
  return [parts.slice(0, -1).join(" "), parts[parts.length - 1]];
}

const CRM_HEADERS: Record<CrmFormat, string[]> = {
  hubspot: [
    "First Name",
    "Last Name",
    "Email",
    "Company Name",
    "Job Title",
    "Industry",
    "Country/Region",
    "Lead Status",
    "Original Source",
    "Readiness Score",
    "Readiness Band",
    "Top Pain",
    "Trigger",
    "Key Quote",
    "Reasons",
    "Painmap URL",
    "Unsubscribe URL",
  ],
  salesforce: [
    "FirstName",
    "LastName",
    "Email",
    "Company",
    "Title",
    "Industry",
    "Country",
    "Status",
    "LeadSource",
    "Readiness_Score__c",
    "Readiness_Band__c",
    "Top_Pain__c",
    "Trigger__c",
    "Key_Quote__c",
    "Reasons__c",
    "Painmap_URL__c",
    "Unsubscribe_URL__c",
  ],
};

/** Each CRM's own lead status values (HubSpot's internal names, Salesforce's default picklist). */
const LEAD_STATUS: Record<CrmFormat, Record<PipelineStage, string>> = {
  hubspot: { new: "NEW", accepted: "OPEN", contacted: "IN_PROGRESS", won: "OPEN_DEAL", lost: "UNQUALIFIED", rejected: "UNQUALIFIED" },
  salesforce: {
    new: "Open - Not Contacted",
    accepted: "Open - Not Contacted",
    contacted: "Working - Contacted",
    won: "Closed - Converted",
    lost: "Closed - Not Converted",
    rejected: "Closed - Not Converted",
  },
};

/**
 * The CRM file. Only people the consent rule lets us hand over, with an email (a CRM refuses a
 * lead without one): the caller passes readyNowForCrm, and this filter keeps the file safe on its own.
 */
export function crmCsv(list: readonly ProspectView[], origin: string, format: CrmFormat, linkFor: (personId: number) => string): string {
  const { header, rows } = crmRows(list, origin, format, linkFor);
  return toCsv(header, rows);
}

/** The CRM file's header and rows, for the CSV and the XLSX export alike. */
export function crmRows(list: readonly ProspectView[], origin: string, format: CrmFormat, linkFor: (personId: number) => string) {
  const rows: CsvCell[][] = list
    .filter((p) => p.crmReady && p.email)
    .map((p) => {
      const [first, last] = splitName(p.name);
      return [
        first,
        last,
        p.email,
        p.company,
        p.jobTitle,
        p.industry,
        countryOf(p.region),
        LEAD_STATUS[format][p.stage],
        p.source,
        p.score,
        p.effectiveBand === "ready_now" ? "Ready now" : p.effectiveBand,
        p.topTheme?.label ?? null,
        p.trigger ? `${p.trigger.label} (${p.trigger.timing})` : null,
        p.quote,
        p.reasons.map((r) => r.text).join("; "),
        `${origin}/prospects/${p.personId}`,
        p.email ? linkFor(p.personId) : null,
      ];
    });
  return { header: CRM_HEADERS[format], rows };
}
