import { seededRandom } from "../../../test/support/seeded-random.js";
import { describe, expect, it } from "vitest";
import { findTokens, isCredentialLike } from "../src/index.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("find-tokens");

// Random fake tokens the value check accepts (its miss rate is measured in is-credential-like.test.ts).
const token = (): string => {
  for (;;) {
    const value = random.bytes(24).toString("base64url");
    if (isCredentialLike(value, "strict")) return value;
  }
};

describe("findTokens", () => {
  it("returns 1-based positions of the token itself, end column exclusive", () => {
    const value = token();
    const { findings } = findTokens(`# config\r\nexport HAWZU_TOKEN="${value}"\r\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, column: 21, endLine: 2, endColumn: 21 + value.length });
  });

  it("counts columns in UTF-16 code units after non-ASCII text", () => {
    const value = token();
    const { findings } = findTokens(`név="Zoë 🚀" hawzu_token="${value}"`);
    expect(findings[0]!.column).toBe('név="Zoë 🚀" hawzu_token="'.length + 1);
  });

  it("never puts the token in a finding", () => {
    const value = token();
    const { findings } = findTokens(`HAWZU_ACCESS_TOKEN=${value}`);
    expect(findings).toHaveLength(1);
    expect(JSON.stringify(findings)).not.toContain(value);
    expect(JSON.stringify(findings)).not.toContain(value.slice(4, 12));
  });

  describe("inline suppression", () => {
    it("suppresses a finding on the same line and keeps the reason", () => {
      const { findings, suppressed } = findTokens(`HAWZU_TOKEN=${token()} # hawzu-scan-ignore: revoked on 2026-11-02`);
      expect(findings).toEqual([]);
      expect(suppressed).toHaveLength(1);
      expect(suppressed[0]!.reason).toBe("revoked on 2026-11-02");
    });

    it("suppresses a finding on the next line only", () => {
      const text = `// hawzu-scan-ignore-next-line -- test fixture\nconst hawzuToken = "${token()}";\nconst hawzuApiKey = "${token()}";\n`;
      const { findings, suppressed } = findTokens(text);
      expect(suppressed.map((finding) => finding.line)).toEqual([2]);
      expect(suppressed[0]!.reason).toBe("test fixture");
      expect(findings.map((finding) => finding.line)).toEqual([3]);
    });

    it("works in block and HTML comments without a reason", () => {
      const text = `<!-- hawzu-scan-ignore-next-line -->\nHAWZU_TOKEN=${token()}\n/* hawzu-scan-ignore */ hawzuToken = "${token()}"`;
      const { findings, suppressed } = findTokens(text);
      expect(findings).toEqual([]);
      expect(suppressed).toHaveLength(2);
      expect(suppressed[0]).not.toHaveProperty("reason");
    });

    it("masks anything token-like written into the reason", () => {
      const { suppressed } = findTokens(`HAWZU_TOKEN=${token()} # hawzu-scan-ignore: old value ${token()}`);
      expect(suppressed[0]!.reason).toBe("old value [redacted]");
    });
  });

  it("drops findings below the minimum confidence", () => {
    const text = `[hawzu]\ntoken = ${token()}\nHAWZU_TOKEN=${token()}\n`;
    expect(findTokens(text).findings.map((finding) => finding.confidence)).toEqual(["medium", "high"]);
    expect(findTokens(text, { minConfidence: "high" }).findings.map((finding) => finding.confidence)).toEqual(["high"]);
  });

  it("finds configured prefixes anywhere, and only when configured", () => {
    const text = `worker started with hzw_${token()} and 4 threads`;
    expect(findTokens(text).findings).toEqual([]);
    expect(findTokens(text, { knownPrefixes: ["hzw_"] }).findings).toHaveLength(1);
  });

  it("treats a Hawzu-named file as evidence for generic keys", () => {
    const text = `api_token: ${token()}\n`;
    expect(findTokens(text, { path: "config/app.yml" }).findings).toEqual([]);
    expect(findTokens(text, { path: "config/hawzu.yml" }).findings).toHaveLength(1);
  });

  it("decodes before fingerprinting, so one token has one fingerprint however it is written", () => {
    let value = random.bytes(30).toString("base64");
    while (!isCredentialLike(value, "strict")) value = random.bytes(30).toString("base64");
    const plain = findTokens(`HAWZU_TOKEN=${value}`).findings[0]!;
    const percent = findTokens(`https://api.hawzu.com/api/v1/me?token=${encodeURIComponent(value)}`).findings[0]!;
    const escaped = findTokens(`{"hawzuToken":"${value.replaceAll("/", "\\/")}"}`).findings[0]!;
    const secret = findTokens(`kind: Secret\ndata:\n  HAWZU_TOKEN: ${Buffer.from(value).toString("base64")}\n`).findings[0]!;
    expect(new Set([plain, percent, escaped, secret].map((finding) => finding.fingerprint)).size).toBe(1);
    expect(secret.encoding).toBe("base64");
  });

  it("rejects invalid options with a clear error", () => {
    expect(() => findTokens("", { knownPrefixes: ["h"] })).toThrow(/at least 3 characters/);
  });

  it("returns nothing for text without any keyword, cheaply", () => {
    expect(findTokens(`TOKEN=${token()}\n`.repeat(1000))).toEqual({ findings: [], suppressed: [] });
  });
});

describe("extra key names", () => {
  it("finds values of a configured key that does not say Hawzu, in any casing", () => {
    const text = `QA_UPLOAD_SECRET=${token()}\nqa_upload_secret: "${token()}"\nOTHER_SECRET=${token()}\n`;
    expect(findTokens(text).findings).toEqual([]);
    const { findings } = findTokens(text, { extraKeyNames: ["QA_UPLOAD_SECRET"] });
    expect(findings.map((finding) => finding.line)).toEqual([1, 2]);
  });
});

describe("known prefixes", () => {
  it("finds a prefixed token right after = or a quote, not inside a word", () => {
    const options = { knownPrefixes: ["hzw_"] };
    const value = `hzw_${token()}`;
    expect(findTokens(`token=${value}`, options).findings).toHaveLength(1);
    expect(findTokens(`key: "${value}"`, options).findings).toHaveLength(1);
    expect(findTokens(`ahzw_${token()}`, options).findings).toEqual([]);
  });
});

describe("descriptions", () => {
  it("never carry the value, even when the text names a section after it", () => {
    const value = token();
    const { findings } = findTokens(`[hawzu ${value}]\ntoken = ${value}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.context).not.toContain(value);
    expect(findings[0]!.context).toContain("[redacted]");
  });
});
