import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { ContextMatch } from "../types.js";

// SDK clients take the token as a plain argument: `new HawzuClient("<token>")`,
// `hawzu.Client(base_url, "<token>")`, `setHawzuToken("<token>")`. A string literal among the first
// arguments of a Hawzu-named call is a token when it is credential-like; a call named like a token
// setter is explicit, any other Hawzu call is weaker evidence.
// `HawzuClient(`, and the constructors of Rust and Ruby: `HawzuClient::new(`, `Hawzu::Client.new(`.
const OPEN_CALL = /(?:::[A-Za-z_]\w*)*(?:(?:::|\.)(?:new|create|with_token|from_token|connect|login))?[ \t]*\(/y;
const ARGUMENT_LIST_LENGTH = 400;
const CLIENT_SETUP = /(?:^|[._-])?(?:hawzu|client|api|sdk|auth|authenticate|login|connect|init|initialize|session|configure|setup)$/i;
const STRING_START = /(?:^|[(,])\s*(?:(\w+)\s*[=:]\s*)?(?=[frbuRBU@$]?["'`])/g;
// A client constructor's first argument is its token (`new HawzuClient("<token>")`,
// `hawzu.Client("<token>")`, `Hawzu::Client.new("<token>")`), as is a credential-named keyword
// argument (`token="<token>"`): that is strong evidence, so hex and JWT values count there.
const CLIENT_CONSTRUCTOR = /client(?:(?:::|\.)(?:new|create|connect))?[ \t]*$/i;
// The first argument, or the second after a base URL (`new HawzuClient("https://api.hawzu.com", "<token>")`);
// a later one is an id (`new HawzuClient(token, "<workspace id>")`).
const FIRST_ARGUMENT = /^\((?:\s*["'`]https?:\/\/[^"'`]*["'`]\s*,)?$/;

// A builder of a Hawzu client: `HawzuClient.builder().token("<token>")`, `new HawzuClient.Builder()
// .setApiKey("<token>")`, `HawzuClient::builder().with_token("<token>")`. A credential-named step of
// the chain (read until the statement ends) is the client's token: strong evidence.
// The key takes in a dotted builder call (`HawzuClient.builder`), not Rust's `::builder`.
const DOTTED_BUILDER = /\.(?:builder|newBuilder|Builder)$/;
const BUILDER_CALL = /(?:::(?:builder|new_builder))?[ \t]*\([ \t]*\)/y;
const BUILDER_STEP = /\.((?:set|with)?_?([A-Za-z_]\w{0,40}))[ \t]*\([ \t]*(?=[frbuRBU@$]?["'`])|[;{}]/g;
const CHAIN_LENGTH = 600;

/** Where the chain of a builder named by the key at [start, end) goes on, or -1 when it is no builder. */
function builderChainStart(text: string, start: number, end: number): number {
  const dotted = DOTTED_BUILDER.test(text.slice(start, end));
  if (!dotted && text[end] !== ":") return -1;
  BUILDER_CALL.lastIndex = end;
  const call = BUILDER_CALL.exec(text);
  // Dotted, the key holds the builder's name; otherwise the call must name it (`::builder()`).
  return call && (dotted || call[0].startsWith("::")) ? BUILDER_CALL.lastIndex : -1;
}

/** Credential-named steps of the builder chain that starts at `chainStart`, each with a literal argument. */
function builderTokens(text: string, chainStart: number, name: string, matches: ContextMatch[]) {
  const chain = text.slice(chainStart, chainStart + CHAIN_LENGTH);
  const client = name.replace(DOTTED_BUILDER, "");
  BUILDER_STEP.lastIndex = 0;
  for (let step = BUILDER_STEP.exec(chain); step; step = BUILDER_STEP.exec(chain)) {
    if (step[1] === undefined) return;
    if (!isGenericCredentialKey(step[2]!)) continue;
    const value = readValue(text, chainStart + BUILDER_STEP.lastIndex);
    if (!value || !value.quote) continue;
    matches.push({ range: [value.start, value.end], description: `${step[1]}() of a ${client.length > 48 ? client.slice(0, 45) + "..." : client} builder`, confidence: "high" });
  }
}

export default defineContext({
  id: "hawzu-call-argument",
  description: "A string argument of a Hawzu-named call: a client constructor or a token setter.",
  example: 'const client = new HawzuClient("h7Gk2pQx9LmZ4vNc8RtY3wBs");', // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "medium",
  match({ text, evidence, options }) {
    const matches: ContextMatch[] = [];
    // Every call opens a parenthesis (OPEN_CALL): a text without one has no call to read.
    if (!text.includes("(")) return matches;
    const keys = evidence.hawzuKeys;
    for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
      const { start, end } = keys[keyIndex]!;
      const chainStart = builderChainStart(text, start, end);
      if (chainStart !== -1) {
        const name = text.slice(start, end);
        if (!namesOtherVendor(name)) builderTokens(text, chainStart, name, matches);
        continue;
      }
      OPEN_CALL.lastIndex = end;
      if (!OPEN_CALL.test(text)) continue;
      const name = text.slice(start, end);
      if (namesOtherVendor(name)) continue;
      const explicit = isHawzuTokenKey(name, options.extraKeyNames);
      // Other Hawzu calls take ids and paths; only client set-up calls take the token.
      if (!explicit && !CLIENT_SETUP.test(name) && !/\bnew[ \t]+$/.test(text.slice(Math.max(0, start - 8), start))) continue;
      const listStart = OPEN_CALL.lastIndex - 1;
      const close = text.slice(listStart, listStart + ARGUMENT_LIST_LENGTH).search(/\)/);
      if (close === -1) continue;
      const list = text.slice(listStart, listStart + close);
      const constructor = CLIENT_CONSTRUCTOR.test(text.slice(start, OPEN_CALL.lastIndex - 1));
      STRING_START.lastIndex = 0;
      for (let argument = STRING_START.exec(list); argument; argument = STRING_START.exec(list)) {
        const value = readValue(text, listStart + STRING_START.lastIndex);
        const keyword = argument[1];
        const tokenArgument =
          keyword === undefined
            ? constructor && FIRST_ARGUMENT.test(list.slice(0, argument.index + 1))
            : isGenericCredentialKey(keyword) || isHawzuTokenKey(keyword, options.extraKeyNames);
        if (!value || !value.quote) continue;
        matches.push({
          range: [value.start, value.end],
          description: `argument of ${name.length > 48 ? name.slice(0, 45) + "..." : name}()`,
          ...(explicit ? { confidence: "high" as const } : tokenArgument ? {} : { strictness: "strict" as const }),
        });
        if (STRING_START.lastIndex === argument.index) STRING_START.lastIndex++;
      }
    }
    return matches;
  },
});
