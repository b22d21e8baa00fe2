import { messages } from "../messages.js";
import { scanCompressed } from "../sources/compressed.js";
import { isCodec } from "../sources/decompress.js";
import { peek } from "../sources/peek.js";
import { isTextKind, SNIFF_BYTES, sniffKind, type ContentKind } from "../sources/sniff-kind.js";
import { scanTar } from "../sources/tar.js";
import { scanZipBuffer } from "../sources/zip.js";
import { errorAt } from "./error-at.js";
import type { InputLocation, ScanContext } from "./scan-context.js";
import { scanInput } from "./scan-input.js";

/**
 * Scans a byte stream whose kind is not known yet (an archive member, a decompressed stream):
 * sniffs it, decodes and opens archives up to the depth limit, scans text (UTF-16 decoded) and
 * the text in binaries (counted). `name` is the member's own name, told to the core; `depth` counts the
 * archive layers around it.
 */
export async function scanContent(source: AsyncIterable<Buffer>, location: InputLocation, name: string, depth: number, context: ScanContext): Promise<void> {
  const { head, stream } = await peek(source, SNIFF_BYTES);
  await scanKind(sniffKind(head), stream, location, name, depth, context);
}

/** Scans a stream whose kind was sniffed from its first bytes (`stream` still starts with them). */
export async function scanKind(kind: ContentKind, stream: AsyncIterable<Buffer>, location: InputLocation, name: string, depth: number, context: ScanContext): Promise<void> {
  if (kind === "binary") {
    // A token in a binary (a SQLite database, a compiled file, a core dump) is still ASCII: the
    // bytes are scanned like text (most hold no keyword and are never decoded), never skipped.
    context.sink.binary?.(location);
    await scanInput({ location, corePath: name, stream, binary: true }, context);
    return;
  }
  if (isTextKind(kind)) {
    await scanInput({ location, corePath: name, stream, ...(kind === "text" ? {} : { encoding: kind }) }, context);
    return;
  }
  if (kind !== "zip" && kind !== "tar" && !isCodec(kind)) {
    context.sink.error(errorAt(location, messages.notDecoded(kind)));
    return;
  }
  if (depth >= context.settings.limits.maxDepth) {
    context.sink.error(errorAt(location, messages.tooDeep(context.settings.limits.maxDepth)));
    return;
  }
  if (kind === "tar") await scanTar(stream, location, depth + 1, context);
  else if (kind === "zip") await scanZipBuffer(stream, location, depth + 1, context);
  else await scanCompressed(kind, stream, location, name, depth + 1, context);
}

/** `location` with one more archive member segment. */
export function inMember(location: InputLocation, member: string): InputLocation {
  return { ...location, member: location.member ? `${location.member}!/${member}` : member };
}

