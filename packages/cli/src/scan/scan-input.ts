import { isUtf8 } from "node:buffer";
import { findTokens, isHawzuPath, readFoundToken, type ScanResult } from "@hawzu-scan/core";
import { messages } from "../messages.js";
import { buildCodeFrame } from "./build-code-frame.js";
import { blankNuls } from "./blank-nuls.js";
import { ByteScanner } from "./byte-scanner.js";
import { detachString } from "./detach-string.js";
import { holdsNeedle, keywordNeedles } from "./keyword-needles.js";
import type { InputLocation, ScanContext, ScanInput } from "./scan-context.js";
import { toScannedFinding } from "./to-scanned-finding.js";
import { describeLocation } from "./describe-location.js";

/**
 * Scans one text input (whole text with `findTokens`, a byte stream through the streaming core)
 * and reports findings to the sink as they are found. Stream errors propagate to the caller.
 */
export async function scanInput(input: ScanInput, context: ScanContext): Promise<void> {
  const options = { ...context.settings.core, path: input.corePath };
  if (input.bytes !== undefined && input.encoding) {
    const bytes = input.encoding === "utf16be" ? Buffer.from(input.bytes.subarray(0, input.bytes.length & ~1)).swap16() : input.bytes;
    input = { ...input, bytes: undefined, text: new TextDecoder("utf-16le").decode(bytes) };
  }
  if (input.bytes !== undefined) {
    const bytes = blankNuls(input.bytes, false);
    if (!input.binary && !isUtf8(bytes)) context.sink.warning(describeLocation(input.location), messages.invalidUtf8);
    context.scannedBytes += bytes.length;
    // No keyword in the bytes: the core would find nothing, so the text is not even decoded (most
    // files of a checkout). A Hawzu-named path is always judged whole. UTF-16 was decoded above,
    // and a BOM is checked again here, since its keywords are not these bytes.
    if (!isHawzuPath(input.corePath) && !startsWithUtf16Bom(bytes) && !holdsNeedle(bytes, keywordNeedles(context.settings.core))) return;
    const text = bytes.toString("utf8");
    report(findTokens(text, options), input.location, context, () => ({ text, offset: 0 }), input.binary);
    return;
  }
  if (input.text !== undefined) {
    const text = input.text.includes("\0") ? input.text.replaceAll("\0", " ") : input.text;
    context.scannedBytes += Buffer.byteLength(text);
    report(findTokens(text, options), input.location, context, () => ({ text, offset: 0 }));
    return;
  }
  const scanner = new ByteScanner(options, {
    result: (result, recent) => report(result, input.location, context, (start, end) => recent.around(start, end), input.binary),
  });
  try {
    if (input.stream) {
      const stream = input.encoding ? decodeUtf16(input.stream, input.encoding) : input.stream;
      for await (const chunk of stream) {
        // Chunks are ours to change (read buffers, decoded output), so NULs are blanked in place.
        scanner.push(chunk, input.transientChunks, true);
        context.sink.read?.(chunk.length);
        if (input.live) scanner.flush();
      }
    }
  } finally {
    context.scannedBytes += scanner.bytes;
    // Whatever arrived before a failure is still judged: findings before a truncation are kept.
    scanner.end();
    if (scanner.invalidUtf8 && !input.binary) context.sink.warning(describeLocation(input.location), messages.invalidUtf8);
  }
}


/**
 * UTF-16 text (PowerShell's `>` writes UTF-16 LE with a byte-order mark) as UTF-8, streaming: lines
 * and characters keep their numbers, so findings are placed at the same line and column.
 */
async function* decodeUtf16(source: AsyncIterable<Buffer>, encoding: "utf16le" | "utf16be"): AsyncGenerator<Buffer> {
  // Node's TextDecoder has no UTF-16 BE: BE bytes are swapped pairwise and decoded as LE.
  const decoder = new TextDecoder("utf-16le");
  let odd: Buffer | undefined;
  for await (const chunk of source) {
    let bytes = chunk;
    if (encoding === "utf16be") {
      bytes = odd ? Buffer.concat([odd, chunk]) : Buffer.from(chunk);
      odd = undefined;
      if (bytes.length % 2 === 1) {
        odd = Buffer.from(bytes.subarray(bytes.length - 1));
        bytes = bytes.subarray(0, bytes.length - 1);
      }
      bytes.swap16();
    }
    const text = decoder.decode(bytes, { stream: true });
    if (text.length > 0) yield Buffer.from(text, "utf8");
  }
  const rest = decoder.decode();
  if (rest.length > 0 || odd) yield Buffer.from(rest + (odd ? "\uFFFD" : ""), "utf8");
}

type TextAround = (start: number, end: number) => { text: string; offset: number } | undefined;

function report(result: ScanResult, location: InputLocation, context: ScanContext, textAround: TextAround, binary = false): void {
  // A binary's "line" is bytes around the token: no frame to show.
  const frames = context.settings.codeFrames !== false && !binary;
  for (const finding of result.findings) {
    const around = textAround(finding.start, finding.end);
    const scanned = toScannedFinding(finding, location, frames && around ? buildCodeFrame(around.text, around.offset, finding) : undefined);
    const { token, written } = capture(finding, around, context);
    context.sink.finding(scanned, token, written);
  }
  for (const finding of result.suppressed) {
    const around = textAround(finding.start, finding.end);
    const { token, written } = capture(finding, around, context);
    context.sink.suppressed(toScannedFinding(finding, location, frames && around ? buildCodeFrame(around.text, around.offset, finding) : undefined), token, written);
  }
}

/**
 * Only for --verify and redact: the token, read back from the text at hand (the one moment it
 * exists), and the text it was written as (a quoted or base64 form differs from the value).
 * Copied out of the text, so a kept token does not keep the whole block alive.
 */
function capture(finding: ScanResult["findings"][number], around: { text: string; offset: number } | undefined, context: ScanContext): { token?: string; written?: string } {
  if (!context.settings.captureTokens || !around) return {};
  const span = { ...finding, start: finding.start - around.offset, end: finding.end - around.offset };
  const token = readFoundToken(around.text, span);
  const written = span.start >= 0 && span.end <= around.text.length ? around.text.slice(span.start, span.end) : undefined;
  return { token: token === undefined ? undefined : detachString(token), written: written === undefined ? undefined : detachString(written) };
}

function startsWithUtf16Bom(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}
