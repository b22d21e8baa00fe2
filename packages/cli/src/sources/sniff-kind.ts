/** What the first bytes of an input say it is. */
export type ContentKind = "gzip" | "zip" | "tar" | "binary" | "text";

const CONTROL = /[\x00-\x08\x0e-\x1f\x7f]/;

/** Bytes to look at before deciding (a tar header's magic sits at offset 257). */
export const SNIFF_BYTES = 8000;

/**
 * Decides by content, not by extension: archive magic numbers, then binary = a NUL byte in the
 * first 8000 bytes (git's own test) or mostly control characters.
 */
export function sniffKind(head: Buffer): ContentKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return "zip";
  if (head.length >= 262 && head.toString("latin1", 257, 262) === "ustar") return "tar";
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return "binary";
  // Most files hold no control character at all: one native regular expression test says so.
  if (!CONTROL.test(sample.toString("latin1"))) return "text";
  let control = 0;
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32) || byte === 127) control++;
  return sample.length > 0 && control / sample.length > 0.1 ? "binary" : "text";
}
