import { createReadStream, createWriteStream } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { Readable, type Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { messages } from "../messages.js";
import type { ScanSettings } from "../scan/scan-context.js";
import { stripCodecExtension } from "../sources/compressed.js";
import { peek } from "../sources/peek.js";
import { SNIFF_BYTES, sniffKind } from "../sources/sniff-kind.js";
import type { MaskValues } from "./mask-values.js";
import { RedactRefusal } from "./RedactRefusal.js";
import { codecForKind, type RedactCodec } from "./redact-codecs.js";
import { watchTokens, type SeenToken } from "./watch-tokens.js";

/** What one rewriting pass needs and what it learns. */
export interface RewriteContext {
  values: MaskValues;
  core: ScanSettings["core"];
  /** A private folder for members being rewritten (tar needs each member's size before its bytes). */
  tempDir: string;
  /** Tokens the re-scan of the written text still found: the next pass masks them too. */
  missed: SeenToken[];
  /** Occurrences masked. */
  masked: number;
}

let spoolCount = 0;

/**
 * The masked copy of a byte stream of any kind, in the same kind: text is masked (and re-scanned
 * as it is written), a compressed stream is decoded, rewritten and encoded again with its codec,
 * tar and zip members are rewritten one by one into a new archive. Binary content is masked with
 * masks of the same length, so nothing in it moves. `where` names the input in messages.
 */
export async function rewriteContent(source: AsyncIterable<Buffer>, name: string, where: string, context: RewriteContext): Promise<AsyncIterable<Buffer>> {
  const { head, stream } = await peek(source, SNIFF_BYTES);
  const kind = sniffKind(head);
  if (kind === "text") return maskText(stream, name, context);
  if (kind === "binary") return maskText(stream, name, context, context.values.sameLengthClone());
  if (kind === "tar") return rewriteTar(stream, where, context);
  if (kind === "zip") return rewriteZipFile(await spool(stream, context.tempDir), where, context);
  const codec = codecForKind(kind);
  if (!codec?.encode) throw new RedactRefusal(`${where}: ${messages.redactCannotDecode(kind)}`);
  return encode(codec, await rewriteContent(decode(codec, stream), stripCodecExtension(name), where, context));
}

/** Text with every known value masked; what is written is scanned again, and any token it still holds is noted. */
async function* maskText(source: AsyncIterable<Buffer>, name: string, context: RewriteContext, masker = context.values.clone()): AsyncGenerator<Buffer> {
  const rescan = watchTokens({ ...context.core, path: name }, (seen) => context.missed.push(seen));
  try {
    for await (const chunk of source) {
      const out = masker.push(chunk);
      if (out.length === 0) continue;
      rescan.push(out);
      yield out;
    }
    const out = masker.end();
    rescan.push(out);
    yield out;
  } finally {
    rescan.end();
    context.masked += masker.masked;
  }
}

export function decode(codec: RedactCodec, source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  return through(source, codec.decode());
}

export function encode(codec: RedactCodec, source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  if (!codec.encode) throw new RedactRefusal(`redact cannot write ${codec.label}`);
  return through(source, codec.encode());
}

function through(source: AsyncIterable<Buffer>, transform: Transform): AsyncIterable<Buffer> {
  const input = Readable.from(source, { objectMode: false, highWaterMark: 256 * 1024 });
  input.on("error", (error) => transform.destroy(error));
  return input.pipe(transform);
}

/** A tar with each regular member rewritten; other entries (folders, links) are kept as they are. */
async function rewriteTar(source: AsyncIterable<Buffer>, where: string, context: RewriteContext): Promise<AsyncIterable<Buffer>> {
  const { extract, pack } = await import("tar-stream");
  const extractor = extract();
  const packer = pack();
  const input = Readable.from(source, { objectMode: false, highWaterMark: 256 * 1024 });
  input.on("error", (error) => extractor.destroy(error));
  input.pipe(extractor);
  const copy = async () => {
    for await (const entry of extractor) {
      const header = { ...entry.header };
      if (header.type === "file" || header.type === "contiguous-file") {
        const member = `${where}!/${header.name}`;
        const rewritten = await spool(await rewriteContent(entry as AsyncIterable<Buffer>, header.name.replace(/\/+$/, ""), member, context), context.tempDir);
        const size = (await stat(rewritten)).size;
        await new Promise<void>((resolve, reject) => {
          const sink = packer.entry({ ...header, size }, (error) => (error ? reject(error) : resolve()));
          createReadStream(rewritten).on("error", reject).pipe(sink);
        });
      } else {
        await new Promise<void>((resolve, reject) => packer.entry({ ...header, size: 0 }, (error) => (error ? reject(error) : resolve())));
      }
      entry.resume();
    }
    packer.finalize();
  };
  copy().catch((error: unknown) => packer.destroy(error as Error));
  return packer as AsyncIterable<Buffer>;
}

/** A zip on disk with each file member rewritten, keeping names, dates, modes and stored/deflated. */
export async function rewriteZipFile(path: string, where: string, context: RewriteContext): Promise<AsyncIterable<Buffer>> {
  const yauzl = (await import("yauzl")).default;
  const { ZipFile } = (await import("yazl")).default;
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true });
  const out = new ZipFile();
  const copy = async () => {
    try {
      for await (const entry of readEntries(zip, where)) {
        const mode = entry.externalFileAttributes >>> 16;
        const options = { mtime: entry.getLastModDate(), ...(mode === 0 ? {} : { mode }) };
        const member = `${where}!/${entry.fileName}`;
        try {
          if (entry.fileName.endsWith("/")) {
            out.addEmptyDirectory(entry.fileName, options);
            continue;
          }
          if (entry.isEncrypted() || !entry.canDecodeFileData()) throw new RedactRefusal(`${member}: ${messages.redactZipMemberUnreadable}`);
          const content = await rewriteContent((await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>, entry.fileName, member, context);
          out.addFile(await spool(content, context.tempDir), entry.fileName, { ...options, compress: entry.compressionMethod !== 0 });
        } catch (error) {
          if (error instanceof RedactRefusal) throw error;
          // yazl refuses names it could not write faithfully (absolute, `..`): better no copy than a renamed one.
          throw new RedactRefusal(`${where}: ${messages.redactZipUnreadable}`);
        }
      }
      out.end();
    } finally {
      zip.close();
    }
  };
  const output = out.outputStream as unknown as Readable;
  copy().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

/** yauzl's entries; its errors (which may quote an entry name) become one refusal line. */
async function* readEntries(zip: import("yauzl").ZipFile, where: string): AsyncGenerator<import("yauzl").Entry> {
  const entries = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<import("yauzl").Entry>;
    try {
      next = await entries.next();
    } catch {
      throw new RedactRefusal(`${where}: ${messages.redactZipUnreadable}`);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** Writes a stream to a new file in `dir` and gives its path. */
async function spool(source: AsyncIterable<Buffer>, dir: string): Promise<string> {
  const path = join(dir, `part-${spoolCount++}`);
  await pipeline(Readable.from(source, { objectMode: false }), createWriteStream(path));
  return path;
}

