import { describe, expect, it } from "vitest";
import { unquoteGitPath } from "../../src/git/unquote-git-path.js";

describe("unquoteGitPath", () => {
  it("leaves unquoted paths alone, spaces and brackets included", () => {
    expect(unquoteGitPath("b/a [1] (2).txt")).toBe("b/a [1] (2).txt");
  });
  it("decodes C escapes and octal UTF-8 bytes", () => {
    expect(unquoteGitPath('"b/q\\"uote\\\\back\\nnew\\ttab"')).toBe('b/q"uote\\back\nnew\ttab');
    expect(unquoteGitPath('"b/\\303\\274ber"')).toBe("b/über");
  });
});
