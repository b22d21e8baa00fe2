import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openBlobReader } from "../../src/git/open-blob-reader.js";
import { readAtRevision } from "../../src/git/read-at-revision.js";
import { createRepository, type TestRepository } from "./git-repository.js";

describe("readAtRevision", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
    repository.write("settings.json", '{"at":"head"}\n');
    repository.write("sub/local.json", '{"in":"sub"}\n');
    repository.write("folder.json/inside.txt", "a folder named like a file\n");
    repository.commit("first");
    repository.write("settings.json", '{"at":"index"}\n');
    repository.git("add", "settings.json");
    repository.write("settings.json", '{"at":"disk"}\n');
  });
  afterEach(() => repository.remove());

  // The same answers through `git show` and through one cat-file process, whatever the folder.
  for (const through of ["git show", "a reader"] as const) {
    it(`reads HEAD's and the index's version relative to the folder, through ${through}`, async () => {
      const sub = join(repository.root, "sub");
      const reader = through === "a reader" ? openBlobReader(sub) : undefined;
      try {
        expect(await readAtRevision(sub, "HEAD", "../settings.json", reader)).toBe('{"at":"head"}\n');
        expect(await readAtRevision(sub, "index", join(repository.root, "settings.json"), reader)).toBe('{"at":"index"}\n');
        expect(await readAtRevision(sub, "HEAD", "local.json", reader)).toBe('{"in":"sub"}\n');
        expect(await readAtRevision(sub, "HEAD", "missing.json", reader)).toBeUndefined();
        // Outside the work tree: git refuses it (and must not end the reader for the rest).
        expect(await readAtRevision(sub, "HEAD", "../../outside.json", reader)).toBeUndefined();
        expect(await readAtRevision(sub, "index", "local.json", reader)).toBe('{"in":"sub"}\n');
      } finally {
        reader?.close();
      }
    });
  }

  it("reads no folder as a file through a reader, and answers HEAD with its commit", async () => {
    const reader = openBlobReader(repository.root);
    try {
      expect(await readAtRevision(repository.root, "HEAD", "folder.json", reader)).toBeUndefined();
      const head = await reader.readObject("HEAD");
      expect(head.ok && head.type).toBe("commit");
    } finally {
      reader.close();
    }
  });

  it("says HEAD is missing before the first commit", async () => {
    const empty = createRepository();
    mkdirSync(join(empty.root, "sub"));
    const reader = openBlobReader(join(empty.root, "sub"));
    try {
      expect((await reader.readObject("HEAD")).ok).toBe(false);
    } finally {
      reader.close();
      empty.remove();
    }
  });
});
