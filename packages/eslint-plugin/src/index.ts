import type { TSESLint } from "@typescript-eslint/utils";
import { createJsonConfig } from "./configs/json.js";
import { createRecommendedConfig } from "./configs/recommended.js";
import noHawzuToken from "./rules/no-hawzu-token.js";
import { PLUGIN_NAME, PLUGIN_VERSION } from "./version.js";

export type { NoHawzuTokenOptions } from "./rules/no-hawzu-token.js";

const rules = { "no-hawzu-token": noHawzuToken };

const plugin = {
  meta: { name: PLUGIN_NAME, version: PLUGIN_VERSION },
  rules,
  configs: {} as { recommended: TSESLint.FlatConfig.Config; json: TSESLint.FlatConfig.Config },
};
// The configs reference the plugin object itself, so a user's setup is the config alone.
plugin.configs.recommended = createRecommendedConfig(plugin as unknown as TSESLint.FlatConfig.Plugin);
plugin.configs.json = createJsonConfig(plugin as unknown as TSESLint.FlatConfig.Plugin);

export { rules };
export default plugin;
