import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { splitFile } from "../../src/pool/chunk-task.js";
import { scanFiles } from "../../src/pool/scan-files.js";
import type { ScannedFinding } from "../../src/report.js";
import { DEFAULT_ARCHIVE_LIMITS, type ScanSettings } from "../../src/scan/scan-context.js";
import { leak, tempFolder } from "../helpers/fixtures.js";
import { seededTokens } from "../helpers/seeded-tokens.js";

const settings: ScanSettings = { core: { knownPrefixes: [], minConfidence: "medium", extraKeyNames: [] }, limits: DEFAULT_ARCHIVE_LIMITS };

async function scan(path: string, chunkBytes?: number) {
  const findings: ScannedFinding[] = [];
  const other: string[] = [];
  const entry = { path, displayPath: "big.log", size: Buffer.byteLength(await import("node:fs").then((fs) => fs.readFileSync(path))) };
  const bytes = await scanFiles([entry], settings, { finding: (finding) => findings.push(finding), suppressed: () => {}, error: (error) => other.push(error.message), warning: (_, message) => other.push(message) }, 1, undefined, chunkBytes === undefined ? {} : { chunkBytes });
  return { findings: findings.map(({ frame: _frame, ...rest }) => rest), other, bytes, entry };
}

describe("scanFiles: one big plain file in chunks", () => {
  const nextToken = seededTokens(4);
  // Records a log can hold, some whose evidence is on another line than the token.
  const records: ((token: string) => string)[] = [
    (token) => `${leak.env(token)}\n`,
    (token) => `${leak.curl(token)}\n`,
    (token) => `${leak.json(token)}\n`,
    (token) => `[hawzu]\nurl = https://api.hawzu.com\ntoken = ${token}\n`,
    (token) => `hawzu:\n  base-url: https://api.hawzu.com\n  token: ${token}\n`,
    (token) => `curl --fail -X GET \\\n  "https://api.hawzu.com/api/v1/workspaces" \\\n  -H "Authorization: Bearer ${token}"\n`,
    (token) => `# Hawzu CI user (results uploader)\nAPI_TOKEN=${token}\n`,
  ];

  it("finds every token exactly once, with the lines and columns of a whole-file scan, whatever the chunk size", { timeout: 120_000 }, async () => {
    let state = 99;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const parts: string[] = [];
    for (let index = 0; index < 150; index++) {
      parts.push(`2026-11-28T09:00:00Z INFO [http] GET /api/v1/items/${index} status=200 caf\u00e9\n`.repeat(Math.floor(random() * 6)));
      parts.push(records[Math.floor(random() * records.length)]!(nextToken()));
    }
    const path = join(tempFolder(), "big.log");
    writeFileSync(path, parts.join(""));
    const whole = await scan(path);
    expect(whole.findings.length).toBeGreaterThan(130);
    for (const chunkBytes of [1777, 4096]) {
      const chunked = await scan(path, chunkBytes);
      expect(splitFile(chunked.entry, chunkBytes)!.length).toBeGreaterThan(5);
      expect(chunked.findings).toEqual(whole.findings);
      expect(chunked.bytes).toBe(whole.bytes);
      expect(chunked.other).toEqual([]);
    }
  });

  it("a token line starting exactly at a chunk's first byte, one ending on its last byte, and a section header before the cut", async () => {
    const chunkBytes = 2048;
    const filler = (length: number) => {
      // Lines of filler totalling exactly `length` bytes.
      const lines: string[] = [];
      for (let left = length; left > 0; ) {
        const size = Math.min(left, left - 60 < 10 && left > 60 ? left - 30 : 60);
        lines.push(`${"x".repeat(size - 1)}\n`);
        left -= size;
      }
      return lines.join("");
    };
    const [a, b, c] = [nextToken(), nextToken(), nextToken()];
    const first = `${leak.env(a)}\n`;
    const lastOfChunk = `${leak.curl(b)}\n`;
    const sectionEnd = "[hawzu]\n";
    let text = filler(chunkBytes);
    text += first; // starts exactly at the cut at 2048
    text += filler(2 * chunkBytes - text.length - lastOfChunk.length);
    text += lastOfChunk; // its newline is the last byte before the cut at 4096
    text += filler(3 * chunkBytes - text.length - sectionEnd.length);
    text += sectionEnd; // the section opens in one chunk, its token is in the next
    text += `token = ${c}\n`;
    text += filler(chunkBytes);
    const path = join(tempFolder(), "edges.log");
    writeFileSync(path, text);
    const cuts = splitFile({ path, displayPath: "edges.log", size: text.length }, chunkBytes)!.map((chunk) => chunk.start);
    expect(cuts).toEqual([0, 2048, 4096, 6144]);
    const whole = await scan(path);
    const chunked = await scan(path, chunkBytes);
    expect(chunked.findings).toEqual(whole.findings);
    const lineOf = (offset: number) => text.slice(0, offset).split("\n").length;
    expect(chunked.findings.map((finding) => [finding.line, finding.column])).toEqual([
      [lineOf(2048), 1 + "HAWZU_ACCESS_TOKEN=".length],
      [lineOf(4095), 1 + leak.curl(b).indexOf(b)],
      [lineOf(6144), 1 + "token = ".length],
    ]);
  });
});
