import { readSync } from "node:fs";
import { SNIFF_BYTES, sniffKind } from "../sources/sniff-kind.js";
import { withOpenFile } from "../sources/with-open-file.js";

/**
 * `read(fd)` on the file at `path` when its first bytes are plain text, the only kind that is
 * split or sampled: undefined when it is not, or cannot be opened or read (the scan that follows
 * names such a file). The descriptor is closed afterwards; O_NONBLOCK, so a FIFO cannot hang it.
 */
export function withPlainText<T>(path: string, read: (fd: number) => T | undefined): T | undefined {
  return withOpenFile(path, (fd) => {
    const head = Buffer.allocUnsafe(SNIFF_BYTES);
    if (sniffKind(head.subarray(0, readSync(fd, head, 0, head.length, 0))) !== "text") return undefined;
    return read(fd);
  });
}
