import type { Identity } from "./verification-result.js";

const WITHHELD = "(withheld: contained the token)";
const PIECE = 8;

/**
 * Replaces any identity text that contains the token: an API or proxy echoing the credential
 * back (in a name, say) must not carry it into a report.
 */
export function withholdToken(identity: Identity, token: string): Identity {
  // Texts are cut to a maximum length before this runs, so a cut echo holds only part of the token:
  // any 8-character piece of it counts.
  const pieces = new Set<string>();
  for (let index = 0; index + PIECE <= token.length; index++) pieces.add(token.slice(index, index + PIECE));
  const clean = (value: string) => (value.includes(token) || [...pieces].some((piece) => value.includes(piece)) ? WITHHELD : value);
  const copy = <T extends object>(entry: T): T =>
    Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, typeof value === "string" ? clean(value) : value])) as T;
  return {
    ...copy(identity),
    ...(identity.workspace ? { workspace: copy(identity.workspace) } : {}),
    projects: identity.projects.map(copy),
  };
}
