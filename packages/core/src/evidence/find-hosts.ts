import { isHawzuHost } from "./is-hawzu-host.js";
import { isNotRequestTarget } from "./is-not-request-target.js";

/** A host named in a text: in a URL, a Host header, or a bare api.* / *.com name. */
export interface HostMention {
  start: number;
  host: string;
  isHawzu: boolean;
}

// Hosts are written as URLs (any scheme), `Host:` headers as curl -v and HTTP dumps print them, and
// bare names ending in a common top-level domain. One regular expression over all three spent most
// of a dense log's scan trying the bare-name form at every word (issue 13), so the search looks
// for what every form must contain (`://`, `host`, `.com`-like endings) and reads the rest there.
const ANCHOR = /:\/\/|host|\.(?:com|io|net|org|dev|app|cloud|co)(?![A-Za-z0-9_])/gi;
const SCHEME_BEFORE = /(?:https?|wss?)$/i;
const URL_AUTHORITY = /(?:[^\s/@"'`<>]{1,200}@)?([A-Za-z0-9.-]{1,253})/y;
const HOST_HEADER = /host["']?\s*[:=]\s*["']?([A-Za-z0-9.-]{4,253})/iy;
const LONGEST_LABEL = 63;
const LONGEST_NAME = 253;

interface Candidate {
  start: number;
  end: number;
  host: string;
  ignored?: boolean;
}

/** Every host mentioned in `text[from, to)`, in order, non-overlapping (as one leftmost-first search would find them). */
export function findHosts(text: string, from = 0, to = text.length): HostMention[] {
  const found: Candidate[] = [];
  const region = from === 0 && to === text.length ? text : text.slice(from, to);
  ANCHOR.lastIndex = 0;
  for (let anchor = ANCHOR.exec(region); anchor; anchor = ANCHOR.exec(region)) {
    const candidate = candidateAt(region, anchor.index, anchor[0]);
    if (candidate) found.push(candidate);
  }
  return resolve(found, from);
}

/**
 * The host mentions of `text` that start in [from, to), where `from` and `to` are line starts (or
 * the text's ends): exactly those `findHosts(text)` finds there, read from these lines alone.
 * Only a `Host:` header can run across a line break (`\s*` around its colon), so when one from an
 * earlier line may reach `from`, the answer is undefined and the caller reads the whole text.
 */
export function findHostsOfLines(text: string, from: number, to: number): HostMention[] | undefined {
  if (from > 0 && mayContinueHostHeader(text, from)) return undefined;
  const found: Candidate[] = [];
  // Anchors never hold a line break, so those of these lines are found in their slice (a view, not
  // a copy); each is read in the whole text, as findHosts reads it.
  const lines = text.slice(from, to);
  ANCHOR.lastIndex = 0;
  for (let anchor = ANCHOR.exec(lines); anchor; anchor = ANCHOR.exec(lines)) {
    const candidate = candidateAt(text, from + anchor.index, anchor[0]);
    if (candidate) found.push(candidate);
  }
  return resolve(found, 0);
}

const LONGEST_HEADER_GAP = 4096;

/** True when the text before the line start `from` ends in `host` and then only what a Host header's gap holds. */
function mayContinueHostHeader(text: string, from: number): boolean {
  let index = from - 1;
  while (index >= 0 && from - index <= LONGEST_HEADER_GAP && isHeaderGap(text.charCodeAt(index))) index--;
  if (index >= 0 && from - index > LONGEST_HEADER_GAP) return true;
  return index >= 3 && text.slice(index - 3, index + 1).toLowerCase() === "host";
}

/** A blank of any kind (`\s`), a quote, `:` or `=`. */
function isHeaderGap(code: number): boolean {
  if (code === 34 || code === 39 || code === 58 || code === 61 || code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/.test(String.fromCharCode(code));
}

/** The host mention an anchor found at `at` stands for, if any. */
function candidateAt(region: string, at: number, anchor: string): Candidate | undefined {
  const first = anchor[0];
  if (first === ":") {
    const scheme = SCHEME_BEFORE.exec(region.slice(Math.max(0, at - 5), at));
    if (!scheme) return undefined;
    const start = at - scheme[0].length;
    if (start > 0 && isWordCharacter(region.charCodeAt(start - 1))) return undefined;
    URL_AUTHORITY.lastIndex = at + 3;
    const url = URL_AUTHORITY.exec(region);
    // A URL that is no request target still hides the bare name inside it (kept, then dropped).
    return url ? { start, end: URL_AUTHORITY.lastIndex, host: url[1]!, ignored: isNotRequestTarget(region, start) } : undefined;
  }
  if (first === ".") {
    // A dotted name that goes on past the ending with a longer label is a namespace or a property
    // path (.NET's `System.Net.Http.HttpClient` logger), not a host; `example.co.uk` goes on too.
    if (region.charCodeAt(at + anchor.length) === 46 && labelLength(region, at + anchor.length + 1) > 2) return undefined;
    const start = bareNameStart(region, at);
    return start === -1 ? undefined : { start, end: at + anchor.length, host: region.slice(start, at + anchor.length) };
  }
  if (at > 0 && isWordCharacter(region.charCodeAt(at - 1))) return undefined;
  HOST_HEADER.lastIndex = at;
  const header = HOST_HEADER.exec(region);
  return header ? { start: at, end: HOST_HEADER.lastIndex, host: header[1]! } : undefined;
}

/**
 * Anchors come in text order but a bare name starts before its ending: keeps the leftmost of
 * overlapping mentions (the longer one when two start together), as a single search would.
 */
function resolve(found: Candidate[], offset: number): HostMention[] {
  // Sorting allocates a work copy even when there is nothing to reorder (most lines: anchors in order).
  if (!inMentionOrder(found)) found.sort(byMentionOrder);
  const mentions: HostMention[] = [];
  let until = -1;
  for (let index = 0; index < found.length; index++) {
    const { start, end, host: written, ignored } = found[index]!;
    if (start < until) continue;
    until = end;
    if (ignored) continue;
    const host = written.toLowerCase();
    if (!host.includes(".") && host !== "localhost") continue;
    mentions.push({ start: offset + start, host, isHawzu: isHawzuHost(host) });
  }
  return mentions;
}

const byMentionOrder = (a: Candidate, b: Candidate): number => a.start - b.start || b.end - a.end;

/** True when `found` is already as byMentionOrder sorts it. */
function inMentionOrder(found: readonly Candidate[]): boolean {
  for (let index = 1; index < found.length; index++) if (byMentionOrder(found[index - 1]!, found[index]!) > 0) return false;
  return true;
}

/**
 * Where a bare host name ending at the dot `dot` starts: the labels (1-63 of [A-Za-z0-9-], one dot
 * apart) before it, starting at a word boundary; -1 when there is none.
 */
function bareNameStart(text: string, dot: number): number {
  let start = dot;
  while (start > 0 && dot - start < LONGEST_NAME && isLabelOrDot(text.charCodeAt(start - 1))) start--;
  // The name starts after any empty label (`..`), at a label character after a word boundary.
  for (;;) {
    while (start < dot && (text[start] === "." || text[start] === "-")) start++;
    if (start >= dot) return -1;
    const boundary = start === 0 || !isWordCharacter(text.charCodeAt(start - 1));
    const nextDot = text.indexOf(".", start);
    const labelOk = text[nextDot + 1] !== "." && nextDot - start <= LONGEST_LABEL;
    if (boundary && labelOk && !hasEmptyOrLongLabel(text, nextDot, dot)) return start;
    start = nextDot + 1;
  }
}

function hasEmptyOrLongLabel(text: string, from: number, dot: number): boolean {
  let labelStart = from + 1;
  for (let index = labelStart; index <= dot; index++) {
    if (text[index] !== ".") continue;
    if (index === labelStart || index - labelStart > LONGEST_LABEL) return true;
    labelStart = index + 1;
  }
  return false;
}

/** The length of the run of label characters ([A-Za-z0-9-]) at `from`. */
function labelLength(text: string, from: number): number {
  let end = from;
  while (end < text.length && end - from < 64 && isLabelCharacter(text.charCodeAt(end))) end++;
  return end - from;
}

function isLabelCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45;
}

function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function isLabelOrDot(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 46;
}
