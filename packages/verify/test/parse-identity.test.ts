import { describe, expect, it } from "vitest";
import { parseIdentity } from "../src/parse-identity.js";

describe("parseIdentity", () => {
  it("reads the documented /api/v1/me example (HAWZU.md)", () => {
    const body = {
      id: "user_123",
      type: "USER",
      name: "Ada",
      email: "ada@example.com",
      workspace: { id: "ws_001", name: "Acme" },
      projects: [{ id: "proj_101", name: "Checkout", role: "ADMIN" }],
      created_at: "2025-01-01T00:00:00Z",
    };
    expect(parseIdentity(body)).toEqual({
      id: "user_123",
      type: "USER",
      name: "Ada",
      workspace: { id: "ws_001", name: "Acme" },
      projects: [{ id: "proj_101", name: "Checkout", role: "ADMIN" }],
      accessType: "undetermined",
    });
  });

  it.each([
    ["WORKSPACE_TOKEN", "workspace"],
    ["workspace", "workspace"],
    ["PROJECT_TOKEN", "project"],
    ["API_TOKEN", "undetermined"],
  ])("takes the access type from type %s only", (type, accessType) => {
    expect(parseIdentity({ id: "t", type, projects: [{ id: "p", role: "R" }] })?.accessType).toBe(accessType);
  });

  it.each([null, [], "x", 5, {}, { id: "" }, { id: {} }, { name: "no id" }])("is not an identity: %j", (body) => {
    expect(parseIdentity(body)).toBeUndefined();
  });

  it("drops unknown fields and malformed entries, and cuts very long text", () => {
    const identity = parseIdentity({
      id: 42,
      secret: "s3cr3t",
      workspace: { name: "no id" },
      projects: [null, "x", { id: "p1", role: ["not", "text"], extra: 1 }],
      name: "n".repeat(500),
    });
    expect(identity).toMatchObject({ id: "42", projects: [{ id: "p1" }] });
    expect(identity).not.toHaveProperty("workspace");
    expect(JSON.stringify(identity)).not.toContain("s3cr3t");
    expect(identity?.name).toHaveLength(200);
  });
});
