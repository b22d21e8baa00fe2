import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdtemp, open, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Confidence } from "@hawzu-scan/core";
import { loadConfig } from "../config/load-config.js";
import { toScanSettings } from "../config/to-scan-settings.js";
import type { RunIo } from "../io.js";
import { messages } from "../messages.js";
import { MaskValues } from "../redact/mask-values.js";
import { isRedactRefusal } from "../redact/RedactRefusal.js";
import { codecForKind, codecForName, UNWRITABLE_EXTENSIONS, type RedactCodec } from "../redact/redact-codecs.js";
import { redactStream } from "../redact/redact-stream.js";
import { decode, encode, rewriteContent, rewriteZipFile, type RewriteContext } from "../redact/rewrite-content.js";
import type { ScanSettings } from "../scan/scan-context.js";
import { describeLocation } from "../scan/describe-location.js";
import { stripCodecExtension } from "../sources/compressed.js";
import { describeReadError, scanFile } from "../sources/file.js";
import { SNIFF_BYTES, sniffKind } from "../sources/sniff-kind.js";

export interface RedactOptions {
  output?: string;
  config?: string;
  knownPrefixes: string[];
  minConfidence?: Confidence;
}

// A re-scan of the written copy that finds a token adds it and writes again; a third miss is refused.
const PASSES = 3;

/**
 * `hawzu-scan redact IN [-o OUT]`: a copy of a log or archive in which every occurrence of every
 * found token is masked. The input is read once, into a private snapshot; the snapshot is scanned to
 * learn the token values, then rewritten (every occurrence of each value masked) while the written
 * text is scanned again. Success is reported only when that re-scan finds nothing; otherwise nothing
 * is written and the exit code is 2. `-` streams standard input (see redactStream).
 */
export async function redactCommand(input: string, options: RedactOptions, io: RunIo): Promise<number> {
  const cwd = io.cwd ?? process.cwd();
  const fail = (message: string) => {
    io.stderr.write(`${messages.usagePrefix}${message}\n`);
    return 2;
  };
  const loaded = await loadConfig(cwd, options.config);
  if (!loaded.ok) return fail(loaded.message);
  const { config } = loaded;
  const settings: ScanSettings = toScanSettings(config, options, true);
  const outputPath = options.output === undefined ? undefined : resolve(cwd, options.output);
  const outputName = options.output ?? "standard output";
  const unwritable = options.output === undefined ? undefined : unwritableCodec(options.output);
  if (unwritable) return fail(messages.redactCannotEncode(options.output!, unwritable));
  if (input === "-") {
    if (!io.stdin) return fail(messages.redactNoStdin);
    const destination: Writable = outputPath ? createWriteStream(outputPath) : io.stdout;
    const result = await redactStream(io.stdin, destination, { core: settings.core, outputName: options.output, end: Boolean(outputPath) });
    if (!result.ok) {
      // A copy that may hold a token must not stay behind under a "clean" name.
      if (outputPath) await rm(outputPath, { force: true });
      return fail(`${result.message}${outputPath ? ` (${messages.redactRemoved(options.output!)})` : ""}`);
    }
    io.stderr.write(`${messages.wroteRedacted(outputName, result.tokens, result.masked, result.format)}\n`);
    return 0;
  }

  const inputPath = resolve(cwd, input);
  if (outputPath) {
    const [a, b] = await Promise.all([realpath(inputPath).catch(() => inputPath), realpath(outputPath).catch(() => outputPath)]);
    if (a === b) return fail(messages.redactSameFile);
  }
  try {
    const info = await stat(inputPath);
    if (!info.isFile()) return fail(`${input}: ${messages.redactNotAFile}`);
  } catch (error) {
    return fail(`${input}: ${(error as { code?: string }).code === "ENOENT" ? messages.redactNoSuchFile : describeReadError(error)}`);
  }
  const tempDir = await mkdtemp(join(tmpdir(), "hawzu-redact-"));
  try {
    // The one read of the input: a file that grows meanwhile cannot slip unscanned lines into the copy.
    const snapshot = join(tempDir, "input");
    try {
      await copyFile(inputPath, snapshot);
    } catch (error) {
      return fail(`${input}: ${describeReadError(error)}`);
    }
    const kind = await sniffFile(snapshot);
    const plain = kind === "text" || kind === "binary" || kind === "tar" || kind === "zip";
    const inputCodec = plain ? undefined : codecForKind(kind);
    if (!plain && !inputCodec?.encode && !(inputCodec && outputPath && !codecForName(options.output!) && hasExtension(options.output!))) {
      return fail(`${input}: ${messages.redactCannotDecode(kind)}`);
    }
    // The copy keeps the input's compression, unless OUT's name asks for another (or for none).
    const outputCodec = outputPath === undefined || !hasExtension(options.output!) ? inputCodec : codecForName(options.output!);

    // Learn every token value, suppressed ones too: masking an excused value costs nothing.
    const values = new MaskValues();
    const fingerprints = new Set<string>();
    const errors: string[] = [];
    let unreadable = 0;
    const learn = (finding: { redacted: string; fingerprint: string }, token?: string, written?: string) => {
      fingerprints.add(finding.fingerprint);
      if (token !== undefined) values.add(token, finding.redacted);
      if (written !== undefined) values.add(written, finding.redacted);
      if (token === undefined && written === undefined) unreadable++;
    };
    const context = {
      settings,
      sink: { finding: learn, suppressed: learn, error: (error: { file: string; member?: string; message: string }) => errors.push(`${describeLocation(error)}: ${error.message}`), warning: () => {} },
      budget: { decompressed: 0 },
      scannedBytes: 0,
    };
    await scanFile(snapshot, { file: input }, context);
    if (errors.length > 0) {
      for (const error of errors) io.stderr.write(`${messages.usagePrefix}${error}\n`);
      return fail(messages.redactNotFullyScanned(input));
    }
    if (unreadable > 0) return fail(`${input}: ${messages.redactUnreadableToken(unreadable)}`);

    // Write, re-scan what was written; a token the re-scan still finds is learnt and the copy written again.
    const written = join(tempDir, "output");
    let masked = 0;
    for (let pass = 1; ; pass++) {
      const rewrite: RewriteContext = { values, core: settings.core, tempDir, missed: [], masked: 0 };
      try {
        await pipeline(Readable.from(await copyOf(snapshot, kind, inputCodec, outputCodec, input, rewrite), { objectMode: false }), createWriteStream(written));
      } catch (error) {
        if (isRedactRefusal(error)) return fail(error.message);
        return fail(`${input}: ${messages.redactRewriteFailed(kind)}`);
      }
      masked = rewrite.masked;
      if (rewrite.missed.length === 0) break;
      let learnt = 0;
      for (const seen of rewrite.missed) {
        fingerprints.add(seen.fingerprint);
        if (seen.token !== undefined && values.add(seen.token, seen.redacted)) learnt++;
        if (seen.written !== undefined && values.add(seen.written, seen.redacted)) learnt++;
      }
      if (learnt === 0 || pass === PASSES) return fail(`${input}: ${messages.redactStillFound(rewrite.missed.length)}`);
    }

    try {
      if (outputPath) await copyFile(written, outputPath);
      else await pipeline(createReadStream(written), io.stdout, { end: false });
    } catch (error) {
      return fail(`${outputName}: ${messages.redactWriteFailed((error as { code?: string }).code ?? (error as Error).message)}`);
    }
    io.stderr.write(`${messages.wroteRedacted(outputName, fingerprints.size, masked, describeFormat(kind, inputCodec, outputCodec))}\n`);
    return 0;
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

/** The masked copy of the snapshot, as bytes of the output's format. */
async function copyOf(snapshot: string, kind: string, inputCodec: RedactCodec | undefined, outputCodec: RedactCodec | undefined, input: string, context: RewriteContext): Promise<AsyncIterable<Buffer>> {
  let content: AsyncIterable<Buffer>;
  if (kind === "zip") content = await rewriteZipFile(snapshot, input, context);
  else {
    const raw = createReadStream(snapshot, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>;
    const name = basename(input);
    content = await rewriteContent(inputCodec ? decode(inputCodec, raw) : raw, inputCodec ? stripCodecExtension(name) : name, input, context);
  }
  return outputCodec ? encode(outputCodec, content) : content;
}


/** "gzip, as the input", "plain, as OUT's name says": redact never changes a format silently. */
function describeFormat(kind: string, inputCodec: RedactCodec | undefined, outputCodec: RedactCodec | undefined): string {
  const inner = kind === "tar" || kind === "zip" ? `${kind} archive` : kind === "binary" ? "binary content, masks of the tokens' own length" : "";
  if (inputCodec?.kind === outputCodec?.kind) return [outputCodec?.label, inner || (outputCodec ? "" : "plain text")].filter(Boolean).join(" ") + ", as the input";
  if (outputCodec) return `${outputCodec.label}${inner ? ` ${inner}` : ""}, as the output's name asks; the input was ${inputCodec?.label ?? "not compressed"}`;
  return `${inner || "plain text"}, decompressed as the output's name asks; the input was ${inputCodec!.label}`;
}

async function sniffFile(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return sniffKind(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function hasExtension(name: string): boolean {
  return /\.[^./\\]+$/.test(basename(name));
}

function unwritableCodec(name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.entries(UNWRITABLE_EXTENSIONS).find(([extension]) => lower.endsWith(extension))?.[1];
}
