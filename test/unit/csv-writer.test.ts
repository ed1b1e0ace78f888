import { describe, expect, it } from "vitest";
import { parseCsvRecords } from "../../analysis/csv.js";
import { attachmentDisposition, CSV_BOM, csvField, csvRow, neutraliseFormula, toCsv } from "../../app/utils/csv.js";

describe("CSV writer: formula injection (CVE-2019-16184)", () => {
  it.each([
    ["=", '=HYPERLINK("http://evil.test","x")'],
    ["+", "+1+cmd|' /C calc'!A0"],
    ["-", "-2+3"],
    ["@", "@SUM(A1:A2)"],
    ["tab", "\t=1+1"],
    ["carriage return", "\r=1+1"],
  ])("prefixes a cell that starts with %s with a single quote", (_name, value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
    const field = csvField(value);
    // Whatever the quoting, the parsed cell starts with the quote and keeps the rest.
    expect(parseCsvRecords(`${field}\r\n`)[0][0]).toBe(`'${value}`);
  });

  it("leaves ordinary text, inner formula characters and numbers alone", () => {
    expect(csvField("Security breach")).toBe("Security breach");
    expect(csvField("a=b, c")).toBe('"a=b, c"');
    expect(csvField("mail me @ work")).toBe("mail me @ work");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(7.5)).toBe("7.5");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvField("")).toBe("");
  });

  it("neutralises a list that would start a formula", () => {
    expect(csvField(["=1", "Outage"])).toBe("'=1; Outage");
    expect(csvField(["Outage", "Funding"])).toBe("Outage; Funding");
  });
});

describe("CSV writer: quoting", () => {
  it("quotes commas, quotes, CR and LF and doubles inner quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvField("plain")).toBe("plain");
  });

  it("round-trips through the RFC 4180 parser", () => {
    const rows = [
      ["id", "text"],
      ["1", 'He said "no", then\nleft'],
      ["2", "=cmd"],
      ["3", "é ü 中文"],
    ];
    const text = rows.map((r) => csvRow(r)).join("");
    expect(parseCsvRecords(text)).toEqual([
      ["id", "text"],
      ["1", 'He said "no", then\nleft'],
      ["2", "'=cmd"],
      ["3", "é ü 中文"],
    ]);
  });

  it("ends records with CRLF", () => {
    expect(csvRow(["a", "b"])).toBe("a,b\r\n");
  });
});

describe("CSV writer: file", () => {
  it("starts with a UTF-8 BOM for Excel, then the header", () => {
    const text = toCsv(["id", "Prompt, with comma"], [[1, "x"]]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.slice(1)).toBe('id,"Prompt, with comma"\r\n1,x\r\n');
  });

  it("can leave the BOM out", () => {
    expect(toCsv(["a"], [], { bom: false })).toBe("a\r\n");
  });

  it("builds an attachment disposition with an ASCII fallback", () => {
    expect(attachmentDisposition("responses.csv")).toBe(`attachment; filename="responses.csv"; filename*=UTF-8''responses.csv`);
    const odd = attachmentDisposition('ré"sp;.csv');
    expect(odd).toContain('filename="r__sp_.csv"');
    expect(odd).toContain("filename*=UTF-8''r%C3%A9%22sp%3B.csv");
  });
});
