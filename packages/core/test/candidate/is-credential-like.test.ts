import { seededRandom } from "../../../../test/support/seeded-random.js";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isCredentialLike } from "../../src/candidate/is-credential-like.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("is-credential-like");

const pick = (alphabet: string, length: number) =>
  Array.from({ length }, () => alphabet[random.int(alphabet.length)]).join("");
const lower = "abcdefghijklmnopqrstuvwxyz";
const upper = lower.toUpperCase();
const digits = "0123456789";

// The Hawzu format is unpublished (docs/hawzu-tokens.md), so every alphabet a token generator might use must
// pass: a miss here is a missed leak.
const generators: Record<string, () => string> = {
  "base62": () => pick(lower + upper + digits, random.int(20, 65)),
  "base64url": () => random.bytes(random.int(15, 48)).toString("base64url"),
  "base64 with padding": () => random.bytes(random.int(15, 48)).toString("base64"),
  "lower-case alphanumeric": () => pick(lower + digits, random.int(20, 48)),
  "upper-case alphanumeric": () => pick(upper + digits, random.int(20, 48)),
  "letters only": () => pick(lower + upper, random.int(20, 48)),
  "prefixed": () => "hzt_" + pick(lower + upper + digits, random.int(24, 40)),
  "prefixed with words": () => "hawzu_live_" + pick(lower + upper + digits, 32),
  "dotted": () => pick(lower + upper + digits, 8) + "." + pick(lower + upper + digits, 24),
  "hex": () => random.bytes(random.int(12, 33)).toString("hex"),
  "uuid": () => random.uuid(),
};

describe("isCredentialLike", () => {
  // The draws are seeded: the allowance of 2 misses in 2,000 is checked against the same draws every
  // run, so the test fails only when the check itself changes.
  it.each(Object.entries(generators))("accepts random %s tokens", (_, generate) => {
    const misses = Array.from({ length: 2000 }, generate).filter((token) => !isCredentialLike(token));
    expect(misses.length).toBeLessThanOrEqual(2);
  });

  it("accepts a JWT-shaped value", () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const jwt = `${part({ alg: "HS256", typ: "JWT" })}.${part({ sub: "tok_81c2", iat: 1764000000 })}.${random.bytes(32).toString("base64url")}`;
    expect(isCredentialLike(jwt)).toBe(true);
  });

  it("takes long and undecodable JWTs and hex digests under strong evidence only", () => {
    // Seeded bytes: a chance placeholder-like run must not make this test flaky.
    let counter = 0;
    const seeded = (length: number) =>
      Buffer.concat(Array.from({ length: Math.ceil(length / 64) }, () => createHash("sha512").update(`core2-${counter++}`).digest())).subarray(0, length);
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const long = `${part({ alg: "RS256", typ: "JWT" })}.${part({ claims: seeded(900).toString("hex") })}.${seeded(256).toString("base64url")}`;
    const undecodable = `eyJ${seeded(24).toString("base64url")}.${seeded(48).toString("base64url")}.${seeded(32).toString("base64url")}`;
    const hex = seeded(20).toString("hex");
    expect(long.length).toBeGreaterThan(2000);
    for (const value of [long, undecodable, hex]) {
      expect(isCredentialLike(value)).toBe(true);
      expect(isCredentialLike(value, "strict")).toBe(false);
    }
    expect(isCredentialLike(`${long}.${"A".repeat(4096)}`)).toBe(false);
  });

  it.each([
    "YOUR_ACCESS_TOKEN",
    "YOUR_API_TOKEN_GOES_HERE",
    "your-token-here-please-replace",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "********************************",
    "changeme-changeme-changeme",
    "dummy-token-for-local-tests",
    "test-token-1234567890abcdef",
    "fake_8f7d6c5b4a39281706f5e4d3",
    "EXAMPLEa1B2c3D4e5F6g7H8i9J0",
    "hawzu-access-token-from-vault",
    "ci-uploader-nightly-2026",
    "process.env.HAWZU_ACCESS_TOKEN",
    "settings.hawzu.accessToken",
    "HawzuAccessTokenForTheCiUser",
    "/run/secrets/hawzu_access_token",
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789012345678901234",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "short-Ab3",
  ])("rejects %s", (value) => {
    expect(isCredentialLike(value)).toBe(false);
  });

  it.each([
    ["GitHub", "ghp_" + pick(lower + upper + digits, 36)],
    ["AWS", "AKIA" + pick(upper + digits, 16)],
    ["Stripe", "sk_live_" + pick(lower + upper + digits, 24)],
    ["Slack", "xoxb-123456789012-123456789012-" + pick(lower + upper + digits, 24)],
    ["GitLab", "glpat-" + pick(lower + upper + digits, 20)],
    ["Atlassian", "ATATT3xFfGF0" + random.bytes(120).toString("base64url")],
  ])("rejects another vendor's format (%s)", (_, value) => {
    expect(isCredentialLike(value)).toBe(false);
  });

  it("refuses hashes and ids under strict checking only", () => {
    const sha = random.bytes(20).toString("hex");
    expect(isCredentialLike(sha, "strict")).toBe(false);
    expect(isCredentialLike(random.uuid(), "strict")).toBe(false);
    expect(isCredentialLike(sha)).toBe(true);
  });

  it("bounds the length to 20-512 characters", () => {
    expect(isCredentialLike(pick(lower + upper + digits, 19))).toBe(false);
    expect(isCredentialLike(pick(lower + upper + digits, 513))).toBe(false);
    expect(isCredentialLike(pick(lower + upper + digits, 512))).toBe(true);
  });
});
