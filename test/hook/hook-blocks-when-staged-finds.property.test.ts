// Invariant (STYLE.md 16): the installed plain hook blocks a commit exactly when `hawzu-scan --staged`
// finds something, and that is exactly when a staged file holds a planted token. Random small staged
// layouts (folders, names, tokens planted or not, working tree differing from the index), real commits.
// Seeded: a failure prints its seed and path, and replays.
import { isCredentialLike } from "@hawzu-scan/core";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_BIN, cleanEnvironment, createRepository, installBin, pathWithoutHawzuScan, type Repository } from "./fixture.js";

const SEED = 20_261_202;
const RUNS = 15;

const ALPHABET = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"];
/** A fake token from the seeded generator, accepted by the core's value check (as fakeToken's are). */
const token = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 30, maxLength: 40 })
  .map((characters) => `Hz${characters.join("")}`)
  .filter((value) => /\d/.test(value) && isCredentialLike(value, "strict"));

const file = fc.record({
  folder: fc.constantFrom("", "src/", "config/deep/", "with space/"),
  name: fc.constantFrom("app.env", "settings.yaml", "client.js", "notes.txt"),
  /** A token in the staged version. */
  staged: fc.option(token, { nil: undefined }),
  /** What the working tree holds after `git add`: the same, clean, or another token (never committed). */
  workingTree: fc.constantFrom("same", "clean", "token"),
  other: token,
});
const layout = fc.uniqueArray(file, { minLength: 1, maxLength: 4, selector: (entry) => entry.folder + entry.name });

const write = (name: string, value: string | undefined) => {
  if (value === undefined) return `# ${name}\nHAWZU_TOKEN=\${HAWZU_TOKEN}\n`;
  if (name.endsWith(".js")) return `export const HAWZU_TOKEN = "${value}";\n`;
  if (name.endsWith(".yaml")) return `hawzu:\n  token: "${value}"\n`;
  return `HAWZU_TOKEN=${value}\n`;
};

describe("the plain hook blocks exactly when --staged finds", () => {
  let repository: Repository;
  beforeAll(() => {
    repository = createRepository(cleanEnvironment(pathWithoutHawzuScan()));
    repository.write(".gitignore", "node_modules/\n");
    repository.write("README.md", "# app\n");
    repository.commitAll("first");
    installBin(repository.root, "hawzu-scan", CLI_BIN);
    const init = repository.cli("init");
    expect(init.status, init.stderr).toBe(0);
  });
  afterAll(() => repository.remove());

  it(`holds for ${RUNS} seeded layouts`, async () => {
    await fc.assert(
      fc.asyncProperty(layout, async (files) => {
        try {
          for (const entry of files) repository.write(entry.folder + entry.name, write(entry.name, entry.staged));
          repository.git("add", "-A");
          for (const entry of files) {
            if (entry.workingTree === "clean") repository.write(entry.folder + entry.name, write(entry.name, undefined));
            if (entry.workingTree === "token") repository.write(entry.folder + entry.name, write(entry.name, entry.other));
          }
          const scan = repository.cli("--staged", "-f", "json");
          expect([0, 1], scan.stderr).toContain(scan.status);
          const found = (JSON.parse(scan.stdout) as { findings: unknown[] }).findings.length > 0;

          const before = repository.head();
          const commit = repository.tryGit("commit", "-q", "-m", "case");
          const blocked = repository.head() === before;

          expect(found).toBe(files.some((entry) => entry.staged !== undefined));
          expect(blocked, commit.stdout + commit.stderr).toBe(found);
          expect(commit.status !== 0).toBe(blocked);
          for (const entry of files) for (const value of [entry.staged, entry.other]) if (value) expect(scan.stdout + commit.stdout + commit.stderr).not.toContain(value);
        } finally {
          // The next layout starts from the last commit, with nothing staged or left over.
          repository.git("reset", "-q", "--hard", "HEAD");
          repository.git("clean", "-qfd");
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 180_000);
});
