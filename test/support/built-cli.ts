// What the end-to-end tests of the CLI share: where the repository and the built CLI are, and a
// build of the CLI before a file's tests run (the tests spawn it as a child process).
import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "packages/cli/bin/hawzu-scan.js");

/** Builds the CLI (tsc -b; the bin runs dist/ when the bundle is older). Pass to `beforeAll` with a long timeout. */
export function buildCli(): void {
  execFileSync("npx", ["tsc", "-b", "packages/cli"], { cwd: ROOT, stdio: "pipe" });
}
