import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { fingerprint } from "@hawzu-scan/core";
import type { ScannedFinding } from "../../src/report.js";
import { verifyScannedFindings } from "../../src/verify/verify-scanned-findings.js";
import { fakeToken } from "../helpers/fixtures.js";

const finding = (token: string, file: string): ScannedFinding => ({
  ruleId: "hawzu-named-key",
  file,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 1 + token.length,
  confidence: "high",
  context: "value of HAWZU_TOKEN",
  fingerprint: fingerprint(token),
  redacted: token.slice(0, 4) + "********",
});

describe("verifyScannedFindings", () => {
  it("asks once per distinct token and gives unknown when a token was not read back", async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      response.writeHead(401, { "content-type": "application/json" }).end('{"error":"unauthorized"}');
    });
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    try {
      const known = fakeToken();
      const lost = fakeToken();
      const findings = [finding(known, "a.env"), finding(known, "b.env"), finding(lost, "c.env")];
      const { port } = server.address() as AddressInfo;
      const verified = await verifyScannedFindings(findings, new Map([[fingerprint(known), known]]), { baseUrl: `http://127.0.0.1:${port}` });
      expect(verified.findings.map((each) => each.verification?.status)).toEqual(["inactive", "inactive", "unknown"]);
      expect(requests).toBe(1);
      expect(JSON.stringify(verified.findings)).not.toContain(known);
      expect(verified.findings[2]?.verification).toMatchObject({ status: "unknown", detail: "the token could not be read back from the scanned text" });
    } finally {
      server.close();
    }
  });
});
