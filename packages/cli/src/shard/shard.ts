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
