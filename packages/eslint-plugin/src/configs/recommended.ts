import type { TSESLint } from "@typescript-eslint/utils";

/** `hawzu/recommended`: the rule as an error, for every file ESLint lints (JS, TS, JSX, JSON...). */
export function createRecommendedConfig(plugin: TSESLint.FlatConfig.Plugin): TSESLint.FlatConfig.Config {
  return {
    name: "hawzu/recommended",
    plugins: { hawzu: plugin },
    rules: { "hawzu/no-hawzu-token": "error" },
  };
}
