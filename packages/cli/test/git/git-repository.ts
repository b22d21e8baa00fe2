// Test helper: real git repositories in temp folders, isolated from the user's and any hook's git state.
import { execFileSync } from "node:child_process";
import { seededRandom } from "../../../../test/support/seeded-random.js";
import { isCredentialLike } from "@hawzu-scan/core";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("cli-git-repository");

// A test run from inside a git hook inherits GIT_DIR / GIT_INDEX_FILE, which would point every git
// call at this repository instead of the temp one; global config could change defaults.
for (const name of Object.keys(process.env)) if (name.startsWith("GIT_")) delete process.env[name];
process.env.GIT_CONFIG_NOSYSTEM = "1";
process.env.GIT_CONFIG_GLOBAL = "/dev/null";

/** A random fake token, never a real one; printed nowhere. */
export function fakeToken(): string {
  // Random, and accepted by the core's value check, so no run fails on an unlucky draw.
  for (;;) {
    const token = `Hz${random.bytes(24).toString("base64url").replace(/[-_]/g, "x")}`;
    if (isCredentialLike(token, "strict")) return token;
  }
}

export interface TestRepository {
  root: string;
  git(...args: string[]): string;
  write(path: string, content: string | Uint8Array): void;
  /** Stages everything (`git add -A`) and commits it, skipping hooks; returns the commit id. */
  commit(message: string): string;
  remove(): void;
}

export function createRepository(): TestRepository {
  const root = mkdtempSync(join(tmpdir(), "hawzu-git-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Test User");
  git("config", "user.email", "test@example.com");
  git("config", "commit.gpgsign", "false");
  return {
    root,
    git,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    commit(message) {
      git("add", "-A");
      git("commit", "-q", "--no-verify", "-m", message);
      return git("rev-parse", "HEAD").trim();
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
