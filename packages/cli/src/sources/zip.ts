import type { Entry, ZipFile } from "yauzl";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { inMember, scanContent } from "../scan/scan-content.js";
import { checkDecompression, DecompressionLimitError } from "./limit-decompression.js";

// A zip needs random access, so one found inside another archive is held in memory; above this it
// is reported instead, which keeps memory bounded.
const LARGEST_NESTED_ZIP = 64 * 1024 * 1024;

// We never extract, so a member named `../x` or `/etc/x` is scanned and named as it is: yauzl checks
// names (for extracting) only while decoding them, and would call the whole archive corrupt, so we
// decode them ourselves (`entryName`). Library error texts are never shown: they can quote an entry
// name, which belongs in `member`.
const ZIP_OPTIONS = { lazyEntries: true, decodeStrings: false } as const;

/** A zip file on disk (`.zip`, `.jar`): each member is scanned as a stream. */
export async function scanZipFile(path: string, location: InputLocation, depth: number, context: ScanContext): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await (await loadYauzl()).openPromise(path, { ...ZIP_OPTIONS, autoClose: true });
  } catch (error) {
    context.sink.error(errorAt(location, messages.corruptArchive("zip")));
    return;
  }
  await scanZipEntries(zip, location, depth, context);
}

/** A zip found inside another archive: read into memory (bounded), then scanned like a file. */
export async function scanZipBuffer(source: AsyncIterable<Buffer>, location: InputLocation, depth: number, context: ScanContext): Promise<void> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of source) {
    length += chunk.length;
    if (length > LARGEST_NESTED_ZIP) {
      context.sink.error(errorAt(location, messages.nestedZipTooBig(LARGEST_NESTED_ZIP)));
      return;
    }
    chunks.push(chunk);
  }
  let zip: ZipFile;
  try {
    zip = await (await loadYauzl()).fromBufferPromise(Buffer.concat(chunks), ZIP_OPTIONS);
  } catch (error) {
    context.sink.error(errorAt(location, messages.corruptArchive("zip")));
    return;
  }
  await scanZipEntries(zip, location, depth, context);
}

async function scanZipEntries(zip: ZipFile, location: InputLocation, depth: number, context: ScanContext): Promise<void> {
  const { maxBytes, maxRatio } = context.settings.limits;
  const yauzl = await loadYauzl();
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileName as unknown as Buffer, entry.extraFields, false);
      if (name.endsWith("/")) continue;
      const member = inMember(location, name);
      if (entry.isEncrypted()) {
        context.sink.error(errorAt(member, messages.encryptedZipMember));
        continue;
      }
      if (!entry.canDecodeFileData()) {
        context.sink.error(errorAt(member, messages.unsupportedZipMember(entry.compressionMethod)));
        continue;
      }
      // The sizes in the central directory are checked by yauzl against the data as it streams.
      if (context.budget.decompressed + entry.uncompressedSize > maxBytes) {
        context.sink.error(errorAt(member, messages.tooBig(maxBytes)));
        continue;
      }
      if (entry.uncompressedSize > 64 * 1024 * 1024 && entry.uncompressedSize > Math.max(1, entry.compressedSize) * maxRatio) {
        context.sink.error(errorAt(member, messages.tooCompressed(maxRatio)));
        continue;
      }
      try {
        await scanMember(zip, entry, member, name, depth, context);
      } catch (error) {
        if (error instanceof DecompressionLimitError) context.sink.error(errorAt(member, error.message));
        else context.sink.error(errorAt(member, messages.corruptArchive("zip")));
      }
    }
  } catch (error) {
    context.sink.error(errorAt(location, messages.corruptArchive("zip")));
  } finally {
    zip.close();
  }
}

async function scanMember(zip: ZipFile, entry: Entry, member: InputLocation, name: string, depth: number, context: ScanContext): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  let decompressed = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decompressed += chunk.length;
      checkDecompression(context, entry.compressedSize, decompressed, chunk.length);
      yield chunk;
    }
  }
  try {
    await scanContent(counted(), member, name, depth, context);
  } finally {
    stream.destroy();
  }
}

/** Loaded on first use: most scans meet no zip, and startup time counts on every CI run. */
async function loadYauzl() {
  return (await import("yauzl")).default;
}
