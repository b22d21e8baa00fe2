import { InvalidBaseUrlError } from "./errors/InvalidBaseUrlError.js";

/** The API host of the Hawzu documentation (HAWZU.md). */
export const DEFAULT_BASE_URL = "https://api.hawzu.com";

/** The environment variable the CLI reads the base URL from (issue 5). */
export const BASE_URL_VARIABLE = "HAWZU_API_URL";

/** A usable base URL, or why not: the CLI can check `--hawzu-url` before scanning. */
export type BaseUrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

// 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (a test server), since a
// token sent in clear text to any other host can be read on the way.
const LOOPBACK_IPV4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** True for localhost, 127.0.0.0/8 and ::1 (as `URL.hostname` writes them). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "localhost" || host === "[::1]" || host === "::1" || LOOPBACK_IPV4.test(host);
}

/**
 * Checks a base URL: https only (http is allowed for loopback hosts), no credentials, query or
 * fragment. A path is kept, so a proxy such as `https://proxy.example/hawzu` works.
 */
export function checkBaseUrl(baseUrl: string): BaseUrlCheck {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { ok: false, reason: "it is not an absolute URL; give one like https://api.hawzu.com" };
  }
  if (url.username || url.password) {
    return { ok: false, reason: "it contains credentials; remove the user:password@ part" };
  }
  if (url.search || url.hash) return { ok: false, reason: "it has a query or fragment; give the base URL only" };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === "http:") {
    return { ok: false, reason: "only https: is allowed (http: only for 127.0.0.1, ::1 and localhost)" };
  }
  return { ok: false, reason: `the ${url.protocol} scheme is not supported; use https:` };
}

/** The URL of `GET /api/v1/me` under `baseUrl`; throws {@link InvalidBaseUrlError} when unusable. */
export function meEndpoint(baseUrl: string): URL {
  const check = checkBaseUrl(baseUrl);
  if (!check.ok) throw new InvalidBaseUrlError(describeBaseUrl(baseUrl), check.reason);
  const endpoint = new URL(check.url);
  endpoint.pathname = endpoint.pathname.replace(/\/+$/, "") + "/api/v1/me";
  return endpoint;
}

/**
 * The base URL as an error may show it: its origin only (a path, query or userinfo could hold
 * anything, a token pasted in the wrong place included), and nothing if it is not a URL.
 */
function describeBaseUrl(baseUrl: string): string {
  try {
    const { origin } = new URL(baseUrl);
    return origin === "null" ? "(not an http(s) URL)" : origin;
  } catch {
    return "(not a URL)";
  }
}
