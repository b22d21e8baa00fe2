import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { ContextMatch } from "../types.js";

// INI and TOML sections: `[hawzu]`, `[hawzu.auth]`, `[tool.hawzu]`, `[profile hawzu]`. A generic
// credential key inside (`token = ...`) holds a Hawzu token; the section ends at the next header.
// Tried only at the start of lines that say "hawzu" (the window's evidence), not at every line.
const HAWZU_HEADER = /^[ \t]*\[{1,2}[ \t]*([^\]\n]{0,200}hawzu[^\]\n]{0,200})\]{1,2}[ \t]*(?:[#;].*)?$/imy;
// Searched from where the previous search left off (lastIndex), not on a slice per header: sections
// that follow each other then cost one pass, however many there are.
const NEXT_HEADER = /^[ \t]*\[/gm;

export default defineContext({
  id: "hawzu-ini-section",
  description: "A generic credential key (token, api_key) inside a [hawzu] INI or TOML section.",
  example: "[hawzu]\ntoken = h7Gk2pQx9LmZ4vNc8RtY3wBs", // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "medium",
  match({ text, evidence }) {
    const matches: ContextMatch[] = [];
    // The next header line at or after the last body start searched from (bodies start in order).
    let nextHeader = -1;
    let searchedFrom = -1;
    for (const line of evidence.hawzuLines) {
      // A header line starts with `[` after its indentation (HAWZU_HEADER): checked by hand first.
      let first = evidence.lineStarts[line]!;
      while (text[first] === " " || text[first] === "\t") first++;
      if (text[first] !== "[") continue;
      HAWZU_HEADER.lastIndex = evidence.lineStarts[line]!;
      const header = HAWZU_HEADER.exec(text);
      if (!header) continue;
      const section = header[1]!.trim();
      if (namesOtherVendor(section)) continue;
      const bodyStart = HAWZU_HEADER.lastIndex;
      if (searchedFrom === -1 || (nextHeader !== -1 && nextHeader < bodyStart)) {
        NEXT_HEADER.lastIndex = bodyStart;
        nextHeader = NEXT_HEADER.exec(text)?.index ?? -1;
      }
      searchedFrom = bodyStart;
      const bodyEnd = nextHeader === -1 ? text.length : nextHeader;
      for (const { key, value } of evidence.credentialAssignments(bodyStart, bodyEnd)) {
        if (!isGenericCredentialKey(key)) continue;
        matches.push({ range: [value.start, value.end], description: `${key} in section [${section}]` });
      }
    }
    return matches;
  },
});
