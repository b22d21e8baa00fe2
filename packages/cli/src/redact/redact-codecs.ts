import type { Transform } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";

/**
 * A compression `redact` can undo and redo. A codec the scanner decodes but no library here can
 * encode has no `encode`: redact refuses it (exit 2) rather than write a different format silently.
 */
export interface RedactCodec {
  /** The content kind `sniffKind` gives it. */
  kind: string;
  /** Name for messages: "gzip". */
  label: string;
  /** Output names that ask for this codec (`.tgz` is a gzip of a tar). */
  extensions: readonly string[];
  decode(): Transform;
  encode?(): Transform;
}

// Big output chunks: the default 16 KB would cost a JS round trip per 16 KB of log.
const CHUNK_SIZE = 1024 * 1024;

/** Every codec redact knows; a new one (zstd, xz, bzip2) is one entry with its decoder and, if any, its encoder. */
export const REDACT_CODECS: readonly RedactCodec[] = [
  {
    kind: "gzip",
    label: "gzip",
    extensions: [".gz", ".gzip", ".tgz"],
    decode: () => createGunzip({ chunkSize: CHUNK_SIZE }),
    encode: () => createGzip({ chunkSize: CHUNK_SIZE }),
  },
];

/** Extensions of compressions the scanner may meet but redact cannot write: asking for one is refused. */
export const UNWRITABLE_EXTENSIONS: Readonly<Record<string, string>> = { ".zst": "zstd", ".xz": "xz", ".bz2": "bzip2", ".lz4": "lz4", ".7z": "7z" };

export function codecForKind(kind: string): RedactCodec | undefined {
  return REDACT_CODECS.find((codec) => codec.kind === kind);
}

export function codecForName(name: string): RedactCodec | undefined {
  const lower = name.toLowerCase();
  return REDACT_CODECS.find((codec) => codec.extensions.some((extension) => lower.endsWith(extension)));
}
