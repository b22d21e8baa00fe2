import { readFileSync } from "node:fs";
import json from "@eslint/json";
import tsParser from "@typescript-eslint/parser";
import { Linter as Linter10 } from "eslint";
import { Linter as Linter9 } from "eslint-v9";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";
import { fakeToken, spanOf } from "./fake-token.js";

const TOKEN = fakeToken();
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };

const config = [
  { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
  plugin.configs.recommended,
  { plugins: { json } },
  ...plugin.configs.json,
];

const files: Array<{ filename: string; code: string; needle: string }> = [
  { filename: "src/client.js", code: `const client = { hawzuToken: "${TOKEN.slice(0, 9)}" + "${TOKEN.slice(9)}" };`, needle: `"${TOKEN.slice(0, 9)}" + "${TOKEN.slice(9)}"` },
  { filename: "src/client.ts", code: `export const HAWZU_ACCESS_TOKEN: string = "${TOKEN}";`, needle: TOKEN },
  { filename: "src/app.tsx", code: `export const App = () => <HawzuProvider token="${TOKEN}" />;`, needle: TOKEN },
  { filename: "config/app.json", code: `{\n  "hawzu": {\n    "baseUrl": "https://api.hawzu.com",\n    "token": "${TOKEN}"\n  }\n}\n`, needle: TOKEN },
];

describe("plugin object", () => {
  it("names itself and its version from package.json", () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version });
  });

  it("has a recommended flat config that references the plugin itself", () => {
    expect(plugin.configs.recommended.name).toBe("hawzu/recommended");
    expect(plugin.configs.recommended.plugins?.["hawzu"]).toBe(plugin);
    expect(plugin.configs.json.at(-1)?.plugins?.["hawzu"]).toBe(plugin);
  });
});

describe.each([
  ["ESLint 10", () => new Linter10()],
  ["ESLint 9", () => new Linter9()],
])("%s with the recommended and json configs", (_name, createLinter) => {
  it.each(files)("reports the token span in $filename, never the token", ({ filename, code, needle }) => {
    const linter = createLinter();
    const messages = linter.verify(code, config as never, filename);
    expect(messages.map(({ ruleId, line, column, endLine, endColumn }) => ({ ruleId, line, column, endLine, endColumn }))).toEqual([
      { ruleId: "hawzu/no-hawzu-token", ...spanOf(code, needle) },
    ]);
    for (const message of messages) {
      expect(message.message).toMatch(/^(?:Possible h|H)ard-coded Hawzu access token \w{4}\*{8} \(/);
      for (const piece of [TOKEN, TOKEN.slice(4), TOKEN.slice(9)]) expect(message.message).not.toContain(piece);
    }
  });

  it("offers no suggestion in JSON", () => {
    const { code, filename } = files[3]!;
    const [message] = createLinter().verify(code, config as never, filename);
    expect(message?.suggestions ?? []).toEqual([]);
  });
});

describe("messages built from the code", () => {
  it("never carry a token written elsewhere in the code (a client URL's query)", () => {
    const urlToken = fakeToken();
    const code = [
      `const api = axios.create({ baseURL: "https://api.hawzu.com/v1?access_token=${urlToken}" });`,
      ...Array.from({ length: 12 }, (_, index) => `const filler${index} = ${index};`),
      `api.get("/me", { headers: { Authorization: "Bearer ${TOKEN}" } });`,
    ].join("\n");
    const messages = new Linter10().verify(code, [plugin.configs.recommended], "src/api.js");
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) {
      expect(message.message).not.toContain(urlToken);
      expect(message.message).not.toContain(TOKEN);
    }
  });

  it("treats files under a hawzu/ folder as Hawzu-named, as the core does", () => {
    const messages = new Linter10().verify(`module.exports = { token: "${TOKEN}" };`, [plugin.configs.recommended], "hawzu/config.js");
    expect(messages.map((message) => message.ruleId)).toEqual(["hawzu/no-hawzu-token"]);
  });
});
