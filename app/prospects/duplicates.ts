/**
 * Likely duplicate people (issue 17 item 2, ADR 0402): pure rules on hand-built input. The exact
 * normalised email is already one person (completeResponse); these find the same human under two
 * addresses, for a marketer to confirm. Two rules, each on normalised values:
 * - same company email domain and same name (free-mail domains such as gmail.com say nothing about a company);
 * - same company name and same job title (role).
 */

/** Domains anyone can sign up to: sharing one is no evidence of working at the same company. */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.uk",
  "ymail.com",
  "hotmail.com",
  "hotmail.co.uk",
  "outlook.com",
  "live.com",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "web.de",
  "mail.com",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
  "fastmail.com",
  "hey.com",
  "qq.com",
  "163.com",
]);

/** Legal-form words that do not tell two companies apart: "Acme Ltd." and "ACME, Inc." are one company. */
const LEGAL_FORMS = new Set([
  "inc",
  "incorporated",
  "ltd",
  "limited",
  "llc",
  "llp",
  "plc",
  "corp",
  "corporation",
  "co",
  "company",
  "gmbh",
  "ag",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "ab",
  "as",
  "pty",
  "kg",
  "the",
]);

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** "  Dana  O'Neil " and "dana o neil" are one name: accents, case, punctuation and spacing are ignored. */
export function normaliseName(name: string | null | undefined): string | null {
  if (!name) return null;
  const n = fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return n || null;
}

/** A company's name without case, punctuation or legal form ("Acme Ltd." -> "acme"); "&" reads "and". */
export function normaliseCompany(name: string | null | undefined): string | null {
  if (!name) return null;
  const words = fold(name)
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter((w) => w && !LEGAL_FORMS.has(w));
  return words.length ? words.join(" ") : null;
}

/** The email's domain, lower-cased, without a leading "www." or "mail."; null for free-mail or no email. */
export function companyDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 1) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^(www|mail)\./, "");
  if (!domain.includes(".") || FREE_MAIL_DOMAINS.has(domain)) return null;
  return domain;
}

/** A job title compared loosely: case, punctuation and spacing ignored ("Head of IT" = "head of it"). */
function normaliseRole(title: string | null | undefined): string | null {
  return normaliseName(title);
}

export interface DuplicateCandidate {
  personId: number;
  name: string | null;
  email: string | null;
  jobTitle: string | null;
  companyName: string | null;
}

export type DuplicateRule = "domain_and_name" | "company_and_role";

export const RULE_LABELS: Record<DuplicateRule, string> = {
  domain_and_name: "same company email domain and same name",
  company_and_role: "same company and same job title",
};

export interface DuplicatePair {
  /** the older person (lower id): the one kept by default, since links and notes point at them first */
  keptId: number;
  mergedId: number;
  rules: DuplicateRule[];
}

/**
 * Every pair of people matched by at least one rule, each pair once (lower id first), ordered by id.
 * Grouped by key, so the work is linear in people plus the pairs found.
 */
export function suggestDuplicates(people: readonly DuplicateCandidate[]): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const groups = (rule: DuplicateRule, keyOf: (p: DuplicateCandidate) => string | null) => {
    const byKey = new Map<string, number[]>();
    for (const p of people) {
      const key = keyOf(p);
      if (key === null) continue;
      const list = byKey.get(key) ?? [];
      list.push(p.personId);
      byKey.set(key, list);
    }
    for (const ids of byKey.values()) {
      const sorted = [...new Set(ids)].sort((a, b) => a - b);
      for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length; j++) {
          const id = `${sorted[i]}-${sorted[j]}`;
          const pair = pairs.get(id) ?? { keptId: sorted[i]!, mergedId: sorted[j]!, rules: [] };
          if (!pair.rules.includes(rule)) pair.rules.push(rule);
          pairs.set(id, pair);
        }
      }
    }
  };
  groups("domain_and_name", (p) => {
    const domain = companyDomain(p.email);
    const name = normaliseName(p.name);
    return domain && name ? `${domain}\u0000${name}` : null;
  });
  groups("company_and_role", (p) => {
    const company = normaliseCompany(p.companyName);
    const role = normaliseRole(p.jobTitle);
    return company && role ? `${company}\u0000${role}` : null;
  });
  return [...pairs.values()].sort((a, b) => a.keptId - b.keptId || a.mergedId - b.mergedId);
}
