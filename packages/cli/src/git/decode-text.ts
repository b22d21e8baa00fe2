/** Decodes file content as UTF-8; invalid bytes become U+FFFD, so line numbers stay right. */
export function decodeText(content: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(content);
}
