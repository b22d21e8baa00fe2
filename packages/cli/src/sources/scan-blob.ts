import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { scanInput } from "../scan/scan-input.js";
import type { ContentKind } from "./sniff-kind.js";

/**
 * Scans a blob held whole in memory (a staged file, a file as a commit left it) whose kind was
 * sniffed from its first bytes: text straight from the bytes, anything else (UTF-16, binary,
 * compressed, archives) the way a file on disk is read.
 */
export async function scanBlob(kind: ContentKind, content: Buffer, location: InputLocation, name: string, context: ScanContext): Promise<void> {
  if (kind === "text") await scanInput({ location, corePath: name, bytes: content }, context);
  else {
    // Rare in a commit: the readers of the other kinds (zlib, zstd, tar, zip) load only then, so a
    // pre-commit hook's start does not pay for them.
    const { scanKind } = await import("../scan/scan-content.js");
    await scanKind(kind, single(content), location, name, 0, context);
  }
}

async function* single(content: Buffer): AsyncGenerator<Buffer> {
  yield content;
}
