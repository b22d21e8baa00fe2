import { mayHoldToken, mayStartLongValue, readValue } from "../candidate/read-value.js";
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
    return matches;
  },
});

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
