import { describe, expect, it } from "vitest";
import { QUESTION_ROLES, ROLE_KINDS, kindRoleProblem } from "../../app/surveys/questions.js";
import { KindRoleSchema, SurveyEditSchema } from "../../app/surveys/schemas.js";
import { DEFAULT_TEMPLATE_VARS, marketValidationQuestions } from "../../app/surveys/template.js";
import { parseWith } from "../../app/utils/forms.js";

describe("question kinds by role (issue 13 item 8)", () => {
  it("lets every template question keep its kind, and lists kinds for every role", () => {
    for (const q of marketValidationQuestions(DEFAULT_TEMPLATE_VARS)) {
      if (q.role) expect(kindRoleProblem(q.kind as never, q.role as never), `${q.role} as ${q.kind}`).toBeUndefined();
    }
    for (const role of QUESTION_ROLES) expect(ROLE_KINDS[role].length).toBeGreaterThan(0);
  });

  it("refuses the buying role as a 0-10 scale at the kind field, on add and on update, and a question without a role takes any kind", () => {
    const base = { prompt: "Who decides?", page: "1", kind: "scale_0_10", role: "buying_role" };
    for (const form of [
      { intent: "add-question", ...base },
      { intent: "update-question", questionId: "3", ...base },
    ]) {
      const result = parseWith(SurveyEditSchema, form);
      expect(result.success).toBe(false);
      if (result.success) continue;
      expect(Object.keys(result.errors)).toEqual(["kind"]);
      expect(result.errors.kind![0]).toBe(
        "A “Buying role” question must be Single choice; “Scale 0-10” does not fit that role. Change the type or the role.",
      );
    }
    expect(parseWith(SurveyEditSchema, { intent: "add-question", ...base, role: "" }).success).toBe(true);
    expect(parseWith(SurveyEditSchema, { intent: "add-question", ...base, role: "pain_severity" }).success).toBe(true);
  });

  it("gives the browser the same answer as the server", () => {
    expect(KindRoleSchema.safeParse({ kind: "long_text", role: "contact_email" }).error?.issues[0]?.message).toContain("must be Email");
    expect(KindRoleSchema.safeParse({ kind: "email", role: "contact_email" }).success).toBe(true);
  });

  it("requires confirm=yes for removing a question and closing a survey", () => {
    expect(parseWith(SurveyEditSchema, { intent: "remove-question", questionId: "3" })).toMatchObject({
      success: false,
      errors: { confirm: ["Confirm the removal first."] },
    });
    expect(parseWith(SurveyEditSchema, { intent: "close", confirm: "no" }).success).toBe(false);
    expect(parseWith(SurveyEditSchema, { intent: "close", confirm: "yes" }).success).toBe(true);
    expect(parseWith(SurveyEditSchema, { intent: "undo", undoId: "x" }).success).toBe(false);
  });
});
