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
  const [logicalStart, logicalEnd] = logicalLine(evidence, position);
  const inLine = evidence.nearestHost(logicalStart, logicalEnd, position);
  if (inLine) return inLine;
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
