import { readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { ContextMatch } from "../types.js";

// A brace-delimited object under a Hawzu name: JSON `"hawzu": {`, JS `hawzu: {`, HCL
// `provider "hawzu" {`, `variable "hawzu_token" {`, a client constructor `new HawzuClient({`, or
// the options of a tuple named for Hawzu: `['@hawzu/playwright-reporter', {`. Generic credential keys inside hold a Hawzu
// token (unless nested under another vendor's key); in a block named like a token variable,
// `default =` and `value =` do.
const OPENING = /(?:\\*["'])?(?:[ \t]*\\*["'][\w.\-]{0,80}\\*["'])*[ \t]*(?:[:=][ \t]*)?(?:new\s+\w+)?(?:\(\s*)?\{/y;
const INNER_KEY = /(\\*["']?)([A-Za-z_$][\w.\-$]{0,80})\1[ \t]*(?::(?!:|\/\/)|=(?!=))[ \t]*/y;
const LONGEST_BLOCK = 16_384;

export default defineContext({
  id: "hawzu-object-block",
  description: "A generic credential key inside a Hawzu-named JSON, JavaScript or HCL object.",
  example: '{ "hawzu": { "baseUrl": "https://api.hawzu.com", "token": "h7Gk2pQx9LmZ4vNc8RtY3wBs" } }', // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "medium",
  match({ text, evidence, options }) {
    const matches: ContextMatch[] = [];
    // Every block opens with a brace (OPENING) or is an XML element: a text without either has
    // no block to walk.
    const braces = text.includes("{");
    const elements = text.includes("</");
    if (!braces && !elements) return matches;
    let elementsReadUntil = 0;
    let proplistReadUntil = 0;
    // OPENING reads only quotes, blanks, name characters, `:`, `=` and `(` before its brace: the
    // first other character after a key must be that brace. Found by one forward scan shared by the
    // keys (they come in order), so most keys of a log cost a comparison, not the expression.
    let scanFrom = -1;
    let stop = -1;
    const keys = evidence.hawzuKeys;
    for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
      const { start: keyStart, end: keyEnd } = keys[keyIndex]!;
      // (By character code: a string read before the text's start or at its end deoptimized this loop.)
      if (elements && text.charCodeAt(keyStart - 1) === 60) {
        // A Hawzu element inside one already read was read with it (and `<hawzu><hawzu>…` stays linear).
        if (keyStart >= elementsReadUntil) elementsReadUntil = scanElement(text, keyStart, keyEnd, matches);
        continue;
      }
      // `<server><id>hawzu</id>…<password>…</password></server>` (Maven's settings.xml and kin):
      // an element named by its id or name child.
      if (elements && text.charCodeAt(keyStart - 1) === 62 && text.charCodeAt(keyEnd) === 60 && keyStart >= elementsReadUntil) {
        elementsReadUntil = scanNamedElement(text, keyStart, keyEnd, matches);
        continue;
      }
      if (!braces) continue;
      if (keyEnd < scanFrom || keyEnd > stop) {
        scanFrom = keyEnd;
        stop = keyEnd;
        while (stop < text.length && mayPrecedeBrace(text.charCodeAt(stop))) stop++;
      }
      // `['@hawzu/playwright-reporter', { apiToken: '…' }]`: a tuple's options object.
      if (text.charCodeAt(stop) !== 123) {
        scanTuple(text, keyStart, keyEnd, matches);
        // A Hawzu atom inside a list already read was read with it (`{hawzu, [{hawzu, [` stays linear).
        if (keyStart >= proplistReadUntil) proplistReadUntil = scanProplist(text, keyStart, keyEnd, matches);
      } else scanOpening(text, keyStart, keyEnd, options.extraKeyNames, matches);
    }
    return matches;
  },
});

/** The object a Hawzu key opens with a brace (`"hawzu": {`, `hawzu = {`), if OPENING reads one there. */
function scanOpening(text: string, keyStart: number, keyEnd: number, extraKeyNames: readonly string[], matches: ContextMatch[]): void {
  OPENING.lastIndex = keyEnd;
  if (!OPENING.exec(text)) return;
  const name = text.slice(keyStart, keyEnd);
  if (namesOtherVendor(name)) return;
  const bodyStart = OPENING.lastIndex;
  const tokenBlock = isHawzuTokenKey(name, extraKeyNames);
  scanObject(text, bodyStart, name, tokenBlock, matches);
}

// XML: `<hawzu>` (or `<HawzuSettings attr="…">`) holding `<token>…</token>`, or .NET's
// `<add key="ApiToken" value="…"/>`, at any depth until the element closes.
const START_TAG_END = /[^<>]{0,400}?(\/?)>/y;
const CHILD = /<(?:[\w.-]{1,40}:)?([A-Za-z_][\w.-]{0,80})(?:[ \t][^<>]{0,400})?>|\b(?:key|name)=(["'])([\w.:-]{1,80})\2[ \t]+value=(?=["'])/g;

/**
 * Credential-named leaf elements (and key/value attribute pairs) inside the element named at
 * [keyStart, keyEnd), read up to its end tag or 16 KB; returns where the reading stopped.
 */
function scanElement(text: string, keyStart: number, keyEnd: number, matches: ContextMatch[]): number {
  const name = text.slice(keyStart, keyEnd);
  if (namesOtherVendor(name)) return keyEnd;
  START_TAG_END.lastIndex = keyEnd;
  const startTag = START_TAG_END.exec(text);
  if (!startTag || startTag[1] === "/") return keyEnd;
  return readChildren(text, START_TAG_END.lastIndex, name, name, false, matches);
}

/**
 * The credential-named leaf children (and key/value attribute pairs) of an element whose body
 * starts at `bodyStart`, up to its end tag `</tag` or 16 KB; `password` counts when `withPassword`.
 * Returns where the reading stopped.
 */
function readChildren(text: string, bodyStart: number, tag: string, elementName: string, withPassword: boolean, matches: ContextMatch[]): number {
  const reach = text.slice(bodyStart, bodyStart + LONGEST_BLOCK);
  const close = reach.indexOf(`</${tag}`);
  const body = close === -1 ? reach : reach.slice(0, close);
  CHILD.lastIndex = 0;
  for (let child = CHILD.exec(body); child; child = CHILD.exec(body)) {
    const key = child[1] ?? child[3]!;
    if (!isGenericCredentialKey(key) && !(withPassword && /^password$/i.test(key))) continue;
    const value = readValue(text, bodyStart + CHILD.lastIndex);
    if (!value) continue;
    // An element's text must be the whole element: `<token>abc</token>`, not `<token>abc <b/>`.
    if (child[1] !== undefined && !text.startsWith("</", value.end + value.quote.length)) continue;
    if (child[3] !== undefined && !value.quote) continue;
    matches.push({ range: [value.start, value.end], description: `${key} in the ${elementName} element` });
  }
  return bodyStart + body.length;
}

// The child that names its parent element, whole: `<id>hawzu</id>`, `<name>hawzu-releases</name>`.
const NAMING_CHILD = /<(id|name|key|serverId)>$/i;
const PARENT_START_TAG = /^<([A-Za-z_][\w.-]{0,80})(?:[ \t][^<>]{0,400})?$/;
const LONGEST_TAG = 80;

/**
 * Credential-named children of the element that a Hawzu-named `<id>` or `<name>` child names
 * (`<server><id>hawzu</id><password>…</password></server>`), read like a Hawzu element's; returns
 * where the reading stopped (`keyEnd` when the key names no element).
 */
function scanNamedElement(text: string, keyStart: number, keyEnd: number, matches: ContextMatch[]): number {
  const openTag = text.lastIndexOf("<", keyStart - 1);
  if (openTag === -1 || keyStart - openTag > LONGEST_TAG) return keyEnd;
  const child = NAMING_CHILD.exec(text.slice(openTag, keyStart));
  if (!child || !text.startsWith(`</${child[1]!}>`, keyEnd)) return keyEnd;
  if (namesOtherVendor(text.slice(keyStart, keyEnd))) return keyEnd;
  // The parent: the start tag right before the naming child, past blanks and line breaks.
  let before = openTag - 1;
  while (before >= 0 && openTag - before < LONGEST_TAG && isBlank(text.charCodeAt(before))) before--;
  if (text.charCodeAt(before) !== 62) return keyEnd;
  const parentOpen = text.lastIndexOf("<", before);
  if (parentOpen === -1 || before - parentOpen > 480) return keyEnd;
  const parent = PARENT_START_TAG.exec(text.slice(parentOpen, before));
  if (!parent) return keyEnd;
  return readChildren(text, before + 1, parent[1]!, `${parent[1]!} ${text.slice(keyStart, keyEnd)}`.slice(0, 64), true, matches);
}

/** Walks one object, tracking nested keys, and collects credential values at any depth. */
function scanObject(text: string, bodyStart: number, blockName: string, tokenBlock: boolean, matches: ContextMatch[]) {
  const path: string[] = [];
  let pendingKey: string | undefined;
  let depth = 1;
  const limit = Math.min(text.length, bodyStart + LONGEST_BLOCK);
  let index = bodyStart;
  while (index < limit && depth > 0) {
    const character = text[index]!;
    if (character === "{") {
      path.push(pendingKey ?? "");
      pendingKey = undefined;
      depth++;
      index++;
      continue;
    }
    if (character === "}") {
      path.pop();
      depth--;
      index++;
      continue;
    }
    INNER_KEY.lastIndex = index;
    const entry = /[\w"'$\\]/.test(character) && (index === 0 || !/[\w.\-$]/.test(text[index - 1]!)) ? INNER_KEY.exec(text) : null;
    if (!entry) {
      index++;
      continue;
    }
    const key = entry[2]!;
    const valueStart = INNER_KEY.lastIndex;
    pendingKey = key;
    const value = readValue(text, valueStart);
    if (value) {
      const underVendor = path.some(namesOtherVendor);
      const credential = tokenBlock ? /^(?:default|value|token)$/i.test(key) : isGenericCredentialKey(key);
      if (credential && !underVendor && depth === path.length + 1) {
        matches.push({
          range: [value.start, value.end],
          description: `${key} in the ${blockName} object`,
          confidence: tokenBlock ? "high" : "medium",
        });
      }
      index = value.end + value.quote.length;
      continue;
    }
    index = valueStart;
  }
}

/** The options object of a tuple named by the Hawzu key at [keyStart, keyEnd), if there is one. */
function scanTuple(text: string, keyStart: number, keyEnd: number, matches: ContextMatch[]): void {
  const body = tupleOptionsStart(text, keyStart, keyEnd);
  if (body !== -1) scanObject(text, body, text.slice(keyStart, keyEnd), false, matches);
}

// How far the name string, and the blanks and line breaks around its comma, may reach.
const TUPLE_REACH = 200;

/**
 * Where the options object of a tuple starts when the Hawzu key at [keyStart, keyEnd) is inside
 * the quoted name that opens an array, `['@hawzu/playwright-reporter', {` (the reporter and plugin
 * tuples of Playwright, Jest, WebdriverIO, Babel), over line breaks as formatters write them;
 * -1 otherwise. Read by code, a few characters for most mentions (a URL, a JSON value).
 */
function tupleOptionsStart(text: string, keyStart: number, keyEnd: number): number {
  let open = keyStart - 1;
  while (open >= 0 && keyStart - open < TUPLE_REACH && isNameCharacter(text.charCodeAt(open))) open--;
  const quote = text.charCodeAt(open);
  if (quote !== 34 && quote !== 39 && quote !== 96) return -1;
  let before = open - 1;
  while (before >= 0 && open - before < TUPLE_REACH && isBlank(text.charCodeAt(before))) before--;
  if (text.charCodeAt(before) !== 91) return -1;
  let close = keyEnd;
  while (close < text.length && close - keyEnd < TUPLE_REACH && isNameCharacter(text.charCodeAt(close))) close++;
  if (text.charCodeAt(close) !== quote) return -1;
  let next = close + 1;
  while (next < text.length && next - close < TUPLE_REACH && isBlank(text.charCodeAt(next))) next++;
  if (text.charCodeAt(next) !== 44) return -1;
  next++;
  while (next < text.length && next - close < TUPLE_REACH && isBlank(text.charCodeAt(next))) next++;
  return text.charCodeAt(next) === 123 ? next + 1 : -1;
}

// In an Erlang property list, an entry's key: an atom, bare or quoted, then `,`.
const PROPLIST_KEY = /[ \t\r\n]*(')?([a-z][\w@]{0,80})\1[ \t\r\n]*,[ \t\r\n]*/y;

/**
 * An Erlang property list under a Hawzu atom (`sys.config`, `rebar.config`): `{hawzu, [{api_token,
 * "…"}, …]}`. The generic credential keys of its tuples hold a Hawzu token, at the list's own
 * level (a nested list is another application's settings). Returns where the reading stopped
 * (`keyEnd` when the key opens no list).
 */
function scanProplist(text: string, keyStart: number, keyEnd: number, matches: ContextMatch[]): number {
  // `{hawzu, [` or `{'hawzu', [`, blanks and line breaks allowed: read by code, a comparison for most mentions.
  let open = keyStart - 1;
  if (text.charCodeAt(open) === 39) open--;
  while (open >= 0 && isBlank(text.charCodeAt(open))) open--;
  if (text.charCodeAt(open) !== 123) return keyEnd;
  let next = text.charCodeAt(keyEnd) === 39 ? keyEnd + 1 : keyEnd;
  while (next < text.length && isBlank(text.charCodeAt(next))) next++;
  if (text.charCodeAt(next) !== 44) return keyEnd;
  next++;
  while (next < text.length && isBlank(text.charCodeAt(next))) next++;
  if (text.charCodeAt(next) !== 91) return keyEnd;
  const name = text.slice(keyStart, keyEnd);
  const limit = Math.min(text.length, next + LONGEST_BLOCK);
  let depth = 0;
  let index = next + 1;
  for (; index < limit && depth >= 0; index++) {
    const code = text.charCodeAt(index);
    if (code === 91 || code === 123) {
      // A tuple that opens at the list's own level: `{key, value}`.
      if (code === 123 && depth === 0) {
        PROPLIST_KEY.lastIndex = index + 1;
        const entry = PROPLIST_KEY.exec(text);
        if (entry && isGenericCredentialKey(entry[2]!)) {
          const value = readValue(text, PROPLIST_KEY.lastIndex);
          if (value?.quote) matches.push({ range: [value.start, value.end], description: `${entry[2]} in the ${name} property list` });
        }
      }
      depth++;
    } else if (code === 93 || code === 125) depth--;
    else if (code === 34) {
      // A string's brackets are text: skip to its closing quote (not an escaped one).
      let close = text.indexOf('"', index + 1);
      while (close !== -1 && text.charCodeAt(close - 1) === 92 && close < limit) close = text.indexOf('"', close + 1);
      if (close === -1) return limit;
      index = close;
    }
  }
  return index;
}

/** [\w@/.:-]: what a package or plugin name holds. */
function isNameCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 64 || code === 47 || code === 46 || code === 45 || code === 58;
}

function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** What OPENING may read between a key and its brace: [\w\\"'.:=(-], a blank of any kind (any non-ASCII character is let through). */
function mayPrecedeBrace(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 ||
    code === 92 || code === 34 || code === 39 || code === 46 || code === 45 || code === 58 || code === 61 || code === 40 ||
    code === 32 || (code >= 9 && code <= 13) || code > 127
  );
}
