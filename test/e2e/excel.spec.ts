import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";

/** Issue 14, item 8 through the pages: an XLSX uploaded to the import, then exported again and read cell by cell. */
test("an XLSX import is answered end to end, and the Excel export holds it with formulas neutralised", async ({ asMarketer: page }) => {
  await page.goto("/surveys/new");
  await page.locator("#tpl-title").fill(`Excel import ${Date.now()}`);
  await page.getByRole("button", { name: "Create from template" }).click();
  await expect(page).toHaveURL(/\/surveys\/\d+\/edit/);
  const surveyId = /\/surveys\/(\d+)\//.exec(page.url())![1];

  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Notes");
  sheet.addRow(["pain_story", "budget"]);
  sheet.addRow(["=1+1 then patching ate the weekend", "None"]);
  sheet.addRow(["Vendor lock-in", "Plenty"]);
  await page.goto(`/surveys/${surveyId}/import`);
  await page.getByLabel("CSV file").setInputFiles({
    name: "notes.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: Buffer.from(await book.xlsx.writeBuffer()),
  });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 valid row will be imported; 1 row has errors and will be skipped.")).toBeVisible();
  await page.getByRole("button", { name: "Import 1 valid row" }).click();
  await expect(page.getByText("Imported 1 response, saved as complete.")).toBeVisible();

  await page.goto(`/surveys/${surveyId}/responses`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export Excel" }).click();
  const file = await (await download).path();
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.readFile(file);
  const rows = exported.worksheets[0];
  expect(rows.actualRowCount).toBe(2);
  const cells = (r: number) => Array.from({ length: rows.columnCount }, (_, i) => String(rows.getRow(r).getCell(i + 1).value ?? ""));
  const header = cells(1);
  const story = cells(2).findIndex((v) => v.includes("patching ate the weekend")) + 1;
  expect(story).toBeGreaterThan(0);
  expect(rows.getRow(2).getCell(story).type).toBe(ExcelJS.ValueType.String);
  expect(rows.getRow(2).getCell(story).value).toBe("'=1+1 then patching ate the weekend");
  expect(rows.getRow(2).getCell(header.indexOf("status") + 1).value).toBe("complete");
});
