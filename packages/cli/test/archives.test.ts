import { describe, expect, it } from "vitest";
import { gzipSync, makeTar, makeZip } from "./helpers/archives.js";
import { fakeToken, leak, tempFolder } from "./helpers/fixtures.js";
import { runInMemory } from "./helpers/run-in-memory.js";

const scanJson = async (cwd: string, ...argv: string[]) => {
  const result = await runInMemory(["-f", "json", ...argv], { cwd });
  return { ...result, report: JSON.parse(result.stdout) };
};

describe("archives", () => {
  it("scans .gz and rotated .log.3.gz files, naming the archive", async () => {
    const a = fakeToken();
    const b = fakeToken();
    const cwd = tempFolder({
      "app.log.gz": gzipSync(`start\n${leak.curl(a)}\n`),
      "app.log.3.gz": gzipSync(`x\ny\n${leak.env(b)}\n`),
    });
    const { code, report } = await scanJson(cwd);
    expect(code).toBe(1);
    expect(report.findings.map((f: { file: string; line: number; member?: string }) => [f.file, f.line, f.member])).toEqual([
      ["app.log.3.gz", 3, undefined],
      ["app.log.gz", 2, undefined],
    ]);
  });

  it("scans .zip, .tar, .tar.gz and .tgz members and names the member", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken(), fakeToken()];
    const tar = await makeTar({ "logs/a.log": `${leak.curl(tokens[1]!)}\n`, "clean.txt": "ok\n" });
    const cwd = tempFolder({
      "bundle.zip": makeZip({ "dir/": "", "dir/.env": `${leak.env(tokens[0]!)}\n` }),
      "logs.tar": tar,
      "logs.tar.gz": gzipSync(await makeTar({ "b.log": `one\n${leak.json(tokens[2]!)}\n` })),
      "logs.tgz": gzipSync(await makeTar({ "c.env": leak.env(tokens[3]!) })),
    });
    const { report } = await scanJson(cwd);
    expect(report.errors).toEqual([]);
    expect(report.findings.map((f: { file: string; member: string; line: number }) => `${f.file} ${f.member}:${f.line}`)).toEqual([
      "bundle.zip dir/.env:1",
      "logs.tar logs/a.log:1",
      "logs.tar.gz b.log:2",
      "logs.tgz c.env:1",
    ]);
  });

  it("opens nested archives up to archives.maxDepth and reports deeper ones as not scanned", async () => {
    const token = fakeToken();
    const inner = gzipSync(await makeTar({ "deep/app.log": `${leak.curl(token)}\n` }));
    const cwd = tempFolder({ "outer.zip": makeZip({ "inner.tar.gz": inner }) });
    const { report, code } = await scanJson(cwd);
    expect(code).toBe(1);
    expect(report.findings[0]).toMatchObject({ file: "outer.zip", member: "inner.tar.gz!/deep/app.log", line: 1 });

    const shallow = tempFolder({ "outer.zip": makeZip({ "inner.tar.gz": inner }), "hawzu-scan.config.json": '{"archives":{"maxDepth":2}}' });
    const limited = await scanJson(shallow);
    expect(limited.code).toBe(2);
    expect(limited.report.findings).toEqual([]);
    expect(limited.report.errors).toEqual([{ file: "outer.zip", member: "inner.tar.gz", message: expect.stringContaining("archives.maxDepth (2)") }]);
  });

  it("reports a zip bomb (ratio and total size limits) instead of following it", async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, "all work and no play\n"));
    const cwd = tempFolder({ "bomb.log.gz": bomb, "bomb.zip": makeZip({ "x.log": Buffer.alloc(80 * 1024 * 1024, "a\n") }) });
    const { report, code } = await scanJson(cwd);
    expect(code).toBe(2);
    expect(report.errors).toEqual([
      { file: "bomb.log.gz", message: expect.stringContaining("archives.maxRatio (200:1)") },
      { file: "bomb.zip", member: "x.log", message: expect.stringContaining("archives.maxRatio (200:1)") },
    ]);
    const sized = tempFolder({ "big.log.gz": gzipSync(Buffer.alloc(3 * 1024 * 1024, "line\n")), "hawzu-scan.config.json": '{"archives":{"maxBytes":1048576}}' });
    expect((await scanJson(sized)).report.errors).toEqual([{ file: "big.log.gz", message: expect.stringContaining("archives.maxBytes (1048576 bytes)") }]);
  });

  it("reports a truncated .gz and keeps the findings before the damage", async () => {
    const token = fakeToken();
    const lines = Array.from({ length: 20000 }, (_, index) => `line ${index} ${Math.random()}`);
    lines[5] = leak.env(token);
    const full = gzipSync(lines.join("\n") + "\n");
    const cwd = tempFolder({ "cut.log.gz": full.subarray(0, Math.floor(full.length * 0.7)) });
    const { report, code } = await scanJson(cwd);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.errors).toEqual([{ file: "cut.log.gz", message: expect.stringMatching(/^not fully scanned: truncated gzip data, scanned only the first \d+ decompressed bytes/) }]);
  });

  it("names an encrypted zip member as not scanned and scans the others", async () => {
    const cwd = tempFolder({ "secret.zip": makeZip({ "a.log": "x\n" }, { encrypted: true }), "open.zip": makeZip({ "b.env": leak.env(fakeToken()) }) });
    const { report, code } = await scanJson(cwd);
    expect(code).toBe(1);
    expect(report.errors).toEqual([{ file: "secret.zip", member: "a.log", message: expect.stringContaining("encrypted zip member") }]);
  });

  it("reports a corrupt zip", async () => {
    const zip = makeZip({ "a.log": "x\n" });
    const cwd = tempFolder({ "broken.zip": zip.subarray(0, zip.length - 10) });
    const { report, code } = await scanJson(cwd);
    expect(code).toBe(2);
    expect(report.errors).toEqual([{ file: "broken.zip", message: expect.stringContaining("corrupt or truncated zip archive") }]);
  });
});
