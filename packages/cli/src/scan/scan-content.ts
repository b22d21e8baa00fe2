import { messages } from "../messages.js";
import { scanGzip } from "../sources/gzip.js";
import { peek } from "../sources/peek.js";
import { SNIFF_BYTES, sniffKind } from "../sources/sniff-kind.js";
import { scanTar } from "../sources/tar.js";
import { scanZipBuffer } from "../sources/zip.js";
import { errorAt } from "./error-at.js";
import type { InputLocation, ScanContext } from "./scan-context.js";
import { scanInput } from "./scan-input.js";

/**
 * Scans a byte stream whose kind is not known yet (an archive member, a decompressed stream):
 * sniffs it, opens archives up to the depth limit, skips binaries, scans text.
 * `name` is the member's own name, told to the core; `depth` counts the archive layers around it.
 */
export async function scanContent(source: AsyncIterable<Buffer>, location: InputLocation, name: string, depth: number, context: ScanContext): Promise<void> {
  const { head, stream } = await peek(source, SNIFF_BYTES);
  const kind = sniffKind(head);
  if (kind === "binary") return;
  if (kind === "text") {
    await scanInput({ location, corePath: name, stream }, context);
    return;
  }
  if (depth >= context.settings.limits.maxDepth) {
    context.sink.error(errorAt(location, messages.tooDeep(context.settings.limits.maxDepth)));
    return;
  }
  if (kind === "gzip") await scanGzip(stream, location, name, depth + 1, context);
  else if (kind === "tar") await scanTar(stream, location, depth + 1, context);
  else await scanZipBuffer(stream, location, depth + 1, context);
}

/** `location` with one more archive member segment. */
export function inMember(location: InputLocation, member: string): InputLocation {
  return { ...location, member: location.member ? `${location.member}!/${member}` : member };
}

