import { describe, expect, it } from "vitest";
import { fingerprint, redact } from "../src/index.js";

describe("redact", () => {
  it("shows at most the first 4 characters and hides the length", () => {
    expect(redact("h7Gk2pQx9LmZ4vNc8RtY3wBs")).toBe("h7Gk********");
    expect(redact("h7Gk2pQx9LmZ4vNc8RtY3wBsAAAAAAAAAAAAAAAAAA")).toBe("h7Gk********");
  });

  it("shows nothing of a short value", () => {
    expect(redact("abc123")).toBe("********");
  });
});

describe("fingerprint", () => {
  it("is sha256: and the hex SHA-256 of the token", () => {
    // Known vector: SHA-256 of "abc".
    expect(fingerprint("abc")).toBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
