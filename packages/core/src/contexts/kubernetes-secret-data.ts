import { decodeBase64Text } from "../candidate/decode-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import type { ContextMatch } from "../types.js";

// A Kubernetes Secret keeps values base64-encoded under `data:`
// (https://kubernetes.io/docs/concepts/configuration/secret/); the token is judged after decoding.
const SECRET_KIND = /["']?kind["']?\s*:\s*["']?Secret\b/;
const SECRET_NAME = /\bname["']?\s*:\s*["']?([\w.\-]*hawzu[\w.\-]*)/i;
const DATA_ENTRY = /^[ \t]+["']?([A-Za-z_][\w.\-]{0,80})["']?[ \t]*:[ \t]*["']?([A-Za-z0-9+/]{16,}={0,2})["']?[ \t]*,?[ \t]*$/gm;

export default defineContext({
  id: "kubernetes-secret-data",
  description: "A base64 value in a Kubernetes Secret's data, under a Hawzu-named key or in a Hawzu-named Secret.",
  example: "kind: Secret\ndata:\n  HAWZU_TOKEN: aDdHazJwUXg5TG1aNHZOYzhSdFkzd0Jz", // hawzu-scan-ignore: made-up example
  // No window keyword: SECRET_KIND needs "Secret" as written, and that capital S is found far
  // sooner than "secret" in a lower-cased window that lacks it (a log scans all of it).
  keywords: [],
  confidence: "high",
  match({ text, options }) {
    if (!text.includes("Secret") || !SECRET_KIND.test(text)) return [];
    const hawzuSecret = SECRET_NAME.test(text);
    const matches: ContextMatch[] = [];
    DATA_ENTRY.lastIndex = 0;
    for (let entry = DATA_ENTRY.exec(text); entry; entry = DATA_ENTRY.exec(text)) {
      const key = entry[1]!;
      const named = isHawzuTokenKey(key, options.extraKeyNames);
      if (!named && !(hawzuSecret && isGenericCredentialKey(key))) continue;
      const written = entry[2]!;
      const token = decodeBase64Text(written);
      if (!token) continue;
      const start = entry.index + entry[0].indexOf(written, entry[0].indexOf(":") + 1);
      matches.push({
        range: [start, start + written.length],
        token,
        encoding: "base64",
        description: `base64 value of ${key} in a Kubernetes Secret`,
        confidence: named ? "high" : "medium",
      });
    }
    return matches;
  },
});
