/**
 * Where any of `words` (lower case) starts in `lower` (a text lower-cased without changing its
 * length), sorted. `indexOf` is a plain substring search, many times faster than a case-insensitive
 * regex that must try every position; callers confirm each start with their own sticky regex.
 */
export function findWordStarts(lower: string, words: readonly string[]): number[] {
  const starts: number[] = [];
  for (const word of words) {
    for (let index = lower.indexOf(word); index !== -1; index = lower.indexOf(word, index + 1)) starts.push(index);
  }
  return words.length > 1 ? starts.sort((a, b) => a - b) : starts;
}
