// The suggested code must compile under `tsc --strict` (issue 11): each TypeScript case is linted, its
// suggestion applied, and the result type-checked by the real compiler in a temporary project.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import tsParser from "@typescript-eslint/parser";
import { Linter } from "eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { createFakeTokens } from "../fake-token.js";

const require = createRequire(import.meta.url);
const TSC = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
// @types/node of the workspace root, so the temporary project knows `process.env`.
const TYPE_ROOTS = join(dirname(fileURLToPath(import.meta.url)), "../../../../node_modules/@types");

const fakeToken = createFakeTokens(0x5eed);
const [A, B, C] = [fakeToken(), fakeToken(20), fakeToken(20)];

const CASES: Record<string, string> = {
  typedConst: `export const hawzuApiToken: string = "${A}";`,
  typedFallback: `export const token: string = process.env.HAWZU_TOKEN ?? "${A}";`,
  typedOrFallback: `declare const cached: string | undefined;\nexport const HAWZU_TOKEN: string = cached || "${A}";`,
  classField: `export class HawzuService {\n  private accessToken: string = "${A}";\n  read(): string { return this.accessToken; }\n}`,
  typedProperty: `export const config: { hawzuToken: string } = { hawzuToken: "${B}" + "${C}" };`,
  parameterDefault: `export function connect(hawzuToken: string = "${A}"): string { return hawzuToken; }`,
  headerTemplate: `export const headers: Record<string, string> = { Authorization: "Bearer ${A}" };\nvoid fetch("https://api.hawzu.com/api/v1/me", { headers });`,
  envAssignment: `process.env.HAWZU_TOKEN = "${A}";\nexport {};`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hawzu-tsc-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function applySuggestion(code: string, filename: string): string {
  const config = [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }, plugin.configs.recommended] as Linter.Config[];
  const messages = new Linter().verify(code, config, filename);
  expect(messages.map((message) => message.ruleId), filename).toEqual(["hawzu/no-hawzu-token"]);
  const fix = messages[0]?.suggestions?.[0]?.fix;
  expect(fix, `${filename} has a suggestion`).toBeDefined();
  return code.slice(0, fix!.range[0]) + fix!.text + code.slice(fix!.range[1]);
}

function typeCheck(files: Record<string, string>): { status: number | null; output: string } {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(
    process.execPath,
    [TSC, "--strict", "--noEmit", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--skipLibCheck", "--types", "node", "--typeRoots", TYPE_ROOTS, ...Object.keys(files)],
    { cwd: dir, encoding: "utf8" },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

// One compiler run (the slow part) checks every fixed case and the bare contrast together.
const TSC_TIMEOUT = 180_000;

describe("suggestions in TypeScript files", () => {
  it("compile under tsc --strict once applied, where a bare process.env read does not (the check can fail)", () => {
    const fixed = Object.fromEntries(Object.entries(CASES).map(([name, code]) => [`${name}.ts`, applySuggestion(code, `${name}.ts`)]));
    for (const text of Object.values(fixed)) for (const token of [A, B, C]) expect(text).not.toContain(token);
    const result = typeCheck({ ...fixed, "bare.ts": "export const hawzuApiToken: string = process.env.HAWZU_ACCESS_TOKEN;\n" });
    const errors = result.output.split("\n").filter((line) => line.includes("error TS"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bare\.ts\(1,14\): error TS2322/);
  }, TSC_TIMEOUT);
});
