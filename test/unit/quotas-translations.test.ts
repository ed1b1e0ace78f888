import { describe, expect, it } from "vitest";
import {
  chosenOptions,
  fullQuotaFor,
  QuotaFormSchema,
  quotaProgress,
  quotaQuestions,
  quotaTargetErrors,
  segmentKey,
} from "../../app/surveys/quotas/rules.js";
import { parseTranslation, sourceEntries, coversSurvey, type SourceSurvey } from "../../app/surveys/i18n/translation.js";
import { parseTranslationCsv, translationCsv } from "../../app/surveys/i18n/translation-csv.js";
import { chooseLanguage } from "../../app/surveys/i18n/negotiate.server.js";
import { localizeQuestions, optionLabel } from "../../app/surveys/i18n/localize.js";
import { formI18n, translateErrors } from "../../app/surveys/i18n/i18n.js";
import { resources } from "../../app/surveys/i18n/i18n.js";

const source: SourceSurvey = {
  title: "Study",
  intro: "",
  questions: [
    { id: 7, prompt: "Industry?", helpText: "", options: ["Retail", "Healthcare", "-Other-"] },
    { id: 9, prompt: "Story?", helpText: "In your words, please.", options: [] },
  ],
};
const complete = {
  title: "Estudio",
  q_7_prompt: "¿Sector?",
  q_7_option_1: "Comercio",
  q_7_option_2: "Sanidad",
  q_7_option_3: "-Otro-",
  q_9_prompt: "¿Historia?",
  q_9_help: "Con tus palabras, por favor.",
};

describe("translation strings", () => {
  it("lists every prompt, help text and option, skipping empty source strings", () => {
    expect(sourceEntries(source).map((e) => e.key)).toEqual([
      "title",
      "intro",
      "q_7_prompt",
      "q_7_option_1",
      "q_7_option_2",
      "q_7_option_3",
      "q_9_prompt",
      "q_9_help",
    ]);
    expect(sourceEntries(source).find((e) => e.key === "intro")!.required).toBe(false);
  });

  it("parses a complete translation into per-question strings, options in order", () => {
    const parsed = parseTranslation(source, complete);
    expect(parsed).toEqual({
      success: true,
      data: {
        title: "Estudio",
        intro: "",
        questions: {
          "7": { prompt: "¿Sector?", helpText: "", options: ["Comercio", "Sanidad", "-Otro-"] },
          "9": { prompt: "¿Historia?", helpText: "Con tus palabras, por favor.", options: [] },
        },
      },
    });
  });

  it("refuses a translation that drops an option, with a message per field naming it", () => {
    const { q_7_option_2: _dropped, q_9_help: _help, ...rest } = complete;
    const parsed = parseTranslation(source, { ...rest, q_7_prompt: "   " });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(["q_7_option_2", "q_7_prompt", "q_9_help"]);
    expect(parsed.errors.q_7_option_2![0]).toContain("“Healthcare”");
    expect(parsed.errors.q_7_option_2![0]).toMatch(/keep every option/);
  });

  it("refuses two options translated alike", () => {
    const parsed = parseTranslation(source, { ...complete, q_7_option_2: "Comercio" });
    expect(parsed).toMatchObject({ success: false, errors: { q_7_option_2: [expect.stringContaining("already")] } });
  });

  it("a stored translation stops covering the survey once an option is added", () => {
    const parsed = parseTranslation(source, complete);
    if (!parsed.success) throw new Error("fixture");
    expect(coversSurvey(source, parsed.data)).toBe(true);
    const grown = {
      ...source,
      questions: [{ ...source.questions[0]!, options: [...source.questions[0]!.options, "Mining"] }, source.questions[1]!],
    };
    expect(coversSurvey(grown, parsed.data)).toBe(false);
  });
});

describe("translation CSV", () => {
  it("round-trips through csv-stringify and csv-parse, formula-looking text included", () => {
    const parsed = parseTranslation(source, complete);
    if (!parsed.success) throw new Error("fixture");
    const csv = translationCsv(source, "es", parsed.data);
    expect(csv.startsWith("\uFEFFkey,en,es\r\n")).toBe(true);
    expect(csv).toContain("'-Otro-"); // neutralised for spreadsheets
    expect(parseTranslationCsv(source, "es", csv)).toEqual(parsed);
  });

  it("an export of an untranslated survey has empty cells, refused per field on import", () => {
    const csv = translationCsv(source, "de", undefined);
    const back = parseTranslationCsv(source, "de", csv);
    expect(back.success).toBe(false);
    if (!back.success) expect(Object.keys(back.errors)).toHaveLength(7);
  });

  it("a CSV whose row for an option was deleted is refused naming that option", () => {
    const parsed = parseTranslation(source, complete);
    if (!parsed.success) throw new Error("fixture");
    const lines = translationCsv(source, "es", parsed.data)
      .split("\r\n")
      .filter((l) => !l.startsWith("q_7_option_3"));
    const back = parseTranslationCsv(source, "es", lines.join("\r\n"));
    expect(back).toMatchObject({ success: false, errors: { q_7_option_3: [expect.stringContaining("“-Other-”")] } });
  });

  it("names a missing language column, unknown rows and unreadable files", () => {
    expect(parseTranslationCsv(source, "fr", "key,en,es\r\ntitle,Study,Estudio\r\n")).toMatchObject({
      success: false,
      errors: { file: [expect.stringContaining("“fr”")] },
    });
    const rows = Object.entries(complete).map(([k, v]) => `${k},x,${v}`);
    expect(parseTranslationCsv(source, "es", ["key,en,es", ...rows, "q_99_prompt,x,¿?"].join("\n"))).toMatchObject({
      success: false,
      errors: { file: [expect.stringContaining("q_99_prompt")] },
    });
    expect(parseTranslationCsv(source, "es", 'key,es\n"unterminated')).toMatchObject({
      success: false,
      errors: { file: [expect.any(String)] },
    });
  });
});

describe("quota rules", () => {
  const questions = [
    { id: 1, kind: "single_choice", prompt: "Industry?", options: ["Retail", "Healthcare"] },
    { id: 2, kind: "multiple_choice", prompt: "Events?", options: ["Outage"] },
    { id: 3, kind: "long_text", prompt: "Story?", options: [] },
  ];
  it("refuses a quota of 0 or below with a message at the field", () => {
    for (const maxComplete of ["0", "-1", "2.5", ""]) {
      const parsed = QuotaFormSchema.safeParse({ segment: "1|Retail", maxComplete });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((i) => i.path[0])).toEqual(["maxComplete"]);
    }
    expect(QuotaFormSchema.parse({ segment: "1|Health | care", maxComplete: "50" })).toEqual({
      questionId: 1,
      option: "Health | care",
      maxComplete: 50,
    });
    expect(QuotaFormSchema.safeParse({ segment: "Retail", maxComplete: "5" }).error!.issues[0]!.path).toEqual(["segment"]);
  });
  it("only on single- and multiple-choice questions and their own options", () => {
    expect(quotaQuestions(questions).map((q) => q.id)).toEqual([1, 2]);
    expect(quotaTargetErrors({ questionId: 2, option: "Outage", maxComplete: 5 }, questions)).toEqual({});
    expect(quotaTargetErrors({ questionId: 2, option: "Breach", maxComplete: 5 }, questions)).toEqual({
      segment: ["“Breach” is not an answer of “Events?”."],
    });
    expect(quotaTargetErrors({ questionId: 3, option: "Outage", maxComplete: 5 }, questions)).toHaveProperty("segment");
    expect(quotaTargetErrors({ questionId: 1, option: "Mining", maxComplete: 5 }, questions)).toHaveProperty("segment");
    expect(quotaTargetErrors({ questionId: 1, option: "Retail", maxComplete: 5 }, questions)).toEqual({});
  });
  it("a prospect is turned away only by a full quota of a segment they are in", () => {
    const quotas = [
      { id: 1, questionId: 1, option: "Healthcare", maxComplete: 2 },
      { id: 2, questionId: 1, option: "Retail", maxComplete: 5 },
    ];
    const counts = new Map([
      [segmentKey({ questionId: 1, option: "Healthcare" }), 2],
      [segmentKey({ questionId: 1, option: "Retail" }), 4],
    ]);
    expect(fullQuotaFor(quotas, new Map([[1, ["Healthcare"]]]), counts)?.id).toBe(1);
    expect(fullQuotaFor(quotas, new Map([[1, ["Retail"]]]), counts)).toBeUndefined();
    expect(fullQuotaFor(quotas, new Map(), counts)).toBeUndefined();
    // A multiple choice puts the prospect in every segment they ticked.
    expect(fullQuotaFor(quotas, new Map([[1, ["Retail", "Healthcare"]]]), counts)?.id).toBe(1);
    expect(
      chosenOptions([
        { questionId: 4, text: null, json: '["CRM","Salesforce"]' },
        { questionId: 5, text: "x", json: null },
      ]),
    ).toEqual(
      new Map([
        [4, ["CRM", "Salesforce"]],
        [5, ["x"]],
      ]),
    );
    expect(quotaProgress(quotas[1]!, counts)).toMatchObject({ complete: 4, remaining: 1, full: false });
  });
});

describe("languages", () => {
  const req = (accept?: string) => new Request("http://127.0.0.1/s/x", { headers: accept ? { "accept-language": accept } : {} });
  it("follows Accept-Language among the survey's languages, an explicit choice first", () => {
    expect(chooseLanguage(req("es-ES,es;q=0.9,en;q=0.8"), ["en", "es"])).toBe("es");
    expect(chooseLanguage(req("de-DE,de;q=0.9"), ["en", "es"])).toBe("en");
    expect(chooseLanguage(req("fr;q=0.5,de"), ["en", "de", "fr"])).toBe("de");
    expect(chooseLanguage(req(), ["en", "es"])).toBe("en");
    expect(chooseLanguage(req("es"), ["en", "es"], "en")).toBe("en");
    expect(chooseLanguage(req("es"), ["en", "es"], "fr")).toBe("es"); // not offered: ignored
  });
  it("every language file has every key of the English one", () => {
    for (const lang of ["es", "de", "fr"] as const)
      for (const ns of ["form", "errors"] as const)
        expect(Object.keys(resources[lang][ns]).sort()).toEqual(Object.keys(resources.en[ns]).sort());
  });
  it("translates the form's words and its error messages through i18next", () => {
    expect(formI18n("de").t("progress", { page: 2, count: 6 })).toBe("Seite 2 von 6");
    expect(formI18n("fr").t("errorSummary", { count: 3 })).toBe("3 réponses demandent votre attention.");
    expect(translateErrors({ q_1: ["Please answer this question.", "Something new."] }, formI18n("es").t)).toEqual({
      q_1: ["Responde a esta pregunta, por favor.", "Something new."],
    });
  });
  it("shows translated option labels and keeps the original values", () => {
    const q = {
      id: 7,
      page: 1,
      kind: "single_choice" as const,
      prompt: "Industry?",
      helpText: "",
      options: ["Retail", "Healthcare"],
      allowOther: false,
      required: true,
      role: null,
    };
    const [shown] = localizeQuestions([q], {
      title: "",
      intro: "",
      questions: { "7": { prompt: "¿Sector?", helpText: "", options: ["Comercio", "Sanidad"] } },
    });
    expect(shown).toMatchObject({ prompt: "¿Sector?", options: ["Retail", "Healthcare"], optionLabels: ["Comercio", "Sanidad"] });
    expect(optionLabel(shown!, "Healthcare")).toBe("Sanidad");
  });
});
