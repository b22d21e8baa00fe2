import { bunzip2 } from "./bzip2.js";
import { gunzip } from "./gzip.js";
import { peek } from "./peek.js";
import { CODEC_MAGIC_BYTES, sniffKind, type Codec } from "./sniff-kind.js";
import { unxz } from "./xz.js";
import { unzstd } from "./zstd.js";

const DECODERS: Record<Codec, (source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>> = {
  gzip: gunzip,
  zstd: unzstd,
  xz: unxz,
  bzip2: bunzip2,
};

/**
 * The decoded bytes of a stream compressed with `codec`. A stream that stops early or is damaged
 * throws a `DecodeError` after every byte decoded before the damage was yielded. No size limits
 * here: callers count what they take (see `checkDecompression`).
 */
export function decompress(codec: Codec, source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  return DECODERS[codec](source);
}

/**
 * For any byte stream (a file, stdin, an archive member): when its content (never its name) says
 * it is compressed with a codec we decode, the decoded stream and the codec; otherwise the same
 * bytes and `codec: undefined`. One layer only: call again for `.tar.gz` inside `.zst`. Used by the
 * scanner and by `redact`, which writes the same compression back.
 */
export async function openDecoded(source: AsyncIterable<Buffer>): Promise<{ codec: Codec | undefined; stream: AsyncIterable<Buffer> }> {
  const { head, stream } = await peek(source, CODEC_MAGIC_BYTES);
  const kind = sniffKind(head);
  if (kind === "gzip" || kind === "zstd" || kind === "xz" || kind === "bzip2") return { codec: kind, stream: decompress(kind, stream) };
  return { codec: undefined, stream };
}

/** True for the kinds `decompress` decodes. */
export function isCodec(kind: string): kind is Codec {
  return kind in DECODERS;
}
