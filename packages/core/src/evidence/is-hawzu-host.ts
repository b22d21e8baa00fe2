// Hosts of the documented API are api.hawzu.com and app.hawzu.com (HAWZU.md); a self-hosted or
// proxied instance is named after it too (hawzu.internal.example, hawzu-proxy.corp), so any host
// with a label containing "hawzu" counts.
const HAWZU_HOST = /(?:^|\.)[a-z0-9-]*hawzu[a-z0-9-]*(?:\.|$)/i;

/** True when a host name (no scheme, no port) belongs to Hawzu. */
export function isHawzuHost(host: string): boolean {
  return HAWZU_HOST.test(host);
}
