import { describe, expect, it } from "vitest";
import { proxyForUrl } from "../../src/index.js";

const api = new URL("https://api.hawzu.com/api/v1/me");

describe("proxyForUrl", () => {
  it("takes HTTPS_PROXY for an https URL, else HTTP_PROXY, lower case first", () => {
    expect(proxyForUrl(api, { HTTPS_PROXY: "http://proxy.corp:3128" })).toMatchObject({ ok: true, variable: "HTTPS_PROXY", proxy: new URL("http://proxy.corp:3128") });
    expect(proxyForUrl(api, { HTTP_PROXY: "http://fallback:8080" })).toMatchObject({ ok: true, variable: "HTTP_PROXY" });
    expect(proxyForUrl(api, { https_proxy: "http://lower:1", HTTPS_PROXY: "http://upper:2" })).toMatchObject({ variable: "https_proxy" });
    expect(proxyForUrl(api, { HTTPS_PROXY: "proxy.corp:3128" })).toMatchObject({ ok: true, proxy: new URL("http://proxy.corp:3128") });
    expect(proxyForUrl(api, {})).toEqual({ ok: true });
    expect(proxyForUrl(api, { HTTPS_PROXY: "" })).toEqual({ ok: true });
  });

  it("never proxies a plain http URL: the token would cross the proxy in clear", () => {
    expect(proxyForUrl(new URL("http://127.0.0.1:8080/api/v1/me"), { HTTP_PROXY: "http://proxy:3128", HTTPS_PROXY: "http://proxy:3128" })).toEqual({ ok: true });
  });

  it.each([
    ["api.hawzu.com", true],
    [".hawzu.com", true],
    ["*.hawzu.com", true],
    ["hawzu.com", true],
    ["example.com, hawzu.com", true],
    ["api.hawzu.com:443", true],
    ["api.hawzu.com:8443", false],
    ["awzu.com", false],
    ["*", true],
    ["other.example", false],
  ])("NO_PROXY=%j exempts api.hawzu.com: %s", (noProxy, exempt) => {
    const choice = proxyForUrl(api, { HTTPS_PROXY: "http://proxy:3128", NO_PROXY: noProxy });
    expect(choice.ok && choice.proxy === undefined).toBe(exempt);
  });

  it("matches IP addresses in NO_PROXY", () => {
    expect(proxyForUrl(new URL("https://127.0.0.1:9443/"), { HTTPS_PROXY: "http://proxy:3128", no_proxy: "localhost,127.0.0.1" })).toEqual({ ok: true });
    expect(proxyForUrl(new URL("https://[::1]:9443/"), { HTTPS_PROXY: "http://proxy:3128", no_proxy: "[::1]" })).toEqual({ ok: true });
  });

  it("says which variable is unusable and why", () => {
    expect(proxyForUrl(api, { HTTPS_PROXY: "socks5://proxy:1080" })).toEqual({ ok: false, variable: "HTTPS_PROXY", reason: expect.stringContaining("socks5:") });
    expect(proxyForUrl(api, { HTTPS_PROXY: "http://[bad" })).toEqual({ ok: false, variable: "HTTPS_PROXY", reason: expect.stringContaining("not a URL") });
  });
});
