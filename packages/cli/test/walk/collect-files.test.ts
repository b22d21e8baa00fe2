import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRepository } from "../git/git-repository.js";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

const files = (stdout: string) => JSON.parse(stdout).findings.map((finding: { file: string }) => finding.file);

describe("ignore rules, named paths and --no-ignore", () => {
  it("scans a folder named on the command line even when an ignore rule skips it (ripgrep's rule)", async () => {
    const repository = createRepository();
    try {
      repository.write(".hawzu-scanignore", "logs/\n");
      repository.write(".gitignore", "*.tmp\n");
      repository.write("logs/app.log", `${leak.curl(fakeToken())}\n`);
      repository.write("logs/scratch.tmp", `${leak.env(fakeToken())}\n`);
      const named = await runInMemory(["-f", "json", "logs"], { cwd: repository.root });
      expect(named.code).toBe(1);
      // Rules that did not skip the named folder still apply inside it.
      expect(files(named.stdout)).toEqual(["logs/app.log"]);
      const fromAbove = await runInMemory(["-f", "json", "."], { cwd: repository.root });
      expect(fromAbove.code).toBe(0);
      expect(JSON.parse(fromAbove.stdout).stats.ignored).toBe(1);
      const all = await runInMemory(["-f", "json", "--no-ignore"], { cwd: repository.root });
      expect(files(all.stdout)).toEqual(["logs/app.log", "logs/scratch.tmp"]);
      expect(JSON.parse(all.stdout).stats.ignored).toBe(0);
    } finally {
      repository.remove();
    }
  });

  it("says in the summary how many paths ignore rules skipped, e.g. a gitignored .env", async () => {
    const cwd = tempFolder({ ".gitignore": ".env\nbuild/\n", ".env": `${leak.env(fakeToken())}\n`, "build/x.env": `${leak.env(fakeToken())}\n`, "a.txt": "hello\n" });
    const text = await runInMemory([], { cwd });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^no Hawzu tokens found in 2 file\(s\), .*; 2 path\(s\) skipped by ignore rules \(--no-ignore scans them\)\n$/);
    const compact = await runInMemory(["-f", "compact"], { cwd });
    expect(compact.stdout).toContain("2 path(s) skipped by ignore rules");
    const all = await runInMemory(["-f", "json", "--no-ignore"], { cwd });
    expect(all.code).toBe(1);
    expect(files(all.stdout)).toEqual([".env", "build/x.env"]);
  });

  it("counts skipped paths per shard so that merged shards add up to one run", async () => {
    const layout: Record<string, string> = { ".gitignore": "*.skip\n" };
    for (let index = 0; index < 12; index++) layout[`f${index}.skip`] = "x\n";
    const cwd = tempFolder(layout);
    const shards = await Promise.all([1, 2, 3].map((index) => runInMemory(["-f", "json", "--shard", `${index}/3`], { cwd })));
    const counts = shards.map((shard) => JSON.parse(shard.stdout).stats.ignored as number);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(12);
  });

  it("notes a dangling symbolic link without failing the run", async () => {
    const cwd = tempFolder({ "a.txt": "hello\n" });
    symlinkSync(join(cwd, "nowhere"), join(cwd, "broken.env"));
    symlinkSync(join(cwd, "gone"), join(cwd, "named.log"));
    const result = await runInMemory(["-f", "json", ".", "named.log"], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).errors).toEqual([]);
    expect(result.stderr).toBe(
      [
        "hawzu-scan: note: broken.env: a symbolic link whose target does not exist: nothing to scan (fix or remove the link if it should point somewhere)",
        "hawzu-scan: note: named.log: a symbolic link whose target does not exist: nothing to scan (fix or remove the link if it should point somewhere)",
        "",
      ].join("\n"),
    );
  });
});
