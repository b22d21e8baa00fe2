import { mayHoldToken, mayStartLongValue, readValue } from "../candidate/read-value.js";
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
    return matches;
  },
});
