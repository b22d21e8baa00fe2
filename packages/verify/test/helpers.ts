import { randomBytes } from "node:crypto";
import { isCredentialLike } from "@hawzu-scan/core";
import type { VerifyOptions } from "../src/index.js";

export { startFakeHawzuApi, liveProjectToken, liveWorkspaceToken, rateLimitedFirst, intermittentServerError } from "../../../test/fake-hawzu-api/index.js";
export type { FakeHawzuApi, Behaviour } from "../../../test/fake-hawzu-api/index.js";

/** A random fake token, different in every test run. */
export const newToken = (): string => {
  // Random, and accepted by the core's value check, so no run fails on an unlucky draw.
  for (;;) {
    const token = randomBytes(24).toString("base64url");
    if (isCredentialLike(token, "strict")) return token;
  }
};

/** Short waits so retry tests run in milliseconds. */
export const fast: VerifyOptions = { timeoutMs: 5_000, baseDelayMs: 5, maxDelayMs: 20 };
