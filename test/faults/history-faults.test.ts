// Fault injection, end to end: history scans (--git-history, --since) of damaged repositories, with
// the built CLI as a child process on real git repositories in temp folders.
import { execFileSync } from "node:child_process";
import { chmodSync, openSync, readdirSync, closeSync, writeSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnvironment, cli, envLine, expectCleanOutput, findingPlaces, folder, linesOf, looseObjectPath, removeFolders, repository, seededTokens } from "./fault-fixture.js";
import { buildCli } from "../support/built-cli.js";

const fakeToken = seededTokens(0x10_0001);

beforeAll(buildCli, 180_000);
afterAll(removeFolders);

/**
 * Six commits: the second adds `old.txt` and `other.env` (with a token), the last adds `leak.env`
 * (with another token). Returns the commit ids, oldest first.
 */
function historyWithTwoLeaks(tokens: { old: string; newest: string }) {
  const repo = repository();
  repo.write("a.txt", "first\n");
  const first = repo.commit("first");
  repo.write("old.txt", "an old file\n");
  repo.write("other.env", `${envLine(tokens.old)}\n`);
  const second = repo.commit("second");
  const middle: string[] = [];
  for (const index of [3, 4, 5]) {
    repo.write(`file${index}.txt`, `line ${index}\n`);
    middle.push(repo.commit(`commit ${index}`));
  }
  repo.write("leak.env", `${envLine(tokens.newest)}\n`);
  const newest = repo.commit("newest");
  return { repo, commits: [first, second, ...middle, newest] as const };
}

describe("history scans of a damaged repository", () => {
  it("a missing blob in an old commit: the rest of that commit and every other commit are scanned, the file is named", async () => {
    const tokens = { old: fakeToken(), newest: fakeToken() };
    const { repo, commits } = historyWithTwoLeaks(tokens);
    const blob = repo.git("rev-parse", `${commits[1]}:old.txt`).trim();
    // Also out of the work tree, where git would otherwise find the same content.
    rmSync(join(repo.root, "old.txt"));
    rmSync(looseObjectPath(repo.root, blob));

    for (const args of [["--git-history"], ["--since", commits[0]]]) {
      const result = await cli([...args, "-f", "json"], { cwd: repo.root });
      expect(result.code, result.stderr).toBe(1);
      expect(findingPlaces(result.stdout)).toEqual([`leak.env@${commits[5]}`, `other.env@${commits[1]}`]);
      const lines = linesOf(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain("old.txt");
      expect(lines[0]).toContain(commits[1]);
      expect(lines[0]).toContain("git fsck");
      expect(JSON.parse(result.stdout).errors).toEqual([expect.objectContaining({ file: "old.txt" })]);
      expectCleanOutput(result, Object.values(tokens));
    }
  });

  it("a missing blob and no token anywhere: exit 2, never clean", async () => {
    const repo = repository();
    repo.write("a.txt", "first\n");
    const first = repo.commit("first");
    repo.write("a.txt", "second\n");
    const second = repo.commit("second");
    rmSync(looseObjectPath(repo.root, repo.git("rev-parse", `${first}:a.txt`).trim()));

    const result = await cli(["--git-history"], { cwd: repo.root });
    expect(result.code).toBe(2);
    // Both commits need the lost version: the first to read it, the second to know what it added.
    expect(linesOf(result.stderr).sort()).toEqual([`hawzu-scan: a.txt: commit ${first}`, `hawzu-scan: a.txt: commit ${second}`].sort().map((start) => expect.stringMatching(new RegExp(`^${start}: not scanned`))));
    expect(result.stdout).toContain("NOT fully scanned");
  });

  it("a missing commit: the commits after it, and those a tag still reaches, are scanned; what was not is said", async () => {
    const tokens = { old: fakeToken(), newest: fakeToken() };
    const { repo, commits } = historyWithTwoLeaks(tokens);
    repo.git("tag", "-a", "-m", "release", "v1", commits[1]);
    rmSync(looseObjectPath(repo.root, commits[2]));

    for (const args of [["--git-history"], ["--since", commits[0]]]) {
      const result = await cli([...args, "-f", "json"], { cwd: repo.root });
      expect(result.code, result.stderr).toBe(1);
      // Commit 4's parent is gone, so what it added is unknown; the newest commit is whole, and
      // with --git-history the tag leads to the commits before the gap.
      expect(findingPlaces(result.stdout)).toEqual(args[0] === "--git-history" ? [`leak.env@${commits[5]}`, `other.env@${commits[1]}`] : [`leak.env@${commits[5]}`]);
      const lines = linesOf(result.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`commit ${commits[2]} is missing`);
      expect(lines[0]).toContain("not scanned");
      expect(lines[0]).toContain(commits[3]);
      expect(lines[0]).toContain("git fsck");
      expectCleanOutput(result, Object.values(tokens));
    }
  });

  it("a corrupt pack: every object git can still inflate is scanned, each broken file is named", async () => {
    const tokens = { old: fakeToken(), newest: fakeToken() };
    const { repo, commits } = historyWithTwoLeaks(tokens);
    repo.write("old.txt", "an old file, long enough that its packed form has a middle to damage\n".repeat(4));
    const changed = repo.commit("old.txt grows");
    repo.git("repack", "-a", "-d", "-q");
    const pack = readdirSync(join(repo.root, ".git/objects/pack")).find((name) => name.endsWith(".pack"))!;
    const packPath = join(repo.root, ".git/objects/pack", pack);
    const blob = repo.git("rev-parse", `${changed}:old.txt`).trim();
    // verify-pack -v: "<id> <type> <size> <size-in-pack> <offset> ...": overwrite the middle of its data.
    const row = repo.git("verify-pack", "-v", packPath.replace(/\.pack$/, ".idx")).split("\n").find((line) => line.startsWith(blob))!;
    const [, , , packedSize, offset] = row.trim().split(/\s+/).map(Number);
    chmodSync(packPath, 0o644);
    const fd = openSync(packPath, "r+");
    writeSync(fd, Buffer.alloc(4, 0xff), 0, 4, offset! + Math.floor(packedSize! / 2));
    closeSync(fd);
    rmSync(join(repo.root, "old.txt"));

    const result = await cli(["--git-history", "-f", "json"], { cwd: repo.root });
    expect(result.code, result.stderr).toBe(1);
    expect(findingPlaces(result.stdout)).toEqual([`leak.env@${commits[5]}`, `other.env@${commits[1]}`]);
    const lines = linesOf(result.stderr);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.some((line) => line.includes("old.txt") && line.includes(changed))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^hawzu-scan: .*commit [0-9a-f]{40}.*git fsck/);
    expectCleanOutput(result, Object.values(tokens));
  });

  it("a partial clone whose remote is gone: what the clone holds is scanned, each blob it lacks is named", async () => {
    const tokens = { old: fakeToken(), newest: fakeToken() };
    const { repo, commits } = historyWithTwoLeaks(tokens);
    // Changed later, so the clone's checkout fetches the new version only: the old one stays remote.
    repo.write("other.env", "moved to the secret store\n");
    repo.commit("drop the token");
    repo.git("config", "uploadpack.allowFilter", "true");
    const clone = join(folder(), "clone");
    execFileSync("git", ["clone", "-q", "--filter=blob:none", `file://${repo.root}`, clone], { env: childEnvironment() });
    rmSync(repo.root, { recursive: true, force: true });

    const result = await cli(["--git-history", "-f", "json"], { cwd: clone });
    expect(result.code, result.stderr).toBe(1);
    expect(findingPlaces(result.stdout)).toContain(`leak.env@${commits[5]}`);
    const lines = linesOf(result.stderr);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.some((line) => line.includes("other.env") && line.includes(commits[1]))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^hawzu-scan: .*commit [0-9a-f]{40}.*git fsck/);
    expectCleanOutput(result, Object.values(tokens));
  });
});
