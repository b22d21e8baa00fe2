import { createHash } from "node:crypto";

/** `sha256:` + hex SHA-256 of the token: lets reports, baselines and caches name a token without it. */
export function fingerprint(token: string): string {
  return "sha256:" + createHash("sha256").update(token, "utf8").digest("hex");
}
