/** A key in lower case with its separators removed: `HAWZU_ACCESS_TOKEN`, `hawzuAccessToken` and
 * `hawzu.access-token` all become `hawzuaccesstoken`, so one pattern covers every casing style. */
export function compactKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, "");
}
