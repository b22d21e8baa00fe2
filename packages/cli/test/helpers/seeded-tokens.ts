import { isCredentialLike } from "@hawzu-scan/core";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** mulberry32: numbers in [0, 1) from a seed, so a failing test replays exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A generator of fake tokens (never real ones) from a seed, so a failing test replays exactly:
 * 40 letters and digits of both cases, credential-like for every context.
 */
export function seededTokens(seed: number): () => string {
  const next = seededRandom(seed);
  return () => {
    for (;;) {
      let token = "";
      for (let index = 0; index < 40; index++) token += ALPHABET[Math.floor(next() * ALPHABET.length)];
      if (/[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token) && isCredentialLike(token, "strict")) return token;
    }
  };
}
