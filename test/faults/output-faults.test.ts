// Fault injection, end to end: the report's sink fails (full disk, closed pipe), and files vanish or
// shrink between the check and the read. The built CLI as a child process, real files in temp folders.
import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment, cli, CLI_BIN, envLine, expectCleanOutput, findingPlaces, folder, linesOf, removeFolders, seededTokens, type Result } from "./fault-fixture.js";
import { buildCli } from "../support/built-cli.js";

const fakeToken = seededTokens(0x10_0002);
const FS_FAULT_HOOK = fileURLToPath(new URL("./fs-fault-hook.mjs", import.meta.url));
const hasDevFull = (() => {
  try {
    closeSync(openSync("/dev/full", "w"));
    return true;
  } catch {
    return false;
  }
})();

beforeAll(buildCli, 180_000);
afterAll(removeFolders);

describe("a report that cannot be written", () => {
  it.skipIf(!hasDevFull)("stdout on a full disk (/dev/full): one line, exit 2, in every format", async () => {
    const token = fakeToken();
    const cwd = folder({ ".env": `${envLine(token)}\n` });
    for (const format of ["text", "json", "sarif", "github"]) {
      const full = openSync("/dev/full", "w");
      const result = await cli(["-f", format, "."], { cwd, stdout: full });
      closeSync(full);
      expect(result.code, `${format}: ${result.stderr}`).toBe(2);
      expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^hawzu-scan: cannot write the report to standard output \(ENOSPC\)/)]);
      expectCleanOutput(result, [token]);
    }
  });

  it.skipIf(!hasDevFull)("-o on a full disk, or where it may not write: one line, exit 2", async () => {
    const token = fakeToken();
    const cwd = folder({ ".env": `${envLine(token)}\n` });
    for (const output of ["/dev/full", join(cwd, "no-such-folder", "report.json")]) {
      const result = await cli(["-f", "json", "-o", output, ".env"], { cwd });
      expect(result.code).toBe(2);
      expect(linesOf(result.stderr)).toEqual([expect.stringContaining("cannot write the report")]);
      expectCleanOutput(result, [token]);
    }
  });

  it("stdout closed after the first line (`| head -1`): the run ends quietly with exit 2, no stack trace", async () => {
    const tokens = Array.from({ length: 50 }, () => fakeToken());
    // Thousands of findings: far more output than a pipe buffers, so the CLI must write after the close.
    const cwd = folder({ "app.log": `${Array.from({ length: 4000 }, (_, index) => envLine(tokens[index % tokens.length]!)).join("\n")}\n` });
    for (const format of ["text", "json"]) {
      const result = await new Promise<Result>((resolve, reject) => {
        const child = spawn(process.execPath, [CLI_BIN, "-f", format, "."], { cwd, env: childEnvironment(), stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.once("data", (chunk: Buffer) => {
          stdout = chunk.toString("utf8").split("\n")[0]!;
          child.stdout.destroy();
        });
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
      expect(result.code, `${format}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toBe("");
      expectCleanOutput(result, tokens);
    }
  });
});

describe("a file that changes while it is read", () => {
  it("a file deleted between the check and the read is named; the other files' findings are kept", async () => {
    const tokens = [fakeToken(), fakeToken()];
    const cwd = folder({ "a.env": `${envLine(tokens[0]!)}\n`, "vanishing.log": `${envLine(tokens[1]!)}\n` });
    const result = await cli(["-f", "json", "."], { cwd, nodeArgs: ["--import", FS_FAULT_HOOK], env: { FAULT_VANISH: "vanishing.log" } });
    expect(result.code, result.stderr).toBe(1);
    expect(findingPlaces(result.stdout)).toEqual(["a.env"]);
    expect(linesOf(result.stderr)).toEqual([expect.stringMatching(/^hawzu-scan: vanishing\.log: not scanned: it disappeared/)]);
    expectCleanOutput(result, tokens);
  });

  it("a file truncated between the check and the read: what is left is scanned, the cut is named", async () => {
    const tokens = [fakeToken(), fakeToken()];
    for (const size of [4 * 1024, 3 * 1024 * 1024]) {
      // A token at the start survives the cut; one at the end is cut away.
      const filler = "x".repeat(99) + "\n";
      const body = `${envLine(tokens[0]!)}\n${filler.repeat(Math.floor(size / filler.length))}${envLine(tokens[1]!)}\n`;
      const cwd = folder({ "rotating.log": body });
      const keep = Math.floor(size / 2);
      const result = await cli(["-f", "json", "."], { cwd, nodeArgs: ["--import", FS_FAULT_HOOK], env: { FAULT_SHRINK: `rotating.log:${keep}` } });
      expect(result.code, result.stderr).toBe(1);
      expect(JSON.parse(result.stdout).findings.map((finding: { line: number }) => finding.line)).toEqual([1]);
      expect(linesOf(result.stderr)).toEqual([expect.stringContaining(`rotating.log: not fully scanned: it shrank while being read (from ${Buffer.byteLength(body)} to ${keep} bytes`)]);
      expectCleanOutput(result, tokens);
    }
  });

  it("a truncated file with no token left: exit 2, never clean", async () => {
    const token = fakeToken();
    const cwd = folder({ "rotating.log": `${"y".repeat(5000)}\n${envLine(token)}\n` });
    const result = await cli(["."], { cwd, nodeArgs: ["--import", FS_FAULT_HOOK], env: { FAULT_SHRINK: "rotating.log:100" } });
    expect(result.code).toBe(2);
    expectCleanOutput(result, [token]);
  });
});

describe("a worker thread that crashes", () => {
  it("names the file it was scanning in one line; the scan goes on on a fresh thread and keeps every other finding", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    // Over 16 MB in all, so the scan runs on worker threads.
    const filler = `${"z".repeat(99)}\n`.repeat(90_000);
    const cwd = folder({
      "big-1.log": `${envLine(tokens[0]!)}\n${filler}`,
      "big-2.log": `${filler}${envLine(tokens[1]!)}\n`,
      "crash.log": "small\n",
    });
    for (const debug of [false, true]) {
      const result = await cli(["-f", "json", "--jobs", "2", "."], {
        cwd,
        nodeArgs: ["--import", FS_FAULT_HOOK],
        env: { FAULT_CRASH: "crash.log", FAULT_CRASH_TEXT: envLine(tokens[2]!), ...(debug ? { HAWZU_SCAN_DEBUG: "1" } : {}) },
      });
      expect(result.code, result.stderr).toBe(1);
      expect(findingPlaces(result.stdout)).toEqual(["big-1.log", "big-2.log"]);
      const lines = linesOf(result.stderr);
      expect(lines[0]).toMatch(/^hawzu-scan: crash\.log: not scanned: scanning it failed unexpectedly \(TypeError\); set HAWZU_SCAN_DEBUG=1/);
      if (debug) {
        // Where it failed (stack frames), never what it was reading.
        expect(lines[1]).toBe("hawzu-scan: warning: crash.log: where it failed:");
        expect(lines.length).toBeGreaterThan(2);
        expect(lines.slice(2).every((line) => /^\s+at /.test(line))).toBe(true);
        expect(result.stderr).not.toContain(tokens[2]);
      } else {
        expect(lines).toHaveLength(1);
        expectCleanOutput(result, tokens);
      }
    }
  });
});

describe("a worker thread that runs out of heap", () => {
  it("scans that file again on the main thread: every finding is reported, nothing is named as not scanned", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    // Over 16 MB in all, so the scan runs on worker threads.
    const filler = `${"z".repeat(99)}\n`.repeat(90_000);
    const cwd = folder({
      "big-1.log": `${envLine(tokens[0]!)}\n${filler}`,
      "big-2.log": `${filler}${envLine(tokens[1]!)}\n`,
      "hungry.log": `${envLine(tokens[2]!)}\n`,
    });
    const result = await cli(["-f", "json", "--jobs", "2", "."], { cwd, nodeArgs: ["--import", FS_FAULT_HOOK], env: { FAULT_OUT_OF_MEMORY: "hungry.log" } });
    expect(result.code, result.stderr).toBe(1);
    expect(findingPlaces(result.stdout)).toEqual(["big-1.log", "big-2.log", "hungry.log"]);
    expect(JSON.parse(result.stdout).errors).toEqual([]);
    expect(result.stderr).toBe("");
    expectCleanOutput(result, tokens);
  });
});

describe("an error nothing expected", () => {
  it("prints one line saying how to get details, and exits 2: never findings, never clean", async () => {
    const tokens = [fakeToken(), fakeToken()];
    const cwd = folder({ "a.env": `${envLine(tokens[0]!)}\n`, "crash.log": "small\n" });
    for (const debug of [false, true]) {
      const result = await cli(["."], {
        cwd,
        nodeArgs: ["--import", FS_FAULT_HOOK],
        env: { FAULT_CRASH: "crash.log", FAULT_CRASH_MAIN: "1", FAULT_CRASH_TEXT: envLine(tokens[1]!), ...(debug ? { HAWZU_SCAN_DEBUG: "1" } : {}) },
      });
      expect(result.code).toBe(2);
      const lines = linesOf(result.stderr);
      expect(lines[0]).toMatch(/^hawzu-scan: hawzu-scan failed unexpectedly \(TypeError\); the results are incomplete\. Set HAWZU_SCAN_DEBUG=1/);
      for (const text of [result.stdout, result.stderr]) for (const token of tokens) expect(text).not.toContain(token);
      if (debug) expect(lines.slice(1).every((line) => /^\s+at /.test(line)) && lines.length > 1).toBe(true);
      else expect(lines).toHaveLength(1);
    }
  });
});
