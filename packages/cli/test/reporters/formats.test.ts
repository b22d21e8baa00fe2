import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gzipSync, makeTar, makeZip } from "../helpers/archives.js";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

describe("formats", () => {
  it("sarif: 2.1.0 with rules, regions and stable partialFingerprints", async () => {
    const token = fakeToken();
    const cwd = tempFolder({ "src/app.env": `\n${leak.env(token)}\n` });
    const first = JSON.parse((await runInMemory(["-f", "sarif"], { cwd })).stdout);
    expect(first.version).toBe("2.1.0");
    expect(first.$schema).toContain("sarif-2.1.0");
    const run = first.runs[0];
    expect(run.tool.driver.name).toBe("hawzu-scan");
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain("hawzu-named-key");
    expect(run.results).toHaveLength(1);
    const result = run.results[0];
    expect(result).toMatchObject({ ruleId: "hawzu-named-key", level: "error" });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "src/app.env", uriBaseId: "%SRCROOT%" },
      region: { startLine: 2, startColumn: 20, endLine: 2, endColumn: 20 + token.length },
    });
    expect(result.partialFingerprints["hawzuTokenLocation/v1"]).toMatch(/^[0-9a-f]{64}$/);
    // Moving the token down keeps its partial fingerprint: the alert follows it.
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(cwd, "src/app.env"), `\n\n\n${leak.env(token)}\n`);
    const second = JSON.parse((await runInMemory(["-f", "sarif"], { cwd })).stdout).runs[0].results[0];
    expect(second.partialFingerprints).toEqual(result.partialFingerprints);
    expect(second.locations[0].physicalLocation.region.startLine).toBe(4);
  });

  it("github: one annotation per finding and per error, escaped", async () => {
    const cwd = tempFolder({ "a,b.env": leak.env(fakeToken()) });
    const result = await runInMemory(["-f", "github", ".", "gone.log"], { cwd });
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^::error file=a%2Cb\.env,line=1,col=20,endLine=1,endColumn=\d+,title=Hawzu access token \(hawzu-named-key\)::/);
    expect(lines[1]).toMatch(/^::error file=gone\.log,title=hawzu-scan%3A not scanned::gone\.log: not scanned/);
  });

  it("--list-suppressed shows findings silenced by inline comments, with the reason", async () => {
    const cwd = tempFolder({ "fixture.env": `${leak.env(fakeToken())} # hawzu-scan-ignore: test fixture\n` });
    const plain = await runInMemory(["-f", "json"], { cwd });
    expect(plain.code).toBe(0);
    expect(JSON.parse(plain.stdout).suppressed).toBeUndefined();
    const listed = await runInMemory(["-f", "json", "--list-suppressed"], { cwd });
    expect(JSON.parse(listed.stdout).suppressed).toMatchObject([{ file: "fixture.env", line: 1, reason: "test fixture" }]);
    const text = await runInMemory(["--list-suppressed"], { cwd });
    expect(text.stdout).toContain("1 finding(s) suppressed by hawzu-scan-ignore comments:");
    expect(text.stdout).toContain("(reason: test fixture)");
  });

  it("never shows a token in any format, report file or message", async () => {
    const tokens = Array.from({ length: 8 }, fakeToken);
    const cwd = tempFolder({
      ".env": `${leak.env(tokens[0]!)}\n`,
      "ci.log": `${leak.curl(tokens[1]!)} ${leak.env(tokens[2]!)}\n`,
      "app.log.gz": gzipSync(`${leak.json(tokens[3]!)}\n`),
      "bundle.zip": makeZip({ "x/.env": leak.env(tokens[4]!) }),
      "logs.tar": await makeTar({ "y.log": leak.curl(tokens[5]!) }),
      "ignored.env": `${leak.env(tokens[6]!)} # hawzu-scan-ignore: fixture\n`,
      "deploy.yaml": `hawzu:\n  url: https://api.hawzu.com\n  token: ${tokens[7]}\n`,
    });
    const outputs: string[] = [];
    for (const format of ["text", "json", "sarif", "github"]) {
      for (const extra of [[], ["--list-suppressed"], ["-o", `report.${format}`]]) {
        const result = await runInMemory(["-f", format, ...extra], { cwd, env: { FORCE_COLOR: "1" } });
        expect(result.code).toBe(1);
        outputs.push(result.stdout, result.stderr);
        if (extra[0] === "-o") outputs.push(readFileSync(join(cwd, extra[1]!), "utf8"));
      }
    }
    await runInMemory(["--write-baseline", "base.json"], { cwd });
    outputs.push(readFileSync(join(cwd, "base.json"), "utf8"));
    const all = outputs.join("\n");
    expect(all).toContain(`${tokens[0]!.slice(0, 4)}********`);
    for (const token of tokens) expect(all).not.toContain(token);
  });
});
