import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { scanContent } from "../scan/scan-content.js";
import { DecodeError } from "./decode-error.js";
import { decompress } from "./decompress.js";
import { checkDecompression, DecompressionLimitError } from "./limit-decompression.js";
import type { Codec } from "./sniff-kind.js";

/**
 * A compressed stream (`app.log.3.gz`, `rotated.1` holding zstd, the outer layer of `.tar.xz`):
 * decoded as a stream within the size and ratio limits, its content sniffed again (a tar, a log,
 * another codec). A truncated or corrupt stream is reported; what came before the damage is still
 * scanned. A codec layer adds no member segment: it wraps one stream, it is not an archive of files.
 */
export async function scanCompressed(codec: Codec, source: AsyncIterable<Buffer>, location: InputLocation, name: string, depth: number, context: ScanContext): Promise<void> {
  let compressed = 0;
  let decompressed = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      compressed += chunk.length;
      yield chunk;
    }
  }
  async function* output(): AsyncGenerator<Buffer> {
    for await (const chunk of decompress(codec, counted())) {
      decompressed += chunk.length;
      checkDecompression(context, compressed, decompressed, chunk.length);
      yield chunk;
    }
  }
  try {
    await scanContent(output(), location, stripCodecExtension(name), depth, context);
  } catch (error) {
    if (error instanceof DecompressionLimitError) context.sink.error(errorAt(location, error.message));
    else if (error instanceof DecodeError) context.sink.error(errorAt(location, messages.undecodable(error.codec, error.truncated, decompressed)));
    else throw error;
  }
}

/** The name of what a compressed file holds: `app.log.3.gz` -> `app.log.3`, `logs.tgz` -> `logs.tar`. */
export function stripCodecExtension(name: string): string {
  if (/\.(tgz|tzst|txz|tbz2?)$/i.test(name)) return name.replace(/\.t[a-z0-9]+$/i, ".tar");
  return name.replace(/\.(gz|gzip|zst|zstd|xz|bz2|bzip2)$/i, "");
}
