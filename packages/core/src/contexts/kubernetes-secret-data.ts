import { decodeBase64Text } from "../candidate/decode-value.js";
import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import type { ContextMatch } from "../types.js";

// A Kubernetes Secret keeps values base64-encoded under `data:`, plain under `stringData:`
// (https://kubernetes.io/docs/concepts/configuration/secret/); the token is judged after decoding.
const SECRET_KIND = /["']?kind["']?\s*:\s*["']?Secret\b/;
const SECRET_NAME = /\bname["']?\s*:\s*["']?([\w.\-]*hawzu[\w.\-]*)/i;
const DATA_ENTRY = /^[ \t]+["']?([A-Za-z_][\w.\-]{0,80})["']?[ \t]*:[ \t]*["']?([A-Za-z0-9+/]{16,}={0,2})["']?[ \t]*,?[ \t]*$/gm;
// `stringData:` holds the same entries in plain text (the API server encodes them on write).
// A line that starts unindented (`type:`, `---`, another document) ends a section.
const SECTION = /["']?(stringData|data)["']?[ \t]*:|^(?=[^\s#])/gm;
const ENTRY_KEY = /^[ \t]+["']?([A-Za-z_][\w.\-]{0,80})["']?[ \t]*:[ \t]*/gm;

export default defineContext({
  id: "kubernetes-secret-data",
  description: "A value in a Kubernetes Secret (base64 under data, plain under stringData), under a Hawzu-named key or in a Hawzu-named Secret.",
  example: "kind: Secret\ndata:\n  HAWZU_TOKEN: aDdHazJwUXg5TG1aNHZOYzhSdFkzd0Jz", // hawzu-scan-ignore: made-up example
  // No window keyword: SECRET_KIND needs "Secret" as written, and that capital S is found far
  // sooner than "secret" in a lower-cased window that lacks it (a log scans all of it).
  keywords: [],
  confidence: "high",
  match({ text, options }) {
    if (!text.includes("Secret") || !SECRET_KIND.test(text)) return [];
    const hawzuSecret = hawzuNamedDocuments(text);
    const matches: ContextMatch[] = [];
    DATA_ENTRY.lastIndex = 0;
    for (let entry = DATA_ENTRY.exec(text); entry; entry = DATA_ENTRY.exec(text)) {
      const key = entry[1]!;
      const named = isHawzuTokenKey(key, options.extraKeyNames);
      if (!named && !(isGenericCredentialKey(key) && hawzuSecret(entry.index))) continue;
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
    if (text.includes("stringData")) plainEntries(text, hawzuSecret, options.extraKeyNames, matches);
    return matches;
  },
});

const DOCUMENT_START = /^---/gm;

/**
 * Whether the YAML document (between `---` lines) holding a position names a Hawzu Secret: a
 * registry Secret next to a Hawzu one in the same file keeps its own generic keys.
 */
function hawzuNamedDocuments(text: string): (position: number) => boolean {
  const starts = [0];
  DOCUMENT_START.lastIndex = 0;
  for (let start = DOCUMENT_START.exec(text); start; start = DOCUMENT_START.exec(text)) starts.push(start.index);
  starts.push(text.length);
  const named = new Map<number, boolean>();
  // Callers ask in order (one pass per entry kind): the document only moves forward, or restarts.
  let document = 0;
  return (position) => {
    if (position < starts[document]!) document = 0;
    while (document + 2 < starts.length && starts[document + 1]! <= position) document++;
    if (!named.has(document)) named.set(document, SECRET_NAME.test(text.slice(starts[document], starts[document + 1])));
    return named.get(document)!;
  };
}

/** Entries of `stringData:` sections: plain values, judged as written. */
function plainEntries(text: string, hawzuSecret: (position: number) => boolean, extraKeyNames: readonly string[], matches: ContextMatch[]) {
  const sections: Array<{ at: number; plain: boolean }> = [];
  SECTION.lastIndex = 0;
  for (let section = SECTION.exec(text); section; section = SECTION.exec(text)) {
    sections.push({ at: section.index, plain: section[1] === "stringData" });
    if (section[0] === "") SECTION.lastIndex++;
  }
  let current = -1;
  ENTRY_KEY.lastIndex = 0;
  for (let entry = ENTRY_KEY.exec(text); entry; entry = ENTRY_KEY.exec(text)) {
    // Entries come in order, so the section each one is in only moves forward.
    while (current + 1 < sections.length && sections[current + 1]!.at < entry.index) current++;
    if (current < 0 || !sections[current]!.plain) continue;
    const key = entry[1]!;
    const named = isHawzuTokenKey(key, extraKeyNames);
    if (!named && !(isGenericCredentialKey(key) && hawzuSecret(entry.index))) continue;
    const value = readValue(text, ENTRY_KEY.lastIndex);
    if (!value) continue;
    matches.push({ range: [value.start, value.end], description: `value of ${key} in a Kubernetes Secret's stringData`, confidence: named ? "high" : "medium" });
  }
}
