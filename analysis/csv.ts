/** RFC 4180 CSV: quoted fields, doubled quotes, embedded newlines, CRLF or LF, optional UTF-8 BOM. */

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsvRecords(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let line = 1;
  let i = 0;
  const length = text.length;
  const endRecord = () => {
    record.push(field);
    field = "";
    // A blank line is not a record with one empty field.
    if (!(record.length === 1 && record[0] === "")) records.push(record);
    record = [];
  };
  while (i < length) {
    const ch = text[i];
    if (ch === '"' && field === "") {
      const startLine = line;
      i++;
      let closed = false;
      while (i < length) {
        const next = text.indexOf('"', i);
        if (next < 0) break;
        field += text.slice(i, next);
        line += countNewlines(text, i, next);
        if (text[next + 1] === '"') {
          field += '"';
          i = next + 2;
          continue;
        }
        i = next + 1;
        closed = true;
        break;
      }
      if (!closed) throw new CsvError(`malformed CSV: quoted field starting on line ${startLine} is never closed`);
      const after = text[i];
      if (i < length && after !== "," && after !== "\n" && after !== "\r") {
        throw new CsvError(`malformed CSV: unexpected character after closing quote on line ${line}`);
      }
      if (i >= length || after !== ",") {
        if (i < length && after === "\r" && text[i + 1] === "\n") i++;
        if (i < length) {
          i++;
          line++;
        }
        record.push(field);
        field = "";
        records.push(record);
        record = [];
        continue;
      }
      i++;
      record.push(field);
      field = "";
      continue;
    }
    if (ch === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      i++;
      line++;
      endRecord();
    } else {
      // Fast path: copy the run of plain characters at once.
      let end = i + 1;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      field += text.slice(i, end);
      i = end;
    }
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

/** Parse with a header row; every record must have as many fields as the header. */
export function parseCsv(input: string): CsvTable {
  const records = parseCsvRecords(input);
  if (records.length === 0) throw new CsvError("empty CSV: no header row");
  const [header, ...rows] = records;
  rows.forEach((row, index) => {
    if (row.length !== header.length) {
      throw new CsvError(`malformed CSV: record ${index + 2} has ${row.length} fields, the header has ${header.length}`);
    }
  });
  return { header: header.map((name) => name.trim()), rows };
}

export function columnOf(table: CsvTable, name: string): string[] {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new CsvError(`missing column "${name}" (columns: ${table.header.join(", ") || "none"})`);
  }
  return table.rows.map((row) => row[index]);
}
