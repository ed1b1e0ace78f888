import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CONTACT_LIST_MAX_ROWS, contactRows, parseContactCsv, parseContactXlsx } from "../../app/reach/contact-list.server.js";

describe("contact list parsing (CSV and XLSX)", () => {
  it("reads email, name, company and role by header (any case, common spellings) and keeps other columns as fields", () => {
    const out = parseContactCsv("E-mail,Full Name,Organisation,Job Title,Segment\n Dana@Example.COM ,Dana Reed,Acme,CTO,enterprise\n");
    expect(out).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          email: "dana@example.com",
          name: "Dana Reed",
          company: "Acme",
          role: "CTO",
          fields: { Segment: "enterprise" },
          problem: null,
        },
      ],
    });
  });

  it("reports malformed addresses and later duplicates per row (the first occurrence stays)", () => {
    const out = parseContactCsv("email,name\na@example.com,A\nnot-an-email,B\n,C\nA@EXAMPLE.com,A2\nb@example.com,\n");
    if (!out.ok) throw new Error(out.message);
    expect(out.rows.map((r) => [r.line, r.email, r.problem])).toEqual([
      [2, "a@example.com", null],
      [3, "not-an-email", "malformed_email"],
      [4, "", "malformed_email"],
      [5, "a@example.com", "duplicate"],
      [6, "b@example.com", null],
    ]);
    expect(out.rows[4]!.name).toBeNull();
  });

  it("accepts semicolon- and tab-separated lists, a BOM and quoted cells with commas", () => {
    const semi = parseContactCsv('\uFEFFemail;company\nx@example.com;"Smith, Jones & Co"\n');
    expect(semi.ok && semi.rows[0]).toMatchObject({ email: "x@example.com", company: "Smith, Jones & Co" });
    const tab = parseContactCsv("email\tname\ny@example.com\tYu\n");
    expect(tab.ok && tab.rows[0]).toMatchObject({ email: "y@example.com", name: "Yu" });
  });

  it("refuses a list without an email column, an empty list, one over the row cap and broken CSV, with a message", () => {
    expect(parseContactCsv("name,company\nA,B\n")).toEqual({ ok: false, message: expect.stringMatching(/email column/) });
    expect(parseContactCsv("email\n")).toEqual({ ok: false, message: expect.stringMatching(/no contacts/) });
    expect(parseContactCsv("")).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
    const many = Array.from({ length: CONTACT_LIST_MAX_ROWS + 1 }, (_, i) => [`p${i}@example.com`]);
    expect(contactRows(["email"], many)).toEqual({ ok: false, message: expect.stringMatching(/At most 2000/) });
    expect(parseContactCsv('email\n"unterminated@example.com\n')).toEqual({
      ok: false,
      message: expect.stringMatching(/could not be read/),
    });
  });

  it("reads the first worksheet of an XLSX, hyperlink (mailto) cells by their text", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Contacts");
    sheet.addRow(["Email", "Name", "Company", "Region"]);
    sheet.addRow([{ text: "kim@example.com", hyperlink: "mailto:kim@example.com" }, "Kim Lee", "Globex", "EMEA"]);
    sheet.addRow(["broken@", "Nobody", null, null]);
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const out = await parseContactXlsx(data);
    if (!out.ok) throw new Error(out.message);
    expect(out.rows).toEqual([
      { line: 2, email: "kim@example.com", name: "Kim Lee", company: "Globex", role: null, fields: { Region: "EMEA" }, problem: null },
      { line: 3, email: "broken@", name: "Nobody", company: null, role: null, fields: {}, problem: "malformed_email" },
    ]);
    expect(await parseContactXlsx(Buffer.from("not a workbook"))).toEqual({
      ok: false,
      message: expect.stringMatching(/not an Excel workbook/),
    });
  });
});
