import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { ValuePlace } from "../ast/find-value-place.js";
import { readEnvName } from "../ast/read-env-name.js";
import { withoutTokens } from "../util/without-tokens.js";

export type SuggestionId = "useEnvironmentVariable" | "removeFallback" | "removeAssignment";

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

/** How the file reads its environment. */
export interface EnvStyle {
  /** `import.meta.env` in files that use it (Vite, Astro), else `process.env`. */
  object: "process.env" | "import.meta.env";
  /** TypeScript: a whole-value read gets `?? ""`, so `const t: string = ...` compiles under `--strict`. */
  typed: boolean;
}

// Places where a string literal is syntax, not an expression: replacing it would not parse.
const NOT_AN_EXPRESSION = new Set([
  "ImportDeclaration", "ExportAllDeclaration", "ExportNamedDeclaration", "ImportAttribute", "ImportExpression",
  "TSLiteralType", "TSEnumMember", "TSExternalModuleReference", "TSModuleDeclaration", "TSImportType",
  "TaggedTemplateExpression", "JSXText",
]);
// Parents where `a ?? ""` needs no parentheses; elsewhere (`x || a ?? ""` is a syntax error) it gets them.
const LOOSE_PARENTS = new Set(["VariableDeclarator", "Property", "PropertyDefinition", "AssignmentExpression", "AssignmentPattern", "CallExpression", "NewExpression", "ReturnStatement", "ArrayExpression", "JSXExpressionContainer", "JSXAttribute", "TemplateLiteral"]);

/** The suggestion for a token, or undefined when no replacement is valid at that place. */
export function buildSuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  site: TokenSite,
  envName: string,
  style: EnvStyle,
): { messageId: SuggestionId; data: Record<string, string>; fix: TSESLint.ReportFixFunction } | undefined {
  const envRead = `${style.object}.${envName}`;
  const data = { envRead };
  const outer = site.place.outer;
  const parent = outer.parent;
  // `process.env.HAWZU_TOKEN = "<token>"`: the variable itself is being set, so the fix is to set it
  // outside the code, never `process.env.X = process.env.X`.
  if (site.wholeValue && parent?.type === "AssignmentExpression" && parent.right === outer && readEnvName(parent.left)) {
    const statement = parent.parent;
    if (statement?.type !== "ExpressionStatement") return undefined;
    return { messageId: "removeAssignment", data: { envRead: withoutTokens(sourceCode.getText(parent.left)) }, fix: (fixer) => fixer.remove(statement) };
  }
  const fallback = site.place.envFallback;
  if (fallback && site.wholeValue && fallback.name === envName) {
    const left = sourceCode.getText(fallback.expression.left);
    const fix: TSESLint.ReportFixFunction = style.typed
      ? (fixer) => fixer.replaceText(outer, '""')
      : (fixer) => fixer.replaceText(fallback.expression, left);
    // The description is printed: code taken from the file goes through withoutTokens like messages.
    return { messageId: "removeFallback", data: { envRead: withoutTokens(left) }, fix };
  }
  if (site.wholeValue && acceptsExpression(outer)) {
    let replacement = style.typed ? `${envRead} ?? ""` : envRead;
    if (style.typed && !(parent && LOOSE_PARENTS.has(parent.type))) replacement = `(${replacement})`;
    if (parent?.type === "JSXAttribute") replacement = `{${replacement}}`;
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
