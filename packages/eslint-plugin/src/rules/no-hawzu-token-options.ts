import type { Confidence } from "@hawzu-scan/core";

/** Options of `hawzu/no-hawzu-token`. Each one, when set, wins over `hawzu-scan.config.json`. */
export interface NoHawzuTokenOptions {
  /** Prefixes the team's Hawzu tokens start with; such values are found anywhere. */
  knownPrefixes?: string[];
  /** Drop findings below this confidence. */
  minConfidence?: Confidence;
  /** Extra key or variable names (exact, case-insensitive) that hold Hawzu tokens. */
  extraKeyNames?: string[];
  /**
   * Accepted values, by fingerprint (`sha256:` and at least 12 hex digits, as the message shows it),
   * so an accepted value is never written into a config.
   */
  allowFingerprints?: string[];
  /** Read `hawzu-scan.config.json` (or package.json's `"hawzu-scan"`) from ESLint's cwd, as the CLI does. Default true. */
  useConfigFile?: boolean;
}
