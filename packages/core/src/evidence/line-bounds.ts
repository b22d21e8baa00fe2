// Line searches that stop after `reach` characters: on a 10 MB one-line file an unbounded
// lastIndexOf per keyword hit would make the scan quadratic.
const DEFAULT_REACH = 4096;

/** Start of the line holding `position`, or `position - reach` when the line is longer. */
export function lineStartWithin(text: string, position: number, reach = DEFAULT_REACH): number {
  const from = Math.max(0, position - reach);
  const newline = text.slice(from, position).lastIndexOf("\n");
  return newline === -1 ? from : from + newline + 1;
}

/** End of the line holding `position` (its line break), or `position + reach` when longer. */
export function lineEndWithin(text: string, position: number, reach = DEFAULT_REACH): number {
  const to = Math.min(text.length, position + reach);
  const newline = text.slice(position, to).indexOf("\n");
  return newline === -1 ? to : position + newline;
}
