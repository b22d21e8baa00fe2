// The repository lints itself with its own plugin (dogfood; run on staged files by lint-staged).
// Build first (`npm run build`): the plugin is loaded from packages/eslint-plugin/dist.
import json from "@eslint/json";
import tsParser from "@typescript-eslint/parser";
import hawzu from "@hawzu-scan/eslint-plugin";
import { FIXTURE_FOLDERS } from "./lint-staged.config.js";

export default [
  { ignores: ["**/dist/**", "**/node_modules/**", "**/coverage/**", ...FIXTURE_FOLDERS.map((folder) => `${folder}**`)] },
  { files: ["**/*.{ts,mts,cts,tsx}"], languageOptions: { parser: tsParser } },
  { ...hawzu.configs.recommended, files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"] },
  { plugins: { json } },
  ...hawzu.configs.json,
];
