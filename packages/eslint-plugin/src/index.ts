import type { ESLint, Linter, Rule } from "eslint";
import { createJsonConfigs } from "./configs/json.js";
import { createRecommendedConfig } from "./configs/recommended.js";
import noHawzuToken from "./rules/no-hawzu-token.js";
import { PLUGIN_NAME, PLUGIN_VERSION } from "./version.js";

export type { NoHawzuTokenOptions } from "./rules/no-hawzu-token-options.js";

// Typed with ESLint's own types (not typescript-eslint's), which both ESLint's `defineConfig` and
// typescript-eslint's config helpers accept; the rule is typescript-eslint-built and ESLint-shaped.
const rules: Record<"no-hawzu-token", Rule.RuleModule> = { "no-hawzu-token": noHawzuToken as unknown as Rule.RuleModule };

/** The plugin object: `meta`, `rules`, and flat `configs` that reference the plugin itself. */
export interface HawzuPlugin extends ESLint.Plugin {
  meta: { name: string; version: string };
  rules: typeof rules;
  configs: {
    /** `hawzu/recommended`: the rule as an error on every file ESLint lints. */
    recommended: Linter.Config;
    /** `hawzu/json`: @eslint/json languages for JSON, JSONC and JSON5 files, and the rule. A list: spread it or pass it to `defineConfig`. */
    json: Linter.Config[];
  };
}

const plugin: HawzuPlugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION },
  rules,
  configs: { recommended: {}, json: [] },
};
// The configs reference the plugin object itself, so a user's setup is the config alone.
plugin.configs.recommended = createRecommendedConfig(plugin);
plugin.configs.json = createJsonConfigs(plugin);

export { rules };
export default plugin;
