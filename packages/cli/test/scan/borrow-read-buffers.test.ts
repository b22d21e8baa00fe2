import { describe, expect, it } from "vitest";
import { borrowReadBuffers } from "../../src/scan/borrow-read-buffers.js";
import { BLOCK_SIZE } from "../../src/scan/byte-scanner.js";

// Identity checks as booleans: an assertion on two 4 MB buffers would format them byte by byte.
describe("borrowReadBuffers", () => {
  it("gives the same pair again once it is given back, and a pair of its own to a read at the same time", () => {
    const first = borrowReadBuffers();
    expect(first.buffers.map((buffer) => buffer.length)).toEqual([BLOCK_SIZE, BLOCK_SIZE]);
    const meanwhile = borrowReadBuffers();
    expect(meanwhile.buffers.some((buffer) => first.buffers.includes(buffer))).toBe(false);
    first.release();
    meanwhile.release();
    const next = borrowReadBuffers();
    expect(next.buffers === first.buffers).toBe(true);
    // Given back twice by mistake: still lent to one borrower at a time.
    next.release();
    next.release();
    const after = [borrowReadBuffers(), borrowReadBuffers()];
    expect(after.map((borrowed) => borrowed.buffers === first.buffers)).toEqual([true, false]);
  });
});
