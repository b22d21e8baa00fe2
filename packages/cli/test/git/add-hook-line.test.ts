import { describe, expect, it } from "vitest";
import { addHookLine } from "../../src/git/add-hook-line.js";

const present = (line: string) => line.includes("hawzu-scan --staged");

describe("addHookLine", () => {
  it("creates a shell hook when there is none", () => {
    expect(addHookLine(undefined, "npx hawzu-scan --staged", present)).toEqual({ ok: true, changed: true, content: "#!/bin/sh\nnpx hawzu-scan --staged\n" });
  });
  it("appends after the other lines, keeping them", () => {
    expect(addHookLine("#!/bin/sh\nnpm test", "npx hawzu-scan --staged", present)).toEqual({
      ok: true,
      changed: true,
      content: "#!/bin/sh\nnpm test\nnpx hawzu-scan --staged\n",
    });
  });
  it("goes before a final exit, which would skip it", () => {
    const edit = addHookLine("#!/bin/bash\nnpm test\nexit 0\n\n", "npx hawzu-scan --staged", present);
    expect(edit).toMatchObject({ content: "#!/bin/bash\nnpm test\nnpx hawzu-scan --staged\nexit 0\n\n" });
  });
  it("changes nothing when a line already runs it, but a commented-out line does not count", () => {
    expect(addHookLine("npx lint-staged\nnpx hawzu-scan --staged\n", "x hawzu-scan --staged", present)).toMatchObject({ changed: false });
    expect(addHookLine("# npx hawzu-scan --staged\n", "npx hawzu-scan --staged", present)).toMatchObject({ changed: true });
  });
  it("refuses a hook in another language", () => {
    expect(addHookLine("#!/usr/bin/env python3\nprint(1)\n", "npx hawzu-scan --staged", present)).toEqual({ ok: false, reason: "not-shell" });
  });
});
