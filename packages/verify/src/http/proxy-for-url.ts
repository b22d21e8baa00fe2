/** The environment variables a proxy is read from, as curl, npm and git read them. */
export type ProxyEnvironment = Readonly<Record<string, string | undefined>>;

/** The proxy to use for a URL, none, or why the variable that names one is unusable. */
export type ProxyChoice = { ok: true; proxy?: URL; variable?: string } | { ok: false; variable: string; reason: string };

/**
 * The proxy for `target` from `HTTPS_PROXY` (else `HTTP_PROXY`, as npm falls back), lower case
 * first as curl reads them, unless `NO_PROXY` exempts the host. Only an https target gets one: the
 * token then crosses the proxy inside a CONNECT tunnel, end-to-end encrypted. A plain http target
 * (loopback only, see `checkBaseUrl`) never goes through a proxy, which would read the token in clear.
 */
export function proxyForUrl(target: URL, env: ProxyEnvironment): ProxyChoice {
  if (target.protocol !== "https:") return { ok: true };
  const variable = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"].find((name) => env[name]);
  if (variable === undefined) return { ok: true };
  if (isExempt(target, env.no_proxy ?? env.NO_PROXY ?? "")) return { ok: true };
  const value = env[variable]!;
  let proxy: URL;
  try {
    // `proxy.example:3128` without a scheme means http, as curl takes it.
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return { ok: false, variable, reason: "it is not a URL; give one like http://proxy.example:3128" };
  }
  if (proxy.protocol !== "http:" && proxy.protocol !== "https:") {
    return { ok: false, variable, reason: `the ${proxy.protocol} scheme is not supported; give an http:// or https:// proxy` };
  }
  return { ok: true, proxy, variable };
}

// NO_PROXY as curl reads it: comma- or space-separated host names (a leading `.` or `*.` optional,
// matching subdomains too), IP addresses, an optional `:port`, or `*` for every host.
function isExempt(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  const port = target.port || "443";
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((raw) => {
      const entry = raw.toLowerCase();
      if (entry === "*") return true;
      const match = /^(?:\[([^\]]+)\]|([^:]+))(?::(\d+))?$/.exec(entry);
      if (!match) return false;
      if (match[3] !== undefined && match[3] !== port) return false;
      const name = (match[1] ?? match[2] ?? "").replace(/^\*?\./, "");
      return host === name || host.endsWith(`.${name}`);
    });
}
