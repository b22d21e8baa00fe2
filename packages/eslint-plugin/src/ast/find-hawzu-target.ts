import type { TSESLint, TSESTree } from "@typescript-eslint/utils";
import { findVariable } from "../util/find-variable.js";
import { foldConstant } from "./fold-constant.js";
import { propertyName } from "./read-env-name.js";

/** Evidence from the code's structure that an object or request belongs to Hawzu. */
export interface HawzuTarget {
  /** The Hawzu URL the request goes to, when the code names one. */
  url?: string;
  /** How the structure shows it, for the message (e.g. `axios instance for api.hawzu.com`). */
  how: string;
}

// A URL (or bare host) whose host has a label containing "hawzu": the core's definition of a
// Hawzu host (HAWZU.md: api.hawzu.com, app.hawzu.com, self-hosted names).
const HAWZU_URL = /^(?:[a-z][\w+.-]*:\/\/)?(?:[^\s/@]+@)?([a-z0-9.-]*hawzu[a-z0-9.-]*)(?:[:/?#]|$)/i;
const URL_KEYS = /^(?:base_?url|url|prefix_?url|endpoint|host|api_?url|api_?base|server|origin|base)$/i;
const HAWZU_NAME = /hawzu/i;
const DEPTH_LIMIT = 4;

/** The Hawzu URL a constant (or a template's constant head) names, or undefined. */
export function hawzuUrlOf(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  let text: string | undefined;
  if (node.type === "TemplateLiteral") text = node.quasis[0]?.value.cooked ?? undefined;
  else if (node.type === "BinaryExpression" && node.operator === "+") return hawzuUrlOf(node.left);
  else text = foldConstant(node)?.value;
  return text !== undefined && HAWZU_URL.test(text.trim()) ? shownUrl(text.trim()) : undefined;
}

// scheme://userinfo@host:port/path?query#fragment, each part optional but the host.
const URL_PARTS = /^((?:[a-z][\w+.-]*:)?\/\/)?(?:[^\s/?#@]*@)?([^\s/?#]*)([^\s?#]*)/i;

/**
 * The URL as a message may show it: scheme, host and path. User info, query strings and fragments
 * hold passwords, signatures and tokens (`https://bot:pw@host/x?sig=...`), so they are dropped.
 */
export function shownUrl(url: string): string {
  const parts = URL_PARTS.exec(url);
  return parts ? `${parts[1] ?? ""}${parts[2] ?? ""}${parts[3] ?? ""}` : "";
}

/** Finds the Hawzu evidence of objects and calls, following variables through scope analysis. */
export class HawzuTargetFinder {
  constructor(readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** The config object itself names a Hawzu URL, or is passed to a Hawzu call or constructor. */
  ofConfig(config: TSESTree.ObjectExpression | TSESTree.JSXOpeningElement, depth = 0): HawzuTarget | undefined {
    if (config.type === "JSXOpeningElement") {
      for (const attribute of config.attributes) {
        if (attribute.type !== "JSXAttribute" || attribute.name.type !== "JSXIdentifier" || !URL_KEYS.test(attribute.name.name)) continue;
        const value = attribute.value?.type === "JSXExpressionContainer" ? attribute.value.expression : attribute.value;
        const url = value && value.type !== "JSXEmptyExpression" ? hawzuUrlOf(value) : undefined;
        if (url) return { url, how: `element configured for ${url}` };
      }
      const name = this.sourceCode.getText(config.name);
      return HAWZU_NAME.test(name) ? { how: `<${name}> element` } : undefined;
    }
    for (const property of config.properties) {
      if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" && property.key.type !== "Literal") continue;
      const key = property.key.type === "Identifier" ? property.key.name : String(property.key.value);
      if (!URL_KEYS.test(key)) continue;
      const url = hawzuUrlOf(property.value);
      if (url) return { url, how: `client configured for ${url}` };
    }
    const parent = config.parent;
    if (depth < DEPTH_LIMIT && (parent.type === "CallExpression" || parent.type === "NewExpression")) return this.ofCall(parent, depth + 1);
    if (parent.type === "VariableDeclarator" && parent.id.type === "Identifier" && HAWZU_NAME.test(parent.id.name)) {
      return { how: `object ${parent.id.name}` };
    }
    return undefined;
  }

  /** A call to a Hawzu URL (`fetch("https://api.hawzu.com/..", ...)`), a Hawzu-named callee, or a Hawzu instance. */
  ofCall(call: TSESTree.CallExpression | TSESTree.NewExpression, depth = 0): HawzuTarget | undefined {
    const url = hawzuUrlOf(call.arguments[0]);
    const calleeText = this.sourceCode.getText(call.callee);
    if (url) return { url, how: `${calleeText}() call to ${url}` };
    for (const argument of call.arguments) {
      if (argument.type !== "ObjectExpression") continue;
      for (const property of argument.properties) {
        if (property.type === "Property" && !property.computed && property.key.type === "Identifier" && URL_KEYS.test(property.key.name)) {
          const configured = hawzuUrlOf(property.value);
          if (configured) return { url: configured, how: `${calleeText}() for ${configured}` };
        }
      }
    }
    if (HAWZU_NAME.test(calleeText)) return { how: `${calleeText}()` };
    if (depth < DEPTH_LIMIT && call.callee.type === "MemberExpression") {
      const root = rootIdentifier(call.callee.object);
      if (root) return this.ofInstance(root, depth + 1);
    }
    return undefined;
  }

  /** An identifier bound to a client created for Hawzu (`const api = axios.create({ baseURL })`). */
  ofInstance(identifier: TSESTree.Identifier, depth = 0): HawzuTarget | undefined {
    if (depth > DEPTH_LIMIT) return undefined;
    const variable = findVariable(this.sourceCode, identifier);
    const definition = variable?.defs[0]?.node;
    if (!definition || definition.type !== "VariableDeclarator" || !definition.init) return undefined;
    let init: TSESTree.Node = definition.init;
    if (init.type === "AwaitExpression") init = init.argument;
    if (init.type !== "CallExpression" && init.type !== "NewExpression") return undefined;
    const target = this.ofCall(init, depth + 1);
    return target ? { ...target, how: `${identifier.name}, a client for ${target.url ?? "Hawzu"}` } : undefined;
  }

  /**
   * The Hawzu target of a headers object: `{ headers: {...} }` in a Hawzu config or call, also
   * through a variable (`const headers = {...}; fetch(hawzuUrl, { headers })`).
   */
  ofHeaders(headers: TSESTree.ObjectExpression): HawzuTarget | undefined {
    const parent = headers.parent;
    if (parent.type === "Property" && parent.value === headers && propertyKey(parent) === "headers" && parent.parent.type === "ObjectExpression") {
      return this.ofConfig(parent.parent);
    }
    if (parent.type === "VariableDeclarator" && parent.init === headers) {
      for (const variable of this.sourceCode.getDeclaredVariables(parent)) {
        for (const reference of variable.references) {
          const use = reference.identifier.parent;
          if (use?.type === "Property" && use.value === reference.identifier && propertyKey(use) === "headers" && use.parent.type === "ObjectExpression") {
            const target = this.ofConfig(use.parent);
            if (target) return target;
          }
        }
      }
    }
    return undefined;
  }

  /** `api.defaults.headers.common.Authorization = "..."` on a Hawzu instance. */
  ofAssignmentTarget(left: TSESTree.Node): HawzuTarget | undefined {
    if (left.type !== "MemberExpression") return undefined;
    const chain: string[] = [];
    let node: TSESTree.Node = left;
    while (node.type === "MemberExpression") {
      chain.unshift(propertyName(node) ?? "");
      node = node.object;
    }
    if (node.type !== "Identifier" || !chain.includes("headers")) return undefined;
    return this.ofInstance(node);
  }
}

function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  while (node.type === "MemberExpression") node = node.object;
  return node.type === "Identifier" ? node : undefined;
}

function propertyKey(property: TSESTree.Property): string | undefined {
  if (property.key.type === "Identifier" && !property.computed) return property.key.name;
  if (property.key.type === "Literal" && typeof property.key.value === "string") return property.key.value;
  return undefined;
}
