import { isUtf8 } from "node:buffer";
import { findTokens, isHawzuPath, readFoundToken, type ScanResult } from "@hawzu-scan/core";
import { messages } from "../messages.js";
import { buildCodeFrame } from "./build-code-frame.js";
import { ByteScanner } from "./byte-scanner.js";
import { detachString } from "./detach-string.js";
import { holdsNeedle, keywordNeedles } from "./keyword-needles.js";
import type { InputLocation, ScanContext, ScanInput } from "./scan-context.js";
import { toScannedFinding } from "./to-scanned-finding.js";

/**
 * Scans one text input (whole text with `findTokens`, a byte stream through the streaming core)
 * and reports findings to the sink as they are found. Stream errors propagate to the caller.
 */
export async function scanInput(input: ScanInput, context: ScanContext): Promise<void> {
  const options = { ...context.settings.core, path: input.corePath };
  if (input.bytes !== undefined) {
    if (!isUtf8(input.bytes)) context.sink.warning(describe(input.location), messages.invalidUtf8);
    context.scannedBytes += input.bytes.length;
    // No keyword in the bytes: the core would find nothing, so the text is not even decoded (most
    // files of a checkout). A Hawzu-named path is always judged whole.
    // (UTF-16, whose keywords are not these bytes, is never passed over.)
    if (!isHawzuPath(input.corePath) && !startsWithUtf16Bom(input.bytes) && !holdsNeedle(input.bytes, keywordNeedles(context.settings.core))) return;
    const text = input.bytes.toString("utf8");
    report(findTokens(text, options), input.location, context, () => ({ text, offset: 0 }));
    return;
  }
  if (input.text !== undefined) {
    const text = input.text;
    context.scannedBytes += Buffer.byteLength(text);
    report(findTokens(text, options), input.location, context, () => ({ text, offset: 0 }));
    return;
  }
  const scanner = new ByteScanner(options, {
    result: (result, recent) => report(result, input.location, context, (start, end) => recent.around(start, end)),
  });
  try {
    if (input.stream) {
      for await (const chunk of input.stream) {
        scanner.push(chunk, input.transientChunks);
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

type TextAround = (start: number, end: number) => { text: string; offset: number } | undefined;

function report(result: ScanResult, location: InputLocation, context: ScanContext, textAround: TextAround): void {
  for (const finding of result.findings) {
    const around = textAround(finding.start, finding.end);
    const scanned = toScannedFinding(finding, location, around && buildCodeFrame(around.text, around.offset, finding));
    const { token, written } = capture(finding, around, context);
    context.sink.finding(scanned, token, written);
  }
  for (const finding of result.suppressed) {
    const around = textAround(finding.start, finding.end);
    const { token, written } = capture(finding, around, context);
    context.sink.suppressed(toScannedFinding(finding, location, around && buildCodeFrame(around.text, around.offset, finding)), token, written);
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

/** `file` or `file!/member`, as messages name an input. */
export function describe(location: InputLocation): string {
  return location.member ? `${location.file}!/${location.member}` : location.file;
}
