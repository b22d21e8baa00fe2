import { describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

const short = (fingerprint: string) => fingerprint.slice(0, "sha256:".length + 8);

describe("text output", () => {
  it("tells tokens with the same redacted form apart by a short fingerprint", async () => {
    const [first, second] = [fakeToken(), fakeToken()];
    // Same first four characters: the redacted forms are equal, the fingerprints are not.
    const twin = first!.slice(0, 4) + second!.slice(4);
    const cwd = tempFolder({ "a.env": `${leak.env(first!)}\n`, "b.env": `${leak.env(twin)}\n` });
    const json = JSON.parse((await runInMemory(["-f", "json"], { cwd })).stdout);
    const text = (await runInMemory([], { cwd })).stdout;
    const fingerprints = json.findings.map((finding: { fingerprint: string }) => short(finding.fingerprint));
    expect(new Set(fingerprints).size).toBe(2);
    for (const fingerprint of fingerprints) expect(text).toContain(`${first!.slice(0, 4)}******** ${fingerprint}`);
  });

  it("shows the first sightings of a token, then a count, and the hint once after the findings", async () => {
    const token = fakeToken();
    const other = fakeToken();
    const lines = Array.from({ length: 320 }, () => leak.env(token));
    const cwd = tempFolder({ "big.log": `${lines.join("\n")}\n`, "z.env": `${leak.env(other)}\n` });
    const result = await runInMemory([], { cwd });
    expect(result.code).toBe(1);
    const fingerprint = short(JSON.parse((await runInMemory(["-f", "json", "big.log"], { cwd })).stdout).findings[0].fingerprint);
    expect(result.stdout.match(/> \d+ \| /g)).toHaveLength(3 + 1);
    expect(result.stdout).toContain(`${fingerprint}: 317 more sighting(s) of this token not shown (320 in all)`);
    expect(result.stdout.match(/hint:/g)).toHaveLength(1);
    // After every finding, before the summary: where a person at a commit prompt looks.
    const hint = result.stdout.indexOf("hint:");
    expect(hint).toBeGreaterThan(result.stdout.indexOf("z.env"));
    expect(hint).toBeLessThan(result.stdout.indexOf("321 Hawzu token finding(s)"));
    expect(result.stdout.length).toBeLessThan(3000);
  });

  it("masks the token only: neither the key name beside it nor URLs and words on the lines shown", async () => {
    const token = fakeToken();
    const previous = fakeToken();
    const text = ["url=https://api.hawzu.com/api/v1/me?x=1 python3.11/site-packages/requests/adapters.py", `HAWZU_TOKEN=${previous}`, `${leak.env(token)}`, ""].join("\n");
    const cwd = tempFolder({ "a.log": text });
    const result = await runInMemory(["--min-confidence", "high", "a.log"], { cwd });
    // The line before a finding, where the old mask hid `HAWZ********` and `http********`.
    expect(result.stdout).toContain(`    2 | HAWZU_TOKEN=${previous.slice(0, 4)}********\n`);
    expect(result.stdout).toContain("    1 | url=https://api.hawzu.com/api/v1/me?x=1 python3.11/site-packages/requests/adapters.py\n");
    expect(result.stdout).not.toContain(token);
    expect(result.stdout).not.toContain(previous);
  });

  it("masks a token glued into a URL path or query, and other credentials on the shown lines", async () => {
    const [token, inPath, inQuery] = [fakeToken(), fakeToken(), fakeToken()];
    const cwd = tempFolder({ "a.log": `GET https://example.test/v1/${inPath}/x?key=${inQuery} ${leak.env(token)}\n` });
    const result = await runInMemory(["a.log"], { cwd });
    expect(result.stdout).toContain(`https://example.test/v1/${inPath.slice(0, 4)}********/x?key=${inQuery.slice(0, 4)}********`);
    for (const secret of [token, inPath, inQuery]) expect(result.stdout).not.toContain(secret);
  });

  it("shows control characters from scanned content escaped, in text, compact and github output", async () => {
    const token = fakeToken();
    const cwd = tempFolder({
      "colour.log": `\u001b[32mstarting\u0007\u001b]52;c;ZXZpbA==\u0007\n\u001b[31m${leak.curl(token)} \u202e\u001b[0m\n`,
    });
    const text = await runInMemory([], { cwd });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("\\e[32mstarting\\x07\\e]52;c;ZXZpbA==\\x07");
    expect(text.stdout).toContain("\\e[31mcurl");
    expect(text.stdout).toContain("\\u202e\\e[0m");
    for (const format of ["text", "compact", "github"]) {
      const output = (await runInMemory(["-f", format], { cwd })).stdout;
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(output).not.toContain(token);
    }
    // The caret still sits under the redacted token, counted in escaped characters.
    const lines = text.stdout.split("\n");
    const frame = lines.findIndex((line) => line.startsWith("  > 2 | "));
    const caret = lines[frame + 1]!.indexOf("^");
    expect(lines[frame]!.slice(caret, caret + 12)).toBe(`${token.slice(0, 4)}********`);
  });

  it("names files with control characters escaped", async () => {
    const cwd = tempFolder({ "evil\u001b[2Jname.env": `${leak.env(fakeToken())}\n` });
    for (const format of ["text", "compact", "github"]) {
      const output = (await runInMemory(["-f", format], { cwd })).stdout;
      expect(output).toContain("evil\\e[2Jname.env");
      expect(output).not.toContain("\u001b");
    }
  });

  it("keeps carets under the token after tabs", async () => {
    const token = fakeToken();
    const cwd = tempFolder({ "tabs.env": `\t\t${leak.env(token)}\n` });
    const lines = (await runInMemory([], { cwd })).stdout.split("\n");
    const frame = lines.findIndex((line) => line.startsWith("  > 1 | "));
    expect(lines[frame + 1]).toBe(`      | \t\t${" ".repeat("HAWZU_ACCESS_TOKEN=".length)}${"^".repeat(12)}`);
  });
});

describe("compact output", () => {
  it("writes one file:line:col line per finding, like ESLint's unix formatter, then the summary", async () => {
    const [first, second] = [fakeToken(), fakeToken()];
    const cwd = tempFolder({ "app/.env": `# settings\n${leak.env(first!)}\n`, "ci.log": `${leak.curl(second!)}\n${leak.curl(second!)}\n` });
    const result = await runInMemory(["-f", "compact"], { cwd });
    expect(result.code).toBe(1);
    const json = JSON.parse((await runInMemory(["-f", "json"], { cwd })).stdout);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 3)).toEqual(
      json.findings.map(
        (finding: { file: string; line: number; column: number; redacted: string; fingerprint: string; context: string; confidence: string; ruleId: string }) =>
          `${finding.file}:${finding.line}:${finding.column}: ${finding.redacted} ${short(finding.fingerprint)} ${finding.context} [${finding.confidence}/${finding.ruleId}]`,
      ),
    );
    expect(lines[0]).toMatch(/^app\/\.env:2:20: /);
    expect(lines[3]).toBe("");
    expect(lines[4]).toMatch(/^3 Hawzu token finding\(s\) in 2 file\(s\)/);
    expect(result.stdout).not.toContain(first);
    expect(result.stdout).not.toContain(second);
  });

  it("still says what was scanned when nothing is found", async () => {
    const result = await runInMemory(["-f", "compact"], { cwd: tempFolder({ "a.txt": "hello\n" }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no Hawzu tokens found in 1 file\(s\)/);
  });
});
