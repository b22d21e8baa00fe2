import { describe, expect, it } from "vitest";
import { addHookLine } from "../../src/git/add-hook-line.js";

const present = (line: string) => line.includes("hawzu-scan --staged");

describe("addHookLine", () => {
  it("creates a shell hook when there is none", () => {
    expect(addHookLine(undefined, "npx hawzu-scan --staged", present)).toEqual({ ok: true, changed: true, content: "#!/bin/sh\nnpx hawzu-scan --staged\n" });
  });
  it("goes before the first command, keeping the other lines (so the last command's status stays the hook's)", () => {
    expect(addHookLine("#!/bin/sh\nnpm test", "npx hawzu-scan --staged", present)).toEqual({
      ok: true,
      changed: true,
      content: "#!/bin/sh\nnpx hawzu-scan --staged\nnpm test\n",
    });
  });
  it("goes before an exit or exec, also one inside an if, which would skip it", () => {
    expect(addHookLine("#!/bin/bash\nnpm test\nexit 0\n\n", "L --staged", present)).toMatchObject({ content: "#!/bin/bash\nL --staged\nnpm test\nexit 0\n\n" });
    expect(addHookLine("#!/bin/sh\nexec npx lint-staged\n", "L --staged", present)).toMatchObject({ content: "#!/bin/sh\nL --staged\nexec npx lint-staged\n" });
    expect(addHookLine("#!/bin/sh\nif true; then exit 0; fi\nnpm test\n", "L --staged", present)).toMatchObject({
      content: "#!/bin/sh\nL --staged\nif true; then exit 0; fi\nnpm test\n",
    });
  });
  it("goes after the setup lines (set -e, exports, sourced files), before the comment of the first command", () => {
    const hook = "#!/bin/sh\n# Team hook\nset -e\nexport PATH=\"$HOME/bin:$PATH\"\n. \"$HOME/.nvm/nvm.sh\"\nNODE_ENV=test\n\n# tests first\nnpm test\n";
    expect(addHookLine(hook, "L --staged", present)).toMatchObject({
      content: "#!/bin/sh\n# Team hook\nset -e\nexport PATH=\"$HOME/bin:$PATH\"\n. \"$HOME/.nvm/nvm.sh\"\nNODE_ENV=test\nL --staged\n\n# tests first\nnpm test\n",
    });
  });
  it("replaces outdated lines instead of keeping them beside the new one", () => {
    const outdated = (line: string) => line === "old --staged";
    expect(addHookLine("#!/bin/sh\nnpm test\nold --staged\nexit 0\n", "new hawzu-scan --staged", present, outdated)).toMatchObject({
      content: "#!/bin/sh\nnew hawzu-scan --staged\nnpm test\nexit 0\n",
    });
  });
  it("changes nothing when a line already runs it, but a commented-out line does not count", () => {
    expect(addHookLine("npx lint-staged\nnpx hawzu-scan --staged\n", "x hawzu-scan --staged", present)).toMatchObject({ changed: false });
    expect(addHookLine("# npx hawzu-scan --staged\n", "npx hawzu-scan --staged", present)).toMatchObject({ changed: true });
  });
  it("refuses a hook in another language", () => {
    expect(addHookLine("#!/usr/bin/env python3\nprint(1)\n", "npx hawzu-scan --staged", present)).toEqual({ ok: false, reason: "not-shell" });
  });
});
