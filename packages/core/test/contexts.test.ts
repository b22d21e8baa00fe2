import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contexts } from "../src/index.js";

// One word everywhere: a context's file name = its id = its docs file = its test-case folder,
// and every context has found and quiet cases (as eslint-plugin-unicorn checks its rules).
const packageRoot = join(import.meta.dirname, "..");
const contextFiles = readdirSync(join(packageRoot, "src/contexts"))
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .map((file) => file.replace(/\.ts$/, ""));

describe("the context registry", () => {
  it("lists every context file exactly once", () => {
    expect(contexts.map((context) => context.id).sort()).toEqual([...contextFiles].sort());
  });

  it("has no test-case folder for an unknown context", () => {
    const ids = new Set(contexts.map((context) => context.id));
    for (const folder of readdirSync(join(packageRoot, "test/cases"))) expect(ids).toContain(folder);
  });

  describe.each(contexts.map((context) => [context.id, context] as const))("%s", (id, context) => {
    it("is kebab-case and described", () => {
      expect(id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(context.description.length).toBeGreaterThan(20);
      expect(context.keywords.every((word) => word === word.toLowerCase())).toBe(true);
    });

    it("has docs", () => {
      expect(existsSync(join(packageRoot, "docs/contexts", `${id}.md`))).toBe(true);
    });

    it("has found and quiet cases", () => {
      const folder = join(packageRoot, "test/cases", id);
      const cases = existsSync(folder) ? readdirSync(folder) : [];
      expect(cases.some((name) => name.startsWith("found."))).toBe(true);
      expect(cases.some((name) => name.startsWith("quiet."))).toBe(true);
    });
  });
});
