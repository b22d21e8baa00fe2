import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { scanContent } from "../scan/scan-content.js";
import { checkDecompression, DecompressionLimitError } from "./limit-decompression.js";

// Big output chunks: the default 16 KB would cost a JS round trip per 16 KB of log.
const CHUNK_SIZE = 1024 * 1024;

/**
 * A gzip stream (`app.log.3.gz`, the outer layer of `.tar.gz`): decompressed as a stream, with
 * bounded size and ratio; its content is sniffed again (a tar, a log). A truncated or corrupt
 * stream is reported, and what came before the damage is still scanned.
 * A gzip layer adds no member segment: it wraps one stream, it is not an archive of files.
 */
export async function scanGzip(source: AsyncIterable<Buffer>, location: InputLocation, name: string, depth: number, context: ScanContext): Promise<void> {
  let compressed = 0;
  let decompressed = 0;
  const input = Readable.from(
    (async function* () {
      for await (const chunk of source) {
        compressed += chunk.length;
        yield chunk;
      }
    })(),
    // Byte mode with a small buffer: object mode would queue 16 whole chunks ahead of the inflater.
    { objectMode: false, highWaterMark: 256 * 1024 },
  );
  const gunzip = createGunzip({ chunkSize: CHUNK_SIZE });
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  let limitError: DecompressionLimitError | undefined;
  async function* output(): AsyncGenerator<Buffer> {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      decompressed += chunk.length;
      try {
        checkDecompression(context, compressed, decompressed, chunk.length);
      } catch (error) {
        limitError = error as DecompressionLimitError;
        throw error;
      }
      yield chunk;
    }
  }
  try {
    await scanContent(output(), location, stripGzipExtension(name), depth, context);
  } catch (error) {
    if (error instanceof DecompressionLimitError || limitError) {
      context.sink.error(errorAt(location, (limitError ?? error as Error).message));
    } else if (isZlibError(error)) {
      context.sink.error(errorAt(location, messages.truncatedGzip(decompressed)));
    } else {
      throw error;
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && (code.startsWith("Z_") || code === "ERR_STREAM_PREMATURE_CLOSE");
}

/** The name of what a gzip file holds: `app.log.3.gz` -> `app.log.3`, `logs.tgz` -> `logs.tar`. */
export function stripGzipExtension(name: string): string {
  if (/\.tgz$/i.test(name)) return name.slice(0, -4) + ".tar";
  return name.replace(/\.gz(ip)?$/i, "");
}
