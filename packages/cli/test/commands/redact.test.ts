import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

describe("redact", () => {
  const makeLog = (tokens: string[]) =>
    Buffer.concat([
      Buffer.from(`boot \u00e9t\u00e9 \u2713\r\n${leak.curl(tokens[0]!)}\r\n`),
      Buffer.from([0xff, 0xfe, 0x0a]),
      Buffer.from(`${leak.json(tokens[1]!)} and ${leak.env(tokens[2]!)}\nlast line without newline`),
    ]);
  const masked = (log: Buffer, tokens: string[]) => {
    let text = log.toString("latin1");
    for (const token of tokens) text = text.replace(token, `${token.slice(0, 4)}********`);
    return Buffer.from(text, "latin1");
  };

  it("writes a copy with every token masked and every other byte identical", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const log = makeLog(tokens);
    const cwd = tempFolder({ "app.log": log });
    const result = await runInMemory(["redact", "app.log", "-o", "clean.log"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("with 3 token(s) masked");
    expect(readFileSync(join(cwd, "clean.log")).equals(masked(log, tokens))).toBe(true);
    expect(readFileSync(join(cwd, "app.log")).equals(log)).toBe(true);
  });

  it("keeps a .gz a .gz", async () => {
    const tokens = [fakeToken(), fakeToken(), fakeToken()];
    const log = makeLog(tokens);
    const cwd = tempFolder({ "app.log.1.gz": gzipSync(log) });
    const result = await runInMemory(["redact", "app.log.1.gz", "-o", "clean.log.gz"], { cwd });
    expect(result.code).toBe(0);
    expect(gunzipSync(readFileSync(join(cwd, "clean.log.gz"))).equals(masked(log, tokens))).toBe(true);
  });

  it("refuses to overwrite its input and reports a truncated .gz without writing", async () => {
    const cwd = tempFolder({ "a.log": "x\n", "cut.gz": gzipSync("a\n".repeat(100000)).subarray(0, 200) });
    const same = await runInMemory(["redact", "a.log", "-o", "a.log"], { cwd });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("OUT must differ from IN");
    const cut = await runInMemory(["redact", "cut.gz", "-o", "out.gz"], { cwd });
    expect(cut.code).toBe(2);
    expect(cut.stderr).toContain("cut.gz: truncated or corrupt gzip data");
  });
});
