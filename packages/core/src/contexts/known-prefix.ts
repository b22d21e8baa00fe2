import { defineContext } from "../define-context.js";
import type { ContextMatch } from "../types.js";

// Hawzu does not publish a token format (HAWZU.md); a team that knows its tokens' prefix
// configures it (`knownPrefixes: ["hzw_"]`), and such tokens are then found anywhere.
const TOKEN_CHARACTER = /[A-Za-z0-9\-_.~+/=]/;
const WORD_CHARACTER = /[A-Za-z0-9_-]/;
const LONGEST_TOKEN = 512;

export default defineContext({
  id: "known-prefix",
  description: "A value that starts with one of the configured Hawzu token prefixes, anywhere.",
  example: "hzw_h7Gk2pQx9LmZ4vNc8RtY3wBs (with knownPrefixes: [\"hzw_\"])", // hawzu-scan-ignore: made-up example
  keywords: [],
  confidence: "high",
  match({ text, options }) {
    const matches: ContextMatch[] = [];
    for (const prefix of options.knownPrefixes) {
      for (let index = text.indexOf(prefix); index !== -1; index = text.indexOf(prefix, index + 1)) {
        // Inside a longer word (`ahzw_`) it is not a prefix; after `=`, `/` or `.` it is.
        if (index > 0 && WORD_CHARACTER.test(text[index - 1]!)) continue;
        let end = index + prefix.length;
        while (end < text.length && end - index <= LONGEST_TOKEN && TOKEN_CHARACTER.test(text[end]!)) end++;
        // A trailing dot ends a sentence, not a token.
        while (end > index && text[end - 1] === ".") end--;
        if (end - index < prefix.length + 8) continue;
        matches.push({ range: [index, end], description: `value with the known prefix ${prefix}` });
        index = end - 1;
      }
    }
    return matches;
  },
});
