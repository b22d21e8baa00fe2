import { describe, expect, it } from "vitest";
import { checkBaseUrl, DEFAULT_BASE_URL, InvalidBaseUrlError, isLoopbackHost } from "../src/index.js";
import { meEndpoint } from "../src/resolve-base-url.js";

describe("checkBaseUrl", () => {
  it.each([DEFAULT_BASE_URL, "https://app.hawzu.com", "https://proxy.example.com/hawzu/", "http://127.0.0.1:8080", "http://127.9.9.9", "http://[::1]:3000", "http://localhost:1234"])(
    "accepts %s",
    (url) => {
      expect(checkBaseUrl(url).ok).toBe(true);
    },
  );

  it.each([
    ["http://api.hawzu.com", /only https/],
    ["http://128.0.0.1", /only https/],
    ["http://localhost.evil.example", /only https/],
    ["ws://127.0.0.1", /scheme is not supported/],
    ["https://ci:hunter2@api.hawzu.com", /credentials/],
    ["https://api.hawzu.com/?x=1", /query/],
    ["api.hawzu.com", /not an absolute URL/],
  ])("refuses %s", (url, reason) => {
    const check = checkBaseUrl(url);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.reason).toMatch(reason);
  });
});

describe("meEndpoint", () => {
  it("appends /api/v1/me to the base path", () => {
    expect(meEndpoint("https://api.hawzu.com").href).toBe("https://api.hawzu.com/api/v1/me");
    expect(meEndpoint("https://proxy.example.com/hawzu//").href).toBe("https://proxy.example.com/hawzu/api/v1/me");
  });

  it("throws an error that does not repeat credentials", () => {
    let error: unknown;
    try {
      meEndpoint("https://ci:hunter2@api.hawzu.com");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidBaseUrlError);
    expect(String((error as Error).message)).not.toContain("hunter2");
    expect((error as Error).message).toMatch(/^Hawzu API URL https:\/\/api\.hawzu\.com cannot be used: /);
  });
});

describe("isLoopbackHost", () => {
  it("knows 127.0.0.0/8, ::1 and localhost only", () => {
    expect(["127.0.0.1", "127.1.2.3", "[::1]", "localhost", "LOCALHOST."].every(isLoopbackHost)).toBe(true);
    expect(["10.0.0.1", "0.0.0.0", "[::]", "127.0.0.1.nip.io", "localhost.example"].some(isLoopbackHost)).toBe(false);
  });
});
