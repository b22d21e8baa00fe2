import { seededRandom } from "../../../test/support/seeded-random.js";
import { describe, expect, it } from "vitest";
import { findTokens, isCredentialLike } from "../src/index.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("recall-by-shape");

// Every way of writing a token, with tokens of every alphabet and edge: a value that starts with
// `/` or `+` (1 in 32 standard base64 tokens), ends in `=` padding, or spells a vendor name by
// chance ("okta", "npm") must still be found. Each miss here is a leak in real files.
const shapes: Record<string, (token: string) => string> = {
  "dotenv": (token) => `HAWZU_TOKEN=${token}\n`,
  "named key with a colon and no space": (token) => `HAWZU_TOKEN:${token}\n`,
  "generic key under a Hawzu comment": (token) => `# Hawzu CI\nAPI_TOKEN=${token}\n`,
  "YAML block": (token) => `hawzu:\n  token: ${token}\n`,
  "quoted YAML block": (token) => `hawzu:\n  token: "${token}"\n`,
  "JSON object": (token) => `{"hawzu": {"token": "${token}"}}`,
  "INI section": (token) => `[hawzu]\ntoken = ${token}\n`,
  "HCL provider": (token) => `provider "hawzu" {\n  token = "${token}"\n}\n`,
  "curl bearer": (token) => `curl -H "Authorization: Bearer ${token}" https://api.hawzu.com/api/v1/me`,
  "query string": (token) => `https://api.hawzu.com/api/v1/me?token=${encodeURIComponent(token)}`,
  "JSON-escaped URL": (token) => `{"url": "https:\\/\\/api.hawzu.com\\/api\\/v1\\/me?token=${encodeURIComponent(token)}"}`,
  "Kubernetes Secret": (token) => `kind: Secret\ndata:\n  HAWZU_TOKEN: ${Buffer.from(token).toString("base64")}\n`,
  "client constructor": (token) => `const client = new HawzuClient("${token}");`,
  "CLI flag": (token) => `hawzu-cli login --token ${token}`,
};

// Values the value check accepts (its own miss rate is measured in is-credential-like.test.ts):
// this test is about the contexts.
const tokens = [
  ...Array.from({ length: 60 }, () => random.bytes(27).toString("base64")),
  ...Array.from({ length: 60 }, () => random.bytes(24).toString("base64url")),
  ...["/", "+", "-", "_"].map((first) => first + random.bytes(24).toString("base64url").slice(1)),
  random.bytes(25).toString("base64"),
  random.bytes(26).toString("base64"),
  "9OkTAksfhwlwOBrG2q+SFl6M/Y73s6Mz5Hkd",
  "xNpm4Q2awsR7kT9slackZ3hB8vW1yL6cJ0dF",
].filter((token) => isCredentialLike(token, "strict"));

describe.each(Object.entries(shapes))("%s", (shape, write) => {
  it("finds every token, whatever its alphabet and edges", () => {
    // After a space, `--token -abc` is another flag to any argument parser too (write --token=-abc).
    const candidates = shape === "CLI flag" ? tokens.filter((token) => !token.startsWith("-")) : tokens;
    const missed = candidates.filter((token) => findTokens(write(token)).findings.length !== 1);
    expect(missed.map((token) => token.slice(0, 4) + "…")).toEqual([]);
  });
});
