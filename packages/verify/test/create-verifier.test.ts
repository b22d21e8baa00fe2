import { afterEach, describe, expect, it } from "vitest";
import { fingerprint } from "@hawzu-scan/core";
import { createVerifier, InvalidBaseUrlError } from "../src/index.js";
import { fast, liveProjectToken, liveWorkspaceToken, newToken, rateLimitedFirst, startFakeHawzuApi, type FakeHawzuApi } from "./helpers.js";

let api: FakeHawzuApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe("createVerifier", () => {
  it("sends each distinct token once, however often and however concurrently it is asked", async () => {
    const token = newToken();
    api = await startFakeHawzuApi({ tokens: { [token]: { kind: "slow", delayMs: 50, then: liveWorkspaceToken() } } });
    const verifier = createVerifier({ ...fast, baseUrl: api.url });
    const results = await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
    expect(new Set(results.map((result) => result.status))).toEqual(new Set(["live"]));
    expect(await verifier.verify(token)).toBe(results[0]);
    expect(api.requestsFor(token)).toHaveLength(1);
    expect(verifier.stats()).toMatchObject({ tokens: 1, requests: 1, retries: 0 });
  });

  it("verifyFindings returns results in order and dedupes by fingerprint", async () => {
    const [workspace, project, unknownToApi] = [newToken(), newToken(), newToken()];
    api = await startFakeHawzuApi({ tokens: { [workspace]: liveWorkspaceToken(), [project]: liveProjectToken() } });
    const verifier = createVerifier({ ...fast, baseUrl: api.url });
    const items = [workspace, project, workspace, unknownToApi, project, workspace].map((token) => ({ token, fingerprint: fingerprint(token) }));
    const results = await verifier.verifyFindings(items);
    expect(results.map((result) => result.status)).toEqual(["live", "live", "live", "inactive", "live", "live"]);
    expect(results[1]!.status === "live" && results[1]!.identity.accessType).toBe("project");
    expect(api.requests).toHaveLength(3);
  });

  it("rejects a token paired with another token's fingerprint", async () => {
    api = await startFakeHawzuApi();
    const verifier = createVerifier({ ...fast, baseUrl: api.url });
    await expect(verifier.verify(newToken(), fingerprint(newToken()))).rejects.toThrow(TypeError);
    expect(api.requests).toHaveLength(0);
  });

  it.each([
    [undefined, 4],
    [2, 2],
    [7, 7],
  ])("keeps at most %s (default 4) requests in flight", async (concurrency, expected) => {
    const tokens = Array.from({ length: 16 }, newToken);
    api = await startFakeHawzuApi({
      tokens: Object.fromEntries(tokens.map((token) => [token, { kind: "slow", delayMs: 40, then: liveWorkspaceToken() }])),
    });
    const verifier = createVerifier({ ...fast, baseUrl: api.url, ...(concurrency === undefined ? {} : { concurrency }) });
    const results = await verifier.verifyFindings(tokens.map((token) => ({ token })));
    expect(results.every((result) => result.status === "live")).toBe(true);
    expect(api.peakInFlight).toBe(expected);
    expect(verifier.stats()).toMatchObject({ tokens: 16, requests: 16, peakConcurrency: expected });
  });

  it("counts retries and 429s, and makes the run wait out a Retry-After", async () => {
    const [limited, other] = [newToken(), newToken()];
    api = await startFakeHawzuApi({ tokens: { [limited]: rateLimitedFirst(1, "1", liveWorkspaceToken()), [other]: liveWorkspaceToken() } });
    const verifier = createVerifier({ ...fast, baseUrl: api.url, concurrency: 1 });
    await verifier.verify(limited);
    await verifier.verify(other);
    expect(verifier.stats()).toMatchObject({ tokens: 2, requests: 3, retries: 1, rateLimited: 1 });
  });

  it("checks the base URL and options when created", () => {
    expect(() => createVerifier({ baseUrl: "http://api.hawzu.com" })).toThrow(InvalidBaseUrlError);
    expect(() => createVerifier({ concurrency: 0 })).toThrow(RangeError);
    expect(() => createVerifier()).not.toThrow();
  });
});
