import crypto from "node:crypto";
import type { Browser, BrowserContextOptions, Page } from "@playwright/test";
import { connect, type DatabaseHandle } from "../../db/client.js";
import { createSurvey, listQuestions } from "../../db/queries/surveys.js";
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures.js";

/**
 * Quotas and languages end to end (issue 13 items 5 and 6, ADR 0602): the translations page
 * (a dropped option refused at its field, CSV export and import), the survey in Spanish for a
 * browser whose locale is es (without JavaScript) with a switch back to English, and a quota
 * filling up: 0 refused, the count on the survey pages, the polite close message for the next
 * prospect in that segment.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB_FILE = `test-results/e2e/painmap-e2e-${PORT}.sqlite`;

let handle: DatabaseHandle;
test.beforeAll(() => {
  handle = connect(`file:${DB_FILE}`);
});
test.afterAll(async () => handle?.close());

async function studySurvey() {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title: `Sector study ${slug.slice(0, 6)}`, intro: "Two short questions.", template: null, status: "open", createdBy: null },
    [
      {
        page: 1,
        kind: "single_choice",
        prompt: "Which industry are you in?",
        helpText: "Pick the closest.",
        options: ["Healthcare", "Retail"],
        required: true,
        role: "industry",
      },
      { page: 2, kind: "long_text", prompt: "What slows your team down?", required: true, role: "pain_story" },
    ],
  );
  const [industry, story] = await listQuestions(handle.db, id);
  return { id, slug, industry: industry!, story: story! };
}

type Study = Awaited<ReturnType<typeof studySurvey>>;

const spanish = (s: Study, title: string) => ({
  title,
  intro: "Dos preguntas cortas.",
  [`q_${s.industry.id}_prompt`]: "¿En qué sector trabajas?",
  [`q_${s.industry.id}_help`]: "Elige el más cercano.",
  [`q_${s.industry.id}_option_1`]: "Sanidad",
  [`q_${s.industry.id}_option_2`]: "Comercio",
  [`q_${s.story.id}_prompt`]: "¿Qué frena a tu equipo?",
});

async function inContext(browser: Browser, options: BrowserContextOptions, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext(options);
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("the translations page refuses a dropped option at its field, saves, exports and imports the CSV", async ({ asMarketer: page }) => {
  const s = await studySurvey();
  await page.goto(`/surveys/${s.id}/translations?lang=es`);
  await expect(page.getByRole("heading", { name: "Translate into Spanish" })).toBeVisible();
  const strings = spanish(s, "Estudio sectorial");
  for (const [key, value] of Object.entries(strings)) if (!key.endsWith("_option_2")) await page.locator(`[name="${key}"]`).fill(value);
  await page.getByRole("button", { name: "Save Spanish translation" }).click();
  const dropped = page.locator(`#t-q_${s.industry.id}_option_2-error`);
  await expect(dropped).toContainText("(“Retail”) has no translation");
  await expect(page.getByText("One string needs your attention.")).toBeVisible();
  await expect(page.locator(`[name="q_${s.industry.id}_option_1"]`)).toHaveValue("Sanidad"); // what was typed is kept
  await page.locator(`[name="q_${s.industry.id}_option_2"]`).fill("Comercio");
  await page.getByRole("button", { name: "Save Spanish translation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Spanish \(complete\)/ })).toBeVisible();

  const csv = await (await page.request.get(`/surveys/${s.id}/translations.csv?lang=es`)).text();
  expect(csv).toContain(`q_${s.industry.id}_option_1,Healthcare,Sanidad`);
  // A translator renames the title; a row deleted by mistake is refused, naming the option.
  const edited = csv.replace("Estudio sectorial", "Estudio de sectores");
  const upload = async (text: string) => {
    await page.locator('input[type="file"]').setInputFiles({ name: "es.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Import CSV" }).click();
  };
  await upload(
    edited
      .split("\r\n")
      .filter((l) => !l.startsWith(`q_${s.industry.id}_option_2`))
      .join("\r\n"),
  );
  await expect(page.locator(`#t-q_${s.industry.id}_option_2-error`)).toContainText("Retail");
  await upload(edited);
  await expect(page.getByRole("status").filter({ hasText: "imported" })).toBeVisible();
  await expect(page.locator('[name="title"]')).toHaveValue("Estudio de sectores");
});

test("a browser whose language is Spanish gets the survey in Spanish, without JavaScript; the answer keeps its language", async ({
  asMarketer,
  browser,
}) => {
  const s = await studySurvey();
  await asMarketer.goto(`/surveys/${s.id}/translations?lang=es`);
  for (const [key, value] of Object.entries(spanish(s, "Estudio sectorial"))) await asMarketer.locator(`[name="${key}"]`).fill(value);
  await asMarketer.getByRole("button", { name: "Save Spanish translation" }).click();
  await expect(asMarketer.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();

  await inContext(browser, { locale: "es-ES", javaScriptEnabled: false }, async (page) => {
    await page.goto(`/s/${s.slug}`);
    await expect(page.getByRole("heading", { name: "Estudio sectorial" })).toBeVisible();
    await expect(page.getByText("Página 1 de 2")).toBeVisible();
    await expect(page.getByText("Elige el más cercano.")).toBeVisible();
    await page.getByRole("button", { name: "Siguiente" }).click();
    await expect(page.getByText("Elige una opción, por favor.", { exact: true })).toBeVisible(); // the server's message, translated (the summary links repeat it)
    await expect(page.getByText("Una respuesta necesita tu atención.")).toBeVisible();
    await page.getByLabel("Sanidad").check();
    await page.getByRole("button", { name: "Siguiente" }).click();
    await expect(page.getByText("Página 2 de 2")).toBeVisible();
    await page.getByLabel("¿Qué frena a tu equipo?").fill("Las hojas de cálculo.");
    await page.getByRole("button", { name: "Enviar respuestas" }).click();
    await expect(page).toHaveURL(/\/thanks\?lang=es$/);
    await expect(page.getByRole("heading", { name: "¡Gracias!" })).toBeVisible();
    await expect(page.getByText("Tus respuestas a «Estudio sectorial» están guardadas.", { exact: false })).toBeVisible();
  });
  const row = await handle.db
    .selectFrom("responses")
    .innerJoin("answers", "answers.response_id", "responses.id")
    .select(["responses.language", "responses.status", "answers.value_text"])
    .where("responses.survey_id", "=", s.id)
    .where("answers.question_id", "=", s.industry.id)
    .executeTakeFirstOrThrow();
  expect(row).toEqual({ language: "es", status: "complete", value_text: "Healthcare" });

  // The switch is a plain link: English for this Spanish browser, and back.
  await inContext(browser, { locale: "es-ES", javaScriptEnabled: false }, async (page) => {
    await page.goto(`/s/${s.slug}`);
    await page.getByRole("link", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: /Sector study/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toBeVisible();
    await expect(page.getByLabel("Healthcare")).toBeVisible();
    await page.getByRole("link", { name: "Español" }).click();
    await expect(page.getByRole("button", { name: "Siguiente" })).toBeVisible();
  });
});

test("with JavaScript, the form's own words come in Spanish too: steps, announcements, keys, counter, autosave, thank-you page", async ({
  asMarketer,
  browser,
}) => {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title: `Flow study ${slug.slice(0, 6)}`, intro: "One page.", template: null, status: "open", createdBy: null },
    [
      {
        page: 1,
        kind: "single_choice",
        prompt: "Which industry are you in?",
        helpText: "Pick one.",
        options: ["Healthcare", "Retail"],
        required: true,
        role: "industry",
      },
      { page: 1, kind: "long_text", prompt: "What slows your team down?", required: true, role: "pain_story" },
    ],
  );
  const [industry, story] = await listQuestions(handle.db, id);
  await handle.db.updateTable("surveys").set({ one_at_a_time: 1 }).where("id", "=", id).execute();
  await asMarketer.goto(`/surveys/${id}/translations?lang=es`);
  for (const [key, value] of Object.entries(spanish({ id, slug, industry: industry!, story: story! }, "Estudio del flujo")))
    await asMarketer.locator(`[name="${key}"]`).fill(value);
  await asMarketer.getByRole("button", { name: "Save Spanish translation" }).click();
  await expect(asMarketer.getByRole("status").filter({ hasText: "Translation saved" })).toBeVisible();

  await inContext(browser, { locale: "es-ES" }, async (page) => {
    await page.goto(`/s/${slug}`);
    await expect(page.getByRole("heading", { name: "Estudio del flujo" })).toBeVisible();
    const step = page.getByTestId("question-step");
    await expect(step).toHaveText("Pregunta 1 de 2 en esta página · Teclas: una letra elige una opción, Intro continúa.", {
      timeout: 15_000,
    });
    await page.keyboard.press("a");
    await expect(page.getByLabel("Sanidad")).toBeChecked();
    await expect(page.getByTestId("autosave-status")).toHaveText("Todas las respuestas guardadas", { timeout: 15_000 });
    await page.keyboard.press("Enter");
    await expect(step).toContainText("Pregunta 2 de 2 en esta página");
    await expect(page.getByTestId("announcer")).toHaveText("Pregunta 2 de 2 en esta página");
    await expect(page.getByRole("button", { name: "Pregunta anterior" })).toBeVisible();
    const answer = page.getByLabel("¿Qué frena a tu equipo?");
    await expect(answer).toBeFocused();
    await expect(page.locator(`#q${story!.id}-count`)).toHaveText("0 / 10.000");
    await answer.fill("x".repeat(10_003));
    await expect(page.locator(`#q${story!.id}-count`)).toContainText("10.003 / 10.000 · 3 caracteres por encima del límite");
    await page.getByRole("button", { name: "Enviar respuestas" }).click();
    await expect(
      page.getByText("Mantén la respuesta por debajo de 10.000 caracteres. Tiene 10.003;", { exact: false }).first(),
    ).toBeVisible();
    await answer.fill("Las hojas de cálculo.");
    await page.getByRole("button", { name: "Enviar respuestas" }).click();
    await expect(page).toHaveURL(/\/thanks\?lang=es$/);
    await expect(page.getByRole("heading", { name: "¡Gracias!" })).toBeVisible();
    await expect(page.getByText("Ya puedes cerrar esta página.")).toBeVisible();
    await expect(page).toHaveTitle(/^Gracias · Estudio del flujo$/);
  });
});

test("a quota fills up: 0 refused, counts on the survey pages, the next prospect in the segment gets the close message", async ({
  asMarketer: page,
  browser,
}) => {
  const s = await studySurvey();
  await page.goto(`/surveys/${s.id}/quotas`);
  await expect(page.getByText("No quotas yet")).toBeVisible();
  await page.getByLabel("Segment").selectOption({ label: "Healthcare" });
  await page.getByLabel("At most this many complete responses").fill("0");
  await page.getByRole("button", { name: "Save quota" }).click();
  await expect(page.locator("#quota-max-error")).toContainText("at least 1");
  await page.getByLabel("At most this many complete responses").fill("1");
  await page.getByRole("button", { name: "Save quota" }).click();
  await expect(page.getByTestId("quotas")).toContainText("0 of 1");

  const answer = async (p: Page, industry: string) => {
    await p.goto(`/s/${s.slug}`);
    await p.getByLabel(industry).check();
    await p.getByRole("button", { name: "Next" }).click();
  };
  await inContext(browser, { javaScriptEnabled: false }, async (p) => {
    await answer(p, "Healthcare");
    await p.getByLabel("What slows your team down?").fill("Paper forms.");
    await p.getByRole("button", { name: "Submit answers" }).click();
    await expect(p).toHaveURL(/\/thanks$/);
  });
  await page.reload();
  await expect(page.getByTestId("quotas")).toContainText("1 of 1");
  await expect(page.getByTestId("quotas")).toContainText("full");
  await page.goto(`/surveys/${s.id}/edit`);
  await expect(page.getByTestId("quota-summary")).toContainText("Healthcare: 1 of 1 complete");

  await inContext(browser, { javaScriptEnabled: true }, async (p) => {
    await answer(p, "Healthcare");
    await expect(p.getByTestId("quota-full")).toContainText("“Healthcare”");
    await expect(p.getByRole("button", { name: "Next" })).toHaveCount(0);
  });
  await inContext(browser, { javaScriptEnabled: false }, async (p) => {
    await answer(p, "Retail");
    await expect(p.getByLabel("What slows your team down?")).toBeVisible();
  });
  const counts = await handle.db.selectFrom("responses").select(["status"]).where("survey_id", "=", s.id).execute();
  expect(counts.filter((r) => r.status === "complete")).toHaveLength(1);
  expect(counts).toHaveLength(3); // the turned-away prospect's answers are kept, as a partial response
});

test("a quota on a multiple-choice option: everyone who ticked it counts, whatever else they ticked", async ({
  asMarketer: page,
  browser,
}) => {
  const slug = crypto.randomBytes(18).toString("base64url");
  const id = await createSurvey(
    handle.db,
    { slug, title: `Tools study ${slug.slice(0, 6)}`, intro: "", template: null, status: "open", createdBy: null },
    [
      {
        page: 1,
        kind: "multiple_choice",
        prompt: "Which tools do you use?",
        options: ["Salesforce", "HubSpot"],
        required: true,
        role: null,
      },
    ],
  );
  await page.goto(`/surveys/${id}/quotas`);
  await page.getByLabel("Segment").selectOption({ label: "Salesforce" });
  await page.getByLabel("At most this many complete responses").fill("1");
  await page.getByRole("button", { name: "Save quota" }).click();
  await expect(page.getByTestId("quotas")).toContainText("Which tools do you use? includes Salesforce");
  await expect(page.getByTestId("quotas")).toContainText("0 of 1");

  const tick = async (tools: string[]) =>
    inContext(browser, { javaScriptEnabled: false }, async (p) => {
      await p.goto(`/s/${slug}`);
      for (const t of tools) await p.getByLabel(t).check();
      await p.getByRole("button", { name: "Submit answers" }).click();
      await expect(p).toHaveURL(/\/thanks$/); // an English-only survey's thank-you URL stays plain
    });
  await tick(["HubSpot", "Salesforce"]);
  await page.reload();
  await expect(page.getByTestId("quotas")).toContainText("1 of 1");
  await expect(page.getByTestId("quotas")).toContainText("full");
  await inContext(browser, { javaScriptEnabled: false }, async (p) => {
    await p.goto(`/s/${slug}`);
    await p.getByLabel("Salesforce").check();
    await p.getByRole("button", { name: "Submit answers" }).click();
    await expect(p.getByTestId("quota-full")).toContainText("“Salesforce”");
  });
  await tick(["HubSpot"]);
  const rows = await handle.db.selectFrom("responses").select(["status"]).where("survey_id", "=", id).execute();
  expect(rows.map((r) => r.status).sort()).toEqual(["complete", "complete", "partial"]);
});

test("a link that matches no survey says so in the browser's language, with a 404 and axe at 0", async ({ browser }) => {
  await inContext(browser, { locale: "de-DE", javaScriptEnabled: false }, async (page) => {
    const response = await page.goto(`/s/${crypto.randomBytes(18).toString("base64url")}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Umfrage nicht gefunden" })).toBeVisible();
    await expect(page.getByText("Diese Umfrage gibt es nicht, oder sie ist noch nicht geöffnet.")).toBeVisible();
  });
  await inContext(browser, { locale: "fr-FR" }, async (page) => {
    await page.goto(`/s/${crypto.randomBytes(18).toString("base64url")}/thanks`);
    await expect(page.getByRole("heading", { name: "Questionnaire introuvable" })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
  });
});
