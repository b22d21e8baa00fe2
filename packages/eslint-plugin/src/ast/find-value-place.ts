import type { TSESTree } from "@typescript-eslint/utils";
import { propertyName, readEnvName } from "./read-env-name.js";

/** Where a string value sits in the code: what it is assigned to, and in which object. */
export interface ValuePlace {
  /** The value node after climbing out of TypeScript wrappers (`as`, `satisfies`, `!`). */
  outer: TSESTree.Node;
  /** The variable, property, attribute or parameter name the value is assigned to. */
  keyName?: string;
  /** The object (or JSX element) whose property or attribute holds the value. */
  container?: TSESTree.ObjectExpression | TSESTree.JSXOpeningElement;
  /** Set for `process.env.X ?? "..."` / `|| "..."`: the env name and the whole expression. */
  envFallback?: { name: string; expression: TSESTree.LogicalExpression };
}

const WRAPPERS = new Set(["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression", "TSTypeAssertion"]);

/** Reads the place of `value` from its parent nodes. */
export function findValuePlace(value: TSESTree.Node): ValuePlace {
  let outer: TSESTree.Node = value;
  while (outer.parent && WRAPPERS.has(outer.parent.type)) outer = outer.parent;
  const parent = outer.parent;
  if (!parent) return { outer };
  switch (parent.type) {
    case "VariableDeclarator":
      return parent.init === outer && parent.id.type === "Identifier" ? { outer, keyName: parent.id.name } : { outer };
    case "Property":
      if (parent.value !== outer || parent.parent.type !== "ObjectExpression") return { outer };
      return { outer, keyName: keyOf(parent.key, parent.computed), container: parent.parent };
    case "PropertyDefinition":
      return parent.value === outer ? { outer, keyName: keyOf(parent.key, parent.computed) } : { outer };
    case "AssignmentExpression":
      return parent.right === outer ? { outer, keyName: targetName(parent.left) } : { outer };
    case "AssignmentPattern": {
      if (parent.right !== outer || parent.left.type !== "Identifier") return { outer };
      // `const { hawzuToken: tok = "..." } = config`: the property names the value, not the binding.
      const property = parent.parent;
      const named = property?.type === "Property" && property.value === parent ? keyOf(property.key, property.computed) : undefined;
      return { outer, keyName: named ?? parent.left.name };
    }
    case "LogicalExpression": {
      if (parent.right !== outer || (parent.operator !== "??" && parent.operator !== "||")) return { outer };
      const name = readEnvName(parent.left);
      if (name) return { outer, keyName: name, envFallback: { name, expression: parent } };
      // `const HAWZU_TOKEN = cached || "..."`: a fallback value is named by where the whole goes.
      const whole = findValuePlace(parent);
      return { outer, keyName: whole.keyName, container: whole.container };
    }
    case "JSXExpressionContainer":
      return parent.parent.type === "JSXAttribute" ? attributePlace(outer, parent.parent) : { outer };
    case "JSXAttribute":
      return attributePlace(outer, parent);
    default:
      return { outer };
  }
}

function attributePlace(outer: TSESTree.Node, attribute: TSESTree.JSXAttribute): ValuePlace {
  const name = attribute.name.type === "JSXIdentifier" ? attribute.name.name : attribute.name.name.name;
  return { outer, keyName: name, container: attribute.parent };
}

function keyOf(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  return undefined;
}

function targetName(left: TSESTree.Node): string | undefined {
  if (left.type === "Identifier") return left.name;
  if (left.type === "MemberExpression") return propertyName(left);
  return undefined;
}
