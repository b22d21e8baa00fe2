import { describe, expect, it } from "vitest";
import { describeS3Error, parseS3Url } from "../../src/sources/s3.js";

describe("parseS3Url", () => {
  it("takes a bucket and an optional prefix", () => {
    expect(parseS3Url("s3://logs")).toEqual({ bucket: "logs", prefix: "" });
    expect(parseS3Url("s3://logs/")).toEqual({ bucket: "logs", prefix: "" });
    expect(parseS3Url("s3://logs/2026/11/")).toEqual({ bucket: "logs", prefix: "2026/11/" });
    expect(parseS3Url("s3://")).toBeUndefined();
    expect(parseS3Url("logs/2026")).toBeUndefined();
  });
});

describe("describeS3Error", () => {
  const sdkError = (name: string, status?: number) => Object.assign(new Error("raw SDK text with a key/name in it"), { name, $metadata: { httpStatusCode: status } });

  it("gives S3's code and what to do, never the SDK's message", () => {
    expect(describeS3Error(sdkError("AccessDenied", 403))).toMatch(/^AccessDenied: .*AWS_PROFILE/);
    expect(describeS3Error(sdkError("NoSuchKey", 404))).toMatch(/^NoSuchKey/);
    expect(describeS3Error(sdkError("NoSuchBucket", 404))).toMatch(/^NoSuchBucket: .*--s3-path-style/);
    expect(describeS3Error(sdkError("SlowDown", 503))).toMatch(/throttled/);
    expect(describeS3Error(sdkError("CredentialsProviderError"))).toMatch(/no AWS credentials/);
    expect(describeS3Error(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }))).toMatch(/network error ECONNREFUSED/);
    for (const name of ["AccessDenied", "NoSuchKey", "Weird"]) expect(describeS3Error(sdkError(name, 500))).not.toContain("raw SDK text");
  });
});
