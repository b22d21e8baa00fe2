import { createHash } from "node:crypto";

/** The K-th (1-based) of N slices of the input set. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `K/N`; undefined when malformed. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/**
 * True when the file belongs to the shard. Decided by a hash of its displayed path alone, so every
 * job of a CI matrix or Kubernetes indexed job agrees with no coordinator, whatever order it lists files in.
 */
export function inShard(displayPath: string, shard: Shard): boolean {
  if (shard.count === 1) return true;
  const hash = createHash("sha1").update(displayPath).digest();
  return hash.readUInt32BE(0) % shard.count === shard.index - 1;
}

/** The variable a Kubernetes Indexed Job manifest sets to its `completions` for `--shard auto`. */
export const SHARD_COUNT_VARIABLE = "HAWZU_SCAN_SHARD_COUNT";

/**
 * `--shard auto`: the index and count that the engine running this job gives it. Kubernetes Indexed
 * Jobs give only the index (`JOB_COMPLETION_INDEX`, 0-based), so the count comes from `count`
 * (`--shard-count`) or HAWZU_SCAN_SHARD_COUNT. GitLab `parallel:` counts from 1; CircleCI and
 * Buildkite from 0. Undefined with the reason when the environment names no shard.
 */
export function shardFromEnvironment(env: NodeJS.ProcessEnv, count?: number): { shard: Shard } | { problem: "none" | "no-count" } {
  const whole = (value: string | undefined) => (value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined);
  const make = (index: number | undefined, total: number | undefined) =>
    index !== undefined && total !== undefined && total >= 1 && index >= 1 && index <= total ? { shard: { index, count: total } } : undefined;
  const kubernetes = whole(env.JOB_COMPLETION_INDEX);
  if (kubernetes !== undefined) {
    const total = count ?? whole(env[SHARD_COUNT_VARIABLE]);
    return total === undefined ? { problem: "no-count" } : (make(kubernetes + 1, total) ?? { problem: "none" });
  }
  const engines: [string, string, number][] = [
    ["CI_NODE_INDEX", "CI_NODE_TOTAL", 0], // GitLab parallel: 1..N
    ["CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 1], // CircleCI parallelism: 0..N-1
    ["BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 1], // Buildkite parallelism: 0..N-1
  ];
  for (const [indexVariable, countVariable, offset] of engines) {
    const index = whole(env[indexVariable]);
    if (index === undefined) continue;
    return make(index + offset, count ?? whole(env[countVariable])) ?? { problem: "none" };
  }
  return { problem: "none" };
}
