import type { TextEvidence } from "./evidence/TextEvidence.js";

/**
 * How strong the evidence is that a value is a Hawzu token.
 * - `high`: an explicit Hawzu context (a Hawzu-named key, a bearer header sent to a Hawzu host, a
 *   configured token prefix).
 * - `medium`: weaker evidence (a generic credential name in a Hawzu file or section, a Hawzu word
 *   nearby).
 */
export type Confidence = "high" | "medium";

/** How the token was written in the text; the fingerprint is always of the decoded value. */
export type Encoding = "plain" | "base64" | "percent" | "json-escape";

/** A leaked Hawzu token found in a text. Never holds the token value itself. */
export interface Finding {
  /** The id of the detection context that found it, e.g. `hawzu-named-key`. */
  ruleId: string;
  /** 1-based line of the first character of the token (as written, before decoding). */
  line: number;
  /** 1-based column (UTF-16 code units) of the first character of the token. */
  column: number;
  /** 1-based line of the last character of the token. */
  endLine: number;
  /** 1-based column just after the last character of the token (exclusive, as ESLint and SARIF). */
  endColumn: number;
  /** Offset of the first character in the scanned text (UTF-16 code units, 0-based). */
  start: number;
  /** Offset just after the last character. */
  end: number;
  confidence: Confidence;
  /** A short description of the context, e.g. `value of HAWZU_ACCESS_TOKEN`. Never holds the token. */
  context: string;
  /** `sha256:` + hex SHA-256 of the decoded token value: stable, safe to store and compare. */
  fingerprint: string;
  /** At most the first 4 characters of the decoded token, then a fixed mask. */
  redacted: string;
  encoding: Encoding;
}

/** A finding that an inline `hawzu-scan-ignore` comment suppressed, kept so reports can count them. */
export interface SuppressedFinding extends Finding {
  /** The reason written after the directive, if any. */
  reason?: string;
}

/** What a scan of one text returns. */
export interface ScanResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/** Options shared by every front end. */
export interface FindOptions {
  /**
   * Prefixes the team knows its Hawzu tokens start with (e.g. `hzw_`). A value with such a prefix is
   * a finding anywhere, with no context needed.
   */
  knownPrefixes?: readonly string[];
  /** Findings below this confidence are dropped. Default `medium` (everything). */
  minConfidence?: Confidence;
  /** The path of the scanned file, when there is one: a Hawzu-named file is itself evidence. */
  path?: string;
  /** Extra key or variable names (exact, case-insensitive) that hold Hawzu tokens in this code base. */
  extraKeyNames?: readonly string[];
}

/** The slice of text a context is asked to judge, with the evidence the prefilter found. */
export interface ContextWindow {
  /** The text of the window. Offsets in matches are relative to it. */
  text: string;
  /**
   * What every context needs of the window (line starts, hosts, "hawzu" words, assignments), read
   * once on first use and shared, so no context re-scans what another has scanned.
   */
  evidence: TextEvidence;
  /** The options of the scan, with defaults filled in. */
  options: ResolvedOptions;
  /** True when the scanned file's path names Hawzu. */
  inHawzuFile: boolean;
}

export interface ResolvedOptions {
  knownPrefixes: readonly string[];
  minConfidence: Confidence;
  path: string | undefined;
  extraKeyNames: readonly string[];
  /** The literals the prefilter searches for: the Hawzu spellings, prefixes, extra key names. */
  keywords: readonly string[];
}

/** One candidate token a context found. */
export interface ContextMatch {
  /** [start, end) of the token as written, relative to the window. */
  range: readonly [number, number];
  /** The decoded token, when the written form is encoded. Defaults to the written text. */
  token?: string;
  encoding?: Encoding;
  /** Overrides the context's default confidence. */
  confidence?: Confidence;
  /** Describes where the token sits, e.g. `value of HAWZU_TOKEN`. Must not contain the token. */
  description: string;
  /** How strict the credential-likeness check must be: `strict` for weak evidence. */
  strictness?: "normal" | "strict";
}

/** One detection context: one way people write a Hawzu token into text. */
export interface DetectionContext {
  /** Kebab-case id; also the file name, the docs file and the test-case folder. */
  id: string;
  description: string;
  /** A made-up example of the text it finds (with a fake value). */
  example: string;
  /**
   * Literal words (lower case) one of which must occur in the window for `match` to run; the
   * empty list means "whenever the engine runs it" (used by contexts that rely on options).
   */
  keywords: readonly string[];
  confidence: Confidence;
  /** Finds candidates. Pure, linear time, never throws. */
  match(window: ContextWindow): ContextMatch[];
}
