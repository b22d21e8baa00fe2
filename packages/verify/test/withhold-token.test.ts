import { describe, expect, it } from "vitest";
import { withholdToken } from "../src/withhold-token.js";
import { newToken } from "./helpers.js";

describe("withholdToken", () => {
  it("withholds text that holds only part of the token (an echo cut to the maximum length)", () => {
    const token = newToken() + newToken() + newToken();
    const cut = `Token ${token}`.slice(0, 20) + "...";
    const identity = withholdToken({ id: "tok_1", name: cut, projects: [], accessType: "undetermined" }, token);
    expect(identity.name).toBe("(withheld: contained the token)");
    expect(identity.id).toBe("tok_1");
  });
});
