import type { ReportFinding } from "../report.js";

/**
 * A suppression that a change (`--since`, `--staged`) adds: the scan uses the base revision's
 * settings, so it silences nothing in this scan, but a reviewer must see it.
 */
export interface AddedSuppression {
  /**
   * `inline`: a `hawzu-scan-ignore` comment on an added line; `ignore-rule`: a new config `ignore`
   * glob or `.hawzu-scanignore` line; `config`: another config edit; `baseline`: a new baseline entry.
   */
  kind: "inline" | "ignore-rule" | "config" | "baseline";
  /** The file that holds it, relative to the current directory. */
  file: string;
  line?: number;
  /** The commit that added it (`--since`, inline comments). */
  commit?: string;
  /** What it is, in one line, e.g. `ignore rule "*.env"`. Never a token. */
  what: string;
  /** The reason the change gives for it, when it gives one. */
  reason?: string;
  /** Fingerprints of this scan's findings it silences (inline) or would silence once merged. */
  fingerprints: string[];
}

/** An added suppression other than inline, with the test of which findings it would hide. */
export interface PendingSuppression extends Omit<AddedSuppression, "fingerprints"> {
  hides: (finding: ReportFinding) => boolean;
}
