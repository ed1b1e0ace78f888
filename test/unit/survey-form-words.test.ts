import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { AutosaveStatus, ResumeLink, SurveyNav } from "../../app/surveys/SurveyNav.js";
import { fieldName, parsePageAnswers, type PublicQuestion } from "../../app/surveys/answer-schema.js";
import { CharCounter } from "../../app/surveys/flow/CharCounter.js";
import { formI18n, resources, translateError, translateErrors } from "../../app/surveys/i18n/i18n.js";
import { FORM_LANGUAGES, type FormLanguage } from "../../app/surveys/i18n/languages.js";
import { logicHint } from "../../app/surveys/logic/hint.js";
import { FieldErrorSummary, SurveyProgress } from "../../app/surveys/SurveyPageParts.js";
import { SurveyQuestion } from "../../app/surveys/SurveyQuestion.js";
import { MAX_TEXT_ANSWER } from "../../app/surveys/questions.js";

/**
 * The public form's own words (issue 13 item 6, ADR 0604): every key in all four languages with the
 * same placeholders, the answer schema's messages with values translated with those values, and the
 * form's components rendered in Spanish showing none of the English words.
 */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([A-Za-z]+)/g)].map((m) => m[1]).sort();

describe("the form's resources", () => {
  it("has every key in en, es, de and fr, each translation non-empty and with the English placeholders", () => {
    for (const ns of ["form", "errors"] as const) {
      const english = resources.en[ns] as Record<string, string>;
      for (const lang of FORM_LANGUAGES) {
        const strings = resources[lang][ns] as Record<string, string>;
        expect(Object.keys(strings).sort(), `${lang}.${ns}`).toEqual(Object.keys(english).sort());
        for (const [key, text] of Object.entries(english)) {
          expect(strings[key].trim(), `${lang}.${ns}.${key}`).not.toBe("");
          expect(placeholders(strings[key]), `${lang}.${ns}.${key}`).toEqual(placeholders(text));
        }
      }
    }
  });

  it("is really translated: most of the form's words differ from English in each language", () => {
    const english = resources.en.form as Record<string, string>;
    for (const lang of ["es", "de", "fr"] as const) {
      const strings = resources[lang].form as Record<string, string>;
      const same = Object.keys(english).filter((k) => strings[k] === english[k]);
      // Only what is the same in every language: "1,234 / 10,000", "Prompt: message", "Website".
      expect(
        same.filter((k) => !["counter", "errorLink", "website"].includes(k)),
        lang,
      ).toEqual([]);
    }
  });
});

const question = (kind: PublicQuestion["kind"], extra: Partial<PublicQuestion> = {}): PublicQuestion => ({
  id: 7,
  page: 1,
  kind,
  prompt: "Pregunta",
  helpText: "",
  options: [],
  allowOther: false,
  required: true,
  role: null,
  ...extra,
});

describe("messages with values", () => {
  it("the schema says them in English; the form says them in the prospect's language with the same values", () => {
    const story = question("long_text");
    const long = parsePageAnswers([story], { [fieldName(story.id)]: "y".repeat(MAX_TEXT_ANSWER + 1234) });
    expect(long.success).toBe(false);
    const english = !long.success ? long.errors[fieldName(story.id)][0] : "";
    expect(english).toBe("Please keep this under 10,000 characters. It has 11,234; nothing was cut, please shorten it.");
    expect(translateError(english, formI18n("de").t)).toBe(
      "Bitte bleiben Sie unter 10.000 Zeichen. Die Antwort hat 11.234; nichts wurde abgeschnitten, bitte kürzen Sie sie.",
    );

    const tools = question("multiple_choice", { options: ["CRM", "None of these"] });
    const both = parsePageAnswers([tools], { [fieldName(tools.id)]: ["CRM", "None of these"] });
    expect(translateErrors(!both.success ? both.errors : {}, formI18n("fr").t)).toEqual({
      [fieldName(tools.id)]: ["« None of these » ne peut pas être combiné avec d’autres choix. Décochez-le ou décochez les autres."],
    });
    const scale = question("scale_0_10");
    const eleven = parsePageAnswers([scale], { [fieldName(scale.id)]: "11" });
    expect(translateErrors(!eleven.success ? eleven.errors : {}, formI18n("es").t)).toEqual({
      [fieldName(scale.id)]: ["Elige un número entero del 0 al 10."],
    });
  });

  it("counts with plurals and the language's own number format", () => {
    expect(formI18n("es").t("over", { count: 1, max: 10_000 })).toMatch(/^1 carácter por encima del límite/);
    expect(formI18n("es").t("over", { count: 12_345, max: 10_000 })).toMatch(/^12\.345 caracteres por encima/);
    expect(formI18n("fr").t("questionOf", { index: 2, total: 3 })).toBe("Question 2 sur 3 de cette page");
    expect(formI18n("de").t("counter", { length: 12_345, max: 10_000 })).toBe("12.345 / 10.000");
  });

  it("says a display rule in the prospect's language, with the translated prompt and option labels", () => {
    const industry = question("single_choice", {
      id: 1,
      prompt: "¿Sector?",
      options: ["Healthcare", "Retail"],
      optionLabels: ["Sanidad", "Comercio"],
    });
    const hint = logicHint(
      { combine: "any", conditions: [{ questionId: 1, op: "any_of", values: ["Healthcare", "Retail"] }] },
      [industry],
      formI18n("es").t,
    );
    expect(hint).toBe("Solo si «¿Sector?» es alguna de «Sanidad» o «Comercio».");
  });
});

function inLanguage(lang: FormLanguage, element: ReactElement): string {
  const html = renderToString(createElement(I18nextProvider, { i18n: formI18n(lang) }, element));
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .replace(/ ·/g, " ·");
}

describe("the form's components in Spanish", () => {
  const text = question("long_text", { id: 8, prompt: "¿Qué te frena?" });
  const pick = question("multiple_choice", { id: 9, prompt: "¿Qué usas?", options: ["CRM"], allowOther: true });
  const errors = translateErrors({ [fieldName(8)]: ["Please answer this question."] }, formI18n("es").t);
  const page = [
    createElement(SurveyProgress, { pageIndex: 2, pageCount: 3, key: "p" }),
    createElement(FieldErrorSummary, { count: 2, key: "s" }),
    createElement(SurveyQuestion, { question: text, values: {}, errors, key: "t" }),
    createElement(SurveyQuestion, { question: pick, values: {}, errors: undefined, shortcuts: true, key: "m" }),
    createElement(CharCounter, { inputId: "x", max: 10, initial: 12, key: "c" }),
    createElement(SurveyNav, {
      submitting: false,
      last: false,
      canGoBack: true,
      stepping: true,
      firstStep: false,
      lastStep: false,
      onNextQuestion: () => {},
      onPreviousQuestion: () => {},
      key: "n",
    }),
    createElement(SurveyNav, {
      submitting: false,
      last: true,
      canGoBack: true,
      stepping: false,
      firstStep: true,
      lastStep: true,
      onNextQuestion: () => {},
      onPreviousQuestion: () => {},
      key: "n2",
    }),
    createElement(AutosaveStatus, { status: "saved", key: "a" }),
    createElement(AutosaveStatus, { status: "failed", key: "f" }),
    createElement(ResumeLink, { url: "https://example.com/s/x?r=abc", key: "r" }),
  ];

  it("shows the Spanish words and none of the English ones", () => {
    const html = inLanguage("es", createElement("div", null, ...page));
    for (const words of [
      "Página 2 de 3",
      "2 respuestas necesitan tu atención.",
      "Responde a esta pregunta, por favor.",
      "(obligatoria)",
      "(elige las que quieras)",
      "12 / 10 · 2 caracteres por encima del límite",
      "Siguiente pregunta",
      "Pregunta anterior",
      "Enviar respuestas",
      "Página anterior",
      "Todas las respuestas guardadas",
      "Aún no se ha guardado",
      "Guarda este enlace",
    ])
      expect(html).toContain(words);
    // No English word of the form's resources (their fixed parts, around the placeholders) shows.
    const english = Object.entries(resources.en.form as Record<string, string>).filter(
      ([key]) => (resources.es.form as Record<string, string>)[key] !== (resources.en.form as Record<string, string>)[key],
    );
    for (const [key, value] of english)
      for (const part of value.split(/\{\{[^}]+\}\}/).map((p) => p.trim()))
        if (part.length > 3) expect(html, `${key}: "${part}"`).not.toContain(part);
    expect(html).not.toMatch(/\b(Next|Previous|Question|Saving|saved|required|Other|characters)\b/);
  });
});
