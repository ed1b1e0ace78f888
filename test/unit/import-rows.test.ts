import { describe, expect, it } from "vitest";
import type { PublicQuestion } from "../../app/surveys/answer-schema.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { checkMapping, guessMapping, ImportInputError, readImportCsv, validateRows } from "../../app/surveys/import.server.js";
import { MAX_TEXT_ANSWER } from "../../app/surveys/questions.js";

const QUESTIONS: PublicQuestion[] = marketValidationQuestions(DEFAULT_TEMPLATE_VARS).map((q, i) => ({
  id: 100 + i,
  page: q.page,
  kind: q.kind,
  prompt: q.prompt,
  helpText: q.helpText ?? "",
  options: q.options ?? [],
  allowOther: q.allowOther ?? false,
  required: q.required ?? false,
  role: q.role,
}));
const byRole = (role: string) => QUESTIONS.find((q) => q.role === role)!;

function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n");
}

describe("readImportCsv", () => {
  it("refuses an empty file, a header without rows and malformed CSV with a message", () => {
    expect(() => readImportCsv("")).toThrow(ImportInputError);
    expect(() => readImportCsv("\uFEFF  \n")).toThrow(/empty/);
    expect(() => readImportCsv("a,b\n")).toThrow(/no rows/);
    expect(() => readImportCsv('a,b\n"open,1\n')).toThrow(/not valid CSV: malformed CSV: quoted field/);
    expect(() => readImportCsv("a,b\n1,2,3\n")).toThrow(/record 2 has 3 fields/);
  });

  it("reads a BOM-prefixed CSV", () => {
    const table = readImportCsv("\uFEFFName,Story\nAda,It broke\n");
    expect(table.header).toEqual(["Name", "Story"]);
    expect(table.rows).toEqual([["Ada", "It broke"]]);
  });
});

describe("guessMapping", () => {
  it("matches headers to prompts, roles and details, and ignores the rest", () => {
    const pain = byRole("pain_story");
    const header = [
      pain.prompt,
      "pain_severity",
      "Email",
      "Company",
      "source",
      "Interview date",
      "Random column",
      "Is there budget to solve this",
    ];
    const mapping = guessMapping(header, QUESTIONS);
    expect(mapping).toEqual([
      `q:${pain.id}`,
      `q:${byRole("pain_severity").id}`,
      "meta:email",
      `q:${byRole("company_name").id}`,
      "meta:source",
      "meta:date",
      "ignore",
      `q:${byRole("budget").id}`,
    ]);
  });

  it("maps our own export's columns back (prompt headers and metadata)", () => {
    const mapping = guessMapping(
      ["response_id", "started_at", "completed_at", "utm_campaign", "rep", byRole("budget").prompt, "Work email (optional)"],
      QUESTIONS,
    );
    expect(mapping).toEqual([
      "ignore",
      "ignore",
      "meta:date",
      "meta:campaign",
      "meta:rep",
      `q:${byRole("budget").id}`,
      `q:${byRole("contact_email").id}`,
    ]);
  });

  it("never maps two columns to the same question", () => {
    const prompt = byRole("budget").prompt;
    expect(guessMapping([prompt, prompt], QUESTIONS)).toEqual([`q:${byRole("budget").id}`, "ignore"]);
  });
});

describe("checkMapping", () => {
  it("needs at least one question and refuses duplicates and unknown questions", () => {
    expect(checkMapping(["a"], ["ignore"], QUESTIONS).errors[0]).toMatch(/at least one column to a question/);
    expect(checkMapping(["a"], ["meta:email"], QUESTIONS).errors[0]).toMatch(/at least one column/);
    expect(checkMapping(["a", "b"], ["q:100", "q:100"], QUESTIONS).errors[0]).toMatch(/"a" and "b" are both mapped/);
    expect(checkMapping(["a"], ["q:99999"], QUESTIONS).errors[0]).toMatch(/not in this survey/);
    const ok = checkMapping(["a", "b"], ["q:100", "meta:email"], QUESTIONS);
    expect(ok.errors).toEqual([]);
    expect(ok.metaColumns).toEqual({ email: 1 });
  });
});

describe("validateRows", () => {
  const budget = byRole("budget");
  const severity = byRole("pain_severity");
  const appeal = byRole("category_appeal");
  const pain = byRole("pain_story");
  const triggers = QUESTIONS.find((q) => q.role === "trigger_events" && q.kind === "multiple_choice")!;
  const industry = byRole("industry");
  const consent = byRole("consent_nurture");
  const header = ["Story", "Severity", "Budget", "Triggers", "Industry", "Appeal", "Nurture", "Email", "Source", "Date"];
  const mapping = [
    `q:${pain.id}`,
    `q:${severity.id}`,
    `q:${budget.id}`,
    `q:${triggers.id}`,
    `q:${industry.id}`,
    `q:${appeal.id}`,
    `q:${consent.id}`,
    "meta:email",
    "meta:source",
    "meta:date",
  ];

  function run(rows: string[][], defaultSource: "unknown" | "sales" = "unknown") {
    const table = readImportCsv(csv([header, ...rows]));
    const check = checkMapping(table.header, mapping, QUESTIONS);
    expect(check.errors).toEqual([]);
    return validateRows(table, check, defaultSource);
  }

  it("turns a good row into the answers the public form would store", () => {
    const [row] = run([
      ["We had an outage", "8", "allocated", "Outage; funding", "Aerospace", "4", "yes", "Ada@Example.com", "Sales", "2026-01-15"],
    ]);
    expect(row.errors).toEqual([]);
    expect(row.line).toBe(2);
    const answer = (id: number) => row.answers.find((a) => a.questionId === id);
    expect(answer(pain.id)).toEqual({ questionId: pain.id, text: "We had an outage", number: null, json: null });
    expect(answer(severity.id)?.number).toBe(8);
    expect(answer(budget.id)?.text).toBe("Allocated");
    expect(JSON.parse(answer(triggers.id)!.json!)).toEqual(["Outage", "Funding"]);
    expect(answer(industry.id)?.text).toBe("Other: Aerospace");
    expect(answer(appeal.id)?.number).toBe(4);
    expect(answer(consent.id)?.number).toBe(1);
    expect(row.meta).toMatchObject({ email: "ada@example.com", source: "sales", date: "2026-01-15T12:00:00.000Z" });
    expect(row.cells.map((c) => c.text)).toEqual([
      "We had an outage",
      "8",
      "Allocated",
      "Outage; Funding",
      "Other: Aerospace",
      "4",
      "yes",
      "ada@example.com",
      "sales",
      "2026-01-15T12:00:00.000Z",
    ]);
  });

  it("gives an error per bad cell: option, number, range, text length, email, source, date, consent", () => {
    const rows = run([
      ["ok", "11", "Maybe", "Outage; Aliens", "Retail", "0", "perhaps", "not-an-email", "tv", "yesterday-ish"],
      ["x".repeat(MAX_TEXT_ANSWER + 1), "lots", "None", "", "", "3.5", "no", "", "", ""],
    ]);
    expect(rows[0].errors).toEqual([
      expect.stringMatching(/^"Severity": Choose a whole number from 0 to 10/),
      expect.stringMatching(/^"Budget": "Maybe" is not one of the options \(Allocated, Could be found, None, Don't know\)/),
      expect.stringMatching(/^"Triggers": "Aliens" is not one of the options/),
      expect.stringMatching(/^"Appeal": Choose a whole number from 1 to 5/),
      expect.stringMatching(/^"Nurture": "perhaps" is not yes or no/),
      expect.stringMatching(/^"Email": "not-an-email" is not a valid email/),
      expect.stringMatching(/^"Source": "tv" is not a source/),
      expect.stringMatching(/^"Date": "yesterday-ish" is not a date/),
    ]);
    expect(rows[0].cells.find((c) => c.index === 2)?.error).toMatch(/not one of the options/);
    expect(rows[1].errors).toEqual([
      expect.stringMatching(/^"Story": Please keep this under 10,000 characters/),
      expect.stringMatching(/^"Severity": Enter a number/),
      expect.stringMatching(/^"Appeal": Choose a whole number from 1 to 5/),
    ]);
  });

  it("leaves empty cells unanswered, uses the default source and refuses an empty row", () => {
    const rows = run(
      [
        ["Only a story", "", "", "", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", ""],
      ],
      "sales",
    );
    expect(rows[0].errors).toEqual([]);
    expect(rows[0].answers).toHaveLength(1);
    expect(rows[0].meta.source).toBe("sales");
    expect(rows[1].errors).toEqual(["The row has no answers in the mapped columns."]);
  });

  it("refuses a value outside a single choice without Other", () => {
    const table = readImportCsv(csv([["Budget"], ["Allocated"], ["Plenty"]]));
    const rows = validateRows(table, checkMapping(table.header, [`q:${budget.id}`], QUESTIONS));
    expect(rows.map((r) => r.errors.length)).toEqual([0, 1]);
  });
});
