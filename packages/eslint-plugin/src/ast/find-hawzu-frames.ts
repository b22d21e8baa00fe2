import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import type { HawzuTarget, HawzuTargetFinder } from "./find-hawzu-target.js";
import { findValuePlace, type ValuePlace } from "./find-value-place.js";
import { propertyName } from "./read-env-name.js";
import type { ValueFrame } from "./scan-value.js";

const AUTHORIZATION = /^authorization$/i;
const HAWZU_NAME = /hawzu/i;
// `client.setToken("...")`, `setApiKey`, `setAccessToken`, `setAuth`, `setCredentials`.
const CREDENTIAL_SETTER = /^set(?:[A-Z]\w*)?(?:Token|Key|Secret|Auth|Authorization|Credentials?|Password)$/;
const SCHEME_BEFORE = /(?:Bearer|Token)[ \t]+$/i;
// A constant's uses are followed this far: enough for a module's requests, bounded per value.
const MOST_USES = 20;

export interface TargetFrame {
  frame: ValueFrame;
  how: string;
}

/**
 * The frames the structure around a value supports: an Authorization header of a request to Hawzu
 * (config object, headers variable, client instance defaults), a property of a Hawzu client config,
 * a field of a Hawzu-named class, a credential setter on a Hawzu client, and for a constant, the same
 * at each place the constant is used.
 */
export function findHawzuTargetFrames(place: ValuePlace, finder: HawzuTargetFinder, followUses = true): TargetFrame[] {
  const key = place.keyName;
  const parent = place.outer.parent;
  if (parent?.type === "CallExpression" && parent.callee.type === "MemberExpression" && parent.arguments.includes(place.outer as TSESTree.CallExpressionArgument)) {
    const method = propertyName(parent.callee);
    if (method && CREDENTIAL_SETTER.test(method)) {
      const target = finder.ofCall(parent);
      if (target) return [{ frame: { kind: "hawzu-object", key: "token" }, how: `${method}() on ${target.how}` }];
    }
  }
  if (parent?.type === "PropertyDefinition" && parent.value === place.outer && key) {
    const owner = parent.parent.parent;
    const className = (owner.type === "ClassDeclaration" || owner.type === "ClassExpression") && owner.id ? owner.id.name : undefined;
    if (className && HAWZU_NAME.test(className)) return [{ frame: { kind: "hawzu-object", key }, how: `field ${key} of class ${className}` }];
  }
  if (followUses && parent?.type === "VariableDeclarator" && parent.init === place.outer && parent.id.type === "Identifier") {
    return framesOfUses(parent, parent.id.name, finder);
  }
  if (!key) return [];
  if (AUTHORIZATION.test(key)) {
    const target = authorizationTarget(place, finder);
    return target ? [{ frame: { kind: "bearer", url: target.url }, how: `Authorization header of ${target.how}` }] : [];
  }
  const container = place.container;
  if (!container) return [];
  const target = finder.ofConfig(container);
  return target ? [{ frame: { kind: "hawzu-object", key }, how: `${key} of ${target.how}` }] : [];
}

/** The Hawzu request an `Authorization` value at `place` is sent with. */
function authorizationTarget(place: ValuePlace, finder: HawzuTargetFinder): HawzuTarget | undefined {
  const container = place.container;
  const parent = place.outer.parent;
  if (container?.type === "ObjectExpression") return finder.ofHeaders(container) ?? finder.ofConfig(container);
  if (container) return finder.ofConfig(container);
  if (parent?.type === "AssignmentExpression") return finder.ofAssignmentTarget(parent.left);
  return undefined;
}

/**
 * `const TOKEN = "..."` used elsewhere in the module: `Bearer ${TOKEN}` in a Hawzu request, a Hawzu
 * client's option, a Hawzu-named key. The first use that shows Hawzu gives the frames.
 */
function framesOfUses(declarator: TSESTree.VariableDeclarator, name: string, finder: HawzuTargetFinder): TargetFrame[] {
  for (const use of readsOf(finder.sourceCode, declarator)) {
    const parent = use.parent;
    if (parent?.type === "TemplateLiteral") {
      const index = parent.expressions.indexOf(use);
      const before = parent.quasis[index]?.value.cooked ?? "";
      const place = findValuePlace(parent);
      if (place.keyName && AUTHORIZATION.test(place.keyName) && SCHEME_BEFORE.test(before)) {
        const target = authorizationTarget(place, finder);
        if (target) return [{ frame: { kind: "bearer", url: target.url, bare: true }, how: `${name}, sent in the Authorization header of ${target.how}` }];
      }
      continue;
    }
    const place = findValuePlace(use);
    const frames = findHawzuTargetFrames(place, finder, false).map(({ frame, how }) => ({ frame, how: `${name}, used as ${how}` }));
    if (place.keyName && HAWZU_NAME.test(place.keyName) && place.keyName !== name) frames.push({ frame: { kind: "named", key: place.keyName }, how: `${name}, used as ${place.keyName}` });
    if (frames.length > 0) return frames;
  }
  return [];
}

/** The identifiers that read the variable `declarator` declares, at most `MOST_USES`. */
export function readsOf(sourceCode: Readonly<TSESLint.SourceCode>, declarator: TSESTree.VariableDeclarator): TSESTree.Identifier[] {
  const uses: TSESTree.Identifier[] = [];
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      if (uses.length >= MOST_USES) return uses;
      if (reference.isRead() && reference.identifier.type === "Identifier") uses.push(reference.identifier);
    }
  }
  return uses;
}
