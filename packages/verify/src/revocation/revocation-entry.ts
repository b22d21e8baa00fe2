import type { InactiveResult, LiveResult, UnknownResult, VerificationResult } from "../verification-result.js";

/**
 * One place a token was found, with that token's verification: a core `Finding` plus where it
 * was (file, archive member) and the result. Extra finding fields are accepted and ignored.
 */
export interface RevocationEntry {
  /** The file (or `-` for stdin) the token was found in. */
  file: string;
  /** The member inside an archive, when the file is one. */
  member?: string;
  /** The commit that added the token, for history scans. */
  commit?: string;
  line: number;
  column: number;
  fingerprint: string;
  redacted: string;
  verification: VerificationResult;
}

/** Where a token was found. */
export interface TokenLocation {
  file: string;
  member?: string;
  commit?: string;
  line: number;
  column: number;
}

/** One distinct token (by fingerprint) with all the places it was found. */
export interface TokenGroup<R extends VerificationResult = VerificationResult> {
  fingerprint: string;
  redacted: string;
  verification: R;
  locations: TokenLocation[];
}

/** The tokens of a report, split by state; live ones ordered workspace tokens first. */
export interface GroupedTokens {
  live: TokenGroup<LiveResult>[];
  inactive: TokenGroup<InactiveResult>[];
  unknown: TokenGroup<UnknownResult>[];
}
