import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { ValuePlace } from "../ast/find-value-place.js";

export type SuggestionId = "useEnvironmentVariable" | "removeFallback";

/** What the rule knows about one reported token, enough to propose a replacement. */
export interface TokenSite {
  /** The value expression (literal, template, concatenation). */
  valueNode: TSESTree.Node;
  place: ValuePlace;
  /** True when the token is the whole value of `valueNode`. */
  wholeValue: boolean;
  /** The token's exact source range, when written verbatim. */
  exactRange: [number, number] | undefined;
}

// Places where a string literal is syntax, not an expression: replacing it would not parse.
const NOT_AN_EXPRESSION = new Set([
  "ImportDeclaration", "ExportAllDeclaration", "ExportNamedDeclaration", "ImportAttribute", "ImportExpression",
  "TSLiteralType", "TSEnumMember", "TSExternalModuleReference", "TSModuleDeclaration", "TSImportType",
  "TaggedTemplateExpression", "JSXText",
]);

/** The suggestion for a token, or undefined when no replacement is valid at that place. */
export function buildSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  site: TokenSite,
  envName: string,
): { messageId: SuggestionId; data: Record<string, string>; fix: TSESLint.ReportFixFunction } | undefined {
  const envRead = `process.env.${envName}`;
  const data = { envName };
  const fallback = site.place.envFallback;
  if (fallback && site.wholeValue) {
    const left = sourceCode.getText(fallback.expression.left);
    return { messageId: "removeFallback", data: { envName: fallback.name }, fix: (fixer) => fixer.replaceText(fallback.expression, left) };
  }
  const outer = site.place.outer;
  if (site.wholeValue && acceptsExpression(outer)) {
    const replacement = outer.parent?.type === "JSXAttribute" ? `{${envRead}}` : envRead;
    return { messageId: "useEnvironmentVariable", data, fix: (fixer) => fixer.replaceText(outer, replacement) };
  }
  const range = site.exactRange;
  if (!range) return undefined;
  const holder = sourceCode.getNodeByRangeIndex(range[0]);
  if (holder?.type === "TemplateElement" && holder.parent.type === "TemplateLiteral" && holder.parent.parent.type !== "TaggedTemplateExpression") {
    return { messageId: "useEnvironmentVariable", data, fix: (fixer) => fixer.replaceTextRange(range, `\${${envRead}}`) };
  }
  if (holder?.type === "Literal" && typeof holder.value === "string" && acceptsExpression(holder)) {
    const start = range[0] - holder.range[0] - 1;
    const end = range[1] - holder.range[0] - 1;
    const template = "`" + escapeTemplate(holder.value.slice(0, start)) + `\${${envRead}}` + escapeTemplate(holder.value.slice(end)) + "`";
    const replacement = holder.parent.type === "JSXAttribute" ? `{${template}}` : template;
    return { messageId: "useEnvironmentVariable", data, fix: (fixer) => fixer.replaceText(holder, replacement) };
  }
  return undefined;
}

function acceptsExpression(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (!parent || NOT_AN_EXPRESSION.has(parent.type)) return false;
  if ((parent.type === "Property" || parent.type === "PropertyDefinition" || parent.type === "MethodDefinition" || parent.type === "TSPropertySignature") && parent.key === node) return false;
  if (parent.type === "ExpressionStatement" && parent.directive !== undefined) return false;
  return true;
}

function escapeTemplate(text: string): string {
  return text.replace(/[`\\]/g, "\\$&").replace(/\$\{/g, "\\${");
}
