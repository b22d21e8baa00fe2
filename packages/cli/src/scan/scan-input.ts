import { isUtf8 } from "node:buffer";
import { findTokens, readFoundToken, type ScanResult } from "@hawzu-scan/core";
import { messages } from "../messages.js";
import { buildCodeFrame } from "./build-code-frame.js";
import { ByteScanner } from "./byte-scanner.js";
import type { InputLocation, ScanContext, ScanInput } from "./scan-context.js";
import { toScannedFinding } from "./to-scanned-finding.js";
import { describeLocation } from "./describe-location.js";

/**
 * Scans one text input (whole text with `findTokens`, a byte stream through the streaming core)
 * and reports findings to the sink as they are found. Stream errors propagate to the caller.
 */
export async function scanInput(input: ScanInput, context: ScanContext): Promise<void> {
  const options = { ...context.settings.core, path: input.corePath };
  if (input.bytes !== undefined) {
    if (!isUtf8(input.bytes)) context.sink.warning(describeLocation(input.location), messages.invalidUtf8);
    context.scannedBytes += input.bytes.length;
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
    if (scanner.invalidUtf8) context.sink.warning(describeLocation(input.location), messages.invalidUtf8);
  }
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
