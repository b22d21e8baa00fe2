import type { Identity } from "./verification-result.js";

const WITHHELD = "(withheld: contained the token)";

/**
 * Replaces any identity text that contains the token: an API or proxy echoing the credential
 * back (in a name, say) must not carry it into a report.
 */
export function withholdToken(identity: Identity, token: string): Identity {
  const clean = (value: string) => (value.includes(token) ? WITHHELD : value);
  const copy = <T extends object>(entry: T): T =>
    Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, typeof value === "string" ? clean(value) : value])) as T;
  return {
    ...copy(identity),
    ...(identity.workspace ? { workspace: copy(identity.workspace) } : {}),
    projects: identity.projects.map(copy),
  };
}
