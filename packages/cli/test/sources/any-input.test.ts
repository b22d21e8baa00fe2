// Invariant (issues 12 and 14), as a seeded property: whatever the layout of files, text encodings,
// codecs, archives and nesting, and wherever a token is planted, each file holding one gives a
// finding or a named "not scanned" for that file; never a silent zero. Seeded, so a failure replays.
import { isCredentialLike } from "@hawzu-scan/core";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeTar, makeZip } from "../helpers/archives.js";
import { compress, truncate, type TestCodec } from "../helpers/codecs.js";
import { leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A fake token from a seed (mulberry32): fast-check shows the seed of a counterexample, never a token. */
function tokenFrom(seed: number): string {
  let state = seed | 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  for (;;) {
    const value = Array.from({ length: 40 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join("");
    if (/[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && isCredentialLike(value, "strict")) return value;
  }
}

type Encoding = "utf8" | "crlf" | "nul-padded" | "utf16le" | "utf16be" | "utf32le" | "utf32be";
type Layer = { kind: "codec"; codec: TestCodec } | { kind: "tar" } | { kind: "zip" };

interface Planted {
  tokenSeed: number;
  filler: number;
  at: number;
  encoding: Encoding;
  layers: Layer[];
  truncated: boolean;
}

const layer: fc.Arbitrary<Layer> = fc.oneof(
  fc.constantFrom<TestCodec>("gzip", "zstd", "xz", "bzip2").map((codec) => ({ kind: "codec", codec }) as const),
  fc.constant({ kind: "tar" } as const),
  fc.constant({ kind: "zip" } as const),
);

const planted: fc.Arbitrary<Planted> = fc.record({
  tokenSeed: fc.integer(),
  filler: fc.integer({ min: 0, max: 40 }),
  at: fc.nat(),
  encoding: fc.constantFrom<Encoding>("utf8", "crlf", "nul-padded", "utf16le", "utf16be", "utf32le", "utf32be"),
  // bzip2 is encoded by compressjs, slow past a few KB: at most one bzip2 layer, of small content.
  layers: fc.array(layer, { maxLength: 3 }).filter((layers) => layers.filter((item) => item.kind === "codec" && item.codec === "bzip2").length <= 1),
  truncated: fc.boolean(),
});

function text(file: Planted): Buffer {
  const lines = Array.from({ length: file.filler }, (_, index) => `2026-12-01T10:00:${String(index % 60).padStart(2, "0")}Z INFO request ${index} done`);
  lines.splice(file.at % (file.filler + 1), 0, leak.env(tokenFrom(file.tokenSeed)));
  if (file.encoding === "crlf") return Buffer.from(`${lines.join("\r\n")}\r\n`);
  if (file.encoding === "utf16le") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${lines.join("\n")}\n`, "utf16le")]);
  if (file.encoding === "utf16be") return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${lines.join("\n")}\n`, "utf16le").swap16()]);
  // UTF-32 (PowerShell's `-Encoding utf32`) is not decoded: it must be named, never read as UTF-16.
  if (file.encoding === "utf32le") return Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(`${lines.join("\n")}\n`, "le")]);
  if (file.encoding === "utf32be") return utf32(`${lines.join("\n")}\n`, "be");
  if (file.encoding === "nul-padded") return Buffer.concat([Buffer.alloc(64 + file.filler * 13), Buffer.from(`${lines.join("\n")}\n`), Buffer.alloc(9)]);
  return Buffer.from(`${lines.join("\n")}\n`);
}

function utf32(ascii: string, order: "le" | "be"): Buffer {
  const bytes = Buffer.alloc(ascii.length * 4);
  for (let index = 0; index < ascii.length; index++) bytes[index * 4 + (order === "le" ? 0 : 3)] = ascii.charCodeAt(index);
  return bytes;
}

async function build(file: Planted): Promise<Buffer> {
  let data = text(file);
  for (const [index, item] of file.layers.entries()) {
    if (item.kind === "codec") data = compress(item.codec, data);
    else if (item.kind === "tar") data = await makeTar({ [`member-${index}.log`]: data });
    else data = makeZip({ [`member-${index}.log`]: data });
  }
  // A cut through the outermost layer: what survives may hold the token or not, either is fine,
  // but the file must then be named as not fully scanned.
  return file.truncated && file.layers.length > 0 ? truncate(data, 0.5) : data;
}

describe("any input", () => {
  it("gives a finding or a named not-scanned for every file holding a token", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(planted, { minLength: 1, maxLength: 3 }), fc.boolean(), async (files, viaStdin) => {
        const contents = await Promise.all(files.map(build));
        const names = contents.map((_, index) => `input-${index}.dat`);
        const cwd = tempFolder(Object.fromEntries(names.map((name, index) => [name, contents[index]!])));
        const fromStdin = viaStdin && files.length === 1;
        const result = fromStdin
          ? await runInMemory(["-f", "json", "-"], { cwd, stdin: passThrough(contents[0]!) })
          : await runInMemory(["-f", "json", "."], { cwd });
        const report = JSON.parse(result.stdout) as { findings: { file: string }[]; errors: { file: string }[] };
        expect(result.code).not.toBe(0);
        for (const name of fromStdin ? ["<stdin>"] : names) {
          const found = report.findings.some((finding) => finding.file === name);
          const named = report.errors.some((error) => error.file === name);
          expect(found || named, `${name}: ${JSON.stringify(files)}`).toBe(true);
        }
        // An intact input is decoded to its end: the token is found (UTF-32: named as not decoded).
        files.forEach((file, index) => {
          if (file.truncated && file.layers.length > 0) return;
          const name = fromStdin ? "<stdin>" : names[index]!;
          const undecoded = file.encoding === "utf32le" || file.encoding === "utf32be";
          if (undecoded) expect(report.errors.some((error) => error.file === name)).toBe(true);
          else expect(report.findings.some((finding) => finding.file === name)).toBe(true);
        });
      }),
      { seed: 20261202, numRuns: 30, endOnFailure: true },
    );
  }, 120_000);
});

function passThrough(data: Buffer): PassThrough {
  const stream = new PassThrough();
  stream.end(data);
  return stream;
}
