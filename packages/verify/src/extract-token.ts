import { readFoundToken, type FoundTokenSpan } from "@hawzu-scan/core";

/** The parts of a finding needed to read its token back. */
export type FindingSpan = FoundTokenSpan;

/**
 * Reads back the token of a finding from the text it was found in (findings never carry it), so
 * the CLI can send it to the API. The core does the decoding; undefined when the text no longer
 * holds that token.
 */
export function extractToken(text: string, finding: FindingSpan): string | undefined {
  return readFoundToken(text, finding);
}
