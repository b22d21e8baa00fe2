/**
 * A copy of `text` that shares no memory with the string it came from. V8 keeps the parent of a
 * sliced or concatenated string alive, so a finding holding a 40-character slice of an 8 MB block
 * would keep the block: with many findings, memory would grow with the input instead of with them.
 * Only for short strings kept long (findings, tokens); a round trip through UTF-8 bytes flattens.
 */
export function detachString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
