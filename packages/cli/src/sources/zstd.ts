import { Decompress } from "fzstd";
import { DecodeError } from "./decode-error.js";

// Compressed bytes handed to the decoder at a time: whatever one slice decodes to is held until it
// is scanned, so small slices bound memory even at a high (allowed) compression ratio.
const SLICE = 64 * 1024;

/**
 * Decodes Zstandard (RFC 8878) as a stream with fzstd (pure JavaScript: Node 20 has no zstd in zlib,
 * and the native bindings download their binaries at install). Several frames one after another are
 * one stream, as `zstd -d` does; skippable frames are skipped.
 */
export async function* unzstd(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const output: Buffer[] = [];
  let ended = false;
  const decoder = new Decompress((chunk, final) => {
    if (chunk.length > 0) output.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    if (final) ended = true;
  });
  let fed = 0;
  let failure: DecodeError | undefined;
  const feed = (bytes: Uint8Array, final: boolean) => {
    try {
      decoder.push(bytes, final);
    } catch (error) {
      // fzstd says "unexpected EOF" when the input stops inside a frame.
      failure = new DecodeError("zstd", /EOF/i.test(String((error as Error)?.message)));
    }
  };
  for await (const chunk of source) {
    for (let start = 0; start < chunk.length; start += SLICE) {
      // fzstd may keep a reference to what it was given: hand it a copy of a reused read buffer.
      feed(Uint8Array.prototype.slice.call(chunk, start, start + SLICE), false);
      fed += Math.min(SLICE, chunk.length - start);
      // What was decoded before a failure is handed on first: findings before the damage count.
      yield* output.splice(0);
      if (failure) throw failure;
    }
  }
  if (fed === 0) throw new DecodeError("zstd", true);
  feed(new Uint8Array(0), true);
  yield* output.splice(0);
  if (failure) throw failure;
  if (!ended) throw new DecodeError("zstd", true);
}
