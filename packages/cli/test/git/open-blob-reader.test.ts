import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openBlobReader } from "../../src/git/open-blob-reader.js";
import { createRepository, type TestRepository } from "./git-repository.js";

describe("openBlobReader", () => {
  let repository: TestRepository;
  beforeEach(() => {
    repository = createRepository();
  });
  afterEach(() => repository.remove());

  it("reads overlapping requests in order, and a missing object as an error value", async () => {
    repository.write("a.txt", "alpha\n");
    repository.write("b.txt", "beta\n".repeat(100_000));
    repository.git("add", "-A");
    const [a, b] = ["a.txt", "b.txt"].map((path) => repository.git("rev-parse", `:${path}`).trim());
    const reader = openBlobReader(repository.root);
    try {
      const replies = await Promise.all([reader.read(b!), reader.read("f".repeat(40)), reader.read(a!)]);
      // Compared as text: a deep comparison of a 500 kB Buffer is slow.
      expect(replies[0]?.ok && replies[0].content.toString("utf8") === "beta\n".repeat(100_000)).toBe(true);
      expect(replies[1]).toEqual({ ok: false, reason: expect.stringContaining("missing") });
      expect(replies[2]).toEqual({ ok: true, content: Buffer.from("alpha\n") });
    } finally {
      reader.close();
    }
  });
});
