import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { messages } from "../messages.js";
import type { ScanSettings } from "../scan/scan-context.js";
import { peek } from "../sources/peek.js";
import { sniffKind } from "../sources/sniff-kind.js";
import { MaskValues } from "./mask-values.js";
import { SeenWords } from "./seen-words.js";
import { codecForKind, codecForName } from "./redact-codecs.js";
import { decode, encode } from "./rewrite-content.js";
import { watchTokens } from "./watch-tokens.js";

export type StreamResult = { ok: true; tokens: number; masked: number; format: string } | { ok: false; message: string };

// Enough to tell gzip and zip by their magic numbers before the first line is passed on.
const STREAM_SNIFF_BYTES = 4;

/**
 * `hawzu-scan redact -`: standard input to the output as it arrives (`kubectl logs -f … | hawzu-scan
 * redact - > clean.log`). Each complete line is judged before it is written, and every value known
 * so far is masked wherever it stands, so a token is masked from the moment it is found. What was
 * written before a token was known cannot be taken back: the written text is scanned too, its words
 * are remembered (SeenWords), and a token found there, or learnt after it went out, fails the run
 * (exit 2) with a line saying so. gzip input stays gzip.
 */
export async function redactStream(stdin: Readable, destination: Writable, options: { core: ScanSettings["core"]; outputName?: string; end: boolean }): Promise<StreamResult> {
  const { head, stream } = await peek(stdin as AsyncIterable<Buffer>, STREAM_SNIFF_BYTES);
  const kind = sniffKind(head);
  if (kind === "zip" || kind === "tar") return { ok: false, message: messages.redactArchiveOnStdin(kind) };
  const inputCodec = codecForKind(kind);
  if (kind !== "text" && kind !== "binary" && !inputCodec) return { ok: false, message: `<stdin>: ${messages.redactCannotDecode(kind)}` };
  const named = options.outputName === undefined ? undefined : codecForName(options.outputName);
  const outputCodec = options.outputName === undefined || !/\.[^./\\]+$/.test(options.outputName) ? inputCodec : named;
  if (outputCodec && !outputCodec.encode) return { ok: false, message: messages.redactCannotEncode(options.outputName ?? "standard output", outputCodec.label) };

  const values = new MaskValues();
  const tokens = new Set<string>();
  let leaked = 0;
  // What went out, remembered in bounded memory: a token learnt later is checked against it.
  const written = new SeenWords();
  const learner = watchTokens({ ...options.core, path: "" }, (seen) => {
    if (!tokens.has(seen.fingerprint) && seen.token !== undefined && written.mayHaveWritten(seen.token)) leaked++;
    tokens.add(seen.fingerprint);
    if (seen.token !== undefined) values.add(seen.token, seen.redacted);
    if (seen.written !== undefined) values.add(seen.written, seen.redacted);
  });
  // The written text, scanned: a token here went out before it was known.
  const rescan = watchTokens({ ...options.core, path: "" }, () => leaked++);
  let masked = 0;
  async function* masking(): AsyncGenerator<Buffer> {
    const text = inputCodec ? decode(inputCodec, stream) : stream;
    let pending = Buffer.alloc(0);
    // Binary content keeps its length: masks as long as the values (nothing in it moves).
    const fresh = () => (kind === "binary" ? values.sameLengthClone() : values.clone());
    let masker = fresh();
    const emit = (bytes: Buffer): Buffer => {
      // Values learnt since the last line join the masker; what it holds back is carried over.
      if (masker.size !== values.size) {
        const next = fresh();
        const held = masker.end();
        masked += masker.masked;
        masker = next;
        bytes = Buffer.concat([held, bytes]);
      }
      const out = masker.push(bytes);
      written.add(out);
      rescan.push(out);
      rescan.flush();
      return out;
    };
    for await (const chunk of text) {
      learner.push(chunk);
      learner.flush();
      // Only complete lines go out: the learner has judged them.
      const data = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const cut = data.lastIndexOf(10) + 1;
      pending = Buffer.from(data.subarray(cut));
      if (cut > 0) yield emit(data.subarray(0, cut));
    }
    learner.end();
    const last = emit(pending);
    const rest = masker.end();
    masked += masker.masked;
    written.add(rest);
    rescan.push(rest);
    rescan.end();
    yield Buffer.concat([last, rest]);
  }
  try {
    const body = masking();
    await pipeline(Readable.from(outputCodec ? encode(outputCodec, body) : body, { objectMode: false }), destination, { end: options.end });
  } catch (error) {
    if ((error as { code?: string })?.code?.startsWith?.("Z_")) return { ok: false, message: `<stdin>: ${messages.redactCorruptGzip}` };
    return { ok: false, message: `${options.outputName ?? "standard output"}: ${messages.redactWriteFailed((error as { code?: string })?.code ?? "write failed")}` };
  }
  if (leaked > 0) return { ok: false, message: messages.redactStreamLeaked(options.outputName ?? "standard output", leaked) };
  const format = outputCodec ? `${outputCodec.label}${inputCodec ? ", as the input" : ", as the output's name asks"}` : inputCodec ? `plain text, decompressed as the output's name asks; the input was ${inputCodec.label}` : kind === "binary" ? "binary content, masks of the tokens' own length, as the input" : "plain text, as the input";
  return { ok: true, tokens: tokens.size, masked, format };
}
