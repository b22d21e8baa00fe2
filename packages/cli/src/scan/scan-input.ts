import { isUtf8 } from "node:buffer";
import { findTokens, readFoundToken, type ScanResult } from "@hawzu-scan/core";
import { messages } from "../messages.js";
import { buildCodeFrame } from "./build-code-frame.js";
import { ByteScanner } from "./byte-scanner.js";
import type { InputLocation, ScanContext, ScanInput } from "./scan-context.js";
import { toScannedFinding } from "./to-scanned-finding.js";

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
    if (!isUtf8(bytes)) context.sink.warning(describe(input.location), messages.invalidUtf8);
    context.scannedBytes += bytes.length;
    const text = bytes.toString("utf8");
    report(findTokens(text, options), input.location, context, () => ({ text, offset: 0 }));
    return;
  }
  if (input.text !== undefined) {
    const text = input.text.includes("\0") ? input.text.replaceAll("\0", " ") : input.text;
    context.scannedBytes += Buffer.byteLength(text);
    report(findTokens(text, options), input.location, context, () => ({ text, offset: 0 }));
    return;
  }
  const scanner = new ByteScanner(options, {
    result: (result, recent) => report(result, input.location, context, (start, end) => recent.around(start, end)),
  });
  try {
    if (input.stream) {
      const stream = input.encoding ? decodeUtf16(input.stream, input.encoding) : input.stream;
      for await (const chunk of stream) {
        // Chunks are ours to change (read buffers, decoded output), so NULs are blanked in place.
        scanner.push(blankNuls(chunk, true), input.transientChunks);
        context.sink.read?.(chunk.length);
        if (input.live) scanner.flush();
      }
    }
  } finally {
    context.scannedBytes += scanner.bytes;
    // Whatever arrived before a failure is still judged: findings before a truncation are kept.
    scanner.end();
    if (scanner.invalidUtf8) context.sink.warning(describe(input.location), messages.invalidUtf8);
  }
}

/**
 * NUL bytes as spaces: the text between them is scanned (logrotate's copytruncate pads a log with
 * NULs, container logs and /proc environ files hold them) and every position stays where it was.
 */
function blankNuls(bytes: Buffer, inPlace: boolean): Buffer {
  const first = bytes.indexOf(0);
  if (first < 0) return bytes;
  const out = inPlace ? bytes : Buffer.from(bytes);
  // A plain loop: padding can be megabytes of NULs, one indexOf call per byte would crawl.
  for (let at = first; at < out.length; at++) if (out[at] === 0) out[at] = 0x20;
  return out;
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

function report(result: ScanResult, location: InputLocation, context: ScanContext, textAround: TextAround): void {
  for (const finding of result.findings) {
    const around = textAround(finding.start, finding.end);
    const scanned = toScannedFinding(finding, location, around && buildCodeFrame(around.text, around.offset, finding));
    // Only for --verify: the token is read back from the text at hand, the one moment it exists.
    const token =
      context.settings.captureTokens && around
        ? readFoundToken(around.text, { ...finding, start: finding.start - around.offset, end: finding.end - around.offset })
        : undefined;
    context.sink.finding(scanned, token);
  }
  for (const finding of result.suppressed) {
    const around = textAround(finding.start, finding.end);
    context.sink.suppressed(toScannedFinding(finding, location, around && buildCodeFrame(around.text, around.offset, finding)));
  }
}

/** `file` or `file!/member`, as messages name an input. */
export function describe(location: InputLocation): string {
  return location.member ? `${location.file}!/${location.member}` : location.file;
}
