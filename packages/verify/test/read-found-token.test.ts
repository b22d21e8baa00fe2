// The verifier sends what the core's readFoundToken reads back (extractToken, a pass-through, is
// gone): checked here against every writing the core decodes, since a wrong read-back is a wrong verdict.
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findTokens, fingerprint, readFoundToken, type FindOptions } from "@hawzu-scan/core";

const b64 = (text: string) => Buffer.from(text, "latin1").toString("base64");
const urlSafeToken = () => randomBytes(24).toString("base64url");
// Standard base64 has `/` and `+`, which JSON may escape (`\/`) and URLs percent-encode.
const slashyToken = () => {
  for (;;) {
    const token = randomBytes(27).toString("base64");
    if (token.includes("/") && token.includes("+")) return token;
  }
};

/** Ways to write a token, each found by the core under one encoding. */
const writings: [name: string, encoding: string, make: (token: string) => string][] = [
  ["dotenv", "plain", (token) => `HAWZU_ACCESS_TOKEN=${token}\n`],
  ["bearer header", "plain", (token) => `curl -H "Authorization: Bearer ${token}" https://api.hawzu.com/api/v1/me\n`],
  ["json escaped slash", "json-escape", (token) => `{"hawzu_token": "${token.replaceAll("/", "\\/")}"}\n`],
  ["json unicode escape", "json-escape", (token) => `{"hawzuToken": "${token.replace("+", "\\u002b")}"}\n`],
  ["percent-encoded query", "percent", (token) => `GET https://api.hawzu.com/api/v1/me?access_token=${encodeURIComponent(token)}\n`],
  ["percent-encoded userinfo", "percent", (token) => `url: https://ci:${encodeURIComponent(token)}@api.hawzu.com/api/v1\n`],
  ["json-escaped then percent", "percent", (token) => `{"url": "https:\\/\\/api.hawzu.com\\/api\\/v1\\/me?token=${encodeURIComponent(token)}"}\n`],
  ["base64 key", "base64", (token) => `HAWZU_TOKEN_B64=${b64(token)}\n`],
  ["base64 value of a plain key", "base64", (token) => `HAWZU_TOKEN=${b64(token)}\n`],
  ["base64 with trailing newline", "base64", (token) => `HAWZU_TOKEN=${b64(token + "\n")}\n`],
  ["kubernetes secret", "base64", (token) => `apiVersion: v1\nkind: Secret\ndata:\n  HAWZU_TOKEN: ${b64(token)}\n`],
  ["basic auth user:token", "base64", (token) => `curl -H "Authorization: Basic ${b64("ci-bot:" + token)}" https://api.hawzu.com/api/v1/me\n`],
  ["basic auth token:", "base64", (token) => `curl -H "Authorization: Basic ${b64(token + ":")}" https://api.hawzu.com/api/v1/me\n`],
  ["curl -u", "plain", (token) => `curl -u ci:${token} https://api.hawzu.com/api/v1/me\n`],
];

describe("readFoundToken reads back the token the core fingerprinted", () => {
  it.each(writings)("%s (%s)", (_, encoding, make) => {
    for (let round = 0; round < 20; round++) {
      const token = encoding === "plain" || encoding === "base64" ? urlSafeToken() : slashyToken();
      const text = `# fixture\n${make(token)}# end\n`;
      const { findings } = findTokens(text);
      expect(findings.length, "the core finds the token").toBeGreaterThanOrEqual(1);
      const finding = findings[0]!;
      expect(finding.encoding).toBe(encoding);
      expect(finding.fingerprint === fingerprint(token), "the core fingerprints the token itself").toBe(true);
      const extracted = readFoundToken(text, finding);
      expect(extracted === token, "readFoundToken returns the token").toBe(true);
    }
  });

  it("matches every finding of the core's own test cases", () => {
    const casesRoot = join(import.meta.dirname, "../../core/test/cases");
    let checked = 0;
    for (const contextId of readdirSync(casesRoot)) {
      for (const name of readdirSync(join(casesRoot, contextId))) {
        const folder = join(casesRoot, contextId, name);
        const inputFile = readdirSync(folder).find((file) => file.startsWith("input."))!;
        const optionsFile = join(folder, "options.json");
        const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as FindOptions) : {};
        const text = readFileSync(join(folder, inputFile), "utf8");
        const { findings, suppressed } = findTokens(text, { path: options.path ?? inputFile, ...options });
        for (const finding of [...findings, ...suppressed]) {
          const extracted = readFoundToken(text, finding);
          expect(extracted !== undefined && fingerprint(extracted) === finding.fingerprint, `${contextId}/${name} line ${finding.line} (${finding.encoding})`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("returns undefined when the text no longer holds that token", () => {
    const token = urlSafeToken();
    const text = `HAWZU_ACCESS_TOKEN=${token}\n`;
    const finding = findTokens(text).findings[0]!;
    const changed = text.slice(0, finding.start) + (token[0] === "A" ? "B" : "A") + text.slice(finding.start + 1);
    // Booleans, so a failure cannot print a token.
    expect(readFoundToken(changed, finding) === undefined).toBe(true);
    expect(readFoundToken(text.slice(0, 10), finding) === undefined).toBe(true);
    expect(readFoundToken(text, { ...finding, start: finding.start + 1 }) === undefined).toBe(true);
  });
});
