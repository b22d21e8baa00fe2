import { describe, expect, it } from "vitest";
import { withoutTokens } from "../../src/util/without-tokens.js";
import { createFakeTokens } from "../fake-token.js";

const fakeToken = createFakeTokens(0x0071);

describe("withoutTokens", () => {
  it("keeps a URL's scheme, host and path and drops user info, query and fragment", () => {
    // Long enough for the generator's credential check (it loops until a value passes).
    const [password, signature] = [fakeToken(24), fakeToken(24)];
    const text = `request(https://bot:${password}@hawzu.acme.internal/api/v1/me?sig=${signature}#top) call`;
    expect(withoutTokens(text)).toBe("request(https://hawzu.acme.internal/api/v1/me) call");
  });

  it("masks a credential-like run outside a URL, and leaves words alone", () => {
    const token = fakeToken();
    expect(withoutTokens(`client(${token}) for api.hawzu.com`)).toBe("client([redacted]) for api.hawzu.com");
    expect(withoutTokens("Authorization header of fetch() call")).toBe("Authorization header of fetch() call");
  });

  it("masks a credential in a URL's path, and keeps the host and the other segments", () => {
    const token = fakeToken();
    expect(withoutTokens(`fetch() call to https://hawzu.internal.example.com/v1/${token}`)).toBe("fetch() call to https://hawzu.internal.example.com/v1/[redacted]");
  });
});
