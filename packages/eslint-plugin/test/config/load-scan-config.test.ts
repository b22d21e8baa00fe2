import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Linter } from "eslint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import plugin from "../../src/index.js";
import { createFakeTokens } from "../fake-token.js";

const fakeToken = createFakeTokens(0xc0f1);
const TOKEN = fakeToken();
// Found only through the config: a known prefix, and a key name with no "hawzu" in it.
const PREFIXED = `const value = "tstp_${TOKEN}";`;
const EXTRA_NAME = `const svcCredential = "${TOKEN}";`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "hawzu-config-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lint(code: string, options?: object) {
  const rule = options ? ["error", options] : "error";
  return new Linter({ cwd: dir }).verify(code, [{ plugins: { hawzu: plugin }, rules: { "hawzu/no-hawzu-token": rule } }] as Linter.Config[], join(dir, "src/a.js"));
}
const ruleIds = (messages: Linter.LintMessage[]) => messages.map((message) => message.messageId ?? message.message);

describe("the rule reads hawzu-scan.config.json as the CLI does", () => {
  it("uses knownPrefixes and extraKeyNames from the file", () => {
    expect(lint(PREFIXED)).toEqual([]);
    expect(lint(EXTRA_NAME)).toEqual([]);
    writeFileSync(join(dir, "hawzu-scan.config.json"), JSON.stringify({ knownPrefixes: ["tstp_"], extraKeyNames: ["svcCredential"], ignore: ["dist/"] }));
    expect(ruleIds(lint(PREFIXED))).toEqual(["hardCodedToken"]);
    expect(ruleIds(lint(EXTRA_NAME))).toHaveLength(1);
  });

  it("uses the \"hawzu-scan\" key of package.json when there is no config file", () => {
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", "hawzu-scan": { knownPrefixes: ["tstp_"] } }));
    expect(ruleIds(lint(PREFIXED))).toEqual(["hardCodedToken"]);
  });

  it("lets options in the ESLint config win, key by key", () => {
    writeFileSync(join(dir, "hawzu-scan.config.json"), JSON.stringify({ knownPrefixes: ["tstp_"], extraKeyNames: ["svcCredential"] }));
    expect(lint(PREFIXED, { knownPrefixes: ["other_"] })).toEqual([]);
    expect(ruleIds(lint(EXTRA_NAME, { knownPrefixes: ["other_"] }))).toHaveLength(1);
    expect(lint(PREFIXED, { useConfigFile: false })).toEqual([]);
  });

  it.each([
    ["invalid JSON", "{ knownPrefixes: [", /hawzu-scan\.config\.json is not valid JSON \(line 1, column 3\)/],
    ["an unknown key", JSON.stringify({ knownPrefix: ["tstp_"] }), /unknown key "knownPrefix"/],
    ["a short prefix", JSON.stringify({ knownPrefixes: ["t_"] }), /at least 3 characters/],
    // A token pasted as a key is not printed back (the fake value is built from pieces at run time).
    ["a pasted token as a key", JSON.stringify({ [["Zq8", "xW2mKp4", "Tr9vLb3", "Nc6Hs1", "Ge5Yd7Fj0"].join("")]: 1 }), /unknown key \(not shown: it looks like a credential\)/],
  ])("names the file as not checked on %s, never a silent pass", (_name, text, problem) => {
    writeFileSync(join(dir, "hawzu-scan.config.json"), text);
    const messages = lint(PREFIXED);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: "hawzu/no-hawzu-token", messageId: "invalidConfig", line: 1 });
    expect(messages[0]!.message).toMatch(problem);
    expect(messages[0]!.message).toContain("not checked");
  });

  it("rereads the file when it changes", () => {
    writeFileSync(join(dir, "hawzu-scan.config.json"), JSON.stringify({ knownPrefixes: ["none_"] }));
    expect(lint(PREFIXED)).toEqual([]);
    writeFileSync(join(dir, "hawzu-scan.config.json"), JSON.stringify({ knownPrefixes: ["tstp_", "more_"] }));
    expect(ruleIds(lint(PREFIXED))).toEqual(["hardCodedToken"]);
  });
});
