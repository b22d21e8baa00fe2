// Git's own test: a NUL byte in the first 8000 bytes means binary (xdiff-interface.c, buffer_is_binary).
const SNIFF_BYTES = 8000;

/** True when the content looks binary, the same way git decides it. */
export function isBinary(content: Uint8Array): boolean {
  return content.subarray(0, SNIFF_BYTES).includes(0);
}
