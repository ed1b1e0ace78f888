import { describe, expect, it } from "vitest";
import { columnOf, CsvError, parseCsv, parseCsvRecords } from "../../../analysis/csv";

describe("parseCsvRecords (RFC 4180)", () => {
  it("reads plain, quoted, and empty fields", () => {
    expect(parseCsvRecords("a,b,c\n1,,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "", "3"],
    ]);
  });

  it("handles quotes, doubled quotes, embedded commas and newlines", () => {
    const input = 'text,label\n"He said ""hi"", then left",x\n"line one\nline two",y\n';
    expect(parseCsvRecords(input)).toEqual([
      ["text", "label"],
      ['He said "hi", then left', "x"],
      ["line one\nline two", "y"],
    ]);
  });

  it("handles CRLF, a BOM, a missing final newline, and blank lines", () => {
    expect(parseCsvRecords("\uFEFFtext,label\r\nhello,a\r\n\r\nbye,b")).toEqual([
      ["text", "label"],
      ["hello", "a"],
      ["bye", "b"],
    ]);
  });

  it("keeps a quoted empty field and a trailing empty field", () => {
    expect(parseCsvRecords('a,b\n"",x\ny,\n')).toEqual([
      ["a", "b"],
      ["", "x"],
      ["y", ""],
    ]);
  });

  it("rejects an unterminated quote and text after a closing quote", () => {
    expect(() => parseCsvRecords('a\n"never closed\n')).toThrow(CsvError);
    expect(() => parseCsvRecords('a,b\n"x"y,1\n')).toThrow(/after closing quote/);
  });
});

describe("parseCsv", () => {
  it("checks every record against the header width", () => {
    expect(() => parseCsv("text,label\nonly one field\n")).toThrow(/record 2 has 1 fields/);
  });

  it("reads a named column and reports a missing one with the available names", () => {
    const table = parseCsv("text,label\nx,1\ny,2\n");
    expect(columnOf(table, "label")).toEqual(["1", "2"]);
    expect(() => columnOf(table, "nope")).toThrow('missing column "nope" (columns: text, label)');
  });
});
