import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { messagingCsvRows, MESSAGING_CSV_HEADER, type MessagingItem } from "../../app/board/messaging.js";
import { HIDDEN_ANSWER } from "../../app/consent/consent-rule.js";
import { exportRedaction } from "../../app/consent/redact.server.js";
import { crmRows } from "../../app/prospects/crm-csv.js";
import { readyNowForCrm } from "../../app/prospects/prospect-views.server.js";
import { reassessAll } from "../../app/prospects/readiness.server.js";
import { isXlsx, xlsxToCsv } from "../../app/surveys/import-xlsx.server.js";
import { checkMapping, importRows, readImportCsv, validateRows } from "../../app/surveys/import.server.js";
import { publicQuestions } from "../../app/surveys/submission.server.js";
import { xlsxStream } from "../../app/utils/xlsx.server.js";
import type { DatabaseHandle } from "../../db/client.js";
import { exportBatches, exportPlan } from "../../db/queries/response-export.js";
import { DATABASE_KINDS, freshDatabase } from "../setup/databases.js";
import { addPerson, makeSurvey, READY_ANSWERS } from "./prospects-fixtures.js";

/** Issue 14, item 8 on both databases: XLSX exports read back with exceljs cell by cell, and an XLSX import. */
async function readBook(stream: ReadableStream<Uint8Array>) {
  const bytes = Buffer.from(await new Response(stream).arrayBuffer());
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets[0];
}

describe.each(DATABASE_KINDS)("Excel on %s", (kind) => {
  let h: DatabaseHandle;
  let survey: Awaited<ReturnType<typeof makeSurvey>>;
  let named: number;
  let hidden: number;

  beforeAll(async () => {
    h = await freshDatabase(kind);
    survey = await makeSurvey(h.db, `xlsx-${kind}`);
    named = await addPerson(h.db, survey, {
      name: "Dana Reed",
      answers: { ...READY_ANSWERS, pain_story: '=HYPERLINK("http://evil.example","click")' },
    });
    hidden = await addPerson(h.db, survey, { name: "Hidden Person", answers: READY_ANSWERS, contactOptIn: false });
    await reassessAll(h.db);
  });
  afterAll(async () => h?.close());

  it("exports responses with typed cells, neutralised formulas and the consent rule", async () => {
    const plan = await exportPlan(h.db, { surveyId: survey.id });
    const header = plan.columns.map((c) => c.header);
    const sheet = await readBook(
      xlsxStream("Responses", header, exportBatches(h.db, { surveyId: survey.id }, plan, undefined, exportRedaction(h.db))),
    );
    expect(sheet.name).toBe("Responses");
    expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.actualRowCount).toBe(3);
    const col = (name: string) => header.indexOf(name) + 1;
    const story = header.findIndex((_, i) => plan.columnRoles[i] === "pain_story") + 1;
    const severity = header.findIndex((_, i) => plan.columnRoles[i] === "pain_severity") + 1;
    const rowOf = (personName: string) =>
      [2, 3].map((r) => sheet.getRow(r)).find((row) => String(row.getCell(col("name")).value).includes(personName))!;
    const dana = rowOf("Dana Reed");
    // The formula an anonymous prospect typed is text with a leading quote, not a formula cell.
    expect(dana.getCell(story).type).toBe(ExcelJS.ValueType.String);
    expect(dana.getCell(story).value).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(dana.getCell(col("email")).value).toBe("dana.reed@example.test");
    // Numbers stay numbers.
    expect(dana.getCell(severity).type).toBe(ExcelJS.ValueType.Number);
    expect(dana.getCell(severity).value).toBe(9);
    const other = rowOf("Prospect P-");
    expect(other.getCell(col("name")).value).toBe(`Prospect P-${String(hidden).padStart(4, "0")}`);
    expect(other.getCell(col("email")).value).toBe(HIDDEN_ANSWER);
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain("Hidden Person");
  });

  it("exports ready-now prospects and the messaging view cell by cell", async () => {
    const { header, rows } = crmRows(await readyNowForCrm(h.db), "https://pm.test", "hubspot", (id) => `https://pm.test/u/${id}`);
    const sheet = await readBook(xlsxStream("Ready now", header, [rows]));
    expect(sheet.actualRowCount).toBe(2); // the header and Dana: the other may not be contacted
    const row = sheet.getRow(2);
    expect(row.getCell(header.indexOf("First Name") + 1).value).toBe("Dana");
    expect(row.getCell(header.indexOf("Email") + 1).value).toBe("dana.reed@example.test");
    expect(row.getCell(header.indexOf("Readiness Score") + 1).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(header.indexOf("Painmap URL") + 1).value).toBe(`https://pm.test/prospects/${named}`);

    const items: MessagingItem[] = [
      {
        rank: 1,
        theme: "Ransomware",
        statement: "+Recover in an hour",
        version: 2,
        respondents: 12,
        share: 0.4,
        avgSeverity: 8.25,
        quotes: [{ text: "@everyone down", attribution: "Prospect P-0001" }],
      } as unknown as MessagingItem,
    ];
    const messaging = await readBook(xlsxStream("Messaging", MESSAGING_CSV_HEADER, [messagingCsvRows(items)]));
    expect(messaging.getRow(2).values).toEqual([
      undefined,
      1,
      "Ransomware",
      "'+Recover in an hour",
      2,
      12,
      40,
      8.3,
      "'@everyone down",
      "Prospect P-0001",
    ]);
  });

  it("imports an XLSX through the CSV path: dates, formulas by their result, a bad row reported", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Interviews");
    sheet.addRow(["story", "email", "severity", "met on"]);
    sheet.addRow(["Our backups failed twice", "ana@xlsx.example", 7, new Date(Date.UTC(2026, 10, 3))]);
    sheet.addRow([
      { richText: [{ text: "Audit " }, { text: "in June", font: { bold: true } }] },
      "ben@xlsx.example",
      { formula: "3+4", result: 7 },
      null,
    ]);
    sheet.addRow(["Nobody reads alerts", "not-an-email", 5, null]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    expect(isXlsx(bytes, "upload.bin")).toBe(true);
    const text = await xlsxToCsv(bytes);
    const table = readImportCsv(text);
    expect(table.header).toEqual(["story", "email", "severity", "met on"]);
    expect(table.rows).toEqual([
      ["Our backups failed twice", "ana@xlsx.example", "7", "2026-11-03"],
      ["Audit in June", "ben@xlsx.example", "7", ""],
      ["Nobody reads alerts", "not-an-email", "5", ""],
    ]);
    const questions = publicQuestions(survey.questions as never);
    const q = (role: string) => `q:${survey.questions.find((x) => x.role === role)!.id}`;
    const check = checkMapping(table.header, [q("pain_story"), "meta:email", q("pain_severity"), "ignore"], questions);
    expect(check.errors).toEqual([]);
    const rows = validateRows(table, check, "sales");
    expect(rows.map((r) => r.errors.length)).toEqual([0, 0, 1]);
    const { ids } = await importRows(h.db, { surveyId: survey.id, questions, rows, importedBy: "t" });
    expect(ids).toHaveLength(2);
    const ana = await h.db
      .selectFrom("answers")
      .innerJoin("responses", "responses.id", "answers.response_id")
      .innerJoin("people", "people.id", "responses.person_id")
      .select(["answers.value_text", "answers.value_number", "answers.question_id"])
      .where("people.email", "=", "ana@xlsx.example")
      .execute();
    expect(ana.find((a) => `q:${a.question_id}` === q("pain_story"))!.value_text).toBe("Our backups failed twice");
    expect(Number(ana.find((a) => `q:${a.question_id}` === q("pain_severity"))!.value_number)).toBe(7);
    // Not a workbook: a message, not a crash.
    await expect(xlsxToCsv(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).rejects.toThrow(/could not read that file/);
  });
});
