import { describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

describe("config", () => {
  it.each([
    ["{ not json", "hawzu-scan.config.json: invalid JSON"],
    ['{"minConfidence":"low"}', 'hawzu-scan.config.json: "minConfidence" must be "high" or "medium" (got "low")'],
    ['{"ignores":["x"]}', 'hawzu-scan.config.json: unknown key "ignores" (allowed: ignore, knownPrefixes, minConfidence, extraKeyNames, archives)'],
    ['{"knownPrefixes":["ab"]}', 'hawzu-scan.config.json: "knownPrefixes": each prefix needs at least 3 characters (got "ab")'],
    ['{"archives":{"maxDepth":0}}', 'hawzu-scan.config.json: "archives.maxDepth" must be a whole number of at least 1 (got 0)'],
    ["[1]", "hawzu-scan.config.json: must be a JSON object (got a list)"],
  ])("rejects %s with a clear one-line message and exit 2", async (config, message) => {
    const cwd = tempFolder({ "hawzu-scan.config.json": config, "a.env": leak.env(fakeToken()) });
    const result = await runInMemory([], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe("");
  });

  it("never prints a token pasted where a key or a setting belongs", async () => {
    for (const config of [{ [fakeToken()]: true }, { minConfidence: fakeToken() }, { archives: { [fakeToken()]: 1 } }]) {
      const cwd = tempFolder({ "hawzu-scan.config.json": JSON.stringify(config) });
      const result = await runInMemory([], { cwd });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("not shown: it looks like a credential");
      const pasted = JSON.stringify(config).match(/[A-Za-z0-9]{30,}/)![0];
      expect(result.stderr.includes(pasted), "the pasted token was printed").toBe(false);
    }
  });

  it("reads the \"hawzu-scan\" key of package.json, and --config FILE", async () => {
    const token = `hzw_${fakeToken()}`;
    const cwd = tempFolder({
      "package.json": JSON.stringify({ name: "x", "hawzu-scan": { knownPrefixes: ["hzw_"] } }),
      "notes.txt": `the value: ${token}\n`,
      "alt.json": JSON.stringify({ minConfidence: "high", ignore: ["notes.txt"] }),
    });
    expect((await runInMemory([], { cwd })).code).toBe(1);
    expect((await runInMemory(["--config", "alt.json"], { cwd })).code).toBe(0);
    const missing = await runInMemory(["--config", "nope.json"], { cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.json: config file not found");
    const bad = tempFolder({ "package.json": JSON.stringify({ "hawzu-scan": { minConfidence: 3 } }) });
    expect((await runInMemory([], { cwd: bad })).stderr).toContain('package.json "hawzu-scan": "minConfidence" must be');
  });
});
