import type { Readable } from "node:stream";
import type { ScanContext } from "../scan/scan-context.js";
import { scanKind } from "../scan/scan-content.js";
import { scanInput } from "../scan/scan-input.js";
import { describeReadError } from "./file.js";
import { errorAt } from "../scan/error-at.js";
import { peek } from "./peek.js";
import { CODEC_MAGIC_BYTES, sniffKind } from "./sniff-kind.js";
import { STDIN_NAME } from "./stdin-name.js";

/**
 * Standard input as a live stream (`kubectl logs -f pod | hawzu-scan -`): each batch of bytes that
 * has arrived is judged at once, so a finding is printed as soon as its line is complete. Sniffed
 * like a file from what arrives first (`cat app.log.gz | hawzu-scan -` is decoded); a tar is
 * recognised when its first header has arrived in one piece, as it does from a pipe. Text is
 * never skipped as binary here: a person piped it in to have it scanned.
 */
export async function scanStdin(stdin: Readable, context: ScanContext): Promise<void> {
  const location = { file: STDIN_NAME };
  try {
    const { head, stream } = await peek(batches(stdin), CODEC_MAGIC_BYTES);
    const kind = sniffKind(head);
    if (kind === "utf16le" || kind === "utf16be") await scanInput({ location, corePath: "", stream, live: true, encoding: kind }, context);
    else if (kind === "text" || kind === "binary") await scanInput({ location, corePath: "", stream, live: true }, context);
    else await scanKind(kind, stream, location, "", 0, context);
  } catch (error) {
    context.sink.error(errorAt(location, describeReadError(error)));
  }
}

/** Everything readable now as one chunk, then waits: big batches when input is fast, no delay when slow. */
async function* batches(stream: Readable): AsyncGenerator<Buffer> {
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const onReadable = () => wake?.();
  const onEnd = () => {
    ended = true;
    wake?.();
  };
  const onError = (error: unknown) => {
    failure = error;
    wake?.();
  };
  stream.on("readable", onReadable);
  stream.on("end", onEnd);
  stream.on("error", onError);
  try {
    for (;;) {
      const chunks: Buffer[] = [];
      let total = 0;
      for (let chunk = stream.read() as Buffer | string | null; chunk !== null; chunk = stream.read() as Buffer | string | null) {
        const buffer = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        chunks.push(buffer);
        total += buffer.length;
        if (total >= 8 * 1024 * 1024) break;
      }
      if (chunks.length > 0) {
        yield chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        continue;
      }
      if (failure) throw failure;
      if (ended || stream.readableEnded) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    stream.off("readable", onReadable);
    stream.off("end", onEnd);
    stream.off("error", onError);
  }
}
