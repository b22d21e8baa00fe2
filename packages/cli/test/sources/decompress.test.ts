import { describe, expect, it } from "vitest";
import { DecodeError } from "../../src/sources/decode-error.js";
import { decompress, openDecoded } from "../../src/sources/decompress.js";
import { sniffKind } from "../../src/sources/sniff-kind.js";
import { CODECS, codecFixture, compress, compressAfterRealLog, corrupt, EXTENSION, realLog, realLogText, truncate, zstdRle } from "../helpers/codecs.js";

async function* chunked(data: Buffer, size = 1000): AsyncGenerator<Buffer> {
  for (let start = 0; start < data.length; start += size) yield data.subarray(start, start + size);
}

async function decodeAll(codec: (typeof CODECS)[number], data: Buffer): Promise<{ text: string; error?: unknown }> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of decompress(codec, chunked(data))) parts.push(Buffer.from(chunk));
    return { text: Buffer.concat(parts).toString() };
  } catch (error) {
    return { text: Buffer.concat(parts).toString(), error };
  }
}

describe.each(CODECS)("decompress %s", (codec) => {
  it("decodes the reference tool's output and a second stream after it, in small pieces", async () => {
    const { text, error } = await decodeAll(codec, compressAfterRealLog(codec, "second stream\n"));
    expect(error).toBeUndefined();
    expect(text).toBe(`${realLogText()}second stream\n`);
  });

  it("is recognised by content alone", () => {
    expect(sniffKind(realLog(codec))).toBe(codec);
    expect(sniffKind(compress(codec, "x\n"))).toBe(codec);
  });

  it("throws a DecodeError for a truncated stream, after yielding what came before", async () => {
    const data = Buffer.concat([compress(codec, "before the cut\n"), truncate(realLog(codec))]);
    const { text, error } = await decodeAll(codec, data);
    expect(error).toBeInstanceOf(DecodeError);
    expect(error).toMatchObject({ codec, truncated: true });
    expect(text.startsWith("before the cut\n")).toBe(true);
  });

  it("throws a DecodeError for a corrupt stream", async () => {
    const { error } = await decodeAll(codec, corrupt(realLog(codec)));
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).codec).toBe(codec);
  });

  it("openDecoded gives the codec and the decoded stream", async () => {
    const { codec: found, stream } = await openDecoded(chunked(compress(codec, "hello\n"), 3));
    expect(found).toBe(codec);
    const parts: Buffer[] = [];
    for await (const chunk of stream) parts.push(chunk);
    expect(Buffer.concat(parts).toString()).toBe("hello\n");
  });
});

describe("decompress", () => {
  it("leaves plain text alone in openDecoded", async () => {
    const { codec, stream } = await openDecoded(chunked(Buffer.from("plain\n")));
    expect(codec).toBeUndefined();
    const parts: Buffer[] = [];
    for await (const chunk of stream) parts.push(chunk);
    expect(Buffer.concat(parts).toString()).toBe("plain\n");
  });

  it("decodes an .xz inside an .xz (nested streams run at once)", async () => {
    const inner = compress("xz", "inner\n");
    const outer = compress("xz", inner);
    const parts: Buffer[] = [];
    for await (const chunk of decompress("xz", chunked(outer))) {
      for await (const deep of decompress("xz", chunked(chunk))) parts.push(Buffer.from(deep));
    }
    expect(Buffer.concat(parts).toString()).toBe("inner\n");
  });

  it("names a zstd frame whose content fails its checksum, wherever the damage is", async () => {
    const real = realLog("zstd");
    for (const at of [40, Math.floor(real.length / 3), Math.floor(real.length / 2), real.length - 30]) {
      const damaged = Buffer.from(real);
      damaged[at] = damaged[at]! ^ 0x5a;
      const { error } = await decodeAll("zstd", damaged);
      expect(error, `byte ${at}`).toBeInstanceOf(DecodeError);
    }
  });

  it("yields a zstd RLE bomb in bounded pieces, so the caller can stop it", async () => {
    let total = 0;
    let largest = 0;
    for await (const chunk of decompress("zstd", chunked(zstdRle(0x61, 64 * 1024 * 1024), 65536))) {
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
      if (total > 8 * 1024 * 1024) break;
    }
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
  });

  it("has a bomb fixture per codec made by the reference tools", () => {
    for (const codec of CODECS.filter((name) => name !== "gzip")) expect(sniffKind(codecFixture(`bomb.${EXTENSION[codec]}`))).toBe(codec);
  });
});
