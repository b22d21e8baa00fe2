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

  it("chunks of several read blocks with overlaps read from mid-file: same findings as a whole-file scan, tokens near every cut", { timeout: 120_000 }, async () => {
    // 9 MB chunks are read in more than one block, and every chunk but the first starts its overlap mid-file.
    const chunkBytes = 9 * 1024 * 1024;
    const line = "2026-11-28T09:00:00Z INFO [http] GET /api/v1/items status=200 caf\u00e9 took 12 ms\n";
    const lines = line.repeat(Math.floor((1024 * 1024) / Buffer.byteLength(line)));
    const parts: string[] = [];
    for (let megabyte = 0; megabyte < 30; megabyte++) {
      parts.push(lines);
      // A token every megabyte, and one just before and just after each cut.
      parts.push(`${records[megabyte % records.length]!(nextToken())}`);
    }
    const text = parts.join("");
    const path = join(tempFolder(), "blocks.log");
    writeFileSync(path, text);
    const cuts = splitFile({ path, displayPath: "blocks.log", size: Buffer.byteLength(text) }, chunkBytes)!.map((chunk) => chunk.start);
    expect(cuts.length).toBe(3);
    // Plant a token line right before and right after each cut, replacing filler of the same length.
    const bytes = Buffer.from(text);
    for (const cut of cuts.slice(1)) {
      for (const at of [bytes.lastIndexOf(10, cut - 2) + 1, cut + 1]) {
        const record = Buffer.from(`${leak.env(nextToken())}\n`);
        const lineEnd = bytes.indexOf(10, at);
        const room = lineEnd + 1 - at;
        expect(room).toBeGreaterThanOrEqual(record.length);
        record.copy(bytes, at);
        bytes.fill(0x20, at + record.length - 1, lineEnd);
        bytes[lineEnd] = 10;
      }
    }
    writeFileSync(path, bytes);
    const whole = await scan(path);
    const chunked = await scan(path, chunkBytes);
    expect(whole.findings.length).toBe(34);
    expect(chunked.findings).toEqual(whole.findings);
    expect(chunked.bytes).toBe(whole.bytes);
    expect(chunked.other).toEqual([]);
  });
});
