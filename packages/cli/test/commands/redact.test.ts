import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import yauzl from "yauzl";
import yazl from "yazl";
import { describe, expect, it } from "vitest";
import { makeTar, makeZip } from "../helpers/archives.js";
import { leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";
import { seededTokens } from "../helpers/seeded-tokens.js";

const fakeToken = seededTokens(14);
const mask = (token: string) => `${token.slice(0, 4)}********`;
// unzip is not on every fresh Debian machine; yauzl reads the archive in every case, unzip also checks it when present.
const hasUnzip = spawnSync("unzip", ["-v"]).status === 0;

/** The members of a zip as yauzl reads them (CRCs and sizes checked), with their compression methods. */
async function readZip(path: string): Promise<Map<string, { data: Buffer; method: number }>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const members = new Map<string, { data: Buffer; method: number }>();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith("/")) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    members.set(entry.fileName, { data: Buffer.concat(chunks), method: entry.compressionMethod });
  }
  zip.close();
  return members;
}

async function storedZip(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) zip.addBuffer(Buffer.from(content), name, { compress: false });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Exit code of a scan of `paths` in `cwd`: 0 means the copy re-scans clean. */
async function scanCode(cwd: string, ...paths: string[]): Promise<number> {
  return (await runInMemory(["-f", "json", ...paths], { cwd })).code;
}

describe("redact", () => {
  const makeLog = (tokens: string[]) =>
    Buffer.concat([
      Buffer.from(`boot \u00e9t\u00e9 \u2713\r\n${leak.curl(tokens[0]!)}\r\n`),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from(`${leak.json(tokens[1]!)} and ${leak.env(tokens[2]!)}\nlast line without newline`),
    ]);
  const masked = (log: Buffer, tokens: string[]) => {
    let text = log.toString("latin1");
    for (const token of tokens) text = text.replaceAll(token, mask(token));
    return Buffer.from(text, "latin1");
  };

  it("writes a copy with every token masked and every other byte identical", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const log = makeLog(tokens);
    const cwd = tempFolder({ "app.log": log });
    const result = await runInMemory(["redact", "app.log", "-o", "clean.log"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("(plain text, as the input) with 3 token(s) masked (3 occurrence(s))");
    expect(readFileSync(join(cwd, "clean.log")).equals(masked(log, tokens))).toBe(true);
    expect(readFileSync(join(cwd, "app.log")).equals(log)).toBe(true);
  });

  it("masks a second copy of a token on a line where the scan alone finds nothing, and the copy re-scans clean", async () => {
    const token = fakeToken();
    // A wire log: the token once with its key, then bare in a dump where no context names it.
    const log = `${leak.env(token)}\nGET /x 200\nrequest-dump: ${token}|${token}\nbare:${token}`;
    const cwd = tempFolder({ "wire.log": log });
    expect((await runInMemory(["-f", "json", "wire.log"], { cwd })).stdout.match(/"line":/g)).toHaveLength(1);
    const result = await runInMemory(["redact", "wire.log", "-o", "clean.log"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("with 1 token(s) masked (4 occurrence(s))");
    expect(readFileSync(join(cwd, "clean.log"), "utf8")).toBe(log.replaceAll(token, mask(token)));
    expect(await scanCode(cwd, "clean.log")).toBe(0);
  });

  it("keeps a .gz a .gz, follows OUT's extension when it names another format, and says which", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const log = makeLog(tokens);
    const cwd = tempFolder({ "app.log.1.gz": Buffer.concat([gzipSync(log.subarray(0, 50)), gzipSync(log.subarray(50))]) });
    const kept = await runInMemory(["redact", "app.log.1.gz", "-o", "clean.log.gz"], { cwd });
    expect(kept.code).toBe(0);
    expect(kept.stderr).toContain("wrote clean.log.gz (gzip, as the input)");
    expect(gunzipSync(readFileSync(join(cwd, "clean.log.gz"))).equals(masked(log, tokens))).toBe(true);

    const plain = await runInMemory(["redact", "app.log.1.gz", "-o", "clean.log"], { cwd });
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain("wrote clean.log (plain text, decompressed as the output's name asks; the input was gzip)");
    expect(readFileSync(join(cwd, "clean.log")).equals(masked(log, tokens))).toBe(true);

    const compressed = await runInMemory(["redact", "clean.log", "-o", "again.gz"], { cwd: cwd });
    expect(compressed.code).toBe(0);
    expect(compressed.stderr).toContain("(gzip, as the output's name asks; the input was not compressed)");
    expect(gunzipSync(readFileSync(join(cwd, "again.gz"))).equals(masked(log, tokens))).toBe(true);

    const unwritable = await runInMemory(["redact", "app.log.1.gz", "-o", "clean.log.zst"], { cwd });
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe("hawzu-scan: clean.log.zst: redact cannot write zstd: nothing written; write a plain or .gz copy and compress it yourself\n");
    expect(existsSync(join(cwd, "clean.log.zst"))).toBe(false);
  });

  it("rewrites a deflated zip and a stored zip: members masked, methods kept, the archive valid", async () => {
    const [a, b] = [fakeToken(), fakeToken()];
    const entries = { "dir/.env": `${leak.env(a)}\n`, "logs/app.log": `start\n${leak.curl(b)}\nretry ${b}\n`, "notes.txt": "nothing here\n" };
    const cwd = tempFolder({ "big.zip": makeZip({ "dir/": "", ...entries }), "stored.zip": await storedZip(entries) });
    for (const [name, method] of [["big.zip", 8], ["stored.zip", 0]] as const) {
      const result = await runInMemory(["redact", name, "-o", `r-${name}`], { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain("(zip archive, as the input) with 2 token(s) masked (3 occurrence(s))");
      const members = await readZip(join(cwd, `r-${name}`));
      expect([...members.keys()].sort()).toEqual(Object.keys(entries).sort());
      for (const [member, content] of Object.entries(entries)) {
        expect(members.get(member)!.data.toString()).toBe(content.replaceAll(a, mask(a)).replaceAll(b, mask(b)));
        expect(members.get(member)!.method).toBe(method);
      }
      if (hasUnzip) {
        execFileSync("unzip", ["-tq", `r-${name}`], { cwd });
        expect(execFileSync("unzip", ["-p", `r-${name}`, "logs/app.log"], { cwd, encoding: "utf8" })).toBe(entries["logs/app.log"].replaceAll(b, mask(b)));
      }
      expect(readFileSync(join(cwd, `r-${name}`)).includes(a) || readFileSync(join(cwd, `r-${name}`)).includes(b)).toBe(false);
      expect(await scanCode(cwd, `r-${name}`)).toBe(0);
    }
  });

  it("rewrites a .tar and a .tgz that tar extracts, and a zip nested in a tar", async () => {
    const [a, b, c] = [fakeToken(), fakeToken(), fakeToken()];
    const entries = { "logs/a.log": `one\n${leak.json(a)}\nagain ${a}\n`, "b.env": leak.env(b), "clean.txt": "ok\n" };
    const cwd = tempFolder({
      "logs.tar": await makeTar(entries),
      "logs.tgz": gzipSync(await makeTar(entries)),
      "nested.tar": await makeTar({ "inner.zip": makeZip({ "deep.log": `${leak.curl(c)}\n` }), "top.log": `${c}\n` }),
    });
    const expected = (content: string) => content.replaceAll(a, mask(a)).replaceAll(b, mask(b));
    for (const name of ["logs.tar", "logs.tgz"]) {
      const result = await runInMemory(["redact", name, "-o", `r-${name}`], { cwd });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain("with 2 token(s) masked (3 occurrence(s))");
      const out = join(cwd, `out-${name}`);
      mkdirSync(out);
      execFileSync("tar", ["-xf", join(cwd, `r-${name}`), "-C", out]);
      for (const [member, content] of Object.entries(entries)) expect(readFileSync(join(out, member), "utf8")).toBe(expected(content));
      expect(await scanCode(cwd, `r-${name}`)).toBe(0);
    }
    expect(readFileSync(join(cwd, "r-logs.tgz")).subarray(0, 2).toString("hex")).toBe("1f8b");

    const nested = await runInMemory(["redact", "nested.tar", "-o", "r-nested.tar"], { cwd });
    expect(nested.code, nested.stderr).toBe(0);
    const out = join(cwd, "out-nested");
    mkdirSync(out);
    execFileSync("tar", ["-xf", join(cwd, "r-nested.tar"), "-C", out]);
    expect(readFileSync(join(out, "top.log"), "utf8")).toBe(`${mask(c)}\n`);
    expect((await readZip(join(out, "inner.zip"))).get("deep.log")!.data.toString()).toBe(`${leak.curl(mask(c))}\n`);
  });

  it("refuses what it cannot rewrite faithfully, with exit 2 and nothing written", async () => {
    const token = fakeToken();
    const cwd = tempFolder({
      "a.log": "x\n",
      "cut.gz": gzipSync("a\n".repeat(100000)).subarray(0, 200),
      "locked.zip": makeZip({ "a.env": leak.env(token) }, { encrypted: true }),
      "escape.zip": makeZip({ "../up.env": `${leak.env(token)}\n` }),
    });
    const same = await runInMemory(["redact", "a.log", "-o", "a.log"], { cwd });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("OUT must differ from IN");
    const cut = await runInMemory(["redact", "cut.gz", "-o", "out.gz"], { cwd });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain("cut.gz: not fully scanned: truncated gzip data");
    expect(cut.stderr).toContain("hawzu-scan: cut.gz was not fully scanned (see above), so a token could pass unmasked: nothing written");
    const locked = await runInMemory(["redact", "locked.zip", "-o", "out.zip"], { cwd });
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain("locked.zip!/a.env: not scanned: encrypted zip member");
    const escape = await runInMemory(["redact", "escape.zip", "-o", "out.zip"], { cwd });
    expect(escape.code).toBe(2);
    // Named as not scanned by the scan, or as not writable by redact: either way nothing is written.
    expect(escape.stderr).toMatch(/^hawzu-scan: escape\.zip: .*\n(hawzu-scan: escape\.zip was not fully scanned .*\n)?$/);
    for (const name of ["out.gz", "out.zip"]) expect(existsSync(join(cwd, name))).toBe(false);
    expect(same.stderr + cut.stderr + locked.stderr + escape.stderr).not.toContain(token);
  });

  it("masks a token inside binary content with a mask of its own length, on its own and as a zip member", async () => {
    const token = fakeToken();
    const noise = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 7) % 32));
    const blob = Buffer.concat([noise, Buffer.from(`\u0001${leak.env(token)}\u0000`), noise]);
    const cwd = tempFolder({ "tool.bin": blob, "libs.zip": makeZip({ "lib/app.so": blob }) });
    expect(await scanCode(cwd, "tool.bin", "libs.zip")).toBe(1);
    const alone = await runInMemory(["redact", "tool.bin", "-o", "clean.bin"], { cwd });
    expect(alone.code).toBe(0);
    const cleaned = readFileSync(join(cwd, "clean.bin"));
    // Same length, the same bytes around the token: only the token's own bytes changed.
    expect(cleaned.length).toBe(blob.length);
    expect(cleaned.includes(Buffer.from(token))).toBe(false);
    const at = blob.indexOf(Buffer.from(token));
    expect(cleaned.subarray(0, at).equals(blob.subarray(0, at))).toBe(true);
    expect(cleaned.subarray(at + token.length).equals(blob.subarray(at + token.length))).toBe(true);
    const zipped = await runInMemory(["redact", "libs.zip", "-o", "clean.zip"], { cwd });
    expect(zipped.code).toBe(0);
    const member = (await readZip(join(cwd, "clean.zip"))).get("lib/app.so")!;
    expect(member.data.length).toBe(blob.length);
    expect(member.data.includes(Buffer.from(token))).toBe(false);
    expect(await scanCode(cwd, "clean.bin", "clean.zip")).toBe(0);
    expect(alone.stdout + alone.stderr + zipped.stdout + zipped.stderr).not.toContain(token);
  });

  it("names a missing input as missing, not as vanished", async () => {
    const result = await runInMemory(["redact", "nope.log"], { cwd: tempFolder() });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("hawzu-scan: nope.log: no such file; check the path (nothing written)\n");
  });

  it("takes the scan's detection options: --known-prefix masks a prefixed token anywhere, --min-confidence is checked", async () => {
    const token = `acme_${fakeToken()}`;
    const cwd = tempFolder({ "app.log": `user logged in with ${token}\n` });
    const without = await runInMemory(["redact", "app.log", "-o", "plain.log"], { cwd });
    expect(without.stderr).toContain("with 0 token(s) masked");
    const result = await runInMemory(["redact", "--known-prefix", "acme_", "app.log", "-o", "clean.log"], { cwd });
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, "clean.log"), "utf8")).not.toContain(token);
    const bad = await runInMemory(["redact", "--min-confidence", "low", "app.log"], { cwd });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--min-confidence must be high or medium");
  });

  it("stdin: masks each token from the moment it is known, before the input ends", async () => {
    const token = fakeToken();
    const stdin = new PassThrough();
    const cwd = tempFolder();
    const running = runInMemory(["redact", "-", "-o", "clean.log"], { cwd, stdin });
    stdin.write("pod starting\n");
    stdin.write(`${leak.env(token)}\n`);
    stdin.write(`wire ${token}\npartial line ${token.slice(0, 10)}`);
    stdin.end(`${token.slice(10)} done\n`);
    const result = await running;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("wrote clean.log (plain text, as the input) with 1 token(s) masked (3 occurrence(s))");
    expect(readFileSync(join(cwd, "clean.log"), "utf8")).toBe(`pod starting\n${leak.env(mask(token))}\nwire ${mask(token)}\npartial line ${mask(token)} done\n`);
  });

  it("stdin: gzip in, gzip out; an archive on stdin is refused", async () => {
    const token = fakeToken();
    const cwd = tempFolder();
    const zipped = new PassThrough();
    zipped.end(gzipSync(`${leak.curl(token)}\n${token}\n`));
    const result = await runInMemory(["redact", "-", "-o", "clean.gz"], { cwd, stdin: zipped });
    expect(result.code, result.stderr).toBe(0);
    expect(gunzipSync(readFileSync(join(cwd, "clean.gz"))).toString()).toBe(`${leak.curl(mask(token))}\n${mask(token)}\n`);
    const archive = new PassThrough();
    archive.end(makeZip({ "a.env": leak.env(token) }));
    const refused = await runInMemory(["redact", "-"], { cwd, stdin: archive });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("<stdin>: a zip archive cannot be rewritten as a stream");
  });

  it("stdin to a file: a token that went out before it was known fails the run and the file is removed", async () => {
    const token = fakeToken();
    const cwd = tempFolder();
    const stdin = new PassThrough();
    const running = runInMemory(["redact", "-", "-o", "clean.log"], { cwd, stdin });
    // The bare value goes out first; only the next line says it is a Hawzu token.
    stdin.write(`bare ${token}\n`);
    const out = join(cwd, "clean.log");
    for (let wait = 0; wait < 500 && !(existsSync(out) && readFileSync(out, "utf8").includes(token)); wait++) await new Promise((resolve) => setTimeout(resolve, 20));
    stdin.end(`${leak.env(token)}\n`);
    const result = await running;
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "hawzu-scan: clean.log holds 1 token(s) that went out before they were known (their evidence came later in the stream): treat it as unredacted; save the input to a file and run `hawzu-scan redact FILE -o OUT` (clean.log removed)\n",
    );
    expect(existsSync(join(cwd, "clean.log"))).toBe(false);
  });

  it("names an output that cannot be written, and writes nothing", async () => {
    const cwd = tempFolder({ "app.log": `${leak.env(fakeToken())}\n` });
    const result = await runInMemory(["redact", "app.log", "-o", "no/such/dir/out.log"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("hawzu-scan: no/such/dir/out.log: cannot write the masked copy (ENOENT)\n");
  });
});
