import { isUtf8 } from "node:buffer";

/** A compression that wraps one stream, decoded by `decompress`. */
export type Codec = "gzip" | "zstd" | "xz" | "bzip2";

/** A format we recognise but do not decode: named "not scanned", never passed as text or binary. */
export type UndecodedFormat = "7z" | "rar" | "lz4" | "lzip" | "compress" | "lzma" | "utf32";

/** What the first bytes of an input say it is. */
export type ContentKind = Codec | "zip" | "tar" | UndecodedFormat | "utf16le" | "utf16be" | "binary" | "text";

// Any byte that plain ASCII text (with tabs, line ends and ANSI escapes) does not hold.
const NOT_PLAIN_TEXT = /[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\xff]/;

/** Text the scanner reads as it is (UTF-8) or decodes first (UTF-16). */
export function isTextKind(kind: ContentKind): kind is "text" | "utf16le" | "utf16be" {
  return kind === "text" || kind === "utf16le" || kind === "utf16be";
}

/** Bytes to look at before deciding (a tar header's magic sits at offset 257). */
export const SNIFF_BYTES = 8000;

/** Bytes that suffice to recognise every codec's magic number (bzip2's, with its first block's, is 10). */
export const CODEC_MAGIC_BYTES = 10;

// Magic numbers, from each format's specification: RFC 1952 (gzip), RFC 8878 (zstd frame and
// skippable frames), the .xz file format 1.0.4, bzip2's "BZh" + block size digit, APPNOTE (zip),
// POSIX ustar, 7-Zip's 7zFormat.txt, RAR 4/5, the LZ4 frame format, lzip, compress(1) (.Z).
const MAGIC: ReadonlyArray<[ContentKind, number[]]> = [
  ["gzip", [0x1f, 0x8b]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ["rar", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ["lz4", [0x04, 0x22, 0x4d, 0x18]],
  ["lzip", [0x4c, 0x5a, 0x49, 0x50]],
  ["compress", [0x1f, 0x9d]],
];

/**
 * Decides by content, never by name: magic numbers first (codecs, archives), then UTF-16 by its
 * byte-order mark, then text versus binary (see `looksBinary`).
 */
export function sniffKind(head: Buffer): ContentKind {
  for (const [kind, magic] of MAGIC) if (startsWith(head, magic)) return kind;
  // zstd skippable frames (0x184D2A50..5F) may open a zstd stream (pzstd and seekable zstd write them).
  if (head.length >= 4 && (head[0]! & 0xf0) === 0x50 && head[1] === 0x2a && head[2] === 0x4d && head[3] === 0x18) return "zstd";
  // "BZh" then the block size digit 1-9 then a block's or the end's magic (pi or sqrt(pi)).
  if (head.length >= 10 && head.toString("latin1", 0, 3) === "BZh" && head[3]! >= 0x31 && head[3]! <= 0x39) {
    const next = head.toString("hex", 4, 10);
    if (next === "314159265359" || next === "177245385090") return "bzip2";
  }
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5) && (head[3] === 4 || head[3] === 6)) return "zip";
  if (head.length >= 262 && head.toString("latin1", 257, 262) === "ustar") return "tar";
  // The .lzma (LZMA-alone) header has no magic; its usual properties byte 0x5D and a dictionary size
  // of a power of two are what `file` and xz use to recognise it.
  if (head.length >= 13 && head[0] === 0x5d && head[1] === 0x00 && head[2] === 0x00 && (head[3] === 0x80 || head[3] === 0x00 || head[3] === 0x01 || head[3] === 0x02 || head[3] === 0x04 || head[3] === 0x08 || head[3] === 0x10 || head[3] === 0x20 || head[3] === 0x40)) {
    if (looksBinary(head.subarray(13))) return "lzma";
  }
  // UTF-32 before UTF-16: its little-endian mark starts with UTF-16's (FF FE), and read as UTF-16
  // its text would become letters between NULs, where no key is seen: a quiet "clean".
  if (head.length >= 4 && head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) return "utf32";
  if (head.length >= 4 && head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff) return "utf32";
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "utf16le";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "utf16be";
  const sample = head.subarray(0, SNIFF_BYTES);
  // Unmarked UTF-16 and UTF-32 are full of NULs: a sample with none (most text) skips both byte loops.
  if (sample.includes(0)) {
    if (utf32WithoutMark(sample)) return "utf32";
    const unmarked = utf16WithoutMark(sample);
    if (unmarked) return unmarked;
  }
  return looksBinary(sample) ? "binary" : "text";
}

/**
 * Binary = mostly control characters, or mostly bytes that are not UTF-8, among the bytes that are
 * not NUL. NUL bytes alone do not make text binary: logrotate's copytruncate leaves NUL padding at
 * the start of a log, container runtimes write NULs into logs, /proc environ files separate with NUL
 * (git's test, a NUL in the first 8000 bytes, would skip them all).
 */
export function looksBinary(sample: Buffer): boolean {
  // Most files are plain ASCII text: one native regular expression test says so, no byte loop.
  if (!NOT_PLAIN_TEXT.test(sample.toString("latin1"))) return false;
  let nul = 0;
  let control = 0;
  let high = 0;
  for (const byte of sample) {
    if (byte === 0) nul++;
    else if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27) || byte === 127) control++;
    else if (byte >= 0x80) high++;
  }
  const rest = sample.length - nul;
  if (rest === 0) return false;
  if (control / rest > 0.1) return true;
  // Text in UTF-8 or a Latin-1 code page has some high bytes; machine code and images are full of them.
  return high / rest > 0.3 && !isMostlyUtf8(sample);
}

/**
 * UTF-16 without a byte-order mark, as some Windows tools write it: ASCII text then has a NUL in
 * every other byte, on one side only. Blanking those NULs would space the text out and hide a token.
 */
function utf16WithoutMark(sample: Buffer): "utf16le" | "utf16be" | undefined {
  if (sample.length < 16) return undefined;
  let even = 0;
  let odd = 0;
  for (let index = 0; index + 1 < sample.length; index += 2) {
    if (sample[index] === 0) even++;
    if (sample[index + 1] === 0) odd++;
  }
  const pairs = Math.floor(sample.length / 2);
  if (odd > pairs * 0.4 && even < pairs * 0.05) return "utf16le";
  if (even > pairs * 0.4 && odd < pairs * 0.05) return "utf16be";
  return undefined;
}

/** UTF-32 without a mark: ASCII text then has three NULs in every four bytes, the same three. */
function utf32WithoutMark(sample: Buffer): boolean {
  if (sample.length < 32) return false;
  const zeros = [0, 0, 0, 0];
  const quads = Math.floor(sample.length / 4);
  for (let index = 0; index < quads * 4; index++) if (sample[index] === 0) zeros[index % 4]!++;
  const nul = (lane: number) => zeros[lane]! > quads * 0.95;
  const text = (lane: number) => zeros[lane]! < quads * 0.05;
  return (text(0) && nul(1) && nul(2) && nul(3)) || (nul(0) && nul(1) && nul(2) && text(3));
}

function isMostlyUtf8(sample: Buffer): boolean {
  // Cut at the last character boundary the sample may have split, then ask Node's validator.
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((byte & 0x80) === 0) break;
  }
  return isUtf8(sample.subarray(0, end));
}

function startsWith(head: Buffer, magic: readonly number[]): boolean {
  if (head.length < magic.length) return false;
  for (let index = 0; index < magic.length; index++) if (head[index] !== magic[index]) return false;
  return true;
}
