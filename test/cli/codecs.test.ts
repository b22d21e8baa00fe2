// End-to-end, issues 14 and 12: every codec on disk, in a tar, nested in a zip and on stdin, plus
// truncated, corrupt and bomb forms; NUL padding and UTF-16. The built CLI runs as a child process.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTar, makeZip } from "../../packages/cli/test/helpers/archives.js";
import { seededTokens } from "../../packages/cli/test/helpers/seeded-tokens.js";
import { CODECS, codecFixture, compress, compressAfterRealLog, corrupt, EXTENSION, realLog, REAL_LOG_LINES, truncate, zstdRle } from "../../packages/cli/test/helpers/codecs.js";
import { BIN, buildCli } from "../support/built-cli.js";

beforeAll(buildCli, 180_000);

const folders: string[] = [];
afterAll(() => {
  for (const path of folders) rmSync(path, { recursive: true, force: true });
});

// Seeded, so a failure replays with the same tokens; never a real token.
const fakeToken = seededTokens(0x14c0dec5);
const envLine = (token: string) => `HAWZU_ACCESS_TOKEN=${token}`;

function folder(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), "hawzu-codecs-"));
  chmodSync(root, 0o755);
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

interface Finding {
  file: string;
  member?: string;
  line: number;
  column: number;
}
interface Scan {
  code: number | null;
  stderr: string;
  findings: Finding[];
  errors: { file: string; member?: string; message: string }[];
  stats: { files: number; bytes: number; binaryAsText: number };
}

function scan(args: string[], cwd: string, input?: Buffer): Promise<Scan> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, "-f", "json", ...args], { cwd, env: { PATH: process.env.PATH ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      try {
        resolvePromise({ code, stderr, ...JSON.parse(stdout) });
      } catch (error) {
        reject(new Error(`no JSON report (exit ${code}): ${stderr}`, { cause: error }));
      }
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? Buffer.alloc(0));
  });
}

const places = (result: Scan) => result.findings.map((finding) => `${finding.file}${finding.member ? `!/${finding.member}` : ""}:${finding.line}:${finding.column}`);

describe.each(CODECS)("%s, decoded by content", (codec) => {
  const ext = EXTENSION[codec];

  it("on disk under its own name and under a name that says nothing (rotated.1), after real compressed blocks", async () => {
    const token = fakeToken();
    const data = compressAfterRealLog(codec, `${envLine(token)}\n`);
    const result = await scan(["."], folder({ [`app.log.${ext}`]: data, "rotated.1": data }));
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([]);
    expect(places(result)).toEqual([`app.log.${ext}:${REAL_LOG_LINES + 1}:20`, `rotated.1:${REAL_LOG_LINES + 1}:20`]);
  });

  it("in a tar compressed with it, nested in a zip, and a compressed log inside a tar", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const tar = compress(codec, await makeTar({ "var/log/a.log": `one\n${envLine(tokens[0]!)}\n` }));
    const zip = makeZip({ "logs/b.log.1": compress(codec, `${envLine(tokens[1]!)}\n`) });
    const tarOfCompressed = await makeTar({ "c.log.1": compress(codec, `x\ny\n${envLine(tokens[2]!)}\n`) });
    const result = await scan(["."], folder({ [`logs.tar.${ext}`]: tar, "bundle.zip": zip, "plain.tar": tarOfCompressed }));
    expect(result.errors).toEqual([]);
    expect(places(result)).toEqual(["bundle.zip!/logs/b.log.1:1:20", `logs.tar.${ext}!/var/log/a.log:2:20`, "plain.tar!/c.log.1:3:20"]);
  });

  it("on stdin (cat app.log.x | hawzu-scan -)", async () => {
    const token = fakeToken();
    const result = await scan(["-"], folder({}), compressAfterRealLog(codec, `${envLine(token)}\n`));
    expect(result.code).toBe(1);
    expect(places(result)).toEqual([`<stdin>:${REAL_LOG_LINES + 1}:20`]);
  });

  it("truncated: names it, keeps the findings before the cut, exits 2 when nothing was found", async () => {
    const token = fakeToken();
    const cut = Buffer.concat([compress(codec, `${envLine(token)}\n`), truncate(realLog(codec))]);
    const result = await scan(["."], folder({ [`cut.log.${ext}`]: cut, "nothing.1": truncate(realLog(codec)) }));
    expect(result.code).toBe(1);
    expect(places(result)).toEqual([`cut.log.${ext}:1:20`]);
    expect(result.errors).toEqual([
      { file: `cut.log.${ext}`, message: expect.stringMatching(new RegExp(`^not fully scanned: truncated ${codec} data, .*fetch a complete copy`)) },
      { file: "nothing.1", message: expect.stringMatching(new RegExp(`^not fully scanned: truncated ${codec} data`)) },
    ]);
    const alone = await scan(["nothing.1"], folder({ "nothing.1": truncate(realLog(codec)) }));
    expect(alone.code).toBe(2);
    const piped = await scan(["-"], folder({}), truncate(realLog(codec)));
    expect(piped.code).toBe(2);
    expect(piped.errors).toEqual([{ file: "<stdin>", message: expect.stringContaining(`truncated ${codec} data`) }]);
  });

  it("corrupt: named as not fully scanned, exit 2", async () => {
    const result = await scan(["."], folder({ [`bad.log.${ext}`]: corrupt(realLog(codec)) }));
    expect(result.code).toBe(2);
    expect(result.errors).toEqual([{ file: `bad.log.${ext}`, message: expect.stringMatching(new RegExp(`^not fully scanned: (corrupt|truncated) ${codec} data`)) }]);
  });
});

describe("archives on stdin", () => {
  it("opens a tar and a zip piped in (tar c logs | hawzu-scan -)", async () => {
    const tokens = [fakeToken(), fakeToken()];
    const tar = await scan(["-"], folder({}), await makeTar({ "logs/a.log": `${envLine(tokens[0]!)}\n` }));
    expect(places(tar)).toEqual(["<stdin>!/logs/a.log:1:20"]);
    const zip = await scan(["-"], folder({}), makeZip({ "b.env": `${envLine(tokens[1]!)}\n` }));
    expect(places(zip)).toEqual(["<stdin>!/b.env:1:20"]);
  });
});

describe("bombs, one per codec", () => {
  it("stops each at the ratio limit and names it", async () => {
    const bombs = {
      "bomb.log.gz": compress("gzip", Buffer.alloc(100 * 1024 * 1024, "all work and no play makes jack a dull boy\n")),
      "bomb.zst": codecFixture("bomb.zst"),
      "bomb-rle.zst": zstdRle(0x61, 100 * 1024 * 1024),
      "bomb.xz": codecFixture("bomb.xz"),
      "bomb.bz2": codecFixture("bomb.bz2"),
    };
    const result = await scan(["."], folder(bombs));
    expect(result.code).toBe(2);
    expect(result.errors.map((error) => [error.file, error.message.includes("archives.maxRatio (200:1)")])).toEqual(
      Object.keys(bombs)
        .sort()
        .map((file) => [file, true]),
    );
  }, 120_000);

  it("applies the total size limit to every codec", async () => {
    const files = Object.fromEntries(CODECS.map((codec) => [`big.${EXTENSION[codec]}`, compress(codec, Buffer.alloc(codec === "bzip2" ? 1500 : 300 * 1024, "line\n"))]));
    const result = await scan(["."], folder({ ...files, "hawzu-scan.config.json": '{"archives":{"maxBytes":1024}}' }));
    expect(result.code).toBe(2);
    expect(result.errors.map((error) => error.file)).toEqual(Object.keys(files).sort());
    for (const error of result.errors) expect(error.message).toContain("archives.maxBytes (1024 bytes)");
  });
});

describe("formats recognised but not decoded", () => {
  it("names 7z, rar, lz4 and lzip as not scanned, with what to do, exit 2", async () => {
    const tail = Buffer.from("some bytes that follow the signature\n");
    const files = {
      "a.7z": Buffer.concat([Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0x00, 0x04]), tail]),
      "b.rar": Buffer.concat([Buffer.from("Rar!\x1a\x07\x01\x00", "latin1"), tail]),
      "c.lz4": Buffer.concat([Buffer.from([0x04, 0x22, 0x4d, 0x18]), tail]),
      "d.lz": Buffer.concat([Buffer.from("LZIP\x01", "latin1"), tail]),
    };
    const result = await scan(["."], folder(files));
    expect(result.code).toBe(2);
    expect(result.errors).toEqual([
      { file: "a.7z", message: expect.stringMatching(/^not scanned: 7z content is not decoded .*`7z x FILE`/) },
      { file: "b.rar", message: expect.stringMatching(/^not scanned: rar content/) },
      { file: "c.lz4", message: expect.stringMatching(/^not scanned: lz4 content/) },
      { file: "d.lz", message: expect.stringMatching(/^not scanned: lzip content/) },
    ]);
  });
});

describe("text with NULs and UTF-16 (issue 12)", () => {
  it("finds a token after NUL padding, named on the command line or found in a folder, and on stdin", async () => {
    const token = fakeToken();
    const nul = Buffer.concat([Buffer.alloc(4), Buffer.from(`start\n${envLine(token)}\n`)]);
    // logrotate copytruncate: megabytes of NULs before the first line written after the rotation.
    const padded = Buffer.concat([Buffer.alloc(3 * 1024 * 1024), Buffer.from(`resumed\n${envLine(token)}\n`)]);
    const cwd = folder({ "nul.log": nul, "logs/app.log": padded });
    const named = await scan(["nul.log"], cwd);
    expect(named.code).toBe(1);
    expect(places(named)).toEqual(["nul.log:2:20"]);
    const walked = await scan(["."], cwd);
    expect(places(walked)).toEqual(["logs/app.log:2:20", "nul.log:2:20"]);
    expect((await scan(["-"], cwd, nul)).findings).toHaveLength(1);
  });

  it("decodes UTF-16 LE and BE with a byte-order mark, CRLF too, at the same line and column", async () => {
    const token = fakeToken();
    const text = `first line\r\n  ${envLine(token)}\r\n`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);
    const big = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${"filler line\r\n".repeat(200_000)}${envLine(token)}\r\n`, "utf16le")]);
    const result = await scan(["."], folder({ "ps-le.log": le, "ps-be.log": be, "big-le.log": big, "in.zip": makeZip({ "le.txt": le }), "le.log.zst": compress("zstd", le) }));
    expect(result.errors).toEqual([]);
    expect(places(result)).toEqual(["big-le.log:200001:20", "in.zip!/le.txt:2:22", "le.log.zst:2:22", "ps-be.log:2:22", "ps-le.log:2:22"]);
    expect((await scan(["-"], folder({}), le)).findings).toHaveLength(1);
  });

  it("recognises UTF-16 without a byte-order mark by its NUL in every other byte", async () => {
    const token = fakeToken();
    const text = `first line\n  ${envLine(token)}\n`;
    const result = await scan(["."], folder({ "le.log": Buffer.from(text, "utf16le"), "be.log": Buffer.from(text, "utf16le").swap16() }));
    expect(places(result)).toEqual(["be.log:2:22", "le.log:2:22"]);
  });

  it("reads real binaries for the text in them, and counts them", async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7) % 32));
    const result = await scan(["."], folder({ "image.bin": binary, "tool.exe": Buffer.concat([Buffer.from("MZ"), binary]), "ok.txt": "hello\n" }));
    expect(result.code).toBe(0);
    expect(result.stats.binaryAsText).toBe(2);
  });

  it("finds a token written into a binary: on disk, named, inside a zip, streamed past the whole-file limit, on stdin", async () => {
    // A compiled program or a database page: control bytes around an ASCII string that holds a token.
    const noise = (length: number) => Buffer.from(Array.from({ length }, (_, index) => (index * 7) % 32));
    const withToken = (token: string, before = 4096) => Buffer.concat([noise(before), Buffer.from(`\u0001${envLine(token)}\u0000`), noise(4096)]);
    const tokens = [fakeToken(), fakeToken(), fakeToken(), fakeToken()];
    const cwd = folder({
      "tool.exe": Buffer.concat([Buffer.from("MZ"), withToken(tokens[0]!)]),
      "in.zip": makeZip({ "lib/app.so": withToken(tokens[1]!) }),
      "core.dump": withToken(tokens[2]!, 20 * 1024 * 1024),
    });
    const walked = await scan(["."], cwd);
    expect(walked.code).toBe(1);
    expect(walked.findings.map((finding) => `${finding.file}${finding.member ? `!/${finding.member}` : ""}`).sort()).toEqual(["core.dump", "in.zip!/lib/app.so", "tool.exe"]);
    expect(walked.errors).toEqual([]);
    expect(walked.stats.binaryAsText).toBe(3);
    expect(walked.stderr).not.toContain("warning");
    const named = await scan(["tool.exe"], cwd);
    expect(named.code).toBe(1);
    const piped = await scan(["-"], folder({}), withToken(tokens[3]!));
    expect(piped.findings).toHaveLength(1);
    for (const token of tokens) expect(JSON.stringify([walked, named, piped])).not.toContain(token);
  });
});

describe("zip member names (issue 14)", () => {
  it("scans members named ../x and /abs/x as named, never refusing the archive", async () => {
    const tokens = [fakeToken(), fakeToken()];
    const zip = makeZip({ "../../etc/evil.env": `${envLine(tokens[0]!)}\n`, "/abs/path.env": `${envLine(tokens[1]!)}\n` });
    const result = await scan(["."], folder({ "slip.zip": zip }));
    expect(result.errors).toEqual([]);
    expect(places(result)).toEqual(["slip.zip!/../../etc/evil.env:1:20", "slip.zip!//abs/path.env:1:20"]);
  });

  it("never shows the zip library's text (it can quote an entry name)", async () => {
    const name = "secret-name-in-entry.env";
    const zip = makeZip({ [name]: "x\n" });
    const result = await scan(["."], folder({ "cut.zip": zip.subarray(0, zip.length - 30) }));
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain(name);
    expect(JSON.stringify(result.errors)).not.toContain(name);
  });
});

describe("a file named on the command line (issue 12)", () => {
  it("is scanned, a binary too: read for the text in it, counted, exit 0 when it holds no token", async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7) % 32));
    const cwd = folder({ "image.bin": binary });
    const named = await scan(["image.bin"], cwd);
    expect(named.code).toBe(0);
    expect(named.errors).toEqual([]);
    expect(named.stats.binaryAsText).toBe(1);
    const walked = await scan(["."], cwd);
    expect(walked.code).toBe(0);
    expect(walked.stats.binaryAsText).toBe(1);
  });
});
