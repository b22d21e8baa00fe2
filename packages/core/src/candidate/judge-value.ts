import type { TextEvidence } from "../evidence/TextEvidence.js";
import type { Encoding } from "../types.js";
import { decodeBase64Text, decodeValue } from "./decode-value.js";
import { isCredentialLike, type Strictness } from "./is-credential-like.js";

/** A value that passed the credential check: the token it stands for and how it was written. */
export interface JudgedValue {
  token: string;
  encoding: Encoding;
}

/**
 * The one value check every finding passes (find-tokens.ts): escapes undone, base64 of printable
 * text judged by that text, then `isCredentialLike`. `token` is a context's own decoding of
 * `written`, if any.
 */
export function judgeValue(
  written: string,
  strictness: Strictness = "normal",
  token?: string,
  encoding: Encoding = "plain",
): JudgedValue | undefined {
  if (token === undefined) {
    const decoded = decodeValue(written);
    if (!decoded) return undefined;
    token = decoded.token;
    encoding = decoded.encoding;
  }
  // A value that is base64 of printable text is judged by that text: a Secret's encoded token is
  // that token, and an encoded placeholder (WU9VUl9BQ0NFU1NfVE9LRU4=) is still a placeholder.
  if (encoding === "plain") {
    const inner = decodeBase64Text(token);
    if (inner !== undefined && inner.length >= 12) {
      token = inner;
      encoding = "base64";
    }
  }
  return isCredentialLike(token, strictness) ? { token, encoding } : undefined;
}

const JUDGED = {};

/**
 * `judgeValue` of the text's [start, end) with no decoding of a context's own, kept per text: the
 * same value is often matched by two contexts (a bearer near a Hawzu host and near the word Hawzu).
 */
export function judgeRange(evidence: TextEvidence, start: number, end: number, strictness: Strictness = "normal"): JudgedValue | undefined {
  const judged = evidence.derive(JUDGED, () => new Map<string, JudgedValue | undefined>());
  const key = `${start}:${end}:${strictness}`;
  if (judged.has(key)) return judged.get(key);
  // Strict only adds refusals: a value refused normally is refused strictly too.
  const result =
    strictness === "strict" && judged.has(`${start}:${end}:normal`) && judged.get(`${start}:${end}:normal`) === undefined
      ? undefined
      : judgeValue(evidence.text.slice(start, end), strictness);
  judged.set(key, result);
  return result;
}
