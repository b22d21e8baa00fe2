// Issue 11: the configs must type-check where users put them, in an eslint.config.ts built with
// ESLint's `defineConfig` or typescript-eslint's `config`, by the real compiler under --strict.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const TSC = join(dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const TYPE_ROOTS = join(PACKAGE_DIR, "../../node_modules/@types");
const TSC_TIMEOUT = 180_000;

const CONFIG = `import json from "@eslint/json";
import hawzu from "@hawzu-scan/eslint-plugin";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig([
  { files: ["**/*.{ts,tsx,mts,cts}"], languageOptions: { parser: tseslint.parser } },
  hawzu.configs.recommended,
  { plugins: { json } },
  hawzu.configs.json,
  { files: ["**/*.ts"], rules: { "hawzu/no-hawzu-token": ["error", { minConfidence: "high" }] } },
]);

export const spread = defineConfig(hawzu.configs.recommended, { plugins: { json } }, ...hawzu.configs.json);

export const withTypescriptEslint = tseslint.config(
  tseslint.configs.recommended,
  hawzu.configs.recommended,
  { plugins: { json } },
  ...hawzu.configs.json,
);
`;

let dir: string;
// Inside the package, so the imports resolve (the plugin by its own name) as in a user's project.
beforeAll(() => {
  dir = mkdtempSync(join(PACKAGE_DIR, ".types-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One compiler run (the slow part) for the config and its contrast; --skipLibCheck keeps it short,
// and still reports every place where a config does not fit the parameter it is passed to.
function typeCheck(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(
    process.execPath,
    [TSC, "--strict", "--noEmit", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", TYPE_ROOTS, ...Object.keys(files)],
    { cwd: dir, encoding: "utf8" },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

it("an eslint.config.ts with defineConfig and typescript-eslint compiles under tsc --strict", () => {
  // Contrast: a wrong entry fails, so a clean eslint.config.ts means something.
  const wrong = CONFIG.replace("hawzu.configs.recommended,\n  { plugins", "hawzu.configs.recommended.rules,\n  { plugins");
  const result = typeCheck({ "eslint.config.ts": CONFIG, "wrong.config.ts": wrong });
  const errors = result.output.split("\n").filter((line) => line.includes("error TS"));
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.filter((line) => !line.startsWith("wrong.config.ts("))).toEqual([]);
}, TSC_TIMEOUT);
