import type { TSESLint } from "@typescript-eslint/utils";

const DOCS_BASE = "https://github.com/hawzu-scan/hawzu-scan/blob/main/packages/eslint-plugin/docs/rules";

/** What a rule declares: typescript-eslint's `RuleCreator` shape, with defaults in `meta`. */
export interface RuleDefinition<Options extends readonly unknown[], MessageIds extends string> {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<MessageIds, { recommended?: boolean }, Options>, "docs"> & {
    docs: { description: string; recommended?: boolean };
  };
  create: (context: Readonly<TSESLint.RuleContext<MessageIds, Options>>, options: Options) => TSESLint.RuleListener;
}

/**
 * The one rule factory of the plugin, as typescript-eslint's `ESLintUtils.RuleCreator`: every rule
 * gets its docs URL from its name. Written here (a few lines) so the plugin needs no
 * `@typescript-eslint/utils` at run time, whose `typescript` peer would pull a compiler into
 * JavaScript-only projects. The rule receives the options as written (not merged with defaults),
 * so it can tell what the user set from what a config file may set.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: RuleDefinition<Options, MessageIds>,
): TSESLint.RuleModule<MessageIds, Options, { recommended?: boolean }> & { name: string } {
  return {
    name: rule.name,
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: `${DOCS_BASE}/${rule.name}.md` } },
    defaultOptions: (rule.meta.defaultOptions ?? []) as unknown as Options,
    create: (context) => rule.create(context, context.options),
  } as TSESLint.RuleModule<MessageIds, Options, { recommended?: boolean }> & { name: string };
}
