import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findTokens, readFoundToken, type FindOptions } from "../src/index.js";

// Text tests are data: cases/<context-id>/<found|quiet>.<case>/input.<ext> with expected.json
// (fingerprints and positions, never token text) and an optional options.json. Adding a case is
// adding a folder; UPDATE_EXPECTED=1 rewrites the expectations after a deliberate change.
const casesRoot = join(import.meta.dirname, "cases");
const update = process.env.UPDATE_EXPECTED === "1";

export interface Case {
  contextId: string;
  name: string;
  kind: "found" | "quiet";
  folder: string;
  inputFile: string;
}

export function listCases(): Case[] {
  const cases: Case[] = [];
  for (const contextId of readdirSync(casesRoot)) {
    for (const name of readdirSync(join(casesRoot, contextId))) {
      const folder = join(casesRoot, contextId, name);
      const inputFile = readdirSync(folder).find((file) => file.startsWith("input."));
      if (!inputFile) throw new Error(`${folder} has no input.<ext> file`);
      const kind = name.startsWith("found.") ? "found" : "quiet";
      cases.push({ contextId, name, kind, folder, inputFile });
    }
  }
  return cases;
}

export function caseOptions(testCase: Case): FindOptions {
  const optionsFile = join(testCase.folder, "options.json");
  const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as FindOptions) : {};
  // The file name is evidence for some contexts (hawzu.yml); a case can name the file it stands for.
  return { path: options.path ?? testCase.inputFile, ...options };
}

function summarize(text: string, options: FindOptions) {
  const { findings, suppressed } = findTokens(text, options);
  const shape = ({ ruleId, line, column, endLine, endColumn, confidence, fingerprint, encoding }: (typeof findings)[number]) => ({
    ruleId,
    line,
    column,
    endLine,
    endColumn,
    confidence,
    encoding,
    fingerprint,
  });
  return { findings: findings.map(shape), suppressed: suppressed.map((finding) => ({ ...shape(finding), reason: finding.reason })) };
}

describe.each(listCases())("$contextId/$name", (testCase) => {
  it("reads every token back and never shows it in a finding", () => {
    const text = readFileSync(join(testCase.folder, testCase.inputFile), "utf8");
    const { findings, suppressed } = findTokens(text, caseOptions(testCase));
    for (const finding of [...findings, ...suppressed]) {
      const token = readFoundToken(text, finding);
      expect(token).toBeDefined();
      expect(JSON.stringify(finding)).not.toContain(token!.slice(0, 12));
    }
  });

  const input = readFileSync(join(testCase.folder, testCase.inputFile), "utf8");
  const expectedFile = join(testCase.folder, "expected.json");

  it("gives the expected findings", () => {
    const actual = summarize(input, caseOptions(testCase));
    if (update) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + "\n");
    const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
    expect(actual).toEqual(expected);
  });

  it(testCase.kind === "found" ? "finds a token through its own context" : "stays quiet", () => {
    const { findings } = findTokens(input, caseOptions(testCase));
    if (testCase.kind === "quiet") {
      expect(findings).toEqual([]);
    } else {
      expect(findings.map((finding) => finding.ruleId)).toContain(testCase.contextId);
    }
  });
});
