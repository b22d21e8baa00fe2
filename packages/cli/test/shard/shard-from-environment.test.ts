import { describe, expect, it } from "vitest";
import { inShard, shardFromEnvironment } from "../../src/shard/shard.js";

describe("shardFromEnvironment (--shard auto)", () => {
  it("reads a Kubernetes Indexed Job's 0-based index, with the count from --shard-count or HAWZU_SCAN_SHARD_COUNT", () => {
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "0" }, 4)).toEqual({ shard: { index: 1, count: 4 } });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "3", HAWZU_SCAN_SHARD_COUNT: "4" })).toEqual({ shard: { index: 4, count: 4 } });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "3" })).toEqual({ problem: "no-count" });
    expect(shardFromEnvironment({ JOB_COMPLETION_INDEX: "4" }, 4)).toEqual({ problem: "none" });
  });

  it("reads GitLab (1-based), CircleCI and Buildkite (0-based)", () => {
    expect(shardFromEnvironment({ CI_NODE_INDEX: "1", CI_NODE_TOTAL: "3" })).toEqual({ shard: { index: 1, count: 3 } });
    expect(shardFromEnvironment({ CIRCLE_NODE_INDEX: "0", CIRCLE_NODE_TOTAL: "2" })).toEqual({ shard: { index: 1, count: 2 } });
    expect(shardFromEnvironment({ BUILDKITE_PARALLEL_JOB: "4", BUILDKITE_PARALLEL_JOB_COUNT: "5" })).toEqual({ shard: { index: 5, count: 5 } });
  });

  it("names the problem when the environment gives no shard or a malformed one", () => {
    expect(shardFromEnvironment({})).toEqual({ problem: "none" });
    expect(shardFromEnvironment({ CI_NODE_INDEX: "0", CI_NODE_TOTAL: "3" })).toEqual({ problem: "none" });
    expect(shardFromEnvironment({ CI_NODE_INDEX: "x", CI_NODE_TOTAL: "3" })).toEqual({ problem: "none" });
    expect(shardFromEnvironment({ CIRCLE_NODE_INDEX: "1" })).toEqual({ problem: "none" });
  });

  it("gives N shards that cover every object exactly once", () => {
    const keys = Array.from({ length: 500 }, (_, index) => `s3://logs/app/${index}.log`);
    const owners = keys.map((key) => [1, 2, 3, 4, 5].filter((index) => inShard(key, { index, count: 5 })));
    expect(owners.every((owner) => owner.length === 1)).toBe(true);
  });
});

describe("hawzu-scan --shard auto", () => {
  it("scans the slice the engine names, and is a usage error (exit 2) when it names none", async () => {
    const { runInMemory } = await import("../helpers/run-in-memory.js");
    const { tempFolder } = await import("../helpers/fixtures.js");
    const cwd = tempFolder(Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`logs/${index}.log`, "ok\n"])));
    const scanned = async (env: Record<string, string>) => JSON.parse((await runInMemory(["-f", "json", "--shard", "auto", "logs"], { cwd, env })).stdout).stats.files as number;
    const counts = [await scanned({ CI_NODE_INDEX: "1", CI_NODE_TOTAL: "2" }), await scanned({ CI_NODE_INDEX: "2", CI_NODE_TOTAL: "2" })];
    expect(counts[0]! + counts[1]!).toBe(12);
    expect(counts[0]).toBeGreaterThan(0);

    const none = await runInMemory(["--shard", "auto", "logs"], { cwd, env: {} });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--shard auto found no shard index/);
    const noCount = await runInMemory(["--shard", "auto", "logs"], { cwd, env: { JOB_COMPLETION_INDEX: "1" } });
    expect(noCount.code).toBe(2);
    expect(noCount.stderr).toMatch(/--shard-count/);
    const withCount = await runInMemory(["-f", "json", "--shard", "auto", "--shard-count", "2", "logs"], { cwd, env: { JOB_COMPLETION_INDEX: "1" } });
    expect(JSON.parse(withCount.stdout).stats.files).toBe(counts[1]);
    expect((await runInMemory(["--shard-count", "2", "logs"], { cwd, env: {} })).code).toBe(2);
  });
});
