import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { findHosts } from "../evidence/find-hosts.js";
import { hostNear } from "../evidence/host-near.js";
import { findAssignments } from "../keys/find-assignments.js";
import { findHawzuWords } from "../keys/find-hawzu-words.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { ContextMatch } from "../types.js";

// Weaker evidence: a generic credential (`API_TOKEN=`, `"token":`, `Bearer ...` with no host)
// within two lines of the word Hawzu: a `# Hawzu` comment over an .env entry, a JSON log line of a
// Hawzu sync job. Lines that name another vendor are not Hawzu's.
const NEARBY_LINES = 2;
const BEARER = /\bBearer[ \t]+/gi;

export default defineContext({
  id: "hawzu-word-nearby",
  description: "A generic credential (token=, api_key:, Bearer) within two lines of the word Hawzu.",
  example: "# Hawzu CI user\nAPI_TOKEN=h7Gk2pQx9LmZ4vNc8RtY3wBs",
  keywords: ["hawzu"],
  confidence: "medium",
  match({ text }) {
    const matches: ContextMatch[] = [];
    let scannedUntil = 0;
    let hosts: ReturnType<typeof findHosts> | undefined;
    for (const index of findHawzuWords(text)) {
      let from = text.lastIndexOf("\n", index - 1) + 1;
      for (let line = 0; line < NEARBY_LINES && from > 0; line++) from = text.lastIndexOf("\n", from - 2) + 1;
      let to = index;
      for (let line = 0; line <= NEARBY_LINES && to !== -1 && to < text.length; line++) to = text.indexOf("\n", to + 1);
      if (to === -1) to = text.length;
      from = Math.max(from, scannedUntil);
      if (from >= to) continue;
      scannedUntil = to;
      for (const { key, keyStart, value } of findAssignments(text, from, to)) {
        if (!isGenericCredentialKey(key) || lineNamesOtherVendor(text, keyStart)) continue;
        const mentionLineEnd = text.indexOf("\n", index);
        if (mentionLineEnd !== -1 && mentionLineEnd < keyStart && opensOtherSection(text.slice(mentionLineEnd + 1, text.lastIndexOf("\n", keyStart) + 1))) continue;
        matches.push({ range: [value.start, value.end], description: `${key} next to a Hawzu mention`, strictness: "strict" });
      }
      BEARER.lastIndex = from;
      for (let bearer = BEARER.exec(text); bearer && bearer.index < to; bearer = BEARER.exec(text)) {
        const value = readValue(text, BEARER.lastIndex);
        if (!value || value.quote) continue;
        hosts ??= findHosts(text);
        const { host } = hostNear(text, bearer.index, hosts);
        if (host && !host.isHawzu) continue;
        matches.push({ range: [value.start, value.end], description: "bearer token next to a Hawzu mention", strictness: "strict" });
      }
    }
    return matches;
  },
});

// A section header between the mention and the key (`[registry]`, `registry:`, `"registry": {`)
// means the key belongs to something else.
const SECTION_HEADER = /^[ \t]*(?:\[[^\]\n]+\][ \t]*|["']?[\w.\-]+["']?[ \t]*:[ \t]*\{?[ \t]*)$/m;

function opensOtherSection(linesBetween: string): boolean {
  return SECTION_HEADER.test(linesBetween);
}

function lineNamesOtherVendor(text: string, position: number): boolean {
  const start = text.lastIndexOf("\n", position - 1) + 1;
  const newline = text.indexOf("\n", position);
  const line = text.slice(start, newline === -1 ? text.length : newline);
  return line.split(/[^A-Za-z0-9_]+/).some((word) => word.length > 2 && namesOtherVendor(word));
}
