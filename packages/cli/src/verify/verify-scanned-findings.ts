import {
  createVerifier,
  findingVerification,
  type VerificationResult,
  type Verifier,
  type VerifierOptions,
  type VerifierStats,
} from "@hawzu-scan/verify";
import type { ScannedFinding } from "../report.js";

/** What `--verify` produced: the findings with `verification`, and each token's full result. */
export interface VerifiedFindings {
  findings: ScannedFinding[];
  /** By fingerprint, for the revocation report. */
  results: Map<string, VerificationResult>;
  /** What was sent; `unreachable` when the run stopped sending because connections kept failing. */
  stats: VerifierStats;
}

/**
 * Asks the Hawzu API about each distinct token once (the verifier caches by fingerprint and limits
 * concurrency). `tokens` maps fingerprints to the tokens read back during the scan; a finding whose
 * token could not be read back gets `unknown`, never a guess.
 */
export async function verifyScannedFindings(
  findings: readonly ScannedFinding[],
  tokens: ReadonlyMap<string, string>,
  options: VerifierOptions,
  verifier: Verifier = createVerifier(options),
): Promise<VerifiedFindings> {
  const results = new Map<string, VerificationResult>();
  const fingerprints = [...new Set(findings.map((finding) => finding.fingerprint))];
  await Promise.all(
    fingerprints.map(async (fingerprint) => {
      const token = tokens.get(fingerprint);
      results.set(fingerprint, token === undefined ? notReadBack() : await verifier.verify(token, fingerprint));
    }),
  );
  return {
    findings: findings.map((finding) => ({ ...finding, verification: findingVerification(results.get(finding.fingerprint)!) })),
    results,
    stats: verifier.stats(),
  };
}

function notReadBack(): VerificationResult {
  return {
    status: "unknown",
    reason: "invalid-token-text",
    detail: "the token could not be read back from the scanned text",
    checkedAt: new Date().toISOString(),
    attempts: 0,
  };
}
