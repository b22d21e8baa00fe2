import { Readable } from "node:stream";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { inMember, scanContent } from "../scan/scan-content.js";
import { DecodeError } from "./decode-error.js";
import { DecompressionLimitError } from "./limit-decompression.js";

/**
 * A tar stream (`.tar`, or the inside of `.tar.gz`): each regular file is scanned as a member,
 * streaming, so a member of any size is fine. A corrupt archive is reported; members before the
 * damage keep their findings.
 */
export async function scanTar(source: AsyncIterable<Buffer>, location: InputLocation, depth: number, context: ScanContext): Promise<void> {
  // Loaded on first use: most scans meet no tar, and startup time counts on every CI run.
  const { extract } = await import("tar-stream");
  const extractor = extract();
  const input = Readable.from(source, { objectMode: false, highWaterMark: 256 * 1024 });
  input.on("error", (error) => extractor.destroy(error));
  input.pipe(extractor);
  try {
    for await (const entry of extractor) {
      const { name, type } = entry.header;
      if (type === "file" || type === "contiguous-file") {
        await scanContent(entry as AsyncIterable<Buffer>, inMember(location, name), baseName(name), depth, context);
      }
      // Whatever the member's scan did not read must be drained before the next header.
      entry.resume();
    }
  } catch (error) {
    // A failure of the stream under the tar (a codec, a limit) belongs to that layer's report.
    if (error instanceof DecompressionLimitError || error instanceof DecodeError) throw error;
    // tar-stream's text is not passed on: it can quote header bytes, and the member is named apart.
    context.sink.error(errorAt(location, messages.corruptArchive("tar")));
  } finally {
    input.destroy();
  }
}

function baseName(path: string): string {
  return path.replace(/\/+$/, "");
}
