// Encoders for test fixtures, so tokens are planted at run time in every codec: gzip from zlib,
// bzip2 from compressjs, and zstd and xz written by hand in their "stored" forms (raw and RLE
// blocks, uncompressed LZMA2 chunks), which are valid streams any decoder must read. Real compressed
// blocks come from the committed fixtures in ../fixtures/codecs, appended to with these.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { crc32, gzipSync } from "node:zlib";

export type TestCodec = "gzip" | "zstd" | "xz" | "bzip2";
export const CODECS: readonly TestCodec[] = ["gzip", "zstd", "xz", "bzip2"];
export const EXTENSION: Record<TestCodec, string> = { gzip: "gz", zstd: "zst", xz: "xz", bzip2: "bz2" };

const FIXTURES = new URL("../fixtures/codecs/", import.meta.url);

/** A committed fixture (see its README): `plain.log.xz`, `bomb.zst`, ... */
export function codecFixture(name: string): Buffer {
  if (name.startsWith("bomb.")) return Buffer.from(readFileSync(new URL(`${name}.b64`, FIXTURES), "latin1"), "base64");
  return readFileSync(new URL(name, FIXTURES));
}

/** `data` compressed with `codec`, as one stream (one member, frame, stream). */
export function compress(codec: TestCodec, data: string | Buffer): Buffer {
  const bytes = Buffer.from(data);
  if (codec === "gzip") return gzipSync(bytes);
  if (codec === "zstd") return zstdFrame(bytes);
  if (codec === "xz") return xzStream(bytes);
  return bzip2(bytes);
}

/** The committed log compressed for real by the reference tool (zlib for gzip); it holds no token. */
export function realLog(codec: TestCodec): Buffer {
  return codec === "gzip" ? gzipSync(realLogText()) : codecFixture(`plain.log.${EXTENSION[codec]}`);
}

/** The committed real-compressed log followed by `data` in a second stream: one stream to a reader. */
export function compressAfterRealLog(codec: TestCodec, data: string | Buffer): Buffer {
  return Buffer.concat([realLog(codec), compress(codec, data)]);
}

/** Lines in the committed `plain.log.*` fixtures, for line numbers after them. */
export const REAL_LOG_LINES = 543;

/** The text of the `plain.log.*` fixtures, as generated for them. */
export function realLogText(): string {
  let text = "";
  for (let index = 0; text.length < 48 * 1024; index++) {
    text += `2026-11-28T09:00:${String(index % 60).padStart(2, "0")}Z INFO svc=orders req=${(index * 7919) % 100000} path=/api/v1/items/${(index * 31) % 977} status=${index % 17 ? 200 : 503} took=${index % 97}ms\n`;
  }
  return text;
}

/** A zstd frame (RFC 8878) of raw blocks, 128 KiB window, no checksum. */
export function zstdFrame(data: Buffer): Buffer {
  const parts = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
  const size = 128 * 1024;
  for (let start = 0; start < data.length || start === 0; start += size) {
    const block = data.subarray(start, start + size);
    const last = start + size >= data.length ? 1 : 0;
    parts.push(blockHeader(last, 0, block.length), block);
    if (data.length === 0) break;
  }
  return Buffer.concat(parts);
}

/** A zstd frame of RLE blocks: `size` copies of `byte` in a few bytes (a zstd bomb). */
export function zstdRle(byte: number, size: number): Buffer {
  const parts = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
  const block = 128 * 1024;
  for (let done = 0; done < size; done += block) {
    const length = Math.min(block, size - done);
    parts.push(blockHeader(done + length >= size ? 1 : 0, 1, length), Buffer.from([byte]));
  }
  return Buffer.concat(parts);
}

function blockHeader(last: number, type: number, size: number): Buffer {
  const value = last | (type << 1) | (size << 3);
  return Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);
}

/** An .xz stream (file format 1.0.4) of one block of uncompressed LZMA2 chunks, CRC32 check. */
export function xzStream(data: Buffer): Buffer {
  const le32 = (value: number) => {
    const out = Buffer.alloc(4);
    out.writeUInt32LE(value >>> 0);
    return out;
  };
  const header = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00, 0x01]);
  const streamHeader = Buffer.concat([header, le32(crc32(header.subarray(6, 8)))]);
  // Block header: size byte ((12 / 4) - 1), flags (one filter, no sizes), LZMA2 (0x21), one
  // property byte (dictionary 4 KiB), padding, CRC32.
  const blockHead = Buffer.from([0x02, 0x00, 0x21, 0x01, 0x00, 0x00, 0x00, 0x00]);
  const blockHeader = Buffer.concat([blockHead, le32(crc32(blockHead))]);
  const chunks: Buffer[] = [];
  for (let start = 0; start < data.length; start += 65536) {
    const chunk = data.subarray(start, start + 65536);
    chunks.push(Buffer.from([start === 0 ? 0x01 : 0x02, (chunk.length - 1) >> 8, (chunk.length - 1) & 0xff]), chunk);
  }
  chunks.push(Buffer.from([0x00]));
  const compressed = Buffer.concat(chunks);
  const padding = Buffer.alloc((4 - (compressed.length % 4)) % 4);
  const check = le32(crc32(data));
  const unpaddedSize = blockHeader.length + compressed.length + check.length;
  const indexBody = Buffer.concat([Buffer.from([0x00]), varint(1), varint(unpaddedSize), varint(data.length)]);
  const indexPadded = Buffer.concat([indexBody, Buffer.alloc((4 - (indexBody.length % 4)) % 4)]);
  const index = Buffer.concat([indexPadded, le32(crc32(indexPadded))]);
  const footerBody = Buffer.concat([le32(index.length / 4 - 1), Buffer.from([0x00, 0x01])]);
  const footer = Buffer.concat([le32(crc32(footerBody)), footerBody, Buffer.from([0x59, 0x5a])]);
  return Buffer.concat([streamHeader, blockHeader, compressed, padding, check, index, footer]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  while (value >= 0x80) {
    bytes.push((value & 0x7f) | 0x80);
    value = Math.floor(value / 128);
  }
  bytes.push(value);
  return Buffer.from(bytes);
}

/** bzip2 by compressjs (slow on big or repetitive input: keep fixtures to a few KB). */
export function bzip2(data: Buffer): Buffer {
  const compressjs = createRequire(import.meta.url)("compressjs") as { Bzip2: { compressFile(input: Buffer): Uint8Array } };
  return Buffer.from(compressjs.Bzip2.compressFile(data));
}

/** The first `fraction` of a compressed stream: truncated as a partial download is. */
export function truncate(data: Buffer, fraction = 0.6): Buffer {
  return data.subarray(0, Math.max(12, Math.floor(data.length * fraction)));
}

/** The stream with bytes flipped near its start, in its first block's headers: corrupt. */
export function corrupt(data: Buffer): Buffer {
  const out = Buffer.from(data);
  for (let at = 12; at < 28; at++) out[at] = out[at]! ^ 0xa5;
  return out;
}
