import { closeSync, constants, openSync, readSync, statSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { describeFailure } from "../describe-failure.js";
import { messages } from "../messages.js";
import { borrowReadBuffers } from "../scan/borrow-read-buffers.js";
import { BLOCK_SIZE } from "../scan/byte-scanner.js";
import { errorAt } from "../scan/error-at.js";
import type { InputLocation, ScanContext } from "../scan/scan-context.js";
import { scanKind } from "../scan/scan-content.js";
import { scanInput } from "../scan/scan-input.js";
import { isTextKind, SNIFF_BYTES, sniffKind } from "./sniff-kind.js";
import { withOpenFile } from "./with-open-file.js";
import { scanZipFile } from "./zip.js";

// Files up to this size are read whole and scanned with findTokens; bigger ones are streamed.
const WHOLE_FILE_LIMIT = 1024 * 1024;
const ARCHIVE_READ_SIZE = 1024 * 1024;
// Below this a file is read whole with synchronous calls (a checkout's files, nearly all).
const SMALL_FILE_LIMIT = 256 * 1024;
// The read buffer of small files, reused by the files a thread reads one after another (a fresh
// buffer per file was most of a checkout scan's garbage). A read while it is lent takes a new one.
let spareSmallBuffer: Buffer | undefined;

/**
 * One file on disk: sniffed by content, never by name (codecs, zip, tar, binary, text, UTF-16),
 * then scanned whole (small),
 * streamed in big blocks (large), or opened as an archive. Any failure to read becomes an error
 * value naming the file; it never throws for bad input.
 */
export async function scanFile(path: string, location: InputLocation, context: ScanContext, options: { expectedSize?: number } = {}): Promise<void> {
  let handle: FileHandle | undefined;
  let smallBuffer: Buffer | undefined;
  try {
    // A small file the walk saw as a regular file of this size (most of a checkout) is read whole,
    // with no second stat: open, one read, close. If it shrank since the walk, what is left is
    // scanned and the cut is named. Anything else (it grew, it is gone or empty, the read failed, it
    // is no longer a regular file) takes the general path, which checks first.
    const expected = options.expectedSize;
    if (expected !== undefined && expected > 0 && expected < SMALL_FILE_LIMIT) {
      smallBuffer = spareSmallBuffer ?? Buffer.allocUnsafe(SMALL_FILE_LIMIT + 1);
      spareSmallBuffer = undefined;
    }
    const known = smallBuffer ? readKnownSmallFile(path, expected!, smallBuffer) : undefined;
    // The one check before the read (where a file that changed since the walk is seen), synchronous:
    // an async stat per file left the thread idle most of a checkout's scan.
    const info = known ? undefined : statSync(path);
    if (info && !info.isFile()) {
      context.sink.error(errorAt(location, messages.notRegularFile(describeKind(info))));
      return;
    }
    const size = info ? info.size : expected!;
    const small = known ?? (expected !== undefined && size < SMALL_FILE_LIMIT ? readSmallFile(path, size) : undefined);
    let first: Buffer;
    let head: Buffer;
    let bytesRead: number;
    if (small) {
      first = head = small;
      bytesRead = first.length;
    } else {
      // O_NONBLOCK: a path swapped for a FIFO after the check must not hang the scan.
      handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
      head = Buffer.allocUnsafe(Math.min(Math.max(size, 1), WHOLE_FILE_LIMIT));
      bytesRead = (await handle.read(head, 0, head.length, 0)).bytesRead;
      first = head.subarray(0, bytesRead);
    }
    const kind = sniffKind(first.subarray(0, SNIFF_BYTES));
    // The core is given the file's own path (whether it is Hawzu-named looks at its folder too,
    // which a path relative to where the scan runs may not show); archives name their members.
    const name = location.file;
    // A binary is read for the text in it, like text (a token in it is still ASCII).
    const binary = kind === "binary";
    if (binary) context.sink.binary?.(location);
    if (kind === "zip") {
      await handle?.close();
      handle = undefined;
      await scanZipFile(path, location, 1, context);
      return;
    }
    const text = isTextKind(kind) || binary;
    const encoding = binary ? { binary } : kind === "text" || !text ? {} : { encoding: kind as "utf16le" | "utf16be" };
    // The head holds the whole file when the file fits the limit (or shrank since stat).
    if (text && (small !== undefined || bytesRead < head.length || (bytesRead === size && size < WHOLE_FILE_LIMIT))) {
      await scanInput({ location, corePath: path, bytes: first, ...encoding }, context);
      // Cut short after stat (a truncated log): what was there is scanned, the rest is named.
      if (bytesRead < size) context.sink.error(errorAt(location, messages.shrank(size, bytesRead)));
      return;
    }
    if (!handle) {
      // A small archive or compressed file read whole: its bytes are the whole stream. Copied out of
      // the reused buffer: a decoder that failed part way may still hold its input after this returns.
      await scanKind(kind, once(known ? Buffer.from(first) : first), location, name, 0, context);
      return;
    }
    if (text) {
      const read = { bytes: 0 };
      await scanInput({ location, corePath: path, stream: countBytes(readChunks(handle, first, true), read), transientChunks: true, ...encoding }, context);
      if (read.bytes < size) context.sink.error(errorAt(location, messages.shrank(size, read.bytes)));
    }
    // Compressed input is consumed by the decoder at its own pace: small fresh reads suffice.
    else await scanKind(kind, readChunks(handle, first, false, ARCHIVE_READ_SIZE), location, name, 0, context);
  } catch (error) {
    context.sink.error(errorAt(location, describeReadError(error)));
  } finally {
    await handle?.close().catch(() => {});
    if (smallBuffer) spareSmallBuffer = smallBuffer;
  }
}

/**
 * A small file of the size the walk saw, whole: one read of one byte more than that size (a regular
 * file's short read is its end), into `into`. Undefined when it gave more (the file grew) or
 * nothing, or failed: the caller then takes the general path, which names what changed.
 */
function readKnownSmallFile(path: string, size: number, into: Buffer): Buffer | undefined {
  return withOpenFile(path, (fd) => {
    const length = readSync(fd, into, 0, size + 1, 0);
    return length > 0 && length <= size ? into.subarray(0, length) : undefined;
  });
}

/**
 * A small regular file, whole, with synchronous calls (open, read, close: no async round trips and
 * no second stat; `size` is the caller's). O_NONBLOCK, so a path swapped for a FIFO cannot hang the
 * read. Undefined when the file grew past `size`: the caller reads it the general way.
 */
function readSmallFile(path: string, size: number): Buffer | undefined {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    // One byte more than the size: a file that grew since is noticed and read the general way.
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) read = readSync(fd, buffer, length, buffer.length - length, length);
    return length > size ? undefined : buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/**
 * The rest of the file in big blocks. With `reuse`, two read buffers take turns: the next block is
 * read while the current one is scanned (the consumer copies what it keeps before asking for more),
 * which keeps memory flat on any file size. Without, each block is fresh.
 */
async function* readChunks(handle: FileHandle, first: Buffer, reuse = false, size = BLOCK_SIZE): AsyncGenerator<Buffer> {
  yield first;
  let position = first.length;
  // The reused pair is the thread's: the next big file reads into the same two buffers.
  const borrowed = reuse ? borrowReadBuffers() : undefined;
  let turn = 0;
  const readNext = () => {
    const buffer = borrowed ? borrowed.buffers[turn++ % 2]! : Buffer.allocUnsafe(size);
    const at = position;
    position += buffer.length;
    return handle.read(buffer, 0, buffer.length, at).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  };
  let next = readNext();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      // Read ahead into the other buffer while this one is being scanned.
      next = readNext();
      // Never leave the read-ahead unobserved: a failure surfaces on the next await.
      next.catch(() => {});
      yield chunk;
    }
  } finally {
    // A read still under way writes into one of the pair: it is given back only once that ended.
    await next.catch(() => {});
    borrowed?.release();
  }
}

async function* countBytes(chunks: AsyncIterable<Buffer>, read: { bytes: number }): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    read.bytes += chunk.length;
    yield chunk;
  }
}

function describeKind(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return "directory";
  if (info.isFIFO()) return "named pipe (FIFO)";
  if (info.isSocket()) return "socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "device";
  return "special file";
}

/** One line for a failed read: the common causes by name, what to do. */
export function describeReadError(error: unknown): string {
  const code = (error as { code?: string })?.code;
  if (code === "ENOENT") return messages.vanished;
  if (code === "EACCES" || code === "EPERM") return messages.unreadable(code);
  if (code === "EISDIR") return messages.notRegularFile("directory");
  // Never the error's own text: a decoder or the core may quote the bytes it was reading.
  return messages.readFailed(code ?? describeFailure(error, {}).label);
}
