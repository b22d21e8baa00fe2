import { findTokens, type Finding } from "@hawzu-scan/core";
import { describe, expect, it } from "vitest";
import { BLOCK_SIZE, ByteScanner } from "../../src/scan/byte-scanner.js";
import { fakeToken, leak } from "../helpers/fixtures.js";

const positions = (findings: readonly Finding[]) => findings.map(({ line, column, endLine, endColumn, start, end, fingerprint, ruleId }) => ({ line, column, endLine, endColumn, start, end, fingerprint, ruleId }));

function scanInChunks(bytes: Buffer, cuts: number[], path = "app.log") {
  const found: Finding[] = [];
  const scanner = new ByteScanner({ path }, { result: (result) => found.push(...result.findings) });
  let previous = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.subarray(previous, cut));
    previous = cut;
  }
  scanner.end();
  return found;
}

describe("ByteScanner", () => {
  it("finds the same tokens at the same positions as findTokens, for every split of a small text", () => {
    const text = `first line é\n${leak.curl(fakeToken())}\nmiddle ✓\n${leak.env(fakeToken())}\nlast`;
    const bytes = Buffer.from(text);
    const expected = positions(findTokens(text, { path: "app.log" }).findings);
    expect(expected).toHaveLength(2);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(positions(scanInChunks(bytes, [cut]))).toEqual(expected);
    }
  });

  it("finds a token that straddles a block boundary, with exact line and column, in a big log it mostly skips", () => {
    const filler = "2026-11-28T09:15:40.553Z INFO request completed status=200 latency_ms=12 path=/api/items\n";
    const before = filler.repeat(Math.ceil(BLOCK_SIZE / filler.length) + 3);
    const token = fakeToken();
    const line = leak.curl(token);
    const text = before + line + "\n" + filler.repeat(200000) + leak.env(fakeToken()) + "\n" + filler.repeat(1000);
    const bytes = Buffer.from(text);
    const tokenAt = bytes.indexOf(token);
    const expected = positions(findTokens(text, { path: "app.log" }).findings);
    expect(expected).toHaveLength(2);
    // Cut in the middle of the token, as a read of BLOCK_SIZE bytes would.
    expect(positions(scanInChunks(bytes, [tokenAt + 10, tokenAt + 10 + BLOCK_SIZE]))).toEqual(expected);
    expect(positions(scanInChunks(bytes, [BLOCK_SIZE, 2 * BLOCK_SIZE]))).toEqual(expected);
  });

  it("handles a huge single line (no line break) with exact columns", () => {
    const token = fakeToken();
    const text = "x".repeat(20 * 1024 * 1024) + ` ${leak.json(token)} ` + "y".repeat(1024 * 1024);
    const found = scanInChunks(Buffer.from(text), [4 * 1024 * 1024, 12 * 1024 * 1024]);
    expect(positions(found)).toEqual(positions(findTokens(text, { path: "app.log" }).findings));
    expect(found[0]?.line).toBe(1);
  });

  it("judges a dense block in pieces with the same findings as findTokens, tokens on every piece edge", () => {
    // Every line names Hawzu, so the whole block goes to the core, in pieces of about 1 MiB cut at
    // line ends: a token planted on each MiB edge must come out once, at its whole-text position.
    const filler = "2026-11-28T09:15:40.553Z DEBUG hawzu client ready token_ttl=300 path=/api/items\n";
    const lines: string[] = [];
    let length = 0;
    for (let edge = 1; edge <= 5; edge++) {
      while (length < edge * 1024 * 1024 - 40) {
        lines.push(filler);
        length += filler.length;
      }
      const line = `${leak.env(fakeToken())}\n`;
      lines.push(line);
      length += line.length;
    }
    const text = lines.join("") + filler.repeat(100);
    const bytes = Buffer.from(text);
    const expected = positions(findTokens(text, { path: "app.log" }).findings);
    expect(expected).toHaveLength(5);
    expect(positions(scanInChunks(bytes, [BLOCK_SIZE]))).toEqual(expected);
  });

  it("ends on a long run of invalid UTF-8 continuation bytes (no character boundary to cut at)", () => {
    const token = fakeToken();
    const bytes = Buffer.concat([Buffer.from(`${leak.env(token)}\nhawzu `), Buffer.alloc(3 * 1024 * 1024, 0x80), Buffer.from("\n")]);
    expect(scanInChunks(bytes, [])).toHaveLength(1);
  });

  it("finds a known-prefix token far from any Hawzu word", () => {
    const token = `hzw_${fakeToken()}`;
    const filler = "plain log line with nothing of interest in it at all\n".repeat(400000);
    const text = filler + `token: ${token}\n` + filler;
    const found: Finding[] = [];
    const scanner = new ByteScanner({ knownPrefixes: ["hzw_"] }, { result: (result) => found.push(...result.findings) });
    scanner.push(Buffer.from(text));
    scanner.end();
    expect(found.map((finding) => finding.line)).toEqual([400001]);
  });
});
