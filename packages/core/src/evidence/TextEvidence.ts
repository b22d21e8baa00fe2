import { findCredentialAssignments, type Assignment } from "../keys/find-assignments.js";
import { findHawzuKeys, findHawzuWords } from "../keys/find-hawzu-words.js";
import { findBearerWords, type BearerWord } from "./find-bearer-words.js";
import { findHosts, findHostsOfLines, type HostMention } from "./find-hosts.js";

/**
 * What the contexts need to know about one text (a window), read once and shared (STYLE.md 15):
 * line starts, host mentions, "hawzu" words and the keys around them, credential assignments.
 * Each is computed on first use with one linear pass and kept, so a credential's host lookup costs
 * a binary search, not a regex over its lines.
 */
export class TextEvidence {
  #lineStarts: number[] | undefined;
  #allHosts: HostMention[] | undefined;
  // Host mentions by line, read on demand (undefined: not read yet).
  readonly #hostsByLine = new Map<number, readonly HostMention[]>();
  #hawzuWords: number[] | undefined;
  #hawzuKeys: Array<{ start: number; end: number }> | undefined;
  #hawzuLines: number[] | undefined;
  // The line lineIndex answered last (a hint; any line index is a valid start).
  #lastLine = 0;
  #assignments: Assignment[] | undefined;
  // Assignments by block of ASSIGNMENT_BLOCK_LINES lines, read on demand.
  readonly #assignmentsByBlock = new Map<number, Assignment[]>();
  #bearerWords: BearerWord[] | undefined;
  #lower: string | undefined;
  #lowerKeepsLength: boolean | undefined;
  readonly #saysWord = new Map<string, boolean>();
  readonly #derived = new Map<object, unknown>();

  constructor(readonly text: string) {}

  /**
   * Evidence only some contexts need (their own word searches), computed once per text on first
   * use and kept under `key` (a module-level object of the context that defines it).
   */
  derive<T>(key: object, compute: (evidence: TextEvidence) => T): T {
    if (!this.#derived.has(key)) this.#derived.set(key, compute(this));
    return this.#derived.get(key) as T;
  }

  /**
   * True when the text holds `word` (lower case) in any casing: what `lower.includes(word)` says for
   * the contexts' keywords (only U+0130 and the Kelvin sign lower-case to ASCII letters, and no
   * keyword ends in "i" or needs a "k" that a context could then match), without a lower-cased
   * copy of the window (as large as the window, and a fifth of the prefilter's time on a log).
   */
  saysWord(word: string): boolean {
    let says = this.#saysWord.get(word);
    if (says === undefined) {
      says = wordPattern(word).test(this.text);
      this.#saysWord.set(word, says);
    }
    return says;
  }
  /** True when `lower` is as long as the text (only U+0130 lower-cases to two characters). */
  get lowerKeepsLength(): boolean {
    this.#lowerKeepsLength ??= !this.text.includes("\u0130");
    return this.#lowerKeepsLength;
  }
  /** The text in lower case, for substring searches of words in any casing. */
  get lower(): string {
    this.#lower ??= this.text.toLowerCase();
    return this.#lower;
  }

  /** Offsets at which lines start (0 first). */
  get lineStarts(): readonly number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }

  /** 0-based index of the line holding `position`. */
  lineIndex(position: number): number {
    const starts = this.lineStarts;
    // Questions come in runs about one line and its neighbours (a line's start, end, the lines
    // around it): the last answer and the lines next to it are tried before a binary search.
    const last = this.#lastLine;
    if (starts[last]! <= position) {
      if (last + 1 >= starts.length || position < starts[last + 1]!) return last;
      if (last + 2 >= starts.length || position < starts[last + 2]!) return (this.#lastLine = last + 1);
    } else if (last > 0 && starts[last - 1]! <= position) {
      return (this.#lastLine = last - 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    this.#lastLine = low;
    return low;
  }

  /** Start of the line holding `position`, or `position - reach` when the line starts further back. */
  lineStartWithin(position: number, reach = 4096): number {
    return Math.max(this.lineStarts[this.lineIndex(position)]!, position - reach, 0);
  }

  /** End of the line holding `position` (its line break), or `position + reach` when it ends further on. */
  lineEndWithin(position: number, reach = 4096): number {
    const next = this.lineStarts[this.lineIndex(position) + 1];
    return Math.min(next === undefined ? this.text.length : next - 1, position + reach, this.text.length);
  }

  /**
   * The host mention nearest to `position` among those that start in [from, to). The hosts of the
   * lines asked about are read on first use and kept: a log that says "Bearer" on every third
   * line asks about a few lines each time, and reading only those cost far less than reading the
   * whole window (measured on the dense benchmark log); the whole window's list, once read for
   * another question, answers with a binary search.
   */
  nearestHost(from: number, to: number, position: number, accept?: (mention: HostMention) => boolean): HostMention | undefined {
    if (to <= from) return undefined;
    let best: HostMention | undefined;
    // The same walk as over the whole list: in text order, stopping at the first mention past
    // `position` that is not nearer.
    const consider = (mention: HostMention): boolean => {
      if (accept && !accept(mention)) return true;
      if (!best || Math.abs(mention.start - position) < Math.abs(best.start - position)) best = mention;
      else if (mention.start > position) return false;
      return true;
    };
    if (!this.#allHosts) {
      const lastLine = this.lineIndex(to - 1);
      for (let line = this.lineIndex(from); line <= lastLine; line++) {
        const mentions = this.#hostsOfLine(line);
        if (!mentions) break;
        for (let index = 0; index < mentions.length; index++) {
          const mention = mentions[index]!;
          if (mention.start < from) continue;
          if (mention.start >= to || !consider(mention)) return best;
        }
      }
      // Read whole (a Host header reached across a line break): answered from the whole list.
      if (!this.#allHosts) return best;
      best = undefined;
    }
    const hosts = this.#allHosts;
    for (let index = lowerBound(hosts, from, (mention) => mention.start); index < hosts.length && hosts[index]!.start < to; index++) {
      if (!consider(hosts[index]!)) break;
    }
    return best;
  }
  /** The host mentions that start on line `line`, or undefined when the whole text had to be read (then in #allHosts). */
  #hostsOfLine(line: number): readonly HostMention[] | undefined {
    let mentions = this.#hostsByLine.get(line);
    if (mentions) return mentions;
    const starts = this.lineStarts;
    mentions = findHostsOfLines(this.text, starts[line]!, starts[line + 1] ?? this.text.length);
    if (!mentions) {
      this.#allHosts = findHosts(this.text);
      return undefined;
    }
    this.#hostsByLine.set(line, mentions);
    return mentions;
  }
  /** Every host mention of the text, found with one pass on first use. */
  get hosts(): readonly HostMention[] {
    this.#allHosts ??= findHosts(this.text);
    return this.#allHosts;
  }

  /** `Bearer` and `Token` scheme words with where their values start. */
  get bearerWords(): readonly BearerWord[] {
    this.#bearerWords ??= findBearerWords(this.text);
    return this.#bearerWords;
  }

  /** Offsets of "hawzu" in any casing (not this tool's own name). */
  get hawzuWords(): readonly number[] {
    this.#hawzuWords ??= findHawzuWords(this.text);
    return this.#hawzuWords;
  }

  /** The lines (0-based) that say "hawzu", each once, in order: one walk down the line starts. */
  get hawzuLines(): readonly number[] {
    if (!this.#hawzuLines) {
      const lines: number[] = [];
      const starts = this.lineStarts;
      let line = 0;
      const words = this.hawzuWords;
      for (let index = 0; index < words.length; index++) {
        const word = words[index]!;
        while (line + 1 < starts.length && starts[line + 1]! <= word) line++;
        if (lines[lines.length - 1] !== line) lines.push(line);
      }
      this.#hawzuLines = lines;
    }
    return this.#hawzuLines;
  }
  /** Each distinct identifier-like key around a "hawzu" (`HAWZU_ACCESS_TOKEN`, `api.hawzu.com`). */
  get hawzuKeys(): ReadonlyArray<{ start: number; end: number }> {
    this.#hawzuKeys ??= findHawzuKeys(this.text, this.hawzuWords);
    return this.#hawzuKeys;
  }

  /**
   * Assignments of values long enough to be a token, to keys ending in a credential word, whose key
   * and value lie in [from, to). An assignment never spans a line break (key, operator and value
   * are read on one line), so the lines asked about are read in blocks on first use: most callers
   * ask about a few lines around a Hawzu mention, and a window's other lines are never read.
   */
  credentialAssignments(from = 0, to = this.text.length): Assignment[] {
    if (!this.#assignments && from === 0 && to === this.text.length) this.#assignments = findCredentialAssignments(this.text);
    const found: Assignment[] = [];
    const keep = (assignment: Assignment) => {
      if (assignment.keyStart >= from && assignment.value.end <= to) found.push(assignment);
    };
    const all = this.#assignments;
    if (all) {
      for (let index = lowerBound(all, from, (assignment) => assignment.value.start); index < all.length && all[index]!.value.start < to; index++) keep(all[index]!);
      return found;
    }
    if (to <= from) return found;
    const lastBlock = Math.floor(this.lineIndex(to - 1) / ASSIGNMENT_BLOCK_LINES);
    for (let block = Math.floor(this.lineIndex(from) / ASSIGNMENT_BLOCK_LINES); block <= lastBlock; block++) {
      const assignments = this.#assignmentsOfBlock(block);
      for (let index = 0; index < assignments.length; index++) {
        const assignment = assignments[index]!;
        if (assignment.value.start >= to) break;
        if (assignment.value.start >= from) keep(assignment);
      }
    }
    return found;
  }

  #assignmentsOfBlock(block: number): readonly Assignment[] {
    let assignments = this.#assignmentsByBlock.get(block);
    if (!assignments) {
      const starts = this.lineStarts;
      const end = starts[(block + 1) * ASSIGNMENT_BLOCK_LINES] ?? this.text.length;
      assignments = findCredentialAssignments(this.text, starts[block * ASSIGNMENT_BLOCK_LINES]!, end);
      this.#assignmentsByBlock.set(block, assignments);
    }
    return assignments;
  }

}

const WORD_PATTERNS = new Map<string, RegExp>();

/** A case-insensitive search for `word` as written (one per keyword, kept). */
function wordPattern(word: string): RegExp {
  let pattern = WORD_PATTERNS.get(word);
  if (!pattern) {
    pattern = new RegExp(word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");
    WORD_PATTERNS.set(word, pattern);
  }
  return pattern;
}

// Lines per block of assignments read on demand: a mention's five lines touch one or two blocks.
const ASSIGNMENT_BLOCK_LINES = 32;

/** The index of the first of `sorted` (ascending by `offset`) whose offset is at least `from`. */
function lowerBound<T>(sorted: readonly T[], from: number, offset: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offset(sorted[middle]!) < from) low = middle + 1;
    else high = middle;
  }
  return low;
}
