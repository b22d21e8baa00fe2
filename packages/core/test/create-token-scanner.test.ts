import { seededRandom } from "../../../test/support/seeded-random.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTokenScanner, findTokens, SKIP_MARGIN, type FindOptions, type ScanResult, isCredentialLike } from "../src/index.js";
import { caseOptions, listCases } from "./cases.test.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("create-token-scanner");

function streamed(text: string, chunkSizes: () => number, options: FindOptions = {}): ScanResult {
  const scanner = createTokenScanner(options);
  const all: ScanResult = { findings: [], suppressed: [] };
  const collect = (result: ScanResult) => {
    all.findings.push(...result.findings);
    all.suppressed.push(...result.suppressed);
  };
  for (let offset = 0; offset < text.length; ) {
    const size = Math.max(1, chunkSizes());
    collect(scanner.write(text.slice(offset, offset + size)));
    offset += size;
  }
  collect(scanner.end());
  return all;
}

// Random fake tokens the value check accepts (its miss rate is measured in is-credential-like.test.ts).
const token = (): string => {
  for (;;) {
    const value = random.bytes(24).toString("base64url");
    if (isCredentialLike(value, "strict")) return value;
  }
};

describe("createTokenScanner", () => {
  it.each(listCases().map((testCase) => [`${testCase.contextId}/${testCase.name}`, testCase] as const))(
    "finds what findTokens finds in %s, however the text is chunked",
    (_, testCase) => {
      const text = readFileSync(join(testCase.folder, testCase.inputFile), "utf8");
      const options = caseOptions(testCase);
      const whole = findTokens(text, options);
      for (const sizes of [() => 1, () => 7, () => random.int(1, 200), () => 1 << 20]) {
        expect(streamed(text, sizes, options)).toEqual(whole);
      }
    },
  );

  it("gives stream-absolute positions for a token split across two chunks", () => {
    const value = token();
    const filler = "2026-11-21T10:00:00Z INFO request ok\n".repeat(5000);
    const text = `${filler}HAWZU_TOKEN=${value}\n${filler}`;
    const splitAt = filler.length + "HAWZU_TOKEN=".length + 10;
    const scanner = createTokenScanner();
    const first = scanner.write(text.slice(0, splitAt));
    const second = scanner.write(text.slice(splitAt));
    const rest = scanner.end();
    expect(first.findings).toEqual([]);
    const findings = [...second.findings, ...rest.findings];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 5001, column: 13, endColumn: 13 + value.length, start: splitAt - 10 });
  });

  it("reports a finding as soon as its line is complete", () => {
    const scanner = createTokenScanner();
    const result = scanner.write(`export HAWZU_ACCESS_TOKEN=${token()}\nstill running`);
    expect(result.findings).toHaveLength(1);
  });

  it("sees evidence that arrives after the token (a curl URL on the next line)", () => {
    const scanner = createTokenScanner();
    const early = scanner.write(`curl -H "Authorization: Bearer ${token()}" \\\n`);
    const late = scanner.write("  https://api.hawzu.com/api/v1/me\n");
    expect(early.findings).toEqual([]);
    expect(late.findings).toHaveLength(1);
    expect(late.findings[0]).toMatchObject({ line: 1, ruleId: "bearer-to-hawzu-host" });
  });

  it("judges a very long single line in pieces with exact columns", () => {
    const value = token();
    const padding = "x=1;".repeat(600_000);
    const text = `${padding}var hawzuToken="${value}";${padding}`;
    const result = streamed(text, () => 64 * 1024);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ line: 1, column: padding.length + 'var hawzuToken="'.length + 1 });
  });

  it("keeps positions right across skipped keyword-free stretches", () => {
    const value = token();
    const margin = "a".repeat(SKIP_MARGIN - 1) + "\n";
    const scanner = createTokenScanner();
    scanner.write(margin);
    scanner.skip(1000, 10, 5);
    const result = scanner.write(`${margin}HAWZU_TOKEN=${value}\n`);
    const findings = [...result.findings, ...scanner.end().findings];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1 + 1 + 10 + 1, column: 13, start: margin.length * 2 + 1000 + 12 });
  });
});
