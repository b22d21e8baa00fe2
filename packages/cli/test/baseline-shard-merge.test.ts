import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fakeToken, leak, tempFolder } from "./helpers/fixtures.js";
import { runInMemory } from "./helpers/run-in-memory.js";

describe("baseline", () => {
  it("records fingerprints and paths only, sorted, and then reports only new findings", async () => {
    const known = fakeToken();
    const cwd = tempFolder({ "b.env": `${leak.env(known)}\n`, "a.log": `${leak.curl(fakeToken())}\n` });
    const written = await runInMemory(["--write-baseline", ".hawzu-baseline.json"], { cwd });
    expect(written.code).toBe(0);
    const text = readFileSync(join(cwd, ".hawzu-baseline.json"), "utf8");
    const baseline = JSON.parse(text);
    expect(baseline.version).toBe(1);
    expect(baseline.findings.map((entry: { file: string }) => entry.file)).toEqual(["a.log", "b.env"]);
    for (const entry of baseline.findings) expect(Object.keys(entry)).toEqual(["fingerprint", "file"]);
    expect(text).not.toContain(known);
    expect(text).not.toMatch(/line|column|time|date/i);

    // Same findings: clean. A new token elsewhere in a known file: reported.
    expect((await runInMemory(["--baseline", ".hawzu-baseline.json"], { cwd })).code).toBe(0);
    const again = await runInMemory(["--write-baseline", "second.json"], { cwd });
    expect(again.code).toBe(0);
    expect(readFileSync(join(cwd, "second.json"), "utf8")).toBe(text);

    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(cwd, "b.env"), `# moved down\n${leak.env(known)}\n${leak.env(fakeToken())}\n`);
    const result = await runInMemory(["-f", "json", "--baseline", ".hawzu-baseline.json"], { cwd });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).findings).toMatchObject([{ file: "b.env", line: 3 }]);
  });

  it("rejects an unreadable baseline with exit 2", async () => {
    const cwd = tempFolder({ "bad.json": "{" });
    const result = await runInMemory(["--baseline", "bad.json"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("bad.json: cannot read the baseline");
  });
});

describe("--shard and merge", () => {
  it("N shards merged equal one full run", async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 30; index++) files[`dir${index % 4}/f${index}.log`] = index % 3 === 0 ? `${leak.curl(fakeToken())}\n` : "clean\n";
    files[".gitignore"] = "*.skip\n";
    for (let index = 0; index < 5; index++) files[`dir${index % 2}/f${index}.skip`] = "x\n";
    const cwd = tempFolder(files);
    // A missing path is a walk error: not sharded, each shard names it.
    const paths = [".", "missing.log"];
    const full = JSON.parse((await runInMemory(["-f", "json", ...paths], { cwd })).stdout);
    expect(full.errors).toHaveLength(1);
    const out = tempFolder();
    const shards: string[] = [];
    const covered: number[] = [];
    for (let index = 1; index <= 3; index++) {
      const result = await runInMemory(["-f", "json", "--shard", `${index}/3`, "-o", join(out, `shard-${index}.json`), ...paths], { cwd });
      expect([0, 1, 2]).toContain(result.code);
      shards.push(join(out, `shard-${index}.json`));
      covered.push(JSON.parse(readFileSync(join(out, `shard-${index}.json`), "utf8")).stats.files);
    }
    expect(covered.every((count) => count > 0 && count < full.stats.files)).toBe(true);
    const merged = await runInMemory(["merge", ...shards, "-f", "json"], { cwd });
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(report.findings).toEqual(full.findings);
    expect(report.stats.files).toBe(full.stats.files);
    expect(report.stats.bytes).toBe(full.stats.bytes);
    expect(report.stats.ignored).toBe(5);
    expect(full.stats.ignored).toBe(5);
    // Walk errors are not sharded: each shard names them, merge de-duplicates.
    expect(report.errors).toEqual(full.errors);
  });

  it("merge rejects a file that is not a report", async () => {
    const cwd = tempFolder({ "x.json": '{"hello":1}' });
    const result = await runInMemory(["merge", "x.json"], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("x.json: not a hawzu-scan JSON report");
  });
});

describe("merge: coverage and errors", () => {
  it("reports record what they covered: the inputs and the shard", async () => {
    const cwd = tempFolder({ "a.txt": "hello\n", "logs/b.log": "fine\n" });
    const report = JSON.parse((await runInMemory(["-f", "json", "--shard", "2/3", "a.txt", "logs"], { cwd })).stdout);
    expect(report.covered).toEqual({ inputs: ["a.txt", "logs"], shard: { index: 2, count: 3 } });
    expect(JSON.parse((await runInMemory(["-f", "json"], { cwd })).stdout).covered).toEqual({ inputs: ["."] });
  });

  it("an incomplete shard set is not clean: each missing shard is named, exit 2", async () => {
    const cwd = tempFolder({ "a.txt": "hello\n", "b.txt": "fine\n" });
    await runInMemory(["-f", "json", "--shard", "1/3", "-o", "s1.json"], { cwd });
    await runInMemory(["-f", "json", "--shard", "3/3", "-o", "s3.json"], { cwd });
    const merged = await runInMemory(["merge", "s1.json", "s3.json"], { cwd });
    expect(merged.code).toBe(2);
    expect(merged.stderr).toBe("hawzu-scan: .: not scanned: shard 2/3 is missing from the merge (got 1/3, 3/3); merge the reports of all 3 shards\n");
    expect(merged.stdout).toContain("1 input(s) NOT fully scanned (see above)");
    await runInMemory(["-f", "json", "--shard", "2/3", "-o", "s2.json"], { cwd });
    const complete = await runInMemory(["merge", "s1.json", "s2.json", "s3.json", "-f", "json"], { cwd });
    expect(complete).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(complete.stdout).covered).toEqual({ inputs: ["."] });
  });

  it("prints every error the merged reports carry, so 'see above' has something above", async () => {
    const cwd = tempFolder({ "a.txt": "hello\n" });
    await runInMemory(["-f", "json", "-o", "r.json", "a.txt", "missing.log"], { cwd });
    const merged = await runInMemory(["merge", "r.json"], { cwd });
    expect(merged.code).toBe(2);
    expect(merged.stderr).toBe("hawzu-scan: missing.log: not scanned: no such file or directory; check the path\n");
    expect(merged.stdout).toContain("1 input(s) NOT fully scanned (see above)");
  });

  it("names a report that does not exist as such, not as a malformed one", async () => {
    const result = await runInMemory(["merge", "nope.json"], { cwd: tempFolder() });
    expect(result).toMatchObject({ code: 2, stderr: "hawzu-scan: nope.json: cannot read this report (no such file); check the path, or that the job that writes it ran\n" });
  });
});
