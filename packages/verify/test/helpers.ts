import { seededRandom } from "../../../test/support/seeded-random.js";
import { isCredentialLike } from "@hawzu-scan/core";
import type { VerifyOptions } from "../src/index.js";

export { startFakeHawzuApi, liveProjectToken, liveWorkspaceToken, rateLimitedFirst, intermittentServerError } from "../../../test/fake-hawzu-api/index.js";

// Seeded, so every run draws the same values: nothing here passes or fails by chance.
const random = seededRandom("verify-helpers");
export type { FakeHawzuApi, Behaviour } from "../../../test/fake-hawzu-api/index.js";

/** A fake token from the seeded generator: random-looking, the same in every run. */
export const newToken = (): string => {
  // Random, and accepted by the core's value check, so no run fails on an unlucky draw.
  for (;;) {
    const token = random.bytes(24).toString("base64url");
    if (isCredentialLike(token, "strict")) return token;
  }
};

/** Short waits so retry tests run in milliseconds. */
export const fast: VerifyOptions = { timeoutMs: 5_000, baseDelayMs: 5, maxDelayMs: 20 };
