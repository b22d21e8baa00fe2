// End-to-end: `hawzu-scan redact` as a child process of the built CLI, with archives made and
// extracted by the system's tar, and standard input streamed through it.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededTokens } from "../../packages/cli/test/helpers/seeded-tokens.js";
import { BIN, buildCli } from "../support/built-cli.js";

beforeAll(buildCli, 180_000);

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

// Seeded, so a failure replays with the same tokens; never a real token.
const fakeToken = seededTokens(1215);
const mask = (token: string) => `${token.slice(0, 4)}********`;
const envLine = (token: string) => `HAWZU_ACCESS_TOKEN=${token}`;

/** `hawzu-scan redact -` as a child: its output so far, and its exit code once it closes. */
function redactStdin() {
  const child = spawn(process.execPath, [BIN, "redact", "-"], { cwd: folder(), env: { PATH: process.env.PATH ?? "" } });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (output.stdout += chunk));
  child.stderr.on("data", (chunk) => (output.stderr += chunk));
  const closed = new Promise<number | null>((done) => child.on("close", done));
  return { child, output, closed };
}

function folder(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "hawzu-redact-e2e-"));
  chmodSync(root, 0o755);
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function cli(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => done({ code, stdout, stderr }));
    child.stdin.end();
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the CLI's output");
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

describe("redact (built CLI)", () => {
  it("a .tgz made by tar comes back a .tgz that tar extracts, every copy masked, and re-scans clean", async () => {
    const [a, b] = [fakeToken(), fakeToken()];
    const cwd = folder({
      "logs/app.log": `start\n${envLine(a)}\nwire dump ${a} ${b}\n`,
      "logs/sub/.env": `${envLine(b)}\n`,
    });
    execFileSync("tar", ["-czf", "logs.tgz", "logs"], { cwd });
    const result = await cli(["redact", "logs.tgz", "-o", "clean.tgz"], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe("hawzu-scan: wrote clean.tgz (gzip, as the input) with 2 token(s) masked (4 occurrence(s)); a scan of the copy finds none\n");
    const out = join(cwd, "out");
    mkdirSync(out);
    execFileSync("tar", ["-xzf", "clean.tgz", "-C", out], { cwd });
    expect(readFileSync(join(out, "logs/app.log"), "utf8")).toBe(`start\n${envLine(mask(a))}\nwire dump ${mask(a)} ${mask(b)}\n`);
    expect(readFileSync(join(out, "logs/sub/.env"), "utf8")).toBe(`${envLine(mask(b))}\n`);
    expect((await cli(["clean.tgz"], cwd)).code).toBe(0);
  });

  it("stdin to stdout: a masked line comes out before the input ends", async () => {
    const token = fakeToken();
    const { child, output, closed } = redactStdin();
    child.stdin.write(`pod starting\n${envLine(token)}\n`);
    await waitFor(() => output.stdout.includes(mask(token)));
    expect(child.exitCode).toBe(null);
    child.stdin.end(`retrying with ${token}\n`);
    expect(await closed).toBe(0);
    expect(output.stdout).toBe(`pod starting\n${envLine(mask(token))}\nretrying with ${mask(token)}\n`);
    expect(output.stderr).toContain("with 1 token(s) masked (2 occurrence(s))");
  });

  it("stdin: a token whose evidence comes only after it went out fails the run, exit 2", async () => {
    const token = fakeToken();
    const { child, output, closed } = redactStdin();
    // The bare value goes out first; only the later line says it is a Hawzu token.
    child.stdin.write(`${token}\n`);
    await waitFor(() => output.stdout.includes(token));
    child.stdin.end(`${envLine(token)}\n`);
    expect(await closed).toBe(2);
    expect(output.stdout).toContain(envLine(mask(token)));
    expect(output.stderr).toBe("hawzu-scan: standard output holds 1 token(s) that went out before they were known (their evidence came later in the stream): treat it as unredacted; save the input to a file and run `hawzu-scan redact FILE -o OUT`\n");
    expect(output.stderr).not.toContain(token);
  });

  it("stdin: a token NUL bytes follow is masked (a binary keeps its length), and the copy scans clean", () => {
    const [inText, inBinary] = [fakeToken(), fakeToken()];
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 7) % 32));
    const inputs = [
      Buffer.concat([Buffer.from(`started\n${envLine(inText)}`), Buffer.alloc(64), Buffer.from("\nnext line\n")]),
      Buffer.concat([noise, Buffer.from(`\u0001${envLine(inBinary)}\u0000`), noise]),
    ];
    for (const [index, input] of inputs.entries()) {
      const token = [inText, inBinary][index]!;
      const run = spawnSync(process.execPath, [BIN, "redact", "-"], { cwd: folder(), input, env: { PATH: process.env.PATH ?? "" } });
      expect(run.status, run.stderr.toString()).toBe(0);
      expect(run.stdout.includes(Buffer.from(token))).toBe(false);
      expect(run.stderr.toString()).toContain("1 token(s) masked");
      if (index === 1) expect(run.stdout.length).toBe(input.length);
      const rescan = spawnSync(process.execPath, [BIN, "-"], { cwd: folder(), input: run.stdout, env: { PATH: process.env.PATH ?? "" } });
      expect(rescan.status, rescan.stdout.toString()).toBe(0);
    }
  });
});
