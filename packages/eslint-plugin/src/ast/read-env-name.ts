import type { TSESTree } from "@typescript-eslint/utils";

/**
 * The variable name of an environment read: `process.env.X`, `process.env["X"]`,
 * `import.meta.env.X`, `Bun.env.X`, `Deno.env.get("X")`. Undefined for anything else.
 */
export function readEnvName(node: TSESTree.Node): string | undefined {
  if (node.type === "ChainExpression" || node.type === "TSNonNullExpression" || node.type === "TSAsExpression") return readEnvName(node.expression);
  if (node.type === "CallExpression") {
    const callee = node.callee;
    const argument = node.arguments[0];
    if (callee.type === "MemberExpression" && propertyName(callee) === "get" && isEnvObject(callee.object) && argument?.type === "Literal" && typeof argument.value === "string") {
      return argument.value;
    }
    return undefined;
  }
  if (node.type !== "MemberExpression" || !isEnvObject(node.object)) return undefined;
  return propertyName(node);
}

/** `process.env`, `import.meta.env`, `Bun.env`, `Deno.env`. */
function isEnvObject(node: TSESTree.Node): boolean {
  if (node.type !== "MemberExpression" || propertyName(node) !== "env") return false;
  const owner = node.object;
  if (owner.type === "Identifier") return owner.name === "process" || owner.name === "Bun" || owner.name === "Deno";
  return owner.type === "MetaProperty";
}

/** The static name of a member access (`a.b`, `a["b"]`), or undefined when computed. */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.property.type === "Literal" && typeof node.property.value === "string") return node.property.value;
  return undefined;
}
