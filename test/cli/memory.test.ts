// Memory of the built CLI with many findings (README of the CLI, "Many findings").
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, envLine, expectCleanOutput, folder, removeFolders, seededTokens } from "../faults/fault-fixture.js";
import { buildCli } from "../support/built-cli.js";

const fakeToken = seededTokens(0x14_0001);
const HOOK = fileURLToPath(new URL("./young-generation-hook.mjs", import.meta.url));

beforeAll(buildCli, 180_000);
afterAll(removeFolders);

describe("the main thread while workers scan a big file with many findings", () => {
  it("keeps its young generation at the size it had when the workers started; every finding is reported", async () => {
    // 75 MB with 12,000 distinct tokens: cut into chunks for two workers. Before the young
    // generation was held, the main thread's grew from 4 to 16 MB on this input.
    const tokens = Array.from({ length: 12_000 }, () => fakeToken());
    const filler = `2026-11-28T09:00:00Z INFO [http] GET /api/v1/items status=200 latency_ms=12\n`.repeat(80);
    const cwd = folder();
    const log = join(cwd, "big.log");
    writeFileSync(log, tokens.map((token) => `${filler}2026-11-28T09:00:01Z DEBUG env ${envLine(token)}\n`).join(""));
    const out = join(cwd, "young-generation.json");
    const result = await cli(["-f", "json", "--jobs", "2", "big.log"], { cwd, nodeArgs: ["--import", HOOK], env: { YOUNG_GENERATION_OUT: out } });
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.parse(result.stdout).findings).toHaveLength(tokens.length);
    expectCleanOutput(result, tokens.slice(0, 100));
    const seen = JSON.parse(readFileSync(out, "utf8")) as { workers: number; atFirstWorker: number; largestWhileWorkers: number };
    expect(seen.workers).toBe(2);
    expect(seen.atFirstWorker).toBeGreaterThan(0);
    expect(seen.largestWhileWorkers).toBe(seen.atFirstWorker);
  });
});
