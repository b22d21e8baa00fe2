import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { TextEvidence } from "../evidence/TextEvidence.js";
import type { ContextMatch } from "../types.js";

// A YAML mapping under a Hawzu-named key (`hawzu:` / `hawzu_api:` / CircleCI's orb step
// `- hawzu/upload:`, with nothing after the colon);
// its nested generic credential keys (`token:`, `auth: { key: }`) hold Hawzu tokens, except under a
// nested vendor key (`integrations: jira: api_token:` is Jira's).
// Tried only at the start of lines that say "hawzu" (the window's evidence), not at every line.
const BLOCK_START = /^([ \t]*)(?:- )?["']?([\w.\-/@]{0,80}hawzu[\w.\-/@]{0,80})["']?[ \t]*:[ \t]*(?:#.*)?$/imy;
const LINE = /^([ \t]*)(?:- )?["']?([A-Za-z_][\w.\-]{0,80})["']?[ \t]*:(?!:|\/\/)/;
const LIST_ITEM = /^[ \t]*-[ \t]+/;
const LONGEST_BLOCK_LINES = 400;
const LONGEST_LINE = 4096;

export default defineContext({
  id: "hawzu-yaml-block",
  description: "A generic credential key (token, api_key) nested under a Hawzu-named YAML key, or in a CI step or service that runs Hawzu's action, image, pipe or task.",
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
      walkBlock(text, evidence, BLOCK_START.lastIndex + 1, blockIndent, `under YAML key ${blockName}`, isHawzuTokenKey(blockName, options.extraKeyNames), matches);
    }
    // A CI step or service that runs a Hawzu action, image, pipe or task: `uses: hawzu/upload@v2`,
    // `image: hawzu/cli`, `pipe: hawzu/upload-results:1.0.0`, `task: HawzuUpload@1`. The step's
    // other keys (`with:`, `inputs:`, `variables:`, `environment:`) configure it.
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
      const lineStart = evidence.lineStarts[lines[lineIndex]!]!;
      const identity = identityAt(text, lineStart);
      if (!identity) continue;
      const item = enclosingItem(text, evidence, lines[lineIndex]!, identity);
      if (item) walkBlock(text, evidence, item.bodyStart, item.indent, `in the step or service with ${identity.name}`, false, matches);
    }
    return matches;
  },
});

/**
 * The generic credential keys (and, under a token-named key, list items) of the block whose lines
 * start at `bodyStart` and are indented deeper than `blockIndent`, up to 400 lines.
 */
function walkBlock(text: string, evidence: TextEvidence, bodyStart: number, blockIndent: number, where: string, tokenList: boolean, matches: ContextMatch[]): void {
  // Keys between the block and the current line, by indentation: the path of nested mappings.
  const path: Array<{ indent: number; key: string }> = [];
  let lineStart = bodyStart;
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
      if (value) matches.push({ range: [value.start, value.end], description: `item ${where}`, confidence: "high" });
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
        matches.push({ range: [value.start, value.end], description: `${key} ${where}` });
      }
      if (!value) path.push({ indent: entryIndent, key });
    }
    lineStart = nextStart;
  }
}

const IDENTITY_KEYS = ["uses", "image", "pipe", "task"];
// The value names a Hawzu action, image, pipe or task: `hawzu/upload@v2`, `registry/hawzu-sync:1`.
const VERSION_OR_TAG = /[@:][^/]*$/;
const IDENTITY_VALUE = /[ \t]*["']?([\w.\-/@:]{0,120}hawzu[\w.\-/@:]{0,120})/iy;

/** The step identity on the line at `lineStart`: `uses:`, `image:`, `pipe:` or `task:` with a Hawzu value. */
function identityAt(text: string, lineStart: number): { keyIndent: number; dashed: boolean; name: string } | undefined {
  let index = lineStart;
  while (text[index] === " " || text[index] === "\t") index++;
  const dashed = text[index] === "-" && text[index + 1] === " ";
  const keyAt = dashed ? index + 2 : index;
  let key: string | undefined;
  for (let index = 0; index < IDENTITY_KEYS.length && key === undefined; index++) {
    const word = IDENTITY_KEYS[index]!;
    if (text.startsWith(word, keyAt) && text.charCodeAt(keyAt + word.length) === 58) key = word;
  }
  if (key === undefined) return undefined;
  IDENTITY_VALUE.lastIndex = keyAt + key.length + 1;
  const value = IDENTITY_VALUE.exec(text);
  if (!value || namesOtherVendor(value[1]!)) return undefined;
  // Named without its version or tag (`@v2`, `:2.3`): a description quotes only what it needs.
  return { keyIndent: keyAt - lineStart, dashed, name: `${key}: ${value[1]!.replace(VERSION_OR_TAG, "")}` };
}

/**
 * The item that holds a step identity on line `line`: its own list item (`- uses: …`), else the
 * nearest line above that is indented less (a list item's dash line, a service's key), read back
 * at most 400 lines. Returns where the item's body starts and the indentation it must exceed.
 */
function enclosingItem(text: string, evidence: TextEvidence, line: number, identity: { keyIndent: number; dashed: boolean }) {
  const starts = evidence.lineStarts;
  // The body is read from the line after the item's first (that line ends a block read from it).
  if (identity.dashed) return line + 1 < starts.length ? { bodyStart: starts[line + 1]!, indent: identity.keyIndent - 2 } : undefined;
  for (let above = line - 1; above >= 0 && line - above <= LONGEST_BLOCK_LINES; above--) {
    const start = starts[above]!;
    let index = start;
    while (text[index] === " " || text[index] === "\t") index++;
    if (text[index] === "\n" || text[index] === "#" || index >= text.length) continue;
    const indent = index - start;
    if (indent >= identity.keyIndent) continue;
    // A list item's dash line: its keys sit at the identity's indentation.
    const dashed = text[index] === "-" && text[index + 1] === " ";
    if (dashed && indent + 2 !== identity.keyIndent) return undefined;
    return { bodyStart: starts[above + 1]!, indent };
  }
  return undefined;
}

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

/** [\w.\-/@] by character code. */
function isKeyCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 46 || code === 45 || code === 47 || code === 64;
}
