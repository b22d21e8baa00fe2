import { describe, expect, it } from "vitest";
import { isHawzuTokenKey } from "../../src/keys/is-hawzu-token-key.js";

describe("isHawzuTokenKey", () => {
  it.each([
    "HAWZU_ACCESS_TOKEN",
    "HAWZU_TOKEN",
    "hawzuToken",
    "hawzu.api.token",
    "hawzu_token",
    "HawzuApiKey",
    "X-Hawzu-Token",
    "hawzu-token",
    "HAWZU_PAT",
    "HAWZU_WORKSPACE_TOKEN_PROD",
    "HAWZU_TOKEN_V2",
    "TOKEN_HAWZU",
    "apiKeyForHawzu",
    "process.env.HAWZU_TOKEN",
    "hawzutoken",
    "HAWZU_SECRET",
    "HAWZU_TOKEN_B64",
    "HAWZU_PASSWORD",
    "hawzuCredentials",
    "HAWZU_CLIENT_SECRET",
  ])("accepts %s", (key) => {
    expect(isHawzuTokenKey(key)).toBe(true);
  });

  it.each([
    "HAWZU_PUBLIC_KEY",
    "hawzuPublishableKey",
    "hawzu_csrf_token",
    "HAWZU_XSRF_TOKEN",
    "hawzuPrimaryKey",
    "HAWZU_PARTITION_KEY",
    "hawzuSortKey",
    "HAWZU_TOKEN_URL",
    "HAWZU_TOKEN_TTL",
    "hawzuTokenExpiry",
    "HAWZU_KEY_ID",
    "HAWZU_CLIENT_ID",
    "HAWZU_SECRET_NAME",
    "HAWZU_TOKEN_ID",
    "HAWZU_TOKEN_NAME",
    "HAWZU_TOKEN_FILE",
    "HAWZU_TOKEN_PATH",
    "hawzuTokenExpiresAt",
    "HAWZU_WORKSPACE_ID",
    "HAWZU_API_URL",
    "hawzu",
    "HAWZU_JIRA_API_TOKEN",
    "hawzuGithubToken",
    "HAWZU_SLACK_BOT_TOKEN",
    "API_TOKEN",
    "hawzupath",
    "hawzuAuthor",
  ])("rejects %s", (key) => {
    expect(isHawzuTokenKey(key)).toBe(false);
  });

  it("accepts extra key names configured by the team", () => {
    expect(isHawzuTokenKey("QA_UPLOAD_SECRET", ["qa_upload_secret"])).toBe(true);
  });
});
