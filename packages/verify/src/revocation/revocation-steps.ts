import type { Identity } from "../verification-result.js";

/**
 * The rotation and revocation steps for one live token, in the order Hawzu documents them
 * (HAWZU.md: create a replacement, update its users, confirm, optionally disable, then revoke).
 * Hawzu has no revocation API: a workspace administrator does this in the web app. `quote`
 * escapes text that came from the API for the output format.
 */
export function revocationSteps(identity: Identity, quote: (apiText: string) => string = (text) => text): string[] {
  const workspace = identity.workspace ? `workspace "${quote(identity.workspace.name ?? identity.workspace.id)}"` : "the token's workspace";
  const label = identity.name ? `"${quote(identity.name)}"` : `the token (id ${quote(identity.id)})`;
  const access =
    identity.accessType === "undetermined"
      ? "the same access type and roles"
      : `a ${identity.accessType} token with the same roles`;
  return [
    `Create a replacement in ${workspace}: Security & Access > Access Tokens, ${access}, and the shortest expiry that works.`,
    "Update every system that uses the old token (the places listed, and CI secrets or deployments that hold it) to the replacement.",
    "Confirm those systems work with the replacement.",
    "Optionally disable the old token for a short observation period, to catch a forgotten user.",
    `Revoke the old token: ${workspace} > Security & Access > Access Tokens, find ${label} (search by label, creator or token identifier), Revoke. This needs a workspace administrator and cannot be undone.`,
    "Remove the token from the places listed, including history and logs it was copied to: after revocation it is harmless there, but noise for the next scan.",
  ];
}
