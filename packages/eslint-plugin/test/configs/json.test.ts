import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import json from "@eslint/json";
import { ESLint as ESLint10 } from "eslint";
import { ESLint as ESLint9 } from "eslint-v9";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { createFakeTokens } from "../fake-token.js";

const fakeToken = createFakeTokens(0x7501);
const [LAUNCH, JSONC, JSON5, PLAIN] = [fakeToken(), fakeToken(), fakeToken(), fakeToken()];

// Files as editors and tools write them: comments and trailing commas where their tools allow them.
const FILES: Record<string, string> = {
  "tsconfig.json": `{\n  // strict everywhere\n  "compilerOptions": { "strict": true, },\n  /* shared */ "include": ["src"],\n}\n`,
  "tsconfig.build.json": `{\n  "extends": "./tsconfig.json", // build only\n}\n`,
  "jsconfig.json": `{\n  // editor only\n  "compilerOptions": {}\n}\n`,
  ".vscode/settings.json": `{\n  // team settings\n  "editor.formatOnSave": true,\n}\n`,
  ".vscode/launch.json": `{\n  // debug the sync job\n  "configurations": [\n    { "name": "sync", "env": { "HAWZU_TOKEN": "${LAUNCH}" } },\n  ],\n}\n`,
  "config/local.jsonc": `{\n  // local overrides\n  "hawzu": { "token": "${JSONC}" }\n}\n`,
  "config/app.json5": `{\n  // JSON5: unquoted keys\n  hawzu: { accessToken: '${JSON5}' },\n}\n`,
  "config/app.json": `{\n  "hawzu": { "baseUrl": "https://api.hawzu.com", "token": "${PLAIN}" }\n}\n`,
  "data/with-comments.json": `{\n  // the user says this folder is JSONC\n  "a": 1\n}\n`,
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "hawzu-json-"));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["ESLint 10", ESLint10],
  ["ESLint 9", ESLint9],
] as const)("%s with the json preset", (_name, ESLint) => {
  async function lint(extra: unknown[] = []) {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [{ plugins: { json } }, ...plugin.configs.json, ...extra] as never,
    });
    const results = await eslint.lintFiles(["."]);
    return Object.fromEntries(results.map((result) => [relative(dir, result.filePath).split("\\").join("/"), result.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, message: message.message }))]));
  }

  it("parses JSON with comments and reports a token in each JSON flavour", async () => {
    const byFile = await lint([{ files: ["data/**/*.json"], language: "json/jsonc" }]);
    for (const file of ["tsconfig.json", "tsconfig.build.json", "jsconfig.json", ".vscode/settings.json", "data/with-comments.json"]) {
      expect(byFile[file], file).toEqual([]);
    }
    for (const [file, line] of [[".vscode/launch.json", 4], ["config/local.jsonc", 3], ["config/app.json5", 3], ["config/app.json", 2]] as const) {
      expect(byFile[file]?.map(({ ruleId, line: at }) => ({ ruleId, line: at })), file).toEqual([{ ruleId: "hawzu/no-hawzu-token", line }]);
    }
    expect(JSON.stringify(byFile)).not.toMatch(new RegExp([LAUNCH, JSONC, JSON5, PLAIN].join("|")));
  });

  it("keeps a language the user sets after the preset", async () => {
    // Contrast: without the user's entry, the preset reads data/*.json as strict JSON and fails on the comment.
    const strict = await lint();
    expect(strict["data/with-comments.json"]?.[0]?.message).toMatch(/Parsing error/);
    const userLanguage = await lint([{ files: ["data/**/*.json"], language: "json/jsonc" }]);
    expect(userLanguage["data/with-comments.json"]).toEqual([]);
  });
});
