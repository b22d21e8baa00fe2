import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

/** The variable `identifier` refers to, looked up from its scope outwards (as `ASTUtils.findVariable`). */
export function findVariable(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return undefined;
}
