import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import type { ContextMatch } from "../types.js";

// A file named after Hawzu (`hawzu.yml`, `.hawzurc`, `config/hawzu.json`, `hawzu.env`) is about
// Hawzu, so its generic credential keys (`token:`, `API_KEY=`) are taken for Hawzu's.
export default defineContext({
  id: "hawzu-file",
  description: "A generic credential key (token, api_key) in a file whose name says Hawzu.",
  example: "# file: .hawzurc\ntoken=h7Gk2pQx9LmZ4vNc8RtY3wBs", // hawzu-scan-ignore: made-up example
  keywords: [],
  confidence: "medium",
  match({ evidence, inHawzuFile }) {
    if (!inHawzuFile) return [];
    const matches: ContextMatch[] = [];
    for (const { key, value } of evidence.credentialAssignments()) {
      if (!isGenericCredentialKey(key)) continue;
      matches.push({ range: [value.start, value.end], description: `${key} in a Hawzu config file`, strictness: "strict" });
    }
    return matches;
  },
});
