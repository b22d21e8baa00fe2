import type { Encoding } from "../types.js";

/** A written value with its escapes undone. */
export interface DecodedValue {
  token: string;
  encoding: Encoding;
}

const JSON_ESCAPE = /\\(?:\/|u([0-9a-fA-F]{4}))/g;
const PERCENT_ESCAPE = /%[0-9A-Fa-f]{2}/;

/**
 * Undoes JSON string escapes and URL percent-encoding, so the fingerprint is the token's, not
 * the way one file happened to write it. Returns undefined for a broken escape.
 */
export function decodeValue(written: string): DecodedValue | undefined {
  let token = written;
  let encoding: Encoding = "plain";
  if (token.includes("\\")) {
    token = token.replace(JSON_ESCAPE, (_, hex: string | undefined) =>
      hex === undefined ? "/" : String.fromCharCode(Number.parseInt(hex, 16)),
    );
    encoding = "json-escape";
  }
  if (token.includes("%")) {
    if (!PERCENT_ESCAPE.test(token)) return undefined;
    try {
      token = decodeURIComponent(token);
    } catch {
      return undefined;
    }
    encoding = "percent";
  }
  return { token, encoding };
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+={0,2}$/;

/** Decodes base64 (standard or URL-safe) text into printable ASCII, or undefined if it is not that. */
export function decodeBase64Text(written: string): string | undefined {
  if (written.length < 8 || written.length % 4 === 1 || !BASE64.test(written)) return undefined;
  const decoded = Buffer.from(written, written.includes("-") || written.includes("_") ? "base64url" : "base64");
  for (const byte of decoded) {
    if (byte < 0x20 || byte > 0x7e) {
      // Allow one trailing newline: `echo token | base64` adds it.
      if (!(byte === 0x0a && decoded.indexOf(byte) === decoded.length - 1)) return undefined;
    }
  }
  return decoded.toString("latin1").replace(/\n$/, "");
}
