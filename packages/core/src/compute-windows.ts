/** How far around a keyword hit the contexts look (a section header above, a curl URL below). */
export const WINDOW_BEFORE = 2048;
export const WINDOW_AFTER = 8192;
// A window edge moves to the nearest line break within this distance, else to a non-token character.
const SNAP_DISTANCE = 2048;
const TOKEN_CHARACTER = /[A-Za-z0-9\-_.~+/=%\\]/;

/** Merged [start, end) windows around the hits, so each character is judged at most once. */
export function computeWindows(text: string, hits: readonly number[]): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  // The current window's end before snapping: dense hits (a line full of "hawzu") only move it, and
  // it is snapped once when the window is closed, so each hit costs a comparison, not a search.
  let rawEnd = -1;
  const close = () => {
    const last = windows[windows.length - 1];
    if (last) last[1] = Math.max(last[1], snapEnd(text, rawEnd));
  };
  for (let index = 0; index < hits.length; index++) {
    const hit = hits[index]!;
    const last = windows[windows.length - 1];
    if (last && hit + WINDOW_AFTER <= rawEnd) continue;
    const end = Math.min(text.length, hit + WINDOW_AFTER);
    if (last && hit - WINDOW_BEFORE <= Math.max(last[1], rawEnd)) {
      rawEnd = Math.max(rawEnd, end);
      continue;
    }
    const start = snapStart(text, Math.max(0, hit - WINDOW_BEFORE));
    if (last) {
      close();
      if (start <= last[1]) {
        rawEnd = end;
        continue;
      }
    }
    windows.push([start, start]);
    rawEnd = end;
  }
  close();
  return windows;
}

/**
 * The windows `computeWindows(text, findKeywordHits(text, options))` gives, found without listing
 * every hit: inside a run of windows only the last hit within reach of the current end matters
 * (each hit only moves the end), so it is found with one `lastIndexOf` per keyword over the text
 * not read yet, and the next window's first hit with one `indexOf` per keyword. A line that says
 * hawzu a million times cost a million pushes and comparisons; now it costs a few searches per
 * 10 KB. Used when every keyword is one whose occurrences cannot overlap (then `indexOf` from any
 * position finds exactly the hits the prefilter lists); otherwise this returns undefined and the
 * caller lists the hits. When no keyword is found as written it returns no window: the only hits
 * left are odd casings of "hawzu" (`findOddCasingHits`), which the caller then looks for.
 */
export function computeKeywordWindows(text: string, keywords: readonly string[]): Array<[number, number]> | undefined {
  for (let index = 0; index < keywords.length; index++) if (canOverlapItself(keywords[index]!)) return undefined;
  const search = new KeywordSearch(text, keywords);
  let hit = search.firstFrom(0);
  // No keyword as written: the caller looks for odd casings only (not for these again).
  if (hit === -1) return [];
  const windows: Array<[number, number]> = [];
  let last: [number, number] | undefined;
  let rawEnd = -1;
  // Hits up to here are accounted for.
  let searchedUntil = -1;
  for (;;) {
    // `hit` opens a window (or joins the last one once that is snapped), as in computeWindows.
    const end = Math.min(text.length, hit + WINDOW_AFTER);
    const start = snapStart(text, Math.max(0, hit - WINDOW_BEFORE));
    if (last) last[1] = Math.max(last[1], snapEnd(text, rawEnd));
    if (!last || start > last[1]) {
      last = [start, start];
      windows.push(last);
    }
    rawEnd = end;
    searchedUntil = hit;
    // Extend the run: the last hit in (searchedUntil, reach] moves the end, until none does.
    for (;;) {
      const reach = Math.max(last[1], rawEnd) + WINDOW_BEFORE;
      if (reach <= searchedUntil || searchedUntil >= text.length) break;
      const later = search.lastIn(searchedUntil + 1, reach);
      searchedUntil = reach;
      if (later === -1) break;
      rawEnd = Math.max(rawEnd, Math.min(text.length, later + WINDOW_AFTER));
    }
    hit = search.firstFrom(searchedUntil + 1);
    if (hit === -1) break;
  }
  if (last) last[1] = Math.max(last[1], snapEnd(text, rawEnd));
  return windows;
}

/** True when two occurrences of `word` can overlap ("aba" in "ababa"): then the prefilter's hits skip some. */
function canOverlapItself(word: string): boolean {
  for (let shift = 1; shift < word.length; shift++) if (word.startsWith(word.slice(shift))) return true;
  return word.length === 0;
}

/**
 * Searches for the keywords in one text with positions that only move forward. Each keyword's
 * next occurrence is kept, so a keyword the text lacks (or has only far ahead) is not searched for
 * again at every step.
 */
class KeywordSearch {
  // The first occurrence of each keyword at or after where it was last asked about (Infinity: none).
  readonly #next: number[];
  readonly #from: number[];

  constructor(
    readonly text: string,
    readonly keywords: readonly string[],
  ) {
    this.#next = keywords.map(() => -1);
    this.#from = keywords.map(() => -1);
  }

  #nextFrom(index: number, from: number): number {
    if (from > this.#from[index]! && this.#next[index]! < from) {
      const at = this.text.indexOf(this.keywords[index]!, from);
      this.#next[index] = at === -1 ? Infinity : at;
      this.#from[index] = from;
    }
    return this.#next[index]!;
  }

  /** The first start of any keyword at or after `from`, or -1. */
  firstFrom(from: number): number {
    let first = Infinity;
    for (let index = 0; index < this.keywords.length; index++) first = Math.min(first, this.#nextFrom(index, from));
    return first === Infinity ? -1 : first;
  }

  /** The last start of any keyword in [from, to] (a keyword may run past `to`), or -1. */
  lastIn(from: number, to: number): number {
    let last = -1;
    for (let index = 0; index < this.keywords.length; index++) {
      if (this.#nextFrom(index, from) > to) continue;
      const word = this.keywords[index]!;
      // A slice (no copy) bounds the backward search; it holds at least the occurrence found ahead.
      const at = from + this.text.slice(from, to + word.length).lastIndexOf(word);
      if (at > last) last = at;
    }
    return last;
  }
}

function snapStart(text: string, position: number): number {
  if (position === 0) return 0;
  const newline = text.slice(Math.max(0, position - SNAP_DISTANCE), position + 1).lastIndexOf("\n");
  if (newline !== -1) return Math.max(0, position - SNAP_DISTANCE) + newline + 1;
  let start = position;
  while (start > 0 && position - start < SNAP_DISTANCE && TOKEN_CHARACTER.test(text[start - 1]!)) start--;
  return start;
}

function snapEnd(text: string, position: number): number {
  if (position >= text.length) return text.length;
  const newline = text.slice(position, position + SNAP_DISTANCE + 1).indexOf("\n");
  if (newline !== -1) return position + newline;
  let end = position;
  while (end < text.length && end - position < SNAP_DISTANCE && TOKEN_CHARACTER.test(text[end]!)) end++;
  return end;
}
