import type { ESLint, Linter } from "eslint";

/** `hawzu/recommended`: the rule as an error, for every file ESLint lints (JS, TS, JSX, JSON...). */
export function createRecommendedConfig(plugin: ESLint.Plugin): Linter.Config {
  return {
    name: "hawzu/recommended",
    plugins: { hawzu: plugin },
    rules: { "hawzu/no-hawzu-token": "error" },
  };
}
