import { findSuppression } from "@hawzu-scan/core";
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

const DIRECTIVE = "hawzu-scan-ignore";
// Before the directive on a line of its own or after closing brackets (`}); // hawzu-scan-ignore`):
// such a comment speaks for the statement, not for a neighbouring value on its line.
const STATEMENT_COMMENT = /^[\s)\]}>;,]*(?:\/\/|\/\*|\{\/\*)\s*$/;

/**
 * True when a core suppression comment (`hawzu-scan-ignore`, `-next-line`) covers the token at
 * `index` on `line`: on its own line (the core's rule), before the statement that holds it, or on a
 * line of that statement that holds no other value (its first line, or a comment after `});`).
 */
export function isIgnoredStatement(sourceCode: Readonly<TSESLint.SourceCode>, index: number, line: number): boolean {
  const lines = sourceCode.lines;
  if (findSuppression(lines[line - 1] ?? "", line > 1 ? lines[line - 2] : undefined)) return true;
  let node: TSESTree.Node | null = sourceCode.getNodeByRangeIndex(index);
  while (node && !/(?:Statement|Declaration)$/.test(node.type)) node = node.parent ?? null;
  if (!node) return false;
  if (node.parent?.type === "ExportNamedDeclaration" || node.parent?.type === "ExportDefaultDeclaration") node = node.parent;
  const { start, end } = node.loc;
  if (start.line !== line && findSuppression(lines[start.line - 1] ?? "", start.line > 1 ? lines[start.line - 2] : undefined)) return true;
  for (let at = start.line + 1; at <= end.line; at++) {
    const text = lines[at - 1] ?? "";
    const directive = text.indexOf(DIRECTIVE);
    if (at === line || directive === -1 || !STATEMENT_COMMENT.test(text.slice(0, directive))) continue;
    if (findSuppression(text, undefined)) return true;
  }
  return false;
}
