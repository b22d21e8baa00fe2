import { decodeBase64Text, decodeValue } from "./candidate/decode-value.js";
import { pickCredential } from "./candidate/pick-credential.js";
import { fingerprint } from "./fingerprint.js";
import type { Finding } from "./types.js";

/** The parts of a finding needed to read its token back from the scanned text. */
export type FoundTokenSpan = Pick<Finding, "start" | "end" | "encoding" | "fingerprint">;

/**
 * Reads the token of a finding back from the text it was found in, for the one consumer that must
 * send it somewhere (the verifier). Findings never carry the token; this undoes `encoding` the way
 * the contexts did, and returns the token only when its fingerprint is the finding's, so a changed
 * text or a stale offset gives undefined, never a wrong value.
 */
export function readFoundToken(text: string, finding: FoundTokenSpan): string | undefined {
  if (finding.start < 0 || finding.end > text.length || finding.start >= finding.end) return undefined;
  const written = text.slice(finding.start, finding.end);
  for (const candidate of readings(written, finding.encoding)) {
    if (fingerprint(candidate) === finding.fingerprint) return candidate;
  }
  return undefined;
}

// The closing quote, join operator and opening quote between two parts of a split literal.
const BETWEEN_PARTS = /["'`][ \t]*(?:\+|\.\.|\.)[ \t]*(?:\\?\r?\n[ \t]*)?["'`]/;

/** The readings the contexts could have made of `written` under `encoding`. */
function readings(written: string, encoding: Finding["encoding"]): string[] {
  if (encoding !== "base64") {
    const decoded = decodeValue(written);
    // A literal split in parts (hawzu-named-key): its range runs from the first part to the last.
    const parts = written.split(BETWEEN_PARTS);
    return [...(decoded ? [decoded.token] : []), ...(parts.length > 1 ? [parts.join("")] : [])];
  }
  const decoded = decodeBase64Text(written);
  if (decoded === undefined) return [];
  const colon = decoded.indexOf(":");
  const credential = colon < 0 ? undefined : pickCredential(decoded.slice(0, colon), decoded.slice(colon + 1));
  return credential === undefined ? [decoded] : [credential, decoded];
}
