// Test helper shared by every package's tests: random draws that replay. A test that draws from an
// unseeded source fails "by chance" sooner or later; with a fixed seed, a run that passes once passes
// every time, and a failure reproduces.

/** A deterministic source of random values (xoshiro128** over a splitmix32-expanded seed). */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max) (or [0, min) with one argument), like `crypto.randomInt`. */
  int(min: number, max?: number): number;
  /** `length` random bytes, like `crypto.randomBytes`. */
  bytes(length: number): Buffer;
  /** A version-4-shaped UUID, like `crypto.randomUUID`. */
  uuid(): string;
}

/** A generator seeded with `seed` (any string or integer); the same seed gives the same draws. */
export function seededRandom(seed: string | number): SeededRandom {
  // splitmix32 turns the seed (hashed with FNV-1a when a string) into four non-zero state words.
  let h = typeof seed === "number" ? seed >>> 0 : 0x811c9dc5;
  if (typeof seed === "string") for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  const splitmix = () => {
    h = (h + 0x9e3779b9) >>> 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = [splitmix() || 1, splitmix(), splitmix(), splitmix()] as [number, number, number, number];
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const next = () => nextUint32() / 2 ** 32;
  const int = (min: number, max?: number) => (max === undefined ? Math.floor(next() * min) : min + Math.floor(next() * (max - min)));
  const bytes = (length: number) => {
    const buffer = Buffer.alloc(length);
    for (let i = 0; i < length; i++) buffer[i] = nextUint32() & 0xff;
    return buffer;
  };
  const uuid = () => {
    const b = bytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const hex = b.toString("hex");
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  return { next, int, bytes, uuid };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
