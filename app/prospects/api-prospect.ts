import type { ProspectView } from "./prospect-views.server.js";

/** The read-only API's view of a prospect: what a CRM sync needs, no internal ids beyond the person's. */
export function apiProspect(p: ProspectView, unsubscribeUrl: string | null) {
  return {
    id: p.personId,
    name: p.name,
    email: p.email,
    job_title: p.jobTitle,
    buying_role: p.role,
    company: p.company,
    industry: p.industry,
    region: p.region,
    source: p.source,
    score: p.score,
    band: p.effectiveBand,
    status: p.status,
    owner: p.ownerName,
    top_pain_theme: p.topTheme?.label ?? null,
    trigger: p.trigger,
    key_quote: p.quote,
    reasons: p.reasons.map((r) => r.text),
    profile_version: p.profileVersion,
    assessed_at: p.computedAt,
    updated_at: p.updatedAt,
    unsubscribe_url: unsubscribeUrl,
  };
}
