import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { USER_AGENT, VERSION } from "../src/index.js";

describe("VERSION", () => {
  it("is the version in package.json, and names the tool in the User-Agent", () => {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(manifest.version);
    expect(USER_AGENT).toBe(`hawzu-scan/${manifest.version}`);
  });
});
