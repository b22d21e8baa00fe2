import type { FindOptions } from "@hawzu-scan/core";
import type { ReportError, ScannedFinding, ScannedSuppressed } from "../report.js";

/** Where a scanned text comes from. New sources (git index, history) fill in `commit`. */
export interface InputLocation {
  /** Path relative to the current directory, `/`-separated; `<stdin>` for standard input. */
  file: string;
  /** Path inside an archive; nested archives are joined with `!/`. */
  member?: string;
  /** The commit that added the text, for history scans. */
  commit?: string;
}

/**
 * One text to scan, as every source yields it: a file, an archive member, stdin, and later a staged
 * blob or a commit's added lines. Exactly one of `text`, `bytes` and `stream` is set.
 */
export interface ScanInput {
  location: InputLocation;
  /** The path the core is told (a Hawzu-named file is evidence): the file or member name. */
  corePath: string;
  text?: string;
  /** A small input read whole: decoded here, so invalid UTF-8 can be reported. */
  bytes?: Buffer;
  stream?: AsyncIterable<Buffer>;
  /** The stream reuses each chunk's memory once the next is requested (see `ByteScanner.push`). */
  transientChunks?: boolean;
  /** Judge each chunk as soon as it arrives (stdin), instead of gathering big blocks. */
  live?: boolean;
  /** Text that is not UTF-8 (sniffed from its byte-order mark): decoded before it is scanned. */
  encoding?: "utf16le" | "utf16be";
  /** Binary content read for the text in it: its bytes that are not UTF-8 are no warning. */
  binary?: boolean;
}

/** Decompression limits, so a zip bomb is reported instead of followed. */
export interface ArchiveLimits {
  /** Archive layers opened inside one another (a .tar.gz is two). */
  maxDepth: number;
  /** Decompressed bytes per top-level input. */
  maxBytes: number;
  /** Decompressed / compressed bytes, checked once past `ratioGrace` bytes. */
  maxRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxDepth: 5,
  maxBytes: 16 * 1024 ** 3,
  maxRatio: 200,
};

/** Options every source needs; plain data, so a worker thread can receive it. */
export interface ScanSettings {
  core: Pick<FindOptions, "knownPrefixes" | "minConfidence" | "extraKeyNames">;
  limits: ArchiveLimits;
  /**
   * Read each finding's token back while its text is at hand (`--verify` must send it). The token
   * travels only to the sink's second argument, never into a finding or a report.
   */
  captureTokens?: boolean;
  /**
   * Build each finding's code frame (default true). Only the text reporter shows frames: other
   * formats turn this off, so no frame is cut from the text, detached and then dropped.
   */
  codeFrames?: boolean;
}

/** Where sources report what they found, as it is found. */
export interface ScanSink {
  /**
   * `token` (the value) and `written` (the text as it stands in the input) are set only when
   * `ScanSettings.captureTokens` is: keep them in memory, never show them.
   */
  finding(finding: ScannedFinding, token?: string, written?: string): void;
  suppressed(finding: ScannedSuppressed, token?: string, written?: string): void;
  /** Something not (fully) scanned: goes into `errors` and onto stderr. */
  error(error: ReportError): void;
  /** Scanned, but the user should know (invalid UTF-8 decoded with replacements). */
  warning(file: string, message: string): void;
  /** Bytes of a streamed input handed to the core so far, chunk by chunk: for `--progress`. */
  read?(bytes: number): void;
  /** A binary input, read for the text in it (counted in the summary and `stats`). */
  binary?(location: InputLocation): void;
}

/** What one top-level input cost; shared by the layers of an archive to enforce `maxBytes`. */
export interface ByteBudget {
  decompressed: number;
}

/** Everything a source needs to scan one top-level input. */
export interface ScanContext {
  settings: ScanSettings;
  sink: ScanSink;
  budget: ByteBudget;
  /** Bytes of text handed to the core, for `stats.bytes`. */
  scannedBytes: number;
}
