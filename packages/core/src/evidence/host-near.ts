import type { HostMention } from "./find-hosts.js";
import type { TextEvidence } from "./TextEvidence.js";

const NEARBY_LINES = 8;
const NEARBY_CHARACTERS = 1500;

/**
 * The host a credential at `position` is most likely sent to: one in the same (continued) command
 * line first, else the nearest within a few lines. Other hosts win when they are nearer, so a
 * bearer token sent to api.github.com next to a Hawzu call is not taken for Hawzu's.
 * Cost per call: a few binary searches and the mentions within ±1,500 characters; the lines'
 * hosts are read once per text (TextEvidence), however many credentials ask.
 */
export function hostNear(evidence: TextEvidence, position: number): HostMention | undefined {
  // Two contexts ask for the host of each bearer word (bearer-to-hawzu-host, hawzu-word-nearby):
  // the answer depends only on the text and the position, so it is kept per text.
  const known = evidence.derive(HOSTS_NEAR, () => new Map<number, HostMention | undefined>());
  if (known.has(position)) return known.get(position);
  const host = findHostNear(evidence, position);
  known.set(position, host);
  return host;
}

const HOSTS_NEAR = {};

function findHostNear(evidence: TextEvidence, position: number): HostMention | undefined {
  const [logicalStart, logicalEnd] = commandAt(evidence, position, logicalLine(evidence, position));
  const inLine = evidence.nearestHost(logicalStart, logicalEnd, position);
  if (inLine) return inLine;
  // In pretty-printed JSON (a HAR, a Postman export), the header belongs to the request object
  // that holds it: that object's URL, however far, and no other request's, however near.
  const inObject = hostOfEnclosingObject(evidence, position);
  if (inObject) return inObject;
  const [nearbyStart, nearbyEnd] = nearbyLines(evidence, position);
  // A wire log of several connections (Apache HttpClient's `http-outgoing-3 >> "Host: ..."`) says
  // which request a header belongs to: only hosts of the same connection count, and when that
  // connection's host is out of reach, no host of another connection does either.
  const connection = connectionOf(evidence, position);
  if (connection !== undefined) {
    return evidence.nearestHost(nearbyStart, nearbyEnd, position, (mention) => {
      const other = connectionOf(evidence, mention.start);
      return other === undefined || other === connection;
    });
  }
  return evidence.nearestHost(nearbyStart, nearbyEnd, position);
}

const CONNECTION_ID = /\bhttp-outgoing-\d+\b/;

/** The wire-log connection id on the line holding `position`, if any. */
function connectionOf(evidence: TextEvidence, position: number): string | undefined {
  const line = evidence.text.slice(evidence.lineStartWithin(position, 512), evidence.lineEndWithin(position, 512));
  return line.includes("http-outgoing-") ? CONNECTION_ID.exec(line)?.[0] : undefined;
}

/** True when the text names hosts and all of them are Hawzu's (a client set up elsewhere in it). */
export function onlyHawzuHosts(evidence: TextEvidence): boolean {
  const hosts = evidence.hosts;
  return hosts.length > 0 && !hosts.some((mention) => !mention.isHawzu);
}

// Commands chained on one (continued) line: `curl <github> -H "Bearer …"; curl <hawzu>`.
const COMMAND_WORD = /\b(?:curl|wget|http|https|Invoke-RestMethod|Invoke-WebRequest)[ \t]/;
const COMMAND_SEPARATOR = /(?:&&|\|\||[;|])(?=[ \t\\])/g;

/** The one command of a chained line that holds `position`, when the line runs HTTP commands. */
function commandAt(evidence: TextEvidence, position: number, [start, end]: [number, number]): [number, number] {
  const line = evidence.text.slice(start, end);
  if (!COMMAND_WORD.test(line)) return [start, end];
  let commandStart = start;
  let commandEnd = end;
  COMMAND_SEPARATOR.lastIndex = 0;
  for (let separator = COMMAND_SEPARATOR.exec(line); separator; separator = COMMAND_SEPARATOR.exec(line)) {
    const at = start + separator.index;
    if (at < position) commandStart = at + separator[0].length;
    else {
      commandEnd = at;
      break;
    }
  }
  return [commandStart, commandEnd];
}

// How far a JSON request object is searched for around a header, and how many levels up.
const OBJECT_REACH = 8192;
const OBJECT_LEVELS = 4;
const INDENTED_JSON_LINE = /^[ \t]{2,}[{"]/;

/**
 * The host named in the innermost enclosing JSON object (or array) around `position` that names
 * one, for a header on an indented JSON line; undefined elsewhere, or when the braces cannot be
 * matched within the reach. Strings are skipped (escaped quotes honoured), so braces in values do
 * not count.
 */
function hostOfEnclosingObject(evidence: TextEvidence, position: number): HostMention | undefined {
  const text = evidence.text;
  const lineStart = evidence.lineStartWithin(position, 512);
  if (!INDENTED_JSON_LINE.test(text.slice(lineStart, lineStart + 64))) return undefined;
  let open = lineStart;
  let close = lineStart;
  for (let level = 0; level < OBJECT_LEVELS; level++) {
    open = enclosingOpen(text, open, Math.max(0, position - OBJECT_REACH));
    if (open === -1) return undefined;
    const limit = Math.min(text.length, position + OBJECT_REACH);
    close = matchingClose(text, open, limit);
    // An object still open where the text ends (a stream judged before the rest arrives) is read
    // as far as it goes: its URL usually comes before its headers.
    if (close === -1 && limit === text.length) close = limit;
    if (close === -1) return undefined;
    const host = evidence.nearestHost(open, close, position);
    if (host) return host;
  }
  return undefined;
}

/** The unclosed `{` or `[` before `from` (exclusive), scanning back to `limit`; -1 if none. */
function enclosingOpen(text: string, from: number, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let index = from - 1; index >= limit; index--) {
    const character = text[index];
    if (character === '"' && !isEscaped(text, index)) inString = !inString;
    else if (inString) continue;
    else if (character === "}" || character === "]") depth++;
    else if (character === "{" || character === "[") {
      if (depth === 0) return index;
      depth--;
    }
  }
  return -1;
}

/** The `}` or `]` that closes the bracket at `open`, scanning on to `limit`; -1 if not found. */
function matchingClose(text: string, open: number, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let index = open + 1; index < limit; index++) {
    const character = text[index];
    if (character === '"' && !isEscaped(text, index)) inString = !inString;
    else if (inString) continue;
    else if (character === "{" || character === "[") depth++;
    else if (character === "}" || character === "]") {
      if (depth === 0) return index + 1;
      depth--;
    }
  }
  return -1;
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let before = index - 1; before >= 0 && text[before] === "\\"; before--) backslashes++;
  return backslashes % 2 === 1;
}

function logicalLine(evidence: TextEvidence, position: number): [number, number] {
  const text = evidence.text;
  let start = evidence.lineStartWithin(position, NEARBY_CHARACTERS);
  while (start > 0 && position - start < NEARBY_CHARACTERS) {
    const previousStart = evidence.lineStartWithin(start - 1, NEARBY_CHARACTERS);
    if (!isContinued(text, previousStart, start - 1)) break;
    start = previousStart;
  }
  let end = evidence.lineEndWithin(position, NEARBY_CHARACTERS);
  while (end < text.length && end - position < NEARBY_CHARACTERS && isContinued(text, evidence.lineStartWithin(end, NEARBY_CHARACTERS), end)) {
    end = evidence.lineEndWithin(end + 1, NEARBY_CHARACTERS);
  }
  return [start, end];
}

function nearbyLines(evidence: TextEvidence, position: number): [number, number] {
  const text = evidence.text;
  let start = evidence.lineStartWithin(position, NEARBY_CHARACTERS);
  for (let line = 0; line < NEARBY_LINES && start > 0 && position - start < NEARBY_CHARACTERS; line++) {
    start = evidence.lineStartWithin(start - 1, NEARBY_CHARACTERS);
  }
  let end = evidence.lineEndWithin(position, NEARBY_CHARACTERS);
  for (let line = 0; line < NEARBY_LINES && end < text.length && end - position < NEARBY_CHARACTERS; line++) {
    end = evidence.lineEndWithin(end + 1, NEARBY_CHARACTERS);
  }
  return [Math.max(start, position - NEARBY_CHARACTERS), Math.min(end, position + NEARBY_CHARACTERS)];
}

/** True when the line [start, end) ends a shell command that goes on: `\\` (sh), `` ` `` (PowerShell), `^` (cmd). */
function isContinued(text: string, start: number, end: number): boolean {
  let index = end - 1;
  while (index >= start && (text[index] === " " || text[index] === "\t" || text[index] === "\r")) index--;
  const last = text[index];
  return index >= start && (last === "\\" || last === "`" || last === "^");
}
