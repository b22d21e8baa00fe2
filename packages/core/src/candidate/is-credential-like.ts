import { isOtherVendorToken } from "./is-other-vendor-token.js";
import { isPlaceholder } from "./is-placeholder.js";

/** Token values are opaque strings of 20-512 characters (the Hawzu format is unpublished: HAWZU.md). */
export const MIN_TOKEN_LENGTH = 20;
export const MAX_TOKEN_LENGTH = 512;

const TOKEN_ALPHABET = /^[A-Za-z0-9\-_.~+/=]+$/;
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/;
// A dotted or bare identifier path (process.env.X, secrets.HAWZU_TOKEN, settings.hawzu.token).
const IDENTIFIER_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const HEX = /^[0-9a-fA-F]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_PATH = /^(?:\.{0,2}\/|~\/)|\.(?:json|ya?ml|txt|env|pem|key|toml|ini|cfg|conf|properties|js|ts|py|sh)$/i;
const VOWELS = /[aeiou]/g;
const FOUR_CONSONANTS = /[bcdfghjklmnpqrstvwxz]{4}/i;

export type Strictness = "normal" | "strict";

/**
 * True when the value looks like a real credential: long enough, from a token alphabet,
 * random-looking, and not a placeholder, a reference, a path or another vendor's token.
 * `strict` is for weak evidence: it also refuses values that look like hashes, commit SHAs and ids.
 */
export function isCredentialLike(value: string, strictness: Strictness = "normal"): boolean {
  if (value.length < MIN_TOKEN_LENGTH || value.length > MAX_TOKEN_LENGTH) return false;
  if (!TOKEN_ALPHABET.test(value)) return false;
  if (isPlaceholder(value) || isOtherVendorToken(value)) return false;
  if (JWT.test(value)) return true;
  if (FILE_PATH.test(value)) return false;
  if (strictness === "strict" && (HEX.test(value) || UUID.test(value))) return false;
  if (!hasEnoughVariety(value)) return false;
  if (isWordy(value)) return false;
  if (IDENTIFIER_PATH.test(value) && !/\d/.test(value) && value.includes(".")) return false;
  return true;
}

function hasEnoughVariety(value: string): boolean {
  const counts = new Map<string, number>();
  let longestRun = 1;
  let run = 1;
  let ascending = 0;
  for (let index = 0; index < value.length; index++) {
    const character = value[index]!;
    counts.set(character, (counts.get(character) ?? 0) + 1);
    if (index > 0) {
      const previous = value.charCodeAt(index - 1);
      const current = value.charCodeAt(index);
      run = current === previous ? run + 1 : 1;
      if (run > longestRun) longestRun = run;
      if (current === previous + 1) ascending++;
    }
  }
  // Trailing base64 padding is not a sign of a dummy value.
  const unpadded = value.replace(/=+$/, "");
  if (counts.size < 8 || (longestRun >= 6 && !value.endsWith("=".repeat(longestRun)))) return false;
  if (ascending > value.length / 3) return false;
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy >= 3 && unpadded.length >= MIN_TOKEN_LENGTH - 2;
}

/**
 * True when most of the value is made of word-like pieces (`my-api-token-value`, `HawzuTokenForCi`,
 * `/run/secrets/hawzu_token`): readable names, not random bytes.
 */
function isWordy(value: string): boolean {
  // Pieces: letter runs split at lower-to-upper case changes, digit runs, separators dropped.
  const pieces = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  let wordCharacters = 0;
  let digitCharacters = 0;
  for (const piece of pieces) {
    if (/^\d/.test(piece)) {
      digitCharacters += piece.length;
      continue;
    }
    if (piece.length >= 3 && looksLikeWord(piece)) wordCharacters += piece.length;
  }
  const alphanumeric = value.replace(/[^A-Za-z0-9]/g, "").length;
  if (alphanumeric === 0) return true;
  return wordCharacters / alphanumeric >= 0.6 && digitCharacters / alphanumeric < 0.25;
}

function looksLikeWord(piece: string): boolean {
  const vowels = (piece.toLowerCase().match(VOWELS) ?? []).length;
  const ratio = vowels / piece.length;
  if (ratio < 0.2 || ratio > 0.7) return false;
  if (piece.length > 4 && FOUR_CONSONANTS.test(piece)) return false;
  // Upper case runs longer than an acronym are words only in SHOUTING_SNAKE names.
  return true;
}
