import { describe, expect, it } from "vitest";
import { keepAddedLines } from "../../src/git/keep-added-lines.js";

describe("keepAddedLines", () => {
  const finding = (line: number, endLine = line) => ({ line, endLine });

  it("keeps a finding only when one of its lines was added", () => {
    expect(keepAddedLines([finding(1), finding(3)], [3])).toEqual([finding(3)]);
    expect(keepAddedLines([finding(1), finding(3)], [2])).toEqual([]);
  });

  it("keeps a multi-line finding when any of its lines was added", () => {
    expect(keepAddedLines([finding(2, 4)], [4])).toEqual([finding(2, 4)]);
    expect(keepAddedLines([finding(2, 4)], [1, 5])).toEqual([]);
  });
});
