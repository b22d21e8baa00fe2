import { fingerprint, isCredentialLike, type Finding } from "@hawzu-scan/core";

/** The parts of a finding needed to read its token back. */
export type FindingSpan = Pick<Finding, "start" | "end" | "encoding" | "fingerprint">;

const JSON_ESCAPE = /\\(?:\/|u([0-9a-fA-F]{4}))/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$/;

/**
 * Reads back the token of a finding from the text it was found in: findings never carry the
 * token (by design), so the CLI re-reads `text.slice(start, end)` and undoes `encoding` the way
 * the core does (json-escape, percent, base64; for a base64 basic-auth pair, the credential half
 * of `user:password`). Returns the token only when its fingerprint equals the finding's, so a
 * changed file or a stale offset gives undefined, never a wrong token sent to the API.
 */
export function extractToken(text: string, finding: FindingSpan): string | undefined {
  if (finding.start < 0 || finding.end > text.length || finding.start >= finding.end) return undefined;
  const written = text.slice(finding.start, finding.end);
  for (const candidate of candidatesFor(written, finding.encoding)) {
    if (fingerprint(candidate) === finding.fingerprint) return candidate;
  }
  return undefined;
}

/** The readings the core could have made of `written` under `encoding`, most likely first. */
function candidatesFor(written: string, encoding: Finding["encoding"]): string[] {
  switch (encoding) {
    case "plain":
      return [written];
    case "json-escape":
      return [unescapeJson(written)];
    case "percent": {
      const decoded = decodePercent(written.includes("\\") ? unescapeJson(written) : written);
      return decoded === undefined ? [] : [decoded];
    }
    case "base64": {
      const decoded = decodeBase64Text(written);
      if (decoded === undefined) return [];
      const colon = decoded.indexOf(":");
      if (colon < 0) return [decoded];
      // `Basic base64(user:token)`: the core keeps the credential half (basic-auth-to-hawzu-host).
      const credential = pickCredential(decoded.slice(0, colon), decoded.slice(colon + 1));
      return credential === undefined ? [decoded] : [credential, decoded];
    }
  }
}

function unescapeJson(written: string): string {
  return written.replace(JSON_ESCAPE, (_, hex: string | undefined) => (hex === undefined ? "/" : String.fromCharCode(Number.parseInt(hex, 16))));
}

function decodePercent(written: string): string | undefined {
  try {
    return decodeURIComponent(written);
  } catch {
    return undefined;
  }
}

function decodeBase64Text(written: string): string | undefined {
  if (!BASE64.test(written)) return undefined;
  const decoded = Buffer.from(written, written.includes("-") || written.includes("_") ? "base64url" : "base64");
  // `echo token | base64` adds a trailing newline, which the core drops.
  return decoded.toString("latin1").replace(/\n$/, "");
}

function pickCredential(user: string, password: string): string | undefined {
  if (isCredentialLike(password)) return password;
  if (password === "" && isCredentialLike(user)) return user;
  return undefined;
}
