import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { DecodeError } from "./decode-error.js";

// Big output chunks: the default 16 KB would cost a JS round trip per 16 KB of log.
const CHUNK_SIZE = 1024 * 1024;

/**
 * Decodes gzip (RFC 1952) as a stream; several members one after another (`cat a.gz b.gz`, pigz,
 * bgzip) are decoded as one stream, as gzip -d does.
 */
export async function* gunzip(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  // Byte mode with a small buffer: object mode would queue 16 whole chunks ahead of the inflater.
  const input = Readable.from(source, { objectMode: false, highWaterMark: 256 * 1024 });
  const inflater = createGunzip({ chunkSize: CHUNK_SIZE });
  input.on("error", (error) => inflater.destroy(error));
  input.pipe(inflater);
  try {
    yield* inflater as AsyncIterable<Buffer>;
  } catch (error) {
    const code = (error as { code?: unknown })?.code;
    if (code === "Z_BUF_ERROR" || code === "ERR_STREAM_PREMATURE_CLOSE") throw new DecodeError("gzip", true);
    if (typeof code === "string" && code.startsWith("Z_")) throw new DecodeError("gzip", false);
    throw error;
  } finally {
    input.destroy();
    inflater.destroy();
  }
}
