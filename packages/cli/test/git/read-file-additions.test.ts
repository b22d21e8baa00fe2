import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCommits } from "../../src/git/list-commits.js";
import { readFileAdditions } from "../../src/git/read-file-additions.js";
import { collect, createRepository, type TestRepository } from "./git-repository.js";

let repository: TestRepository;
beforeEach(() => {
  repository = createRepository();
  repository.git("config", "gc.auto", "0");
});
afterEach(() => repository.remove());

const objectPath = (id: string) => join(repository.root, ".git", "objects", id.slice(0, 2), id.slice(2));

/** Each yielded item as "path@commit" or "error path@commit", in order. */
const describeItems = (items: Awaited<ReturnType<typeof collect<unknown>>>) =>
  items.map((item) => {
    const value = item as { error?: string; repoPath?: string; commit?: string };
    return `${value.error ? "error " : ""}${value.repoPath ?? "."}@${value.commit}`;
  });

describe("readFileAdditions", () => {
  it("reads a commit git log stops in file by file: every readable file once, the broken one as an error, and goes on", async () => {
    repository.write("a.txt", "a\n");
    const first = repository.commit("first");
    for (const name of ["b.txt", "c.txt", "e.txt"]) repository.write(name, `${name}\n`);
    const second = repository.commit("second");
    repository.write("d.txt", "d\n");
    const third = repository.commit("third");
    rmSync(objectPath(repository.git("rev-parse", `${second}:c.txt`).trim()));
    rmSync(join(repository.root, "c.txt"));

    const items = await collect(readFileAdditions(repository.root, { all: true }));

    expect(describeItems(items)).toEqual([`d.txt@${third}`, `b.txt@${second}`, `error c.txt@${second}`, `e.txt@${second}`, `a.txt@${first}`]);
    expect((items[2] as { error: string }).error).toContain("git fsck");
  });

  it("gives the same items as a plain walk when nothing is broken", async () => {
    repository.write("a.txt", "a\n");
    repository.commit("first");
    repository.write("a.txt", "a\nb\n");
    repository.git("mv", "a.txt", "moved.txt");
    repository.commit("rename and grow");
    const items = await collect(readFileAdditions(repository.root, { all: true }));
    // The rename is followed (-M): only the added line counts.
    expect(items).toEqual([
      expect.objectContaining({ repoPath: "moved.txt", addedLines: [2] }),
      expect.objectContaining({ repoPath: "a.txt", addedLines: [1] }),
    ]);
  });
});

describe("listCommits", () => {
  it("keeps the commits listed before a missing one, and names it and the commit whose parent it is", async () => {
    const commits: string[] = [];
    for (const index of [1, 2, 3, 4]) {
      repository.write("a.txt", `${index}\n`);
      commits.push(repository.commit(`commit ${index}`));
    }
    rmSync(objectPath(commits[1]!));

    const all = await listCommits(repository.root, { all: true });
    const since = await listCommits(repository.root, { since: commits[0]! });

    for (const listed of [all, since]) {
      expect(listed.commits).toEqual([commits[3]]);
      expect(listed.broken).toEqual([{ commit: commits[1], reason: expect.stringContaining(`nor what commit ${commits[2]} added`) }]);
    }
  });

  it("walks around a missing commit to what another ref still reaches", async () => {
    const commits: string[] = [];
    for (const index of [1, 2, 3, 4]) {
      repository.write("a.txt", `${index}\n`);
      commits.push(repository.commit(`commit ${index}`));
    }
    repository.git("tag", "-a", "-m", "old release", "v1", commits[0]!);
    repository.git("branch", "old", commits[1]!);
    rmSync(objectPath(commits[2]!));

    const listed = await listCommits(repository.root, { all: true });

    expect([...listed.commits].sort()).toEqual([commits[0], commits[1]].sort());
    expect(listed.broken).toEqual([{ commit: commits[2], reason: expect.stringContaining(`nor what commit ${commits[3]} added`) }]);
  });
});
