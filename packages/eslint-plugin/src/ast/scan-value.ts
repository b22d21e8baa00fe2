import { findTokens, holdsKeyword, isHawzuPath, type Finding, type FindOptions } from "@hawzu-scan/core";

/**
 * How to present a value to the core: the AST tells us what the text around a value cannot, so
 * the value is written into a tiny text that states that evidence in a form the core reads. The
 * core then decides (placeholders, credential checks, fingerprints) exactly as for the CLI.
 */
export type ValueFrame =
  /** `KEY="value"`: assigned to a variable, property or attribute of that name. */
  | { kind: "named"; key: string }
  /** `Authorization: Bearer value <url>`: an Authorization header of a request to Hawzu. */
  | { kind: "bearer"; url: string | undefined; bare?: boolean }
  /** `hawzu: { key: "value" }`: a property of an object configured for Hawzu. */
  | { kind: "hawzu-object"; key: string }
  /** The value alone, as its own text (JSX text with entities decoded). */
  | { kind: "plain" };

/** A finding of the core inside the value: offsets are relative to the value. */
export interface ValueFinding {
  start: number;
  end: number;
  finding: Finding;
}

const AUTH_SCHEME = /^(?:Bearer|Token)[ \t]+/i;
const UNSAFE_KEY_CHARACTER = /[^\w.$-]/g;

/**
 * Runs the core on `value` written in `frame`; returns the findings that lie inside the value.
 * `keywords` are the core's prefilter words (`keywordsFor(options)`): a framed text without one
 * cannot hold a finding, so the core is not called for it.
 */
export function scanValue(value: string, frame: ValueFrame, options: FindOptions, keywords: readonly string[]): ValueFinding[] {
  const scheme = AUTH_SCHEME.exec(value);
  // A bare bearer value is a constant interpolated after `Bearer ` elsewhere (`Bearer ${TOKEN}`).
  if (frame.kind === "bearer" && !scheme && !frame.bare) return [];
  // The header scheme is not part of the token: frames other than `plain` get the bare credential.
  const payloadOffset = frame.kind === "plain" || !scheme ? 0 : scheme[0].length;
  const payload = value.slice(payloadOffset);
  let before: string;
  let after: string;
  switch (frame.kind) {
    case "named":
      before = `${frame.key.replace(UNSAFE_KEY_CHARACTER, "_")}="`;
      after = `"`;
      break;
    case "bearer":
      // Without a URL in the code the evidence is a Hawzu-named client: a weaker, nearby mention.
      before = frame.url ? "Authorization: Bearer " : "hawzu\nAuthorization: Bearer ";
      after = frame.url ? ` ${frame.url}` : "";
      break;
    case "hawzu-object":
      before = `hawzu: { ${frame.key.replace(UNSAFE_KEY_CHARACTER, "_")}: "`;
      after = `" }`;
      break;
    case "plain":
      before = "";
      after = "";
      break;
  }
  const text = before + payload + after;
  if (!holdsKeyword(text, keywords) && !isHawzuPath(options.path)) return [];
  const found: ValueFinding[] = [];
  for (const finding of findTokens(text, options).findings) {
    if (finding.start < before.length || finding.end > before.length + payload.length) continue;
    found.push({ start: finding.start - before.length + payloadOffset, end: finding.end - before.length + payloadOffset, finding });
  }
  return found;
}
