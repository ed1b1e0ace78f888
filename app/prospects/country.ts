/**
 * Country names from the runtime's own ISO 3166 data (Intl.DisplayNames, CLDR): a CRM's Country
 * field takes a country, so a region such as "Europe" or "Asia-Pacific" becomes an empty cell.
 */
let names: Map<string, string> | null = null;

function countryNames(): Map<string, string> {
  if (names) return names;
  names = new Map();
  const display = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const A = "A".charCodeAt(0);
  for (let i = 0; i < 26; i++)
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = display.of(code);
      // "EU", "UN", "EZ" and "ZZ" are groupings, not countries.
      if (!name || ["EU", "EZ", "UN", "ZZ", "QO"].includes(code)) continue;
      names.set(name.toLowerCase(), name);
      names.set(code.toLowerCase(), name);
    }
  for (const [alias, code] of [
    ["usa", "US"],
    ["uk", "GB"],
    ["england", "GB"],
  ] as const)
    names.set(alias, display.of(code) ?? alias);
  return names;
}

/** The country named by this value, or null when it names a region, a continent or nothing. */
export function countryOf(value: string | null | undefined): string | null {
  if (!value) return null;
  return countryNames().get(value.trim().toLowerCase()) ?? null;
}
