import { mayHoldToken, mayStartLongValue, readValue, type WrittenValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { hostNear, onlyHawzuHosts } from "../evidence/host-near.js";
import type { ContextMatch } from "../types.js";

// Hawzu authenticates with `Authorization: Bearer <token>` (HAWZU.md). The header counts when the
// request goes to a Hawzu host: curl (also over continued lines), HTTP code, client configs, dumps,
// and the two-argument form of .NET: `AuthenticationHeaderValue("Bearer", "<token>")`. The scheme
// words are the window's evidence (evidence/find-bearer-words.ts), found once for every context.

export default defineContext({
  id: "bearer-to-hawzu-host",
  description: "A bearer token in an Authorization header of a request sent to a Hawzu host.",
  example: 'curl -H "Authorization: Bearer h7Gk2pQx9LmZ4vNc8RtY3wBs" https://api.hawzu.com/api/v1/me', // hawzu-scan-ignore: made-up example
  keywords: ["bearer", "token"],
  confidence: "high",
  match({ text, evidence }) {
    const matches: ContextMatch[] = [];
    let onlyHawzu: boolean | undefined;
    const bearers = evidence.bearerWords;
    for (let bearer = 0; bearer < bearers.length; bearer++) {
      const { at, valueAt, twoArguments } = bearers[bearer]!;
      if (!mayStartLongValue(text, valueAt)) continue;
      const value = readValue(text, valueAt);
      if (!value || (value.quote !== "") !== twoArguments || !mayHoldToken(value)) continue;
      const host = hostNear(evidence, at);
      if (host?.isHawzu) {
        matches.push({ range: [value.start, value.end], description: `bearer token sent to ${host.host}` });
      } else if (!host && (onlyHawzu ??= onlyHawzuHosts(evidence))) {
        matches.push({
          range: [value.start, value.end],
          description: "bearer token in code that calls a Hawzu host",
          confidence: "medium",
          strictness: "strict",
        });
      }
    }
    // API clients' exports keep the bearer scheme and the token as two fields of one object:
    // Insomnia's `"authentication": { "type": "bearer", "token": "…" }` (JSON or YAML).
    if (evidence.saysWord("bearer")) {
      for (const { at, value } of bearerAuthenticationTokens(text)) {
        const host = hostNear(evidence, at);
        if (host?.isHawzu) matches.push({ range: [value.start, value.end], description: `bearer token sent to ${host.host}` });
      }
    }
    return matches;
  },
});

// `"type": "bearer"` (also unquoted YAML), then, within the same object, `"token": "…"`; tried at
// each "type" by a sticky expression (one with a leading alternation would run at every character).
const BEARER_TYPE = /type["']?[ \t]*:[ \t]*["']?bearer\b["']?/y;
const TOKEN_FIELD = /token["']?[ \t]*:[ \t]*/y;
// How far after the scheme the token field may stand: one object's few fields.
const FIELD_REACH = 400;

/** The token fields next to a `type: bearer` field of the same object. */
function bearerAuthenticationTokens(text: string) {
  const found: Array<{ at: number; value: WrittenValue }> = [];
  for (let at = text.indexOf("type"); at !== -1; at = text.indexOf("type", at + 4)) {
    if (!startsField(text, at)) continue;
    BEARER_TYPE.lastIndex = at;
    if (!BEARER_TYPE.test(text)) continue;
    const from = BEARER_TYPE.lastIndex;
    const end = Math.min(text.length, from + FIELD_REACH);
    // The fields of this object only: before its closing brace, and not inside a nested one.
    for (let index = text.indexOf("token", from); index !== -1 && index < end; index = text.indexOf("token", index + 5)) {
      if (hasBrace(text, from, index)) break;
      if (!startsField(text, index)) continue;
      TOKEN_FIELD.lastIndex = index;
      if (!TOKEN_FIELD.test(text)) continue;
      const value = readValue(text, TOKEN_FIELD.lastIndex);
      if (value && mayHoldToken(value)) found.push({ at, value });
      break;
    }
  }
  return found;
}

/** True when a field name starts at `index`: after a quote, or a blank, `{` or `,`. */
function startsField(text: string, index: number): boolean {
  let before = text.charCodeAt(index - 1);
  if (before === 34 || before === 39) before = text.charCodeAt(index - 2);
  return Number.isNaN(before) || before === 32 || before === 9 || before === 10 || before === 13 || before === 123 || before === 44 || before === 34 || before === 39;
}

function hasBrace(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 123 || text.charCodeAt(index) === 125) return true;
  return false;
}
