import { describe, expect, it } from "vitest";
import { verificationLabel } from "../../src/verify/verification-label.js";

const checkedAt = "2026-11-29T04:00:00.000Z";

describe("verificationLabel", () => {
  it("marks a live token and names who it authenticates as", () => {
    const identity = { id: "tok_ws_001", name: "CI deploy", projects: [], accessType: "workspace" as const };
    expect(verificationLabel({ status: "live", checkedAt, identity })).toBe("LIVE: the Hawzu API accepts this token (CI deploy): revoke it now");
    expect(verificationLabel({ status: "live", checkedAt, identity: { ...identity, name: undefined } })).toContain("(tok_ws_001)");
  });

  it("shows a withheld name in one pair of parentheses", () => {
    const identity = { id: "tok_ws_001", name: "(withheld: contained the token)", projects: [], accessType: "workspace" as const };
    expect(verificationLabel({ status: "live", checkedAt, identity })).toBe("LIVE: the Hawzu API accepts this token (withheld: contained the token): revoke it now");
  });

  it("gives every status the same shape: STATUS: what the API said: what to do", () => {
    const labels = [
      verificationLabel({ status: "live", checkedAt, identity: { id: "tok_1", projects: [], accessType: "undetermined" } }),
      verificationLabel({ status: "inactive", checkedAt }),
      verificationLabel({ status: "unknown", checkedAt, reason: "timeout", detail: "no answer within 10000 ms" }),
    ];
    for (const label of labels) expect(label).toMatch(/^(LIVE|inactive|unknown): [^:]+(\([^)]*\))?[^:]*: [a-z].*[^.;]$/);
  });

  it("says an inactive token has nothing to revoke, and never claims why", () => {
    const label = verificationLabel({ status: "inactive", checkedAt });
    expect(label).toBe("inactive: the Hawzu API refuses this token: nothing to revoke, remove it");
    expect(label).not.toMatch(/revoked|expired|disabled/);
  });

  it("gives an unknown result's detail and a retry hint, never live or inactive", () => {
    const label = verificationLabel({ status: "unknown", checkedAt, reason: "timeout", detail: "no answer within 10000 ms" });
    expect(label).toBe("unknown: no verdict from the Hawzu API (no answer within 10000 ms): run --verify again later");
    expect(label).not.toMatch(/LIVE|inactive/);
  });
});
