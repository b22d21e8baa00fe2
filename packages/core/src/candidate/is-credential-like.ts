import { isOtherVendorToken } from "./is-other-vendor-token.js";
import { isPlaceholder } from "./is-placeholder.js";

/** Token values are opaque strings of 20-512 characters (the Hawzu format is unpublished: HAWZU.md). */
export const MIN_TOKEN_LENGTH = 20;
export const MAX_TOKEN_LENGTH = 512;
/** JWTs carry their claims, so they run longer than opaque tokens (identity-provider tokens reach 2-3 KB). */
export const MAX_JWT_LENGTH = 4096;

const TOKEN_ALPHABET = /^[A-Za-z0-9\-_.~+/=]+$/;
// A JWT is three base64url parts, the first a JSON header; the rest need not decode (signed,
// encrypted or truncated claims all occur).
const JWT = /^eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$/;
const HEX = /^[0-9a-fA-F]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_PATH = /\.(?:json|ya?ml|txt|env|pem|key|toml|ini|cfg|conf|properties|js|ts|py|sh)$/i;
const VOWELS = /[aeiou]/g;
const FOUR_CONSONANTS = /[bcdfghjklmnpqrstvwxz]{4}/i;

export type Strictness = "normal" | "strict";

/**
 * True when the value looks like a real credential: long enough, from a token alphabet,
 * random-looking, and not a placeholder, a reference, a path or another vendor's token.
 * `strict` is for weak evidence: it also refuses values that look like hashes, commit SHAs, ids and
 * JWTs (a log near the word Hawzu is full of other services' session JWTs). Strong evidence (a
 * Hawzu-named key, a bearer sent to a Hawzu host) takes them: Hawzu's format is unpublished, and
 * hex tokens and JWTs are both common token formats.
 */
export function isCredentialLike(value: string, strictness: Strictness = "normal"): boolean {
  if (value.length < MIN_TOKEN_LENGTH || value.length > MAX_JWT_LENGTH) return false;
  if (value.startsWith("eyJ") && JWT.test(value)) {
    return strictness === "normal" && !isPlaceholder(value) && !isOtherVendorToken(value);
  }
  if (value.length > MAX_TOKEN_LENGTH) return false;
  if (!TOKEN_ALPHABET.test(value)) return false;
  if (isPlaceholder(value) || isOtherVendorToken(value)) return false;
  if (FILE_PATH.test(value)) return false;
  if (strictness === "strict" && (HEX.test(value) || UUID.test(value))) return false;
  if (!hasEnoughVariety(value)) return false;
  if (isWordy(value)) return false;
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

// Words that make up names, paths and made-up values (`hawzu-access-token-from-vault`,
// `ci_uploader_prod_key`); a value mostly made of them is a name, not a credential.
const COMMON_WORDS = [
  "access", "account", "api", "app", "auth", "backup", "bearer", "bot", "build", "ci", "client",
  "config", "credential", "default", "deploy", "dev", "env", "file", "for", "from", "hawzu", "key",
  "local", "main", "my", "name", "new", "nightly", "old", "path", "personal", "private", "prod",
  "production", "project", "release", "run", "secret", "secrets", "service", "staging", "stage",
  "test", "the", "token", "tokens", "upload", "uploader", "user", "value", "vault", "web", "workspace",
  "results", "reporter", "report", "string", "random", "generated", "password", "admin", "integration",
];
const WORD_BY_LENGTH = [...COMMON_WORDS].sort((a, b) => b.length - a.length);

/**
 * True when most of the value is made of word-like pieces (`my-api-token-value`, `HawzuTokenForCi`,
 * `/run/secrets/hawzu_token`): readable names, not random bytes. Letters and digits interleaved
 * (`a4Lq9x`) are never words, so random tokens of any alphabet pass.
 */
function isWordy(value: string): boolean {
  const alphanumeric = value.replace(/[^A-Za-z0-9]/g, "").length;
  if (alphanumeric === 0) return true;
  let wordCharacters = 0;
  let digitCharacters = 0;
  for (const chunk of value.split(/[^A-Za-z0-9]+/)) {
    if (/^\d+$/.test(chunk)) {
      digitCharacters += chunk.length;
      continue;
    }
    const covered = coveredByCommonWords(chunk.toLowerCase());
    const shape = /^[A-Za-z]+\d{0,4}$/.test(chunk) ? coveredByWordShapes(chunk) : 0;
    wordCharacters += Math.max(covered, shape);
    digitCharacters += (chunk.match(/\d/g) ?? []).length;
  }
  return wordCharacters / alphanumeric >= 0.6 && digitCharacters / alphanumeric < 0.3;
}

function coveredByCommonWords(chunk: string): number {
  let covered = 0;
  let rest = chunk;
  for (const word of WORD_BY_LENGTH) {
    if (word.length < 3 && chunk.length > 8) continue;
    while (rest.includes(word)) {
      covered += word.length;
      rest = rest.replace(word, " ");
    }
  }
  return covered;
}

/**
 * The chunk's length when it reads as a name: camel-case or single-case pieces of 3-12 letters
 * (random letters give pieces of one or two), most of them word-like (`ClassPropertyName`).
 */
function coveredByWordShapes(chunk: string): number {
  const letters = chunk.replace(/\d+$/, "");
  const pieces = letters.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  if (pieces.length === 0 || pieces.some((piece) => piece.length < 3 || piece.length > 12)) return 0;
  const wordLike = pieces.filter(looksLikeWord).reduce((sum, piece) => sum + piece.length, 0);
  return wordLike / letters.length >= 0.7 ? letters.length : 0;
}

function looksLikeWord(piece: string): boolean {
  const vowels = (piece.toLowerCase().match(VOWELS) ?? []).length;
  const ratio = vowels / piece.length;
  if (ratio < 0.2 || ratio > 0.6) return false;
  return !FOUR_CONSONANTS.test(piece) && !/[A-Z]{2}[a-z]|[a-z][A-Z]/.test(piece);
}
