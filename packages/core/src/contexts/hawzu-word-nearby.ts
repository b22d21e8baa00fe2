import { mayHoldToken, mayStartLongValue, readValue } from "../candidate/read-value.js";
import { isInNonTargetUrl } from "../evidence/is-not-request-target.js";
import { defineContext } from "../define-context.js";
import { hostNear } from "../evidence/host-near.js";
import { isGenericCredentialKey } from "../keys/is-generic-credential-key.js";
import { findCredentialFlags, type FlagHit } from "../keys/find-credential-flags.js";
import { namesOtherVendor } from "../keys/names-other-vendor.js";
import type { TextEvidence } from "../evidence/TextEvidence.js";
import type { BearerWord } from "../evidence/find-bearer-words.js";
import type { ContextMatch } from "../types.js";

// Weaker evidence: a generic credential (`API_TOKEN=`, `"token":`, `Bearer ...` with no host)
// within two lines of the word Hawzu: a `# Hawzu` comment over an .env entry, a JSON log line of a
// Hawzu sync job. Lines that name another vendor are not Hawzu's.
const NEARBY_LINES = 2;
const REACH = 2048;
const CREDENTIAL_FLAGS = {};

export default defineContext({
  id: "hawzu-word-nearby",
  description: "A generic credential (token=, api_key:, Bearer) within two lines of the word Hawzu.",
  example: "# Hawzu CI user\nAPI_TOKEN=h7Gk2pQx9LmZ4vNc8RtY3wBs", // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "medium",
  match({ text, evidence }) {
    const matches: ContextMatch[] = [];
    // Every match is an assignment, a flag or a bearer word of the window: with none of them, no
    // mention needs its lines read (a text that says hawzu a million times and nothing else).
    if (evidence.hawzuWords.length === 0) return matches;
    const flags = evidence.derive(CREDENTIAL_FLAGS, findFlagsOfEvidence);
    const bearers = evidence.bearerWords;
    // (Every assignment has a `:` or `=`: a window without either has none, and needs none read.)
    if (flags.length === 0 && bearers.length === 0 && !text.includes(":") && !text.includes("=")) return matches;
    const walk = new MentionWalk(text, evidence, flags, bearers, matches);
    const words = evidence.hawzuWords;
    for (let word = 0; word < words.length; word++) walk.visit(words[word]!);
    return matches;
  },
});

function findFlagsOfEvidence(evidence: TextEvidence): FlagHit[] {
  return findCredentialFlags(evidence.text);
}

/**
 * The walk over a window's Hawzu mentions, one call per mention. (A method per mention, not one
 * loop over a whole window: on a log where every window merges into one, the loop ran for the
 * whole text in one call, so V8 compiled it on-stack twice per deoptimization, and each part
 * below is compiled and deoptimized by itself.)
 */
class MentionWalk {
  #scannedUntil = 0;
  #lastLine = -1;
  // Mentions come in text order, so their line and the first flag and bearer word of their lines
  // are found by moving cursors, not by a binary search per mention (a dense log has one Hawzu
  // line in five). The line arithmetic below is lineStartWithin/lineEndWithin's, from the index.
  #mentionLine = 0;
  #firstFlag = 0;
  #firstBearer = 0;
  readonly #starts: readonly number[];

  constructor(
    readonly text: string,
    readonly evidence: TextEvidence,
    readonly flags: readonly FlagHit[],
    readonly bearers: readonly BearerWord[],
    readonly matches: ContextMatch[],
  ) {
    this.#starts = evidence.lineStarts;
  }

  #lineEnd(line: number): number {
    const starts = this.#starts;
    return line + 1 < starts.length ? starts[line + 1]! - 1 : this.text.length;
  }

  visit(index: number): void {
    const text = this.text;
    const starts = this.#starts;
    let mentionLine = this.#mentionLine;
    while (mentionLine + 1 < starts.length && starts[mentionLine + 1]! <= index) mentionLine++;
    this.#mentionLine = mentionLine;
    // Every mention on one line (shorter than the reach) looks at the same lines: the first one
    // does it for all.
    if (mentionLine === this.#lastLine && (mentionLine + 1 < starts.length ? starts[mentionLine + 1]! : text.length) - starts[mentionLine]! <= REACH) return;
    // A Referer or a query value that names Hawzu says nothing about this line's credentials.
    if (isInNonTargetUrl(text, index)) return;
    this.#lastLine = mentionLine;
    // Up to two lines each way, each cut at REACH from where it is entered; a line cut short ends
    // the walk (its edge is no line break).
    let fromLine = mentionLine;
    let from = Math.max(starts[fromLine]!, index - REACH, 0);
    for (let line = 0; line < NEARBY_LINES && from > 0 && text.charCodeAt(from - 1) === 10; line++) {
      fromLine--;
      from = Math.max(starts[fromLine]!, from - 1 - REACH, 0);
    }
    let toLine = mentionLine;
    let to = Math.min(this.#lineEnd(toLine), index + REACH, text.length);
    const mentionLineEnd = to;
    for (let line = 0; line < NEARBY_LINES && to < text.length && text.charCodeAt(to) === 10; line++) {
      toLine++;
      to = Math.min(this.#lineEnd(toLine), to + 1 + REACH, text.length);
    }
    from = Math.max(from, this.#scannedUntil);
    if (from >= to) return;
    this.#scannedUntil = to;
    this.#assignments(from, to, mentionLineEnd);
    // Flags and bearer words of the whole window are found once; each mention looks up its lines.
    if (this.flags.length > 0) this.#flags(from, to);
    if (this.bearers.length > 0) this.#bearers(from, to);
  }

  #assignments(from: number, to: number, mentionLineEnd: number): void {
    const { text, evidence } = this;
    const assignments = evidence.credentialAssignments(from, to);
    for (let assignment = 0; assignment < assignments.length; assignment++) {
      const { key, keyStart, value } = assignments[assignment]!;
      if (!mayHoldToken(value) || !isGenericCredentialKey(memberName(key)) || lineNamesOtherVendor(evidence, keyStart, value)) continue;
      // The key's line starts at or before the key: a key on the mention's line needs no search.
      const keyLineStart = mentionLineEnd < keyStart ? evidence.lineStartWithin(keyStart, REACH) : keyStart;
      if (mentionLineEnd < keyLineStart && opensOtherSection(text.slice(mentionLineEnd + 1, keyLineStart))) continue;
      this.matches.push({ range: [value.start, value.end], description: `${key} next to a Hawzu mention`, strictness: "strict" });
    }
  }

  #flags(from: number, to: number): void {
    const { text, evidence, flags } = this;
    const firstFlag = (this.#firstFlag = firstAtOrAfter(flags, this.#firstFlag, from));
    for (let hit = firstFlag; hit < flags.length && flags[hit]!.at < to; hit++) {
      const { at, valueAt, flag } = flags[hit]!;
      const value = valueAt > to ? undefined : readValue(text, valueAt);
      if (!value || !mayHoldToken(value) || !isGenericCredentialKey(flag) || lineNamesOtherVendor(evidence, at, value)) continue;
      this.matches.push({ range: [value.start, value.end], description: `--${flag} next to a Hawzu mention`, strictness: "strict" });
    }
  }

  #bearers(from: number, to: number): void {
    const { text, evidence, bearers } = this;
    const firstBearer = (this.#firstBearer = firstAtOrAfter(bearers, this.#firstBearer, from));
    for (let hit = firstBearer; hit < bearers.length && bearers[hit]!.at < to; hit++) {
      const { at, valueAt, isBearer, twoArguments } = bearers[hit]!;
      // `Token <value>` too: a log's "hawzu client configured with token <value>" (the value
      // check is strict, and a short word after "token" never reads as one).
      if (twoArguments || valueAt > to || !mayStartLongValue(text, valueAt)) continue;
      const value = readValue(text, valueAt);
      if (!value || !mayHoldToken(value)) continue;
      const host = hostNear(evidence, at);
      if (host && !host.isHawzu) continue;
      this.matches.push({ range: [value.start, value.end], description: `${isBearer ? "bearer token" : "token"} next to a Hawzu mention`, strictness: "strict" });
    }
  }
}

/** The first of `hits` (in text order) at or after `from`, moved on from `cursor`: mentions come in order. */
function firstAtOrAfter(hits: readonly { at: number }[], cursor: number, from: number): number {
  while (cursor < hits.length && hits[cursor]!.at < from) cursor++;
  return cursor;
}

/** The member a key assigns (`config.api_token` in a configure block, `self.token`): its last part. */
function memberName(key: string): string {
  const dot = key.lastIndexOf(".");
  return dot === -1 ? key : key.slice(dot + 1);
}

// A section header between the mention and the key (`[registry]`, `registry:`, `"registry": {`)
// means the key belongs to something else.
// Headers that only group a thing's settings do not name something else: a GitHub Actions step's
// `with:` under `uses: hawzu/…`, `credentials:`, `env:`.
const SECTION_HEADER = /^[ \t]*(?:\[([^\]\n]+)\][ \t]*|["']?([\w.\-]+)["']?[ \t]*:[ \t]*\{?[ \t]*)$/gm;
const GROUPING_NAME = /^(?:with|env|environment|inputs|settings|config|configuration|options|credentials|auth|authentication|secrets|params|parameters|spec|properties|args|vars|variables)$/i;

function opensOtherSection(linesBetween: string): boolean {
  SECTION_HEADER.lastIndex = 0;
  for (let header = SECTION_HEADER.exec(linesBetween); header; header = SECTION_HEADER.exec(linesBetween)) {
    if (!GROUPING_NAME.test((header[1] ?? header[2]!).trim())) return true;
  }
  return false;
}

/**
 * True when the line names another vendor in its words (`GITHUB_TOKEN=`, `# Slack bot`). The value
 * itself is left out, and so are words with digits: random text can spell "okta" or "npm".
 */
function lineNamesOtherVendor(evidence: TextEvidence, position: number, value: { start: number; end: number }): boolean {
  const text = evidence.text;
  const start = evidence.lineStartWithin(position, 512);
  const end = evidence.lineEndWithin(position, 512);
  const line = text.slice(start, Math.max(start, value.start)) + " " + text.slice(Math.min(end, value.end), end);
  return line.split(/[^A-Za-z0-9_]+/).some((word) => word.length > 2 && !/\d/.test(word) && namesOtherVendor(word));
}
