import type { TSESTree } from "@typescript-eslint/utils";
import { readsOf } from "./find-hawzu-frames.js";
import { findHawzuTargetFrames } from "./find-hawzu-frames.js";
import { hawzuUrlOf, shownUrl, type HawzuTargetFinder } from "./find-hawzu-target.js";
import { findValuePlace, type ValuePlace } from "./find-value-place.js";

// An absolute http(s) URL; its host is checked against Hawzu separately.
const HTTP_URL = /^https?:\/\/[^\s/?#]+/i;
const URL_KEYS = /^(?:base_?url|url|prefix_?url|endpoint|host|api_?url|api_?base|server|origin|base)$/i;
// Clients of services Hawzu integrates with or that teams use beside it (HAWZU.md: Jira, GitHub,
// GitLab, Azure DevOps, Linear, Slack): their credentials are not Hawzu tokens.
const OTHER_CLIENT = /^(?:Octokit|GitHub\w*|Gitlab|GitLab\w*|Gitbeaker\w*|WebClient|Slack\w*|JiraApi|Version[23]Client|Jira\w*|LinearClient|Stripe|OpenAI|Anthropic|Twilio|Sentry\w*|Bitbucket|Notion\w*)$/;
const AUTHORIZATION = /^authorization$/i;
const HAWZU_NAME = /hawzu/i;

/**
 * The other service the code sends a value to (a request to a non-Hawzu URL, another vendor's
 * client), when the code shows one and nothing shows Hawzu. Such code evidence outweighs a Hawzu
 * word nearby; undefined when the code does not tell.
 */
export function findOtherService(place: ValuePlace, finder: HawzuTargetFinder): string | undefined {
  const parent = place.outer.parent;
  if (parent?.type === "VariableDeclarator" && parent.init === place.outer && parent.id.type === "Identifier") {
    if (findHawzuTargetFrames(place, finder).length > 0) return undefined;
    for (const use of readsOf(finder.sourceCode, parent)) {
      const usePlace = findValuePlace(use.parent?.type === "TemplateLiteral" ? use.parent : use);
      const other = otherOfPlace(usePlace, finder);
      if (other) return other;
    }
    return undefined;
  }
  return otherOfPlace(place, finder);
}

function otherOfPlace(place: ValuePlace, finder: HawzuTargetFinder): string | undefined {
  if (findHawzuTargetFrames(place, finder, false).length > 0) return undefined;
  const parent = place.outer.parent;
  if ((parent?.type === "CallExpression" || parent?.type === "NewExpression") && parent.arguments.includes(place.outer as TSESTree.CallExpressionArgument)) {
    return otherOfCall(parent);
  }
  const container = place.container;
  if (container?.type !== "ObjectExpression") return undefined;
  if (place.keyName && AUTHORIZATION.test(place.keyName)) {
    // `{ headers: { Authorization } }`: the request is the object holding `headers`.
    const holder = container.parent;
    if (holder.type === "Property" && holder.value === container && holder.parent.type === "ObjectExpression") return otherOfConfig(holder.parent);
  }
  return otherOfConfig(container);
}

function otherOfConfig(config: TSESTree.ObjectExpression): string | undefined {
  for (const property of config.properties) {
    if (property.type !== "Property" || property.computed || property.key.type !== "Identifier" || !URL_KEYS.test(property.key.name)) continue;
    const url = otherUrlOf(property.value);
    if (url) return `a client for ${url}`;
  }
  const parent = config.parent;
  return parent.type === "CallExpression" || parent.type === "NewExpression" ? otherOfCall(parent) : undefined;
}

function otherOfCall(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const url = otherUrlOf(call.arguments[0]);
  if (url) return `a request to ${url}`;
  let callee: TSESTree.Node = call.callee;
  if (callee.type === "MemberExpression" && !callee.computed && callee.property.type === "Identifier") callee = callee.property;
  if (callee.type === "Identifier" && OTHER_CLIENT.test(callee.name) && !HAWZU_NAME.test(callee.name)) return `a ${callee.name} client`;
  return undefined;
}

function otherUrlOf(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  let text: string | undefined;
  if (node.type === "Literal" && typeof node.value === "string") text = node.value;
  else if (node.type === "TemplateLiteral") text = node.quasis[0]?.value.cooked ?? undefined;
  if (text === undefined || !HTTP_URL.test(text.trim()) || hawzuUrlOf(node)) return undefined;
  return shownUrl(text.trim());
}
