import { Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { createFakeTokens } from "../fake-token.js";

const fakeToken = createFakeTokens(0x2024);
const TOKEN = fakeToken(40);
const PASSWORD = fakeToken(24);
const SIGNATURE = fakeToken(30);

describe("messages built from a URL in the code (issue 12)", () => {
  it("show scheme, host and path, never user info, query string or fragment", () => {
    const code = `await fetch("https://ci-bot:${PASSWORD}@hawzu.acme.internal/api/v1/me?sig=${SIGNATURE}#section-${SIGNATURE.slice(0, 6)}", { headers: { Authorization: \`Bearer ${TOKEN}\` } });`;
    const messages = new Linter().verify(code, [plugin.configs.recommended], "src/me.js");
    const bearer = messages.find((message) => message.message.includes("Authorization header"));
    expect(bearer?.message).toContain("https://hawzu.acme.internal/api/v1/me");
    for (const message of messages) {
      for (const secret of [TOKEN, PASSWORD, SIGNATURE, "ci-bot", "sig=", "#section"]) expect(message.message).not.toContain(secret);
    }
  });

  it("keep the host of a client's base URL and drop its credentials", () => {
    const code = [
      `const api = axios.create({ baseURL: "https://deploy:${PASSWORD}@api.hawzu.com/api/v1?token=${SIGNATURE}" });`,
      ...Array.from({ length: 12 }, (_, index) => `const filler${index} = ${index};`),
      `api.defaults.headers.common.Authorization = \`Bearer ${TOKEN}\`;`,
    ].join("\n");
    const messages = new Linter().verify(code, [plugin.configs.recommended], "src/api.js");
    const bearer = messages.find((message) => message.line === 14);
    expect(bearer?.message).toContain("https://api.hawzu.com/api/v1");
    for (const message of messages) {
      for (const secret of [TOKEN, PASSWORD, SIGNATURE, "deploy", "token="]) expect(message.message).not.toContain(secret);
    }
  });
});

describe("options", () => {
  it.each([
    ["a blank known prefix", { knownPrefixes: ["   "] }],
    ["a known prefix with a stray space", { knownPrefixes: ["hzw_ "] }],
    ["an empty extra key name", { extraKeyNames: [""] }],
    ["a whitespace-only extra key name", { extraKeyNames: [" \t"] }],
    ["a fingerprint that is not one", { allowFingerprints: ["sha256:xyz"] }],
  ])("reject %s", (_name, options) => {
    const config = [{ plugins: { hawzu: plugin }, rules: { "hawzu/no-hawzu-token": ["error", options] } }] as Linter.Config[];
    expect(() => new Linter().verify("const a = 1;", config, "a.js")).toThrow(/no-hawzu-token/);
  });

  it("accept the same values written properly", () => {
    const config = [{ plugins: { hawzu: plugin }, rules: { "hawzu/no-hawzu-token": ["error", { knownPrefixes: ["hzw_"], extraKeyNames: ["svcToken"], allowFingerprints: ["sha256:0123456789ab"] }] } }] as Linter.Config[];
    expect(new Linter().verify("const a = 1;", config, "a.js")).toEqual([]);
  });
});
