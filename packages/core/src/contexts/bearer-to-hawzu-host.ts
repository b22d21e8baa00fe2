import { mayHoldToken, mayStartLongValue, readValue, type WrittenValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { hostNear, onlyHawzuHosts } from "../evidence/host-near.js";
import type { BearerWord } from "../evidence/find-bearer-words.js";
import type { TextEvidence } from "../evidence/TextEvidence.js";
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
    const bearers = evidence.bearerWords;
    const onlyHawzu: OnlyHawzu = { answer: undefined };
    // One call per bearer word (see hawzu-word-nearby's MentionWalk: a loop over a whole window in
    // one call was compiled on-stack again after each deoptimization).
    for (let bearer = 0; bearer < bearers.length; bearer++) judgeBearer(text, evidence, bearers[bearer]!, onlyHawzu, matches);
    // API clients' exports keep the bearer scheme and the token as two fields of one object.
    if (evidence.saysWord("bearer")) judgeApiClientExports(text, evidence, matches);
    return matches;
  },
});

// The scheme field: Insomnia's and Thunder Client's `"type": "bearer"` (JSON or YAML), Hoppscotch's
// `"authType": "bearer"`, Bruno's `auth: bearer` and its `auth:bearer { token: … }` block. Tried at
// each lower-case "bearer" (headers say "Bearer"), reading the field name back by code.
const SCHEME_FIELDS = ["type", "authType", "auth"];
// The token field of the same object: `token` (Insomnia, Hoppscotch, Bruno), `bearer` (Thunder Client).
const TOKEN_FIELD = /(?:token|bearer)["']?[ \t]*:[ \t]*/y;
// How far after the scheme the token field may stand: one object's few fields.
const FIELD_REACH = 400;

/** The bearer tokens of API clients' request objects whose host is Hawzu's. */
function judgeApiClientExports(text: string, evidence: TextEvidence, matches: ContextMatch[]): void {
  const found = bearerAuthenticationTokens(text);
  for (let index = 0; index < found.length; index++) {
    const { at, value } = found[index]!;
    const host = hostNear(evidence, at);
    if (host?.isHawzu) matches.push({ range: [value.start, value.end], description: `bearer token sent to ${host.host}` });
  }
}

/** The token fields of the objects whose scheme field says bearer. */
function bearerAuthenticationTokens(text: string) {
  const found: Array<{ at: number; value: WrittenValue }> = [];
  for (let at = text.indexOf("bearer"); at !== -1; at = text.indexOf("bearer", at + 6)) {
    const fieldStart = schemeFieldBefore(text, at);
    if (fieldStart === -1) continue;
    let from = at + 6;
    if (text[from] === '"' || text[from] === "'") from++;
    // Bruno: `auth:bearer {` opens the object that holds the token.
    let blank = from;
    while (text[blank] === " " || text[blank] === "\t") blank++;
    if (text[blank] === "{") from = blank + 1;
    const end = Math.min(text.length, from + FIELD_REACH);
    // The fields of this object only: before its closing brace, and not inside a nested one.
    for (let index = from; index < end; index++) {
      const code = text.charCodeAt(index);
      if (code === 123 || code === 125) break;
      if (code !== 116 && code !== 98) continue;
      if (!startsField(text, index)) continue;
      TOKEN_FIELD.lastIndex = index;
      if (!TOKEN_FIELD.test(text)) continue;
      const value = readValue(text, TOKEN_FIELD.lastIndex);
      if (value && mayHoldToken(value)) found.push({ at: fieldStart, value });
      break;
    }
  }
  return found;
}

/** Where the scheme field whose value starts at `at` ("bearer") begins, or -1 when it is none. */
function schemeFieldBefore(text: string, at: number): number {
  let index = at - 1;
  if (text[index] === '"' || text[index] === "'") index--;
  while (text[index] === " " || text[index] === "\t") index--;
  if (text[index] !== ":") return -1;
  index--;
  while (text[index] === " " || text[index] === "\t") index--;
  if (text[index] === '"' || text[index] === "'") index--;
  for (const field of SCHEME_FIELDS) {
    const start = index - field.length + 1;
    if (start >= 0 && text.startsWith(field, start) && startsField(text, start)) return start;
  }
  return -1;
}

/** True when a field name starts at `index`: after a quote, or a blank, `{` or `,`. */
function startsField(text: string, index: number): boolean {
  let before = text.charCodeAt(index - 1);
  if (before === 34 || before === 39) before = text.charCodeAt(index - 2);
  return Number.isNaN(before) || before === 32 || before === 9 || before === 10 || before === 13 || before === 123 || before === 44;
}

/** Whether every host of the window is Hawzu's, asked at most once per window. */
interface OnlyHawzu {
  answer: boolean | undefined;
}

function judgeBearer(text: string, evidence: TextEvidence, bearer: BearerWord, onlyHawzu: OnlyHawzu, matches: ContextMatch[]): void {
  const { at, valueAt, twoArguments } = bearer;
  if (!mayStartLongValue(text, valueAt)) return;
  const value = readValue(text, valueAt);
  if (!value || (value.quote !== "") !== twoArguments || !mayHoldToken(value)) return;
  const host = hostNear(evidence, at);
  if (host?.isHawzu) {
    matches.push({ range: [value.start, value.end], description: `bearer token sent to ${host.host}` });
  } else if (!host && (onlyHawzu.answer ??= onlyHawzuHosts(evidence))) {
    matches.push({
      range: [value.start, value.end],
      description: "bearer token in code that calls a Hawzu host",
      confidence: "medium",
      strictness: "strict",
    });
  }
}
