import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { ContextMatch } from "../types.js";

// A YAML mapping under a Hawzu-named key (`hawzu:` / `hawzu_api:` with nothing after the colon);
// its nested generic credential keys (`token:`, `auth: { key: }`) hold Hawzu tokens, except under a
// nested vendor key (`integrations: jira: api_token:` is Jira's).
// Tried only at the start of lines that say "hawzu" (the window's evidence), not at every line.
const BLOCK_START = /^([ \t]*)(?:- )?["']?([\w.\-]{0,80}hawzu[\w.\-]{0,80})["']?[ \t]*:[ \t]*(?:#.*)?$/imy;
const LINE = /^([ \t]*)(?:- )?["']?([A-Za-z_][\w.\-]{0,80})["']?[ \t]*:(?!:|\/\/)/;
const LIST_ITEM = /^[ \t]*-[ \t]+/;
const LONGEST_BLOCK_LINES = 400;
const LONGEST_LINE = 4096;

export default defineContext({
  id: "hawzu-yaml-block",
  description: "A generic credential key (token, api_key) nested under a Hawzu-named YAML key.",
  example: "hawzu:\n  url: https://api.hawzu.com\n  token: h7Gk2pQx9LmZ4vNc8RtY3wBs", // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "medium",
  match({ text, evidence, options }) {
    const matches: ContextMatch[] = [];
    const lines = evidence.hawzuLines;
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      const line = lines[lineIndex]!;
      if (!mayStartBlock(text, evidence.lineStarts[line]!)) continue;
      BLOCK_START.lastIndex = evidence.lineStarts[line]!;
      const start = BLOCK_START.exec(text);
      if (!start) continue;
      const blockIndent = start[1]!.length + (start[0].trimStart().startsWith("- ") ? 2 : 0);
      const blockName = start[2]!;
      if (namesOtherVendor(blockName)) continue;
      const tokenList = isHawzuTokenKey(blockName, options.extraKeyNames);
      // Keys between the block and the current line, by indentation: the path of nested mappings.
      const path: Array<{ indent: number; key: string }> = [];
      let lineStart = BLOCK_START.lastIndex + 1;
      for (let count = 0; lineStart < text.length && count < LONGEST_BLOCK_LINES; count++) {
        const lineEnd = evidence.lineEndWithin(lineStart, LONGEST_LINE);
        // A line longer than any config line ends the block: it is data, not YAML.
        if (lineEnd < text.length && text[lineEnd] !== "\n") break;
        const line = text.slice(lineStart, lineEnd);
        const nextStart = lineEnd + 1;
        if (/^\s*(?:#.*)?$/.test(line)) {
          lineStart = nextStart;
          continue;
        }
        const indent = line.length - line.trimStart().length;
        // A list under a token-named key (`hawzu_tokens:` then `- <token>`) holds tokens; YAML
        // allows its dashes at the key's own indentation.
        const item = tokenList ? LIST_ITEM.exec(line) : null;
        if (item && indent >= blockIndent) {
          const value = readValue(text, lineStart + item[0].length);
          if (value) matches.push({ range: [value.start, value.end], description: `item of ${blockName}`, confidence: "high" });
          lineStart = nextStart;
          continue;
        }
        if (indent <= blockIndent) break;
        const entry = LINE.exec(line);
        if (entry) {
          const entryIndent = entry[1]!.length;
          const key = entry[2]!;
          while (path.length > 0 && path[path.length - 1]!.indent >= entryIndent) path.pop();
          const underVendor = path.some((parent) => namesOtherVendor(parent.key));
          const value = readValue(text, lineStart + entry[0].length);
          if (value && !underVendor && isGenericCredentialKey(key)) {
            matches.push({ range: [value.start, value.end], description: `${key} under YAML key ${blockName}` });
          }
          if (!value) path.push({ indent: entryIndent, key });
        }
        lineStart = nextStart;
      }
    }
    return matches;
  },
});

/**
 * A necessary condition of BLOCK_START at a line start, checked by hand (most Hawzu lines of a log
 * are no YAML key): indentation, an optional `- ` and quote, a run of key characters holding
 * "hawzu", an optional quote and blanks, then `:`.
 */
function mayStartBlock(text: string, lineStart: number): boolean {
  let index = lineStart;
  while (text[index] === " " || text[index] === "\t") index++;
  if (text[index] === "-" && text[index + 1] === " ") index += 2;
  if (text[index] === '"' || text[index] === "'") index++;
  const keyStart = index;
  while (index < text.length && isKeyCharacter(text.charCodeAt(index))) index++;
  if (index - keyStart < 5 || !/hawzu/i.test(text.slice(keyStart, index))) return false;
  if (text[index] === '"' || text[index] === "'") index++;
  while (text[index] === " " || text[index] === "\t") index++;
  return text[index] === ":";
}

/** [\w.-] by character code. */
function isKeyCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45;
}
