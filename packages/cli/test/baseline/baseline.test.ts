import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRepository } from "../git/git-repository.js";
import { fakeToken, leak, tempFolder } from "../helpers/fixtures.js";
import { runInMemory } from "../helpers/run-in-memory.js";

const readBaseline = (path: string) => JSON.parse(readFileSync(path, "utf8")) as { findings: Array<{ fingerprint: string; file: string; member?: string }> };

describe("baseline paths and staleness", () => {
  it("matches from any working folder: paths are relative to the baseline file", async () => {
    const parent = tempFolder({ "proj/app/.env": `${leak.env(fakeToken())}\n`, "proj/ci.log": `${leak.curl(fakeToken())}\n` });
    const proj = join(parent, "proj");
    expect((await runInMemory(["--write-baseline", ".hawzu-baseline.json"], { cwd: proj })).code).toBe(0);
    expect(readBaseline(join(proj, ".hawzu-baseline.json")).findings.map((entry) => entry.file)).toEqual(["app/.env", "ci.log"]);

    const fromParent = await runInMemory(["--baseline", "proj/.hawzu-baseline.json", "proj"], { cwd: parent });
    expect(fromParent.code).toBe(0);
    expect(fromParent.stderr).toBe("");
    const fromBelow = await runInMemory(["--baseline", "../.hawzu-baseline.json", "."], { cwd: join(proj, "app") });
    expect(fromBelow.code).toBe(0);
    expect(fromBelow.stderr).toBe("");
    // Written from the parent into proj/, the same file results.
    expect((await runInMemory(["--write-baseline", "proj/second.json", "proj"], { cwd: parent })).code).toBe(0);
    expect(readFileSync(join(proj, "second.json"), "utf8")).toBe(readFileSync(join(proj, ".hawzu-baseline.json"), "utf8"));
  });

  it("warns in one line when a baseline matches nothing, and still reports the findings", async () => {
    const cwd = tempFolder({ "proj/a.env": `${leak.env(fakeToken())}\n` });
    await runInMemory(["--write-baseline", "proj/base.json", "proj"], { cwd });
    // Moved away from the files its paths point at.
    mkdirSync(join(cwd, "elsewhere"));
    writeFileSync(join(cwd, "elsewhere/base.json"), readFileSync(join(cwd, "proj/base.json")));
    const result = await runInMemory(["--baseline", "elsewhere/base.json", "proj"], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "hawzu-scan: warning: baseline elsewhere/base.json: none of its 1 entries matched a finding here (their paths are relative to the baseline's folder); if the files moved, rewrite it with --write-baseline elsewhere/base.json --prune-baseline\n",
    );
  });

  it("warns when half of a baseline is stale, but not about files the scan did not cover", async () => {
    const cwd = tempFolder({ "a.env": `${leak.env(fakeToken())}\n`, "b.env": `${leak.env(fakeToken())}\n` });
    await runInMemory(["--write-baseline", "base.json"], { cwd });
    // Scanning a subset: b.env was not looked at, so its entry is not judged.
    const subset = await runInMemory(["--baseline", "base.json", "a.env"], { cwd });
    expect(subset).toMatchObject({ code: 0, stderr: "" });
    writeFileSync(join(cwd, "b.env"), "HAWZU_ACCESS_TOKEN=${HAWZU_ACCESS_TOKEN}\n");
    const stale = await runInMemory(["--baseline", "base.json"], { cwd });
    expect(stale.code).toBe(0);
    expect(stale.stderr).toBe("hawzu-scan: warning: baseline base.json: 1 of its 2 entries are stale (token gone or file missing); drop them with --write-baseline base.json --prune-baseline\n");
  });

  it("--write-baseline keeps accepted entries; --prune-baseline drops the stale ones only", async () => {
    const cwd = tempFolder({ "a.env": `${leak.env(fakeToken())}\n`, "b.env": `${leak.env(fakeToken())}\n`, "c.env": `${leak.env(fakeToken())}\n` });
    await runInMemory(["--write-baseline", "base.json", "a.env", "b.env"], { cwd });
    // A new finding in c.env is added; a.env and b.env were not scanned this time and stay.
    await runInMemory(["--write-baseline", "base.json", "c.env"], { cwd });
    expect(readBaseline(join(cwd, "base.json")).findings.map((entry) => entry.file)).toEqual(["a.env", "b.env", "c.env"]);
    writeFileSync(join(cwd, "a.env"), "clean now\n");
    rmSync(join(cwd, "b.env"));
    await runInMemory(["--write-baseline", "base.json", "a.env"], { cwd });
    expect(readBaseline(join(cwd, "base.json")).findings.map((entry) => entry.file)).toEqual(["a.env", "b.env", "c.env"]);
    // a.env was scanned and its token is gone, b.env no longer exists; c.env was not scanned.
    const pruned = await runInMemory(["--write-baseline", "base.json", "--prune-baseline", "a.env"], { cwd });
    expect(pruned.stderr).toContain("wrote 1 finding(s) to the baseline base.json (2 stale entries pruned)");
    expect(readBaseline(join(cwd, "base.json")).findings.map((entry) => entry.file)).toEqual(["c.env"]);
  });

  it("--staged --write-baseline keeps the entries of files that are not staged", async () => {
    const repository = createRepository();
    try {
      repository.write("old.env", `${leak.env(fakeToken())}\n`);
      await runInMemory(["--write-baseline", ".hawzu-baseline.json"], { cwd: repository.root });
      repository.commit("accepted");
      repository.write("new.env", `${leak.env(fakeToken())}\n`);
      repository.git("add", "new.env");
      const written = await runInMemory(["--staged", "--write-baseline", ".hawzu-baseline.json"], { cwd: repository.root });
      expect(written.code).toBe(0);
      expect(readBaseline(join(repository.root, ".hawzu-baseline.json")).findings.map((entry) => entry.file)).toEqual(["new.env", "old.env"]);
      // The hook judges with HEAD's baseline: the accepting baseline is committed on its own first.
      repository.git("add", ".hawzu-baseline.json");
      repository.git("commit", "-q", "--no-verify", "-m", "accept", "--", ".hawzu-baseline.json");
      expect((await runInMemory(["--staged"], { cwd: repository.root })).code).toBe(0);
    } finally {
      repository.remove();
    }
  });

  it("names the baseline, not the report, when it cannot be written; --prune-baseline needs --write-baseline", async () => {
    const cwd = tempFolder({ "a.env": `${leak.env(fakeToken())}\n` });
    const result = await runInMemory(["--write-baseline", "/nonexistent-hawzu-folder/x.json"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("hawzu-scan: /nonexistent-hawzu-folder/x.json: cannot write the baseline (ENOENT); check that its folder exists and is writable\n");
    const prune = await runInMemory(["--prune-baseline"], { cwd });
    expect(prune).toMatchObject({ code: 2, stderr: "hawzu-scan: --prune-baseline rewrites a baseline: give it with --write-baseline FILE\n" });
  });
});
