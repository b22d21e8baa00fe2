import type { ESLint, Linter } from "eslint";

// Files whose own tools accept comments and trailing commas (TypeScript, VS Code): strict JSON
// fails to parse them ("Unexpected character '/'"), and a token in them would go unreported.
const JSONC_FILES = ["**/tsconfig.json", "**/tsconfig.*.json", "**/tsconfig-*.json", "**/jsconfig.json", "**/jsconfig.*.json", "**/.vscode/*.json", "**/*.jsonc", "**/.devcontainer/*.json", "**/.devcontainer.json"];
const JSON_FILES = ["**/*.json"];
const JSON5_FILES = ["**/*.json5"];

/**
 * `hawzu/json`: lints JSON files with @eslint/json's languages (`json/json`, `json/jsonc` for files
 * with comments, `json/json5`), so `config/*.json` leaks are lint errors too. @eslint/json must be
 * registered as the `json` plugin (see the README). The languages come first and the rule last, as
 * separate entries: a user's own `language` for these files, placed after this preset, wins.
 */
export function createJsonConfigs(plugin: ESLint.Plugin): Linter.Config[] {
  return [
    { name: "hawzu/json/language-json", files: JSON_FILES, language: "json/json" },
    { name: "hawzu/json/language-jsonc", files: JSONC_FILES, language: "json/jsonc", languageOptions: { allowTrailingCommas: true } },
    { name: "hawzu/json/language-json5", files: JSON5_FILES, language: "json/json5" },
    {
      name: "hawzu/json",
      files: [...JSON_FILES, ...JSONC_FILES, ...JSON5_FILES],
      plugins: { hawzu: plugin },
      rules: { "hawzu/no-hawzu-token": "error" },
    },
  ];
}
