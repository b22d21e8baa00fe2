import { describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "./helpers/fixtures.js";
import { runInMemory } from "./helpers/run-in-memory.js";

describe("run: scanning paths", () => {
  it("exits 0 with an empty findings list when everything is clean", async () => {
    const cwd = tempFolder({ "a.txt": "hello\n", "b/c.log": "nothing here about hawzu\n" });
    const result = await runInMemory(["-f", "json"], { cwd });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, findings: [], errors: [], stats: { files: 2 } });
    expect(report.stats.bytes).toBe(31);
  });

  it("reports findings with the public JSON shape, file relative to cwd, and exits 1", async () => {
    const token = fakeToken();
    const cwd = tempFolder({ "app/.env": `# settings\n${leak.env(token)}\n` });
    const result = await runInMemory(["--format", "json", "app"], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["version", "findings", "errors", "stats", "covered"]);
    expect(report.findings).toHaveLength(1);
    const finding = report.findings[0];
    expect(Object.keys(finding)).toEqual(["ruleId", "file", "line", "column", "endLine", "endColumn", "confidence", "context", "fingerprint", "redacted"]);
    expect(finding).toMatchObject({ file: "app/.env", line: 2, column: 20, endLine: 2, endColumn: 20 + token.length, confidence: "high" });
    expect(finding.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(finding.redacted).toBe(`${token.slice(0, 4)}********`);
    expect(Object.keys(report.stats)).toEqual(["files", "bytes", "durationMs", "ignored", "binaryAsText"]);
  });

  it("exits 2 and names the path when a path does not exist, and still scans the rest", async () => {
    const cwd = tempFolder({ "ok.txt": "fine\n" });
    const result = await runInMemory(["-f", "json", "ok.txt", "missing.txt"], { cwd });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).errors).toEqual([{ file: "missing.txt", message: expect.stringContaining("no such file") }]);
    expect(result.stderr).toContain("missing.txt: not scanned");
  });

  it("rejects an unknown flag with a clear message and exit code 2", async () => {
    const result = await runInMemory(["--frobnicate"], { cwd: tempFolder() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("hawzu-scan: unknown option --frobnicate; run `hawzu-scan --help` for the options\n");
  });

  it.each([
    [["--format", "xml"], "--format must be one of"],
    [["--shard", "3/2"], "--shard must be K/N"],
    [["--jobs", "0"], "--jobs must be a whole number"],
    [["--min-confidence", "low"], "--min-confidence must be high or medium"],
    [["--format"], "option -f, --format <value> needs a value"],
    [["merge", "--list-suppressed", "a.json"], "does not apply"],
  ])("rejects %j with exit 2", async (argv, message) => {
    const result = await runInMemory(argv, { cwd: tempFolder() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("prints help and version", async () => {
    expect((await runInMemory(["--help"], { cwd: tempFolder() })).stdout).toContain("Exit codes: 0 clean");
    expect((await runInMemory(["--version"], { cwd: tempFolder() })).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("honours .gitignore, .hawzu-scanignore and the config's ignore globs, and reads binary files for their text", async () => {
    const cwd = tempFolder({
      ".gitignore": "build/\n",
      "build/out.env": leak.env(fakeToken()),
      "logs/.hawzu-scanignore": "old.log\n",
      "logs/old.log": leak.curl(fakeToken()),
      "vendor/x.env": leak.env(fakeToken()),
      "hawzu-scan.config.json": JSON.stringify({ ignore: ["vendor/**"] }),
      // Mostly control bytes, as in an image: binary (a few NULs alone no longer make text binary).
      "image.bin": Buffer.concat([Buffer.from(leak.env(fakeToken())), Buffer.from(Array.from({ length: 200 }, (_, index) => index % 32))]),
      "kept.env": leak.env(fakeToken()),
    });
    const result = await runInMemory(["-f", "json"], { cwd });
    const report = JSON.parse(result.stdout);
    // The binary's token is found (it used to be skipped: a quiet zero), with no code frame.
    expect(report.findings.map((finding: { file: string }) => finding.file)).toEqual(["image.bin", "kept.env"]);
    expect(report.errors).toEqual([]);
    expect(result.stderr).not.toContain("warning");
    expect(report.stats.binaryAsText).toBe(1);
  });

  it("follows symbolic links without looping and notes a dangling one (nothing to scan, not an error)", async () => {
    const { symlinkSync } = await import("node:fs");
    const { join } = await import("node:path");
    const cwd = tempFolder({ "real/a.env": leak.env(fakeToken()) });
    symlinkSync(join(cwd, "real"), join(cwd, "real/loop"));
    symlinkSync(join(cwd, "real/a.env"), join(cwd, "alias.env"));
    symlinkSync(join(cwd, "nowhere"), join(cwd, "broken.env"));
    const result = await runInMemory(["-f", "json"], { cwd });
    const report = JSON.parse(result.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.errors).toEqual([]);
    expect(result.stderr).toContain("hawzu-scan: note: broken.env: a symbolic link whose target does not exist");
    expect(result.code).toBe(1);
  });

  it("prints text grouped by file with a redacted code frame and a hint", async () => {
    const token = fakeToken();
    const cwd = tempFolder({ "ci.log": `step 1\n${leak.curl(token)}\n` });
    const result = await runInMemory([], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("ci.log\n  2:");
    expect(result.stdout).toContain(`Bearer ${token.slice(0, 4)}********'`);
    expect(result.stdout).toContain("  > 2 | ");
    expect(result.stdout).toContain("hint: revoke it in Hawzu");
    expect(result.stdout).not.toContain(token);
    expect(result.stdout).not.toContain("\u001b[");
  });

  it("uses colours only when stdout is a terminal (FORCE_COLOR stands in for it) and never with NO_COLOR", async () => {
    const cwd = tempFolder({ "a.env": leak.env(fakeToken()) });
    expect((await runInMemory([], { cwd, env: { FORCE_COLOR: "1" } })).stdout).toContain("\u001b[");
    expect((await runInMemory([], { cwd, env: { FORCE_COLOR: "1", NO_COLOR: "" } })).stdout).not.toContain("\u001b[");
  });

  it("writes the report to -o FILE", async () => {
    const { readFileSync } = await import("node:fs");
    const cwd = tempFolder({ "a.env": leak.env(fakeToken()) });
    const result = await runInMemory(["-f", "json", "-o", "report.json", "a.env"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(JSON.parse(readFileSync(`${cwd}/report.json`, "utf8")).findings).toHaveLength(1);
  });

  it("finds tokens with CRLF line ends at the same positions, without the carriage return", async () => {
    const token = fakeToken();
    const cwd = tempFolder({ "win.env": `A=1\r\n${leak.env(token)}\r\nB=2\r\n` });
    const result = await runInMemory(["-f", "json"], { cwd });
    const [finding] = JSON.parse(result.stdout).findings;
    expect(finding).toMatchObject({ line: 2, column: 20, endColumn: 20 + token.length });
  });

  it("scans invalid UTF-8 with a warning, not as an error", async () => {
    const token = fakeToken();
    const cwd = tempFolder({ "latin1.log": Buffer.concat([Buffer.from("caf\xe9\n", "latin1"), Buffer.from(`${leak.env(token)}\n`)]) });
    const result = await runInMemory(["-f", "json"], { cwd });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings[0]).toMatchObject({ line: 2, column: 20 });
    expect(result.stderr).toContain("latin1.log: not valid UTF-8");
  });
});
