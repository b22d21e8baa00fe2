import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { DecodeError } from "./decode-error.js";

// xz-embedded's return codes (xz.h): XZ_MEM_ERROR 3 and up are errors; XZ_DATA_ERROR 7 and
// XZ_BUF_ERROR 8 (no progress possible: the input stopped early) are the two bad inputs.
const XZ_BUF_ERROR = 8;

type XzStreamClass = new (compressed: WebReadableStream<Uint8Array>) => WebReadableStream<Uint8Array>;
let loaded: Promise<XzStreamClass> | undefined;

/**
 * Decodes .xz (the .xz file format 1.0.4; several streams one after another too) as a stream with
 * xz-decompress, xz-embedded compiled to WebAssembly: no native addon, works on every Node version.
 */
export async function* unxz(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const XzReadableStream = await (loaded ??= loadXz());
  const compressed = Readable.toWeb(Readable.from(source, { objectMode: false, highWaterMark: 256 * 1024 })) as WebReadableStream<Uint8Array>;
  const reader = new XzReadableStream(compressed).getReader();
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        const code = Number(/error code (\d+)/.exec(String((error as Error)?.message))?.[1]);
        if (Number.isNaN(code)) throw error;
        throw new DecodeError("xz", code === XZ_BUF_ERROR);
      }
      if (next.done) break;
      if (next.value.length === 0) continue;
      yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.length);
    }
  } finally {
    // Cancelling frees the decoder's memory in the WebAssembly instance when we stop early.
    await reader.cancel().catch(() => {});
  }
}

async function loadXz(): Promise<XzStreamClass> {
  // CommonJS, loaded on first use: most scans meet no xz, and startup time counts on every CI run.
  const module = (await import("xz-decompress")) as unknown as { default?: { XzReadableStream: XzStreamClass }; XzReadableStream?: XzStreamClass };
  const XzReadableStream = (module.XzReadableStream ?? module.default!.XzReadableStream) as XzStreamClass & { _contextMutex?: unknown };
  // xz-decompress 0.2.3 lets one stream at a time hold its decoder, for the whole stream: an .xz
  // inside a .tar.xz would wait forever for its parent. Each stream has its own decoder context in
  // the WebAssembly memory, so they may run nested; the version is pinned for this reason.
  XzReadableStream._contextMutex = { acquire: async () => {}, release: () => {} };
  return XzReadableStream;
}
