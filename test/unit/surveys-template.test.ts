import { describe, expect, it } from "vitest";
import { CHOICE_KINDS, QUESTION_KINDS, QUESTION_ROLES } from "../../app/surveys/questions.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationIntro, marketValidationQuestions } from "../../app/surveys/template.js";
import { QuestionSchema } from "../../app/surveys/schemas.js";

const vars = { problem: "payroll errors", area: "payroll compliance", category: "payroll automation" };

describe("market validation template", () => {
  const questions = marketValidationQuestions(vars);

  it("asks in the order the issue lists", () => {
    expect(questions.map((q) => q.role)).toEqual([
      "buying_role",
      "industry",
      "region",
      "site_count",
      "pain_story",
      "current_solution",
      "pain_severity",
      "trigger_events",
      "trigger_events",
      "cost_of_inaction",
      "budget",
      "timeline",
      "project_leader",
      "exec_sponsor",
      "category_appeal",
      "early_stage_concerns",
      "consent_sales",
      "consent_contact",
      "consent_nurture",
      "contact_name",
      "contact_email",
      "company_name",
      "job_title",
    ]);
  });

  it("fills in the bracketed words and leaves no brackets behind", () => {
    expect(questions[4]!.prompt).toBe("Tell us about the last time payroll errors got in your way. What happened, and what did it cost?");
    expect(questions.find((q) => q.role === "pain_severity")!.prompt).toContain("payroll compliance");
    expect(questions.find((q) => q.role === "category_appeal")!.prompt).toContain("payroll automation");
    expect(marketValidationIntro(vars)).toContain("payroll errors");
    for (const q of questions) {
      expect(`${q.prompt} ${q.helpText ?? ""} ${(q.options ?? []).join(" ")}`).not.toMatch(/\[(problem|area|category)\]/);
    }
    expect(marketValidationQuestions(DEFAULT_TEMPLATE_VARS)[4]!.prompt).toContain(DEFAULT_TEMPLATE_VARS.problem);
  });

  it("uses the right kinds: pain 0-10, appeal 1-5, trigger events with a 'tell us more', three unticked consents", () => {
    expect(questions.find((q) => q.role === "pain_severity")!.kind).toBe("scale_0_10");
    expect(questions.find((q) => q.role === "category_appeal")!.kind).toBe("rating_1_5");
    const triggers = questions.filter((q) => q.role === "trigger_events");
    expect(triggers.map((q) => q.kind)).toEqual(["multiple_choice", "long_text"]);
    expect(triggers[1]!.prompt).toMatch(/tell us more/i);
    expect(questions.find((q) => q.role === "cost_of_inaction")!.prompt).toMatch(/nothing changes in 12 months/);
    const consents = questions.filter((q) => q.kind === "consent");
    // sales contact, study summary, educational content: three purposes, three wordings
    expect(consents).toHaveLength(3);
    expect(new Set(consents.map((c) => c.prompt)).size).toBe(3);
    for (const c of consents) expect(c.required ?? false).toBe(false);
    const contact = questions.slice(-4);
    for (const c of contact) expect(c.required ?? false).toBe(false);
  });

  it("is something the builder itself would accept", () => {
    for (const q of questions) {
      expect(QUESTION_KINDS).toContain(q.kind);
      if (q.role) expect(QUESTION_ROLES).toContain(q.role);
      const parsed = QuestionSchema.safeParse({
        kind: q.kind,
        prompt: q.prompt,
        helpText: q.helpText,
        page: String(q.page),
        options: (q.options ?? []).join("\n"),
        role: q.role ?? "",
        ...(q.required ? { required: "on" } : {}),
        ...(q.allowOther ? { allowOther: "on" } : {}),
      });
      expect(parsed.success, q.prompt).toBe(true);
      if (CHOICE_KINDS.has(q.kind)) expect(q.options!.length).toBeGreaterThanOrEqual(2);
    }
  });
});
