import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import { Decompress } from "fzstd";
import { DecodeError } from "./decode-error.js";

// Compressed bytes handed to the decoder at a time: whatever one slice decodes to is held until it
// is scanned, so small slices bound memory even at a high (allowed) compression ratio.
const SLICE = 64 * 1024;

type Hasher = { update(bytes: Uint8Array): Hasher; digest(): bigint };
let createHasher: Promise<(seed?: bigint) => Hasher> | undefined;

// Node 22.15+ and 24 have zstd in zlib: 5 to 10 times fzstd's speed. Its stream decodes only the
// first frame, and says nothing of a truncated one, so frames are split by `FrameWalker` first.
const createNativeDecoder = (zlib as { createZstdDecompress?: (options: { chunkSize: number }) => NodeJS.ReadWriteStream }).createZstdDecompress;

/**
 * Decodes Zstandard (RFC 8878) as a stream: Node's own decoder where there is one, else fzstd. Several
 * frames one after another are one stream, as `zstd -d` does; a truncated or damaged stream throws a
 * `DecodeError` after what was decoded before the damage.
 */
export function unzstd(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  return createNativeDecoder && process.env.HAWZU_SCAN_ZSTD !== "fzstd" ? unzstdNative(source, createNativeDecoder) : unzstdJs(source);
}

async function* unzstdNative(source: AsyncIterable<Buffer>, create: NonNullable<typeof createNativeDecoder>): AsyncGenerator<Buffer> {
  const walker = new FrameWalker();
  const iterator = source[Symbol.asyncIterator]();
  // Input bytes already walked, waiting for the next frame's decoder; with where frames end in them.
  let held: { bytes: Buffer; ends: number[] } | undefined;
  let inputDone = false;
  let sawInput = false;
  // Bytes handed to the current frame's decoder: Node 24's decoder fails on an empty input, which the
  // last round (input ended right at a frame end) gives it.
  let frameBytes = 0;
  async function* oneFrame(): AsyncGenerator<Buffer> {
    for (;;) {
      let piece = held;
      held = undefined;
      if (!piece) {
        const next = await iterator.next();
        if (next.done) {
          inputDone = true;
          return;
        }
        sawInput ||= next.value.length > 0;
        piece = { bytes: next.value, ends: walker.walk(next.value).map((end) => end.at) };
        if (walker.broken) throw new DecodeError("zstd", false);
      }
      const end = piece.ends[0];
      if (end === undefined) {
        frameBytes += piece.bytes.length;
        yield piece.bytes;
        continue;
      }
      // The rest belongs to the next frame (and its ends move with it).
      if (end < piece.bytes.length) held = { bytes: piece.bytes.subarray(end), ends: piece.ends.slice(1).map((at) => at - end) };
      else if (piece.ends.length > 1) held = { bytes: Buffer.alloc(0), ends: piece.ends.slice(1).map((at) => at - end) };
      frameBytes += end;
      yield piece.bytes.subarray(0, end);
      return;
    }
  }
  while (!inputDone || held) {
    frameBytes = 0;
    const input = Readable.from(oneFrame(), { objectMode: false, highWaterMark: 256 * 1024 });
    const decoder = create({ chunkSize: 1024 * 1024 });
    input.on("error", (error) => (decoder as unknown as { destroy(error: Error): void }).destroy(error));
    input.pipe(decoder);
    try {
      yield* decoder as AsyncIterable<Buffer>;
    } catch (error) {
      if (error instanceof DecodeError) throw error;
      const code = String((error as { code?: unknown })?.code ?? "");
      if (code.startsWith("ZSTD_error") || code.startsWith("Z_") || code === "ERR_STREAM_PREMATURE_CLOSE") {
        // Nothing was given to this decoder: the stream had simply ended (Node 24 calls that an error).
        if (frameBytes === 0 && inputDone && !held) break;
        // Node 24 reports a frame cut short as Z_BUF_ERROR, where Node 22 ends quietly.
        throw new DecodeError("zstd", inputDone && walker.inside);
      }
      throw error;
    } finally {
      input.destroy();
      (decoder as unknown as { destroy(): void }).destroy();
    }
  }
  if (!sawInput || walker.inside) throw new DecodeError("zstd", true);
}

/**
 * Decodes Zstandard with fzstd (pure JavaScript: Node 20 has no zstd in zlib,
 * and the native bindings download their binaries at install). Several frames one after another are
 * one stream, as `zstd -d` does; skippable frames are skipped. fzstd does not check a frame's content
 * checksum, and damaged compressed data often decodes to garbage without an error, so each frame's
 * checksum (which `zstd` writes by default) is verified here with XXH64: a corrupt file is named.
 */
async function* unzstdJs(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const create64 = await (createHasher ??= import("xxhash-wasm").then(async (module) => (await module.default()).create64));
  const output: Buffer[] = [];
  let ended = false;
  let hasher = create64(0n);
  const decoder = new Decompress((chunk, final) => {
    if (chunk.length > 0) {
      hasher.update(chunk);
      output.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    }
    if (final) ended = true;
  });
  const frames = new FrameWalker();
  let fed = 0;
  let failure: DecodeError | undefined;
  const feed = (bytes: Uint8Array, final: boolean) => {
    try {
      decoder.push(bytes, final);
    } catch (error) {
      // fzstd says "unexpected EOF" when the input stops inside a frame.
      failure ??= new DecodeError("zstd", /EOF/i.test(String((error as Error)?.message)));
    }
  };
  for await (const chunk of source) {
    const ends = frames.walk(chunk);
    if (frames.broken) failure ??= new DecodeError("zstd", false);
    let start = 0;
    while (start < chunk.length && !failure) {
      const frameEnd = ends.find((end) => end.at > start);
      const stop = Math.min(chunk.length, start + SLICE, frameEnd?.at ?? Infinity);
      // fzstd may keep a reference to what it was given: hand it a copy of a reused read buffer.
      feed(Uint8Array.prototype.slice.call(chunk, start, stop), false);
      fed += stop - start;
      start = stop;
      if (frameEnd && stop === frameEnd.at && !failure) {
        // Every block of the frame is complete now, so all its output has been hashed.
        if (frameEnd.checksum !== undefined && Number(hasher.digest() & 0xffffffffn) !== frameEnd.checksum) failure = new DecodeError("zstd", false);
        hasher = create64(0n);
      }
      // What was decoded before a failure is handed on first: findings before the damage count.
      yield* output.splice(0);
    }
    if (failure) throw failure;
  }
  if (fed === 0) throw new DecodeError("zstd", true);
  feed(new Uint8Array(0), true);
  yield* output.splice(0);
  if (failure) throw failure;
  if (!ended || frames.inside) throw new DecodeError("zstd", true);
}

/**
 * Follows the frame layout of a zstd stream from headers and block sizes alone (RFC 8878 3.1), to
 * tell where each frame ends and what content checksum it declares. `walk` takes the next chunk and
 * returns the frames that end inside it (`at`: offset in that chunk, just past the frame).
 */
class FrameWalker {
  broken = false;
  private state: "magic" | "skippable" | "descriptor" | "block" | "checksum" | "skip" = "magic";
  private need = 4;
  private held: number[] = [];
  private skipping = 0;
  private afterSkip: "magic" | "block" | "end" = "magic";
  private hasChecksum = false;

  /** True between a frame's first byte and its last. */
  get inside(): boolean {
    return !(this.state === "magic" && this.held.length === 0);
  }

  walk(chunk: Uint8Array): { at: number; checksum?: number }[] {
    const ends: { at: number; checksum?: number }[] = [];
    let at = 0;
    while (at < chunk.length && !this.broken) {
      if (this.state === "skip") {
        const step = Math.min(this.skipping, chunk.length - at);
        at += step;
        this.skipping -= step;
        if (this.skipping > 0) break;
        if (this.afterSkip === "end") {
          if (this.hasChecksum) this.expect("checksum", 4);
          else {
            ends.push({ at });
            this.expect("magic", 4);
          }
        } else this.expect(this.afterSkip === "magic" ? "magic" : "block", this.afterSkip === "magic" ? 4 : 3);
        continue;
      }
      this.held.push(chunk[at++]!);
      if (this.held.length < this.need) continue;
      const bytes = this.held;
      this.held = [];
      if (this.state === "magic") {
        const magic = (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0;
        if (magic === 0xfd2fb528) this.expect("descriptor", 1);
        else if (magic >>> 4 === 0x184d2a5) this.expect("skippable", 4);
        else this.broken = true;
      } else if (this.state === "skippable") {
        this.skip((bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0, "magic");
      } else if (this.state === "descriptor") {
        const descriptor = bytes[0]!;
        const singleSegment = (descriptor >> 5) & 1;
        this.hasChecksum = ((descriptor >> 2) & 1) === 1;
        const contentSize = [singleSegment, 2, 4, 8][descriptor >> 6]!;
        this.skip((singleSegment ? 0 : 1) + [0, 1, 2, 4][descriptor & 3]! + contentSize, "block");
      } else if (this.state === "block") {
        const header = bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16);
        const type = (header >> 1) & 3;
        if (type === 3) this.broken = true;
        else this.skip(type === 1 ? 1 : header >>> 3, header & 1 ? "end" : "block");
      } else {
        ends.push({ at, checksum: (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0 });
        this.expect("magic", 4);
      }
    }
    return ends;
  }

  private expect(state: "magic" | "skippable" | "descriptor" | "block" | "checksum", bytes: number): void {
    this.state = state;
    this.need = bytes;
  }

  private skip(bytes: number, then: "magic" | "block" | "end"): void {
    this.state = "skip";
    this.skipping = bytes;
    this.afterSkip = then;
  }
}
