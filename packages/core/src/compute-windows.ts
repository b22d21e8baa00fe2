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
