import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readStagedInputs, type StagedInput } from "../../src/git/read-staged-inputs.js";
import { collect, createRepository, fakeToken, type TestRepository } from "./git-repository.js";

const byPath = (inputs: StagedInput[]) => Object.fromEntries(inputs.map((input) => [input.displayPath, input]));
const textOf = (input: StagedInput | undefined) => (input?.kind === "file" ? input.content.toString("utf8") : input?.kind);

describe("readStagedInputs", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

  it("reads added files before the first commit, with spaces, unicode, brackets and parentheses in names", async () => {
    const names = ["a b.txt", "ünï cødé.ts", "[id]/page (copy).tsx", "tab\there.env", "new\nline.txt"];
    for (const name of names) repository.write(name, `content of ${name}\n`);
    repository.git("add", "-A");

    const inputs = await collect(readStagedInputs({ cwd: repository.root }));

    expect(inputs.map((input) => input.displayPath).sort()).toEqual([...names].sort());
    for (const name of names) expect(textOf(byPath(inputs)[name])).toBe(`content of ${name}\n`);
  });

  it("reads the staged version of a partially staged file, not the working tree", async () => {
    const token = fakeToken();
    repository.write("app.env", "A=1\n");
    repository.git("add", "app.env");
    repository.write("app.env", `A=1\nHAWZU_TOKEN=${token}\n`);

    const [input] = await collect(readStagedInputs({ cwd: repository.root }));

    expect(input?.displayPath).toBe("app.env");
    expect(textOf(input)).toBe("A=1\n");
  });

  it("covers modified, renamed and copied files, and leaves out deleted and unchanged ones", async () => {
    repository.write("keep.txt", "keep\n");
    repository.write("change.txt", "old\n");
    repository.write("move.txt", "moved content\n");
    repository.write("gone.txt", "gone\n");
    repository.commit("first");
    repository.write("change.txt", "new\n");
    repository.git("mv", "move.txt", "moved here.txt");
    repository.git("rm", "-q", "gone.txt");
    repository.git("add", "-A");

    const inputs = await collect(readStagedInputs({ cwd: repository.root }));

    expect(inputs.map((input) => input.displayPath).sort()).toEqual(["change.txt", "moved here.txt"]);
    expect(textOf(byPath(inputs)["moved here.txt"])).toBe("moved content\n");
  });

  it("skips binary files (a NUL byte) and symlinks", async () => {
    repository.write("image.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    repository.write("target.txt", "text\n");
    symlinkSync("target.txt", join(repository.root, "link.txt"));
    repository.git("add", "-A");

    const inputs = byPath(await collect(readStagedInputs({ cwd: repository.root })));

    expect(inputs["image.png"]).toMatchObject({ kind: "skipped", reason: "binary" });
    expect(inputs["link.txt"]).toMatchObject({ kind: "skipped", reason: "symlink" });
    expect(inputs["target.txt"]).toMatchObject({ kind: "file" });
  });

  it("reads only the paths it is given (as lint-staged passes them), relative or absolute", async () => {
    for (const name of ["one.txt", "two (2).txt", "three.txt"]) repository.write(name, `${name}\n`);
    repository.git("add", "-A");

    const inputs = await collect(readStagedInputs({ cwd: repository.root, paths: ["one.txt", join(repository.root, "two (2).txt"), "not-staged.txt"] }));

    expect(inputs.filter((input) => input.kind === "file").map((input) => input.displayPath).sort()).toEqual(["one.txt", "two (2).txt"]);
    expect(inputs.filter((input) => input.kind === "unmatched")).toEqual([{ kind: "unmatched", displayPath: "not-staged.txt", othersMatched: true }]);
  });

  it("prints paths relative to the current folder when run from a subfolder", async () => {
    repository.write("src/deep/file.ts", "x\n");
    repository.write("top.txt", "y\n");
    repository.git("add", "-A");
    mkdirSync(join(repository.root, "src"), { recursive: true });

    const inputs = await collect(readStagedInputs({ cwd: join(repository.root, "src") }));

    expect(inputs.map((input) => input.displayPath).sort()).toEqual(["../top.txt", "deep/file.ts"]);
  });

  it("reads 300 staged files through one git process, in order", async () => {
    for (let index = 0; index < 300; index++) repository.write(`files/f${String(index).padStart(3, "0")}.txt`, `file ${index}\n`.repeat(index));
    repository.git("add", "-A");

    const inputs = await collect(readStagedInputs({ cwd: repository.root }));

    expect(inputs).toHaveLength(300);
    inputs.forEach((input, index) => expect(textOf(input)).toBe(`file ${index}\n`.repeat(index)));
  });

  it("returns an error value outside a git repository", async () => {
    const plain = mkdtempSync(join(tmpdir(), "hawzu-plain-"));
    try {
      const inputs = await collect(readStagedInputs({ cwd: plain }));
      expect(inputs).toEqual([{ kind: "error", displayPath: ".", reason: expect.stringContaining("not inside a git work tree") }]);
    } finally {
      rmSync(plain, { recursive: true });
    }
  });
});
