import { describe, expect, it } from "vitest";
import { findTokens } from "@hawzu-scan/core";
import { blockedCommitMessage } from "../src/messages.js";
import { fakeToken } from "./git/git-repository.js";

describe("blockedCommitMessage", () => {
  it("says what was found (redacted), where, and the three ways forward, without the token", () => {
    const token = fakeToken();
    const [finding] = findTokens(`x=1\nHAWZU_TOKEN=${token}\n`, {}).findings;
    const message = blockedCommitMessage([{ file: "config/app.env", ...finding! }]);

    expect(message).not.toContain(token);
    expect(message).toContain(`config/app.env:2:13  ${finding!.redacted}  value of HAWZU_TOKEN`);
    expect(message).toContain("environment variable");
    expect(message).toContain("rotate it");
    expect(message).toContain("hawzu-scan-ignore");
    expect(message).toContain("hawzu-scan --write-baseline .hawzu-baseline.json");
  });
});
