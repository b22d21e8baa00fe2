// End-to-end: the built CLI as a child process, on real files in temp folders.
import { execFileSync, spawn } from "node:child_process";
import { seededRandom } from "../support/seeded-random.js";
import { isCredentialLike } from "@hawzu-scan/core";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { crc32, deflateRawSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, buildCli, ROOT } from "../support/built-cli.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("cli-e2e");

const isRoot = process.getuid?.() === 0;

beforeAll(buildCli, 180_000);

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function fakeToken(): string {
  for (;;) {
    const token = random.bytes(30).toString("base64url");
    if (/^[A-Za-z0-9]+$/.test(token) && /[A-Z]/.test(token) && /[a-z]/.test(token) && /\d/.test(token) && isCredentialLike(token, "strict")) return token;
  }
}
const envLine = (token: string) => `HAWZU_ACCESS_TOKEN=${token}`;
const curlLine = (token: string) => `curl -H 'Authorization: Bearer ${token}' https://api.hawzu.com/api/v1/workspaces`;

function folder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "hawzu-e2e-"));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Root reads any file whatever its mode. Running the CLI as another user (nobody) fails wherever that
// user cannot reach the checkout or the node binary (a mode-0700 `mktemp -d` clone, node under
// root's home), so root keeps its identity and only drops the two capabilities that bypass file
// modes: setpriv is part of util-linux, which every Debian-based system has.
const honourFileModes = (command: string, args: string[]): [string, string[]] =>
  isRoot ? ["setpriv", ["--bounding-set=-dac_override,-dac_read_search", "--", command, ...args]] : [command, args];

function cli(args: string[], options: { cwd: string; input?: string; honourFileModes?: boolean }): Promise<Result> {
  return new Promise((resolvePromise, reject) => {
    const [command, commandArgs] = options.honourFileModes ? honourFileModes(process.execPath, [BIN, ...args]) : [process.execPath, [BIN, ...args]];
    const child = spawn(command, commandArgs, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

function makeZip(entries: Record<string, string | Buffer>, encrypted = false): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(encrypted ? 1 : 0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(encrypted ? 1 : 0, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** A ustar archive written by hand (512-byte header + padded data per file). */
function makeTar(entries: Record<string, string | Buffer>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const header = Buffer.alloc(512);
    header.write(name, 0);
    header.write("0000644\0", 100);
    header.write("0000000\0", 108);
    header.write("0000000\0", 116);
    header.write(data.length.toString(8).padStart(11, "0") + "\0", 124);
    header.write("00000000000\0", 136);
    header.write("        ", 148);
    header.write("0", 156);
    header.write("ustar\u000000", 257);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

describe("hawzu-scan (built, as a child process)", () => {
  it("finds the 3 sample tokens and exits 1", async () => {
    const result = await cli(["-f", "json", "samples"], { cwd: ROOT });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toHaveLength(3);
    expect(report.errors).toEqual([]);
  });

  it("bad input: each failure is one line naming the file, the rest is scanned, nothing counts as clean", async () => {
    const tokens = { crlf: fakeToken(), latin: fakeToken(), good: fakeToken(), gz: fakeToken() };
    const gz = gzipSync(Array.from({ length: 30000 }, (_, index) => (index === 3 ? curlLine(tokens.gz) : `line ${index} ${index * 7919}`)).join("\n"));
    const cwd = folder({
      "crlf.env": `A=1\r\n${envLine(tokens.crlf)}\r\n`,
      "latin1.log": Buffer.concat([Buffer.from("r\xe9sum\xe9 \xff\n", "latin1"), Buffer.from(`${envLine(tokens.latin)}\n`)]),
      "cut.log.gz": gz.subarray(0, Math.floor(gz.length / 2)),
      "locked.zip": makeZip({ "inside.log": "secret stuff\n" }, true),
      "unreadable.env": `${envLine(fakeToken())}\n`,
      "good.env": `${envLine(tokens.good)}\n`,
    });
    chmodSync(join(cwd, "unreadable.env"), 0o000);
    symlinkSync(join(cwd, "does-not-exist"), join(cwd, "dangling.log"));
    execFileSync("mkfifo", [join(cwd, "pipe.log")]);
    const result = await cli(["-f", "json"], { cwd, honourFileModes: true });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((finding: { file: string; line: number; column: number }) => `${finding.file}:${finding.line}:${finding.column}`)).toEqual([
      "crlf.env:2:20",
      "cut.log.gz:4:32",
      "good.env:1:20",
      "latin1.log:2:20",
    ]);
    expect(report.errors).toEqual([
      { file: "cut.log.gz", message: expect.stringContaining("truncated gzip data") },
      { file: "locked.zip", member: "inside.log", message: expect.stringContaining("encrypted zip member") },
      { file: "pipe.log", message: expect.stringContaining("named pipe (FIFO), not a regular file") },
      { file: "unreadable.env", message: expect.stringContaining("cannot read it (EACCES)") },
    ]);
    const stderrLines = result.stderr.trim().split("\n");
    for (const name of ["cut.log.gz", "locked.zip!/inside.log", "pipe.log", "unreadable.env"]) {
      expect(stderrLines.filter((line) => line.startsWith(`hawzu-scan: ${name}: `))).toHaveLength(1);
    }
    // A dangling symbolic link has no content: a note, not an input left unscanned.
    expect(stderrLines.filter((line) => line.startsWith("hawzu-scan: note: dangling.log: a symbolic link whose target does not exist"))).toHaveLength(1);
    expect(result.stderr).toContain("hawzu-scan: warning: latin1.log: not valid UTF-8");
    for (const token of Object.values(tokens)) expect(result.stdout + result.stderr).not.toContain(token);

    // The same bad inputs without any token: exit 2, never "clean".
    for (const name of ["crlf.env", "latin1.log", "good.env", "cut.log.gz"]) unlinkSync(join(cwd, name));
    const clean = await cli([], { cwd, honourFileModes: true });
    expect(clean.code).toBe(2);
    expect(clean.stdout).toContain("3 input(s) NOT fully scanned");
  });

  it("a path that vanishes mid-scan is named, and the scan goes on", async () => {
    const cwd = folder({ "logs/a.log": "fine\n", "logs/b.log": "fine\n" });
    const token = fakeToken();
    // Paths are listed before standard input is scanned: delete one while the CLI waits on stdin.
    const child = spawn(process.execPath, [BIN, "-", "logs"], { cwd, env: { PATH: process.env.PATH ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const closed = new Promise<number | null>((done) => child.on("close", done));
    child.stdin.write(`${envLine(token)}\n`);
    await waitFor(() => stdout.includes("<stdin>"));
    unlinkSync(join(cwd, "logs/a.log"));
    child.stdin.end();
    expect(await closed).toBe(1);
    expect(stderr).toContain("hawzu-scan: logs/a.log: not scanned: it disappeared before it could be read");
    expect(stdout).toContain("1 input(s) NOT fully scanned");
  });

  it("a file in a folder named after a Hawzu host (HTTPie's sessions) is Hawzu's, from wherever the scan runs", async () => {
    const token = fakeToken();
    const session = JSON.stringify({ __meta__: { about: "HTTPie session file" }, auth: { password: null, type: "bearer", raw_auth: token } }, null, 4);
    const cwd = folder({ "sessions/api.hawzu.com/ci.json": session, "sessions/api.github.com/ci.json": session });
    const fromAbove = await cli(["-f", "json", "sessions"], { cwd });
    const fromInside = await cli(["-f", "json", "ci.json"], { cwd: join(cwd, "sessions/api.hawzu.com") });
    for (const result of [fromAbove, fromInside]) {
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).not.toContain(token);
    }
    const places = (stdout: string) => JSON.parse(stdout).findings.map((finding: { file: string; line: number; ruleId: string }) => `${finding.file}:${finding.line} ${finding.ruleId}`);
    expect(places(fromAbove.stdout)).toEqual(["sessions/api.hawzu.com/ci.json:8 hawzu-file"]);
    expect(places(fromInside.stdout)).toEqual(["ci.json:8 hawzu-file"]);
  });

  it("stdin: prints a finding before standard input is closed", async () => {
    const token = fakeToken();
    const child = spawn(process.execPath, [BIN, "-"], { cwd: folder(), env: { PATH: process.env.PATH ?? "" } });
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    const closed = new Promise<number | null>((done) => child.on("close", done));
    child.stdin.write("pod starting\n".repeat(100));
    child.stdin.write(`${curlLine(token)}\n`);
    await waitFor(() => stdout.includes(`${token.slice(0, 4)}********`));
    expect(child.exitCode).toBe(null);
    expect(stdout).toContain("<stdin>\n  101:");
    child.stdin.end("pod stopped\n");
    expect(await closed).toBe(1);
    expect(stdout).not.toContain(token);
  });

  it("unknown flag and malformed config: one clear line, exit 2", async () => {
    const unknown = await cli(["--no-such-flag"], { cwd: folder() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("hawzu-scan: unknown option --no-such-flag; run `hawzu-scan --help` for the options\n");
    const config = await cli([], { cwd: folder({ "hawzu-scan.config.json": '{"minConfidence": "hgih"}' }) });
    expect(config.code).toBe(2);
    expect(config.stderr).toBe('hawzu-scan: hawzu-scan.config.json: "minConfidence" must be "high" or "medium" (got "hgih")\n');
    const json = await cli([], { cwd: folder({ "hawzu-scan.config.json": "{,}" }) });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/^hawzu-scan: hawzu-scan\.config\.json: invalid JSON \(.+\); fix the file\n$/);
  });

  it("archives: .gz, rotated .log.3.gz, .zip, .tar, .tar.gz, nested; a zip bomb is reported", async () => {
    const t = Array.from({ length: 6 }, fakeToken);
    const cwd = folder({
      "app.log.gz": gzipSync(`a\n${curlLine(t[0]!)}\n`),
      "app.log.3.gz": gzipSync(`${envLine(t[1]!)}\n`),
      "bundle.zip": makeZip({ "cfg/.env": `${envLine(t[2]!)}\n` }),
      "logs.tar": makeTar({ "x/app.log": `1\n2\n${curlLine(t[3]!)}\n` }),
      "logs.tar.gz": gzipSync(makeTar({ "y.log": `${envLine(t[4]!)}\n` })),
      "nested.zip": makeZip({ "inner.tar.gz": gzipSync(makeTar({ "deep/z.log": `${curlLine(t[5]!)}\n` })) }),
      "bomb.log.gz": gzipSync(Buffer.alloc(100 * 1024 * 1024, "hello hello\n")),
    });
    const result = await cli(["-f", "json"], { cwd });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map((finding: { file: string; member?: string; line: number }) => [finding.file, finding.member ?? null, finding.line])).toEqual([
      ["app.log.3.gz", null, 1],
      ["app.log.gz", null, 2],
      ["bundle.zip", "cfg/.env", 1],
      ["logs.tar", "x/app.log", 3],
      ["logs.tar.gz", "y.log", 1],
      ["nested.zip", "inner.tar.gz!/deep/z.log", 1],
    ]);
    expect(report.errors).toEqual([{ file: "bomb.log.gz", message: expect.stringContaining("possibly a zip bomb") }]);
  });

  it("big files: tokens straddling read blocks are found at exact positions, on worker threads", async () => {
    const line = "2026-11-28T09:15:40.553Z INFO GET /api/items status=200 latency_ms=12 user=42\n";
    const tokenA = fakeToken();
    const tokenB = fakeToken();
    // The file source reads 1 MiB, then 8 MiB blocks: put each token across one of those boundaries.
    const build = (token: string, boundary: number) => {
      const head = line.repeat(Math.floor((boundary - 20) / line.length));
      const pad = "x".repeat(boundary - head.length - 21);
      return Buffer.from(`${head}${pad}\nHAWZU_TOKEN=${token}\n${line.repeat(80000)}`);
    };
    const a = build(tokenA, 1024 * 1024 + 8 * 1024 * 1024);
    const b = build(tokenB, 1024 * 1024);
    const cwd = folder({ "a.log": a, "b.log": Buffer.concat([b, a.subarray(0, 12 * 1024 * 1024)]) });
    const result = await cli(["-f", "json", "--jobs", "2"], { cwd });
    const report = JSON.parse(result.stdout);
    const expected = (buffer: Buffer, token: string) => {
      const before = buffer.subarray(0, buffer.indexOf(token)).toString();
      const lines = before.split("\n");
      return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
    };
    expect(report.findings.map((finding: { file: string; line: number; column: number }) => ({ file: finding.file, line: finding.line, column: finding.column }))).toEqual([
      { file: "a.log", ...expected(a, tokenA) },
      { file: "b.log", ...expected(b, tokenB) },
      { file: "b.log", ...expected(Buffer.concat([b, a]), tokenA) },
    ]);
  });

  it("--shard K/N: shards merged equal one full run; baseline write and read", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 24; index++) files[`d${index % 3}/f${index}.log`] = index % 4 === 0 ? `${curlLine(fakeToken())}\n` : "ok\n";
    const cwd = folder(files);
    const out = folder();
    const full = JSON.parse((await cli(["-f", "json"], { cwd })).stdout);
    const reports: string[] = [];
    for (let index = 1; index <= 4; index++) {
      reports.push(join(out, `s${index}.json`));
      await cli(["-f", "json", "--shard", `${index}/4`, "-o", reports[reports.length - 1]!], { cwd });
    }
    const merged = await cli(["merge", ...reports, "-f", "json"], { cwd });
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(report.findings).toEqual(full.findings);
    expect({ files: report.stats.files, bytes: report.stats.bytes }).toEqual({ files: full.stats.files, bytes: full.stats.bytes });

    const baseline = join(out, "baseline.json");
    expect((await cli(["--write-baseline", baseline], { cwd })).code).toBe(0);
    expect((await cli(["--baseline", baseline], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, "d0/new.env"), envLine(fakeToken()));
    const fresh = await cli(["-f", "json", "--baseline", baseline], { cwd });
    expect(fresh.code).toBe(1);
    expect(JSON.parse(fresh.stdout).findings.map((finding: { file: string }) => finding.file)).toEqual(["d0/new.env"]);
  });

  it("redact: byte-identical apart from the masked tokens, plain and .gz", async () => {
    const tokens = [fakeToken(), fakeToken()];
    const log = Buffer.concat([Buffer.from(`start \u2713\r\n${curlLine(tokens[0]!)}\r\n`), Buffer.from([0xc3, 0x28, 10]), Buffer.from(`${envLine(tokens[1]!)}\nend`)]);
    const cwd = folder({ "app.log": log, "app.log.2.gz": gzipSync(log) });
    const expected = Buffer.from(log.toString("latin1").replace(tokens[0]!, `${tokens[0]!.slice(0, 4)}********`).replace(tokens[1]!, `${tokens[1]!.slice(0, 4)}********`), "latin1");
    expect((await cli(["redact", "app.log", "-o", "clean.log"], { cwd })).code).toBe(0);
    expect(readFileSync(join(cwd, "clean.log")).equals(expected)).toBe(true);
    expect((await cli(["redact", "app.log.2.gz", "-o", "clean.log.gz"], { cwd })).code).toBe(0);
    expect(gunzipSync(readFileSync(join(cwd, "clean.log.gz"))).equals(expected)).toBe(true);
    const rescan = await cli(["-f", "json", "clean.log", "clean.log.gz"], { cwd });
    expect(rescan.code).toBe(0);
  });

  it("sarif and every other format never contain a token", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const cwd = folder({ ".env": envLine(tokens[0]!), "ci.log.gz": gzipSync(curlLine(tokens[1]!)), "b.zip": makeZip({ "c.env": envLine(tokens[2]!) }) });
    const seen: string[] = [];
    for (const format of ["text", "json", "sarif", "github"]) {
      const result = await cli(["-f", format], { cwd });
      expect(result.code).toBe(1);
      seen.push(result.stdout, result.stderr);
      if (format === "sarif") {
        const sarif = JSON.parse(result.stdout);
        expect(sarif.version).toBe("2.1.0");
        expect(sarif.runs[0].results).toHaveLength(3);
        for (const item of sarif.runs[0].results) {
          expect(item.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
          expect(Object.keys(item.partialFingerprints)).toEqual(["hawzuTokenLocation/v1"]);
        }
      }
    }
    for (const token of tokens) expect(seen.join("\n")).not.toContain(token);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the CLI's output");
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}
