import { ESLintUtils } from "@typescript-eslint/utils";

const DOCS_BASE = "https://github.com/hawzu-scan/hawzu-scan/blob/main/packages/eslint-plugin/docs/rules";

/** The one rule factory of the plugin: every rule gets its docs URL from its name. */
export const createRule = ESLintUtils.RuleCreator((name) => `${DOCS_BASE}/${name}.md`);
