import type { TSESLint } from "@typescript-eslint/utils";

/**
 * `hawzu/json`: lints `*.json` files with @eslint/json's language, so `config/*.json` leaks are
 * lint errors too. @eslint/json must be registered as the `json` plugin (see the README).
 */
export function createJsonConfig(plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.Config {
  return {
    name: "hawzu/json",
    files: ["**/*.json"],
    language: "json/json",
    plugins: { hawzu: plugin },
    rules: { "hawzu/no-hawzu-token": "error" },
  };
}
