import { describe, expect, it } from "vitest";
import { verificationLabel } from "../../src/verify/verification-label.js";

const checkedAt = "2026-11-29T04:00:00.000Z";

describe("verificationLabel", () => {
  it("marks a live token and names who it authenticates as", () => {
    const identity = { id: "tok_ws_001", name: "CI deploy", projects: [], accessType: "workspace" as const };
    expect(verificationLabel({ status: "live", checkedAt, identity })).toBe("LIVE: the Hawzu API accepts this token (CI deploy): revoke it now");
    expect(verificationLabel({ status: "live", checkedAt, identity: { ...identity, name: undefined } })).toContain("(tok_ws_001)");
  });

  it("says an inactive token has nothing to revoke, and never claims why", () => {
    const label = verificationLabel({ status: "inactive", checkedAt });
    expect(label).toMatch(/^inactive: .*nothing to revoke$/);
    expect(label).not.toMatch(/revoked|expired|disabled/);
  });

  it("gives an unknown result's detail and a retry hint, never live or inactive", () => {
    const label = verificationLabel({ status: "unknown", checkedAt, reason: "timeout", detail: "no answer within 10000 ms" });
    expect(label).toBe("verification unknown: no answer within 10000 ms; retry later");
    expect(label).not.toMatch(/LIVE|inactive/);
  });
});
