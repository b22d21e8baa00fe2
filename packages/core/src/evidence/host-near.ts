import { findHosts, type HostMention } from "./find-hosts.js";
import { lineEndWithin, lineStartWithin } from "./line-bounds.js";

const NEARBY_LINES = 8;
const NEARBY_CHARACTERS = 1500;
// A shell command continued on the next line: `\` (sh), `` ` `` (PowerShell), `^` (cmd).
const CONTINUED = /[\\`^][ \t]*$/;

/** Where a request's credential is sent: the host named closest to it, or undefined. */
export interface HostVerdict {
  host: HostMention | undefined;
  /** True when the only hosts in the whole text are Hawzu's (weaker: a client set up elsewhere). */
  onlyHawzuHostsInText: boolean;
}

/**
 * The host a credential at `position` is most likely sent to: one in the same (continued) command
 * line first, else the nearest within a few lines. Other hosts win when they are nearer, so a
 * bearer token sent to api.github.com next to a Hawzu call is not taken for Hawzu's.
 */
export function hostNear(text: string, position: number): HostMention | undefined {
  // Hosts are looked for only around the credential: the host regex is the costliest one.
  const [nearbyStart, nearbyEnd] = nearbyLines(text, position);
  const [logicalStart, logicalEnd] = logicalLine(text, position);
  const from = Math.min(nearbyStart, logicalStart);
  const hosts = findHosts(text.slice(from, Math.max(nearbyEnd, logicalEnd))).map((mention) => ({ ...mention, start: mention.start + from }));
  const inLine = between(hosts, logicalStart, logicalEnd);
  if (inLine.length > 0) return nearest(inLine, position);
  return nearest(between(hosts, nearbyStart, nearbyEnd), position);
}

/** True when the text names hosts and all of them are Hawzu's (a client set up elsewhere in it). */
export function onlyHawzuHosts(text: string): boolean {
  const hosts = findHosts(text);
  return hosts.length > 0 && !hosts.some((mention) => !mention.isHawzu);
}

/** The mentions (sorted by start) that start in [from, to), found by binary search. */
function between(hosts: HostMention[], from: number, to: number): HostMention[] {
  let low = 0;
  let high = hosts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (hosts[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  const found: HostMention[] = [];
  for (let index = low; index < hosts.length && hosts[index]!.start < to; index++) found.push(hosts[index]!);
  return found;
}

function nearest(mentions: HostMention[], position: number): HostMention | undefined {
  let best: HostMention | undefined;
  for (const mention of mentions) {
    if (!best || Math.abs(mention.start - position) < Math.abs(best.start - position)) best = mention;
  }
  return best;
}

function lineStartOf(text: string, position: number): number {
  return lineStartWithin(text, position, NEARBY_CHARACTERS);
}

function lineEndOf(text: string, position: number): number {
  return lineEndWithin(text, position, NEARBY_CHARACTERS);
}

function logicalLine(text: string, position: number): [number, number] {
  let start = lineStartOf(text, position);
  while (start > 0 && position - start < NEARBY_CHARACTERS) {
    const previousStart = lineStartOf(text, start - 1);
    if (!CONTINUED.test(text.slice(previousStart, start - 1))) break;
    start = previousStart;
  }
  let end = lineEndOf(text, position);
  while (end < text.length && end - position < NEARBY_CHARACTERS && CONTINUED.test(text.slice(lineStartOf(text, end), end))) {
    end = lineEndOf(text, end + 1);
  }
  return [start, end];
}

function nearbyLines(text: string, position: number): [number, number] {
  let start = lineStartOf(text, position);
  for (let line = 0; line < NEARBY_LINES && start > 0 && position - start < NEARBY_CHARACTERS; line++) {
    start = lineStartOf(text, start - 1);
  }
  let end = lineEndOf(text, position);
  for (let line = 0; line < NEARBY_LINES && end < text.length && end - position < NEARBY_CHARACTERS; line++) {
    end = lineEndOf(text, end + 1);
  }
  return [Math.max(start, position - NEARBY_CHARACTERS), Math.min(end, position + NEARBY_CHARACTERS)];
}
