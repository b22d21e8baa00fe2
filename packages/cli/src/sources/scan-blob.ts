import { findLfsObject } from "../git/find-lfs-object.js";
import { parseLfsPointer } from "../git/parse-lfs-pointer.js";
import { messages } from "../messages.js";
import { errorAt } from "../scan/error-at.js";
import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { scanInput } from "../scan/scan-input.js";
import type { ContentKind } from "./sniff-kind.js";

/**
 * Scans a blob held whole in memory (a staged file, a file as a commit left it) whose kind was
 * sniffed from its first bytes: text straight from the bytes, anything else (UTF-16, binary,
 * compressed, archives) the way a file on disk is read. In a repository (`root`), a Git LFS
 * pointer is followed to its object in the local store, or named as not scanned: the pointer's
 * own text says nothing of what is committed.
 */
export async function scanBlob(kind: ContentKind, content: Buffer, location: InputLocation, name: string, context: ScanContext, root?: string): Promise<void> {
  const pointer = root !== undefined && kind === "text" ? parseLfsPointer(content) : undefined;
  if (pointer) {
    const object = await findLfsObject(root!, pointer.oid);
    if (!object) {
      context.sink.error(errorAt(location, messages.lfsObjectMissing(pointer.oid)));
      return;
    }
    const { scanFile } = await import("./file.js");
    await scanFile(object.path, location, context);
    if (object.size !== pointer.size) context.sink.error(errorAt(location, messages.lfsObjectSize(pointer.size, object.size)));
    return;
  }
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
