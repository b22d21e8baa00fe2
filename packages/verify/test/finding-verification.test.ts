import { describe, expect, it } from "vitest";
import { findingVerification, type Identity } from "../src/index.js";

const checkedAt = "2025-06-01T12:00:00.000Z";
const identity: Identity = { id: "tok_1", projects: [], accessType: "undetermined" };

describe("findingVerification", () => {
  it("keeps status, checkedAt and the identity of a live token", () => {
    expect(findingVerification({ status: "live", identity, httpStatus: 200, checkedAt, attempts: 2 })).toEqual({ status: "live", checkedAt, identity });
  });

  it("keeps status and checkedAt of an inactive token, and no guess why", () => {
    expect(findingVerification({ status: "inactive", httpStatus: 401, checkedAt, attempts: 1 })).toEqual({ status: "inactive", checkedAt });
  });

  it("keeps the reason of an unknown one", () => {
    expect(findingVerification({ status: "unknown", reason: "timeout", detail: "no complete answer within 10000 ms", checkedAt, attempts: 1 })).toEqual({
      status: "unknown",
      checkedAt,
      reason: "timeout",
      detail: "no complete answer within 10000 ms",
    });
  });
});
