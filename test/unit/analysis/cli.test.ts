import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../../analysis/cli";

const dir = mkdtempSync(join(tmpdir(), "painmap-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function invoke(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const themes = [
  "invoice wrong billing error",
  "billing invoice charged twice",
  "wrong invoice amount billing",
  "password reset login fails",
  "login locked password",
  "cannot login password expired",
];
const goodCsv = file(
  "good.csv",
  "text,label\r\n" + themes.map((t, i) => `"${t}, ""really""",${i < 3 ? "billing" : "login"}`).join("\r\n") + '\r\n"",none\r\n',
);

describe("analyze CLI: bad input exits 2 with one line", () => {
  it.each([
    ["missing file", ["cluster", "--input", join(dir, "nope.csv")], /not found/],
    ["missing column", ["cluster", "--input", goodCsv, "--text-column", "answer"], /missing column "answer"/],
    ["empty file", ["triggers", "--input", file("empty.csv", "")], /empty/],
    ["header only", ["cluster", "--input", file("header.csv", "text,label\n")], /no rows/],
    ["unterminated quote", ["cluster", "--input", file("bad.csv", 'text\n"open\n')], /malformed CSV/],
    ["ragged rows", ["cluster", "--input", file("ragged.csv", "text,label\na,b,c\n")], /malformed CSV/],
    ["missing truth column", ["score", "--input", goodCsv, "--truth-column", "nope"], /missing column/],
    ["bad k", ["cluster", "--input", goodCsv, "--k", "zero"], /--k must be/],
    ["unknown command", ["explode", "--input", goodCsv], /unknown command/],
  ])("%s", (_, args, message) => {
    const { code, stdout, stderr } = invoke(args as string[]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")[0]).toMatch(message as RegExp);
    expect(stderr.split("\n")[0].startsWith("error: ")).toBe(true);
  });
});

describe("analyze CLI: output shape", () => {
  it("cluster writes k, one assignment per row, clusters and timings", () => {
    const { code, stdout } = invoke(["cluster", "--input", goodCsv, "--k", "2", "--seed", "1"]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(["k", "assignments", "clusters", "timings_ms"]);
    expect(out.k).toBe(2);
    expect(out.assignments).toHaveLength(7);
    expect(out.assignments[6]).toBe(-1);
    expect(new Set(out.assignments.slice(0, 3)).size).toBe(1);
    expect(new Set(out.assignments.slice(3, 6)).size).toBe(1);
    for (const cluster of out.clusters) {
      expect(Object.keys(cluster)).toEqual(["id", "label", "size", "keywords", "quotes"]);
    }
    expect(typeof out.timings_ms.total).toBe("number");
  });

  it("cluster --out writes the file instead of stdout", () => {
    const outPath = join(dir, "out.json");
    const { code, stdout } = invoke(["cluster", "--input", goodCsv, "--out", outPath]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(JSON.parse(readFileSync(outPath, "utf8")).assignments).toHaveLength(7);
  });

  it("triggers writes one entry per row", () => {
    const csv = file("triggers.csv", 'text\n"We were hacked last year"\nnothing to see\n"Our contract renews in March, sadly"\n');
    const { code, stdout } = invoke(["triggers", "--input", csv]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      rows: [
        { triggers: [{ type: "security_incident", timing: "past", phrase: "We were hacked last year", confidence: expect.any(Number) }] },
        { triggers: [] },
        {
          triggers: [
            { type: "contract_renewal", timing: "upcoming", phrase: "Our contract renews in March", confidence: expect.any(Number) },
          ],
        },
      ],
    });
    for (const row of JSON.parse(stdout).rows) for (const t of row.triggers) expect(t.confidence).toBeGreaterThan(0.6);
  });

  it("triggers-score prints precision, recall and F1 per type and micro, and timing accuracy", () => {
    const csv = file(
      "labelled.csv",
      'text,type,timing\n"We were hacked last year",security_incident,past\n"nothing to see",none,\n"Our contract renews in March and we opened two new sites last month",contract_renewal;growth,upcoming;past\n',
    );
    const { code, stdout } = invoke(["triggers-score", "--input", csv]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^n=3\n/);
    expect(stdout).toMatch(/^security_incident\s+1\.000\s+1\.000\s+1\.000\s+1\s+0\s+0$/m);
    expect(stdout).toMatch(/^micro\s+1\.000\s+1\.000\s+1\.000\s+3\s+0\s+0$/m);
    expect(stdout).toMatch(/^timing accuracy\s+1\.000 \(3\/3 found triggers\)$/m);
  });

  it("triggers-score answers a malformed label with one error line and exit code 2", () => {
    const csv = file("bad-labels.csv", "text,type,timing\nhello,alien_invasion,past\n");
    const { code, stderr } = invoke(["triggers-score", "--input", csv]);
    expect(code).toBe(2);
    expect(stderr).toBe('error: row 2: unknown trigger type "alien_invasion"\n');
  });

  it("score prints NMI, ARI, ACC and time", () => {
    const { code, stdout } = invoke(["score", "--input", goodCsv, "--truth-column", "label", "--k", "2"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^n=6 k=2 true_k=2 NMI=100\.00 ARI=100\.00 ACC=100\.00 time_s=\d+\.\d+\n$/);
  });

  it("as a process: exit code 2 and a single stderr line", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "analysis/cli.ts", "cluster", "--input", join(dir, "missing.csv")], {
      encoding: "utf8",
      env: { ...process.env, DOTENV_CONFIG_QUIET: "true" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });
});
