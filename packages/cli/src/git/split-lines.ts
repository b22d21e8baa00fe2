import type { Readable } from "node:stream";

/**
 * Yields the lines of a byte stream, without their "\n" (a "\r" stays: it is part of the content).
 * Splits on bytes, so a UTF-8 character cut between two chunks is decoded whole.
 */
export async function* splitLines(stream: Readable): AsyncGenerator<string> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10, start)) {
      yield data.toString("utf8", start, newline);
      start = newline + 1;
    }
    rest = data.subarray(start);
    data = rest;
  }
  if (rest.length > 0) yield rest.toString("utf8");
}
