import { findHosts, type HostMention } from "./find-hosts.js";

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
export function hostNear(text: string, position: number, hosts: HostMention[] = findHosts(text)): HostVerdict {
  const onlyHawzuHostsInText = hosts.length > 0 && hosts.every((mention) => mention.isHawzu);
  const [logicalStart, logicalEnd] = logicalLine(text, position);
  const inLine = hosts.filter((mention) => mention.start >= logicalStart && mention.start < logicalEnd);
  if (inLine.length > 0) return { host: nearest(inLine, position), onlyHawzuHostsInText };
  const [nearbyStart, nearbyEnd] = nearbyLines(text, position);
  const nearby = hosts.filter((mention) => mention.start >= nearbyStart && mention.start < nearbyEnd);
  return { host: nearest(nearby, position), onlyHawzuHostsInText };
}

function nearest(mentions: HostMention[], position: number): HostMention | undefined {
  let best: HostMention | undefined;
  for (const mention of mentions) {
    if (!best || Math.abs(mention.start - position) < Math.abs(best.start - position)) best = mention;
  }
  return best;
}

function lineStartOf(text: string, position: number): number {
  return text.lastIndexOf("\n", position - 1) + 1;
}

function lineEndOf(text: string, position: number): number {
  const end = text.indexOf("\n", position);
  return end === -1 ? text.length : end;
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
