// Git LFS: git stores a pointer in place of the file; the content lives in .git/lfs/objects. The
// pointer's text holds no token, so scanning it alone would say clean. These repositories are made
// without git-lfs: a pointer is an ordinary committed text, its object a file in the local store.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseLfsPointer } from "../../src/git/parse-lfs-pointer.js";
import { createRepository, fakeToken, type TestRepository } from "../git/git-repository.js";
import { runJsonInMemory } from "../helpers/run-in-memory.js";

/** Stores `content` as an LFS object of the repository and returns the pointer text that stands for it. */
function storeLfsObject(repository: TestRepository, content: string): string {
  const oid = createHash("sha256").update(content).digest("hex");
  const folder = join(repository.root, ".git", "lfs", "objects", oid.slice(0, 2), oid.slice(2, 4));
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, oid), content);
  return `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${Buffer.byteLength(content)}\n`;
}

describe("Git LFS pointers", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

  const scan = (...args: string[]) =>
    runJsonInMemory<{ findings: Array<{ file: string; line: number; commit?: string }>; errors: Array<{ file: string; message: string }> }>(args, { cwd: repository.root });

  it("parses a pointer, and nothing else", () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${"a".repeat(64)}\nsize 12\n`;
    expect(parseLfsPointer(Buffer.from(pointer))).toEqual({ oid: "a".repeat(64), size: 12 });
    expect(parseLfsPointer(Buffer.from(`# notes\n${pointer}`))).toBeUndefined();
    expect(parseLfsPointer(Buffer.from(pointer.replace("size 12\n", "")))).toBeUndefined();
  });

  it("--staged scans the object a staged pointer stands for", async () => {
    const token = fakeToken();
    repository.write("logs/ci.log", storeLfsObject(repository, `step 1\nexport HAWZU_TOKEN=${token}\n`));
    repository.git("add", "-A");
    const result = await scan("--staged");
    expect(result.code).toBe(1);
    expect(result.report.findings.map(({ file, line }) => ({ file, line }))).toEqual([{ file: "logs/ci.log", line: 2 }]);
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it("--git-history reports every token of a changed object for its commit, and names a missing object as not scanned", async () => {
    const [kept, added] = [fakeToken(), fakeToken()];
    repository.write("ci.log", storeLfsObject(repository, `HAWZU_TOKEN=${kept}\n`));
    const first = repository.commit("first log");
    // The pointer's lines all change; the object's first line is the same token as before.
    repository.write("ci.log", storeLfsObject(repository, `HAWZU_TOKEN=${kept}\nHAWZU_ACCESS_TOKEN=${added}\n`));
    const second = repository.commit("second log");
    const all = await scan("--git-history");
    expect(all.code).toBe(1);
    expect(all.report.findings.map(({ commit, line }) => ({ commit, line })).sort((a, b) => a.line - b.line || a.commit!.localeCompare(b.commit!))).toEqual(
      [{ commit: first, line: 1 }, { commit: second, line: 1 }, { commit: second, line: 2 }].sort((a, b) => a.line - b.line || a.commit.localeCompare(b.commit)),
    );

    rmSync(join(repository.root, ".git", "lfs"), { recursive: true });
    const missing = await scan("--git-history");
    expect(missing.code).toBe(2);
    expect(missing.report.findings).toEqual([]);
    expect(missing.report.errors).toHaveLength(2);
    for (const error of missing.report.errors) expect(error.message).toMatch(/Git LFS pointer .* not in the local store; run `git lfs fetch`/);
  });
});
