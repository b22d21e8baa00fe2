import { fingerprint } from "@hawzu-scan/core";
import { describe, expect, it } from "vitest";
import type { ScannedFinding } from "../../src/report.js";
import { DEFAULT_ARCHIVE_LIMITS, type ScanContext, type ScanInput } from "../../src/scan/scan-context.js";
import { scanInput } from "../../src/scan/scan-input.js";
import { fakeToken, leak } from "../helpers/fixtures.js";

const b64 = (text: string) => Buffer.from(text).toString("base64");

/** Scans one input and returns each finding with the token the sink received for it. */
async function scan(input: Omit<ScanInput, "location" | "corePath">, captureTokens: boolean) {
  const found: { finding: ScannedFinding; token: string | undefined }[] = [];
  const context: ScanContext = {
    settings: { core: {}, limits: DEFAULT_ARCHIVE_LIMITS, captureTokens },
    sink: { finding: (finding, token) => found.push({ finding, token }), suppressed: () => {}, error: () => {}, warning: () => {} },
    budget: { decompressed: 0 },
    scannedBytes: 0,
  };
  await scanInput({ location: { file: "app.log" }, corePath: "app.log", ...input }, context);
  return found;
}

async function* chunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let previous = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(previous, cut);
    previous = cut;
  }
}

describe("scanInput with captureTokens (--verify)", () => {
  // The second holds a "/" that its JSON line writes as "\/": the token handed over is the decoded one.
  const tokens = [fakeToken(), `${fakeToken().slice(0, 20)}/${fakeToken().slice(0, 20)}`, fakeToken()];
  const text = [
    "boot",
    leak.env(tokens[0]!),
    `{"hawzu_token": "${tokens[1]!.replace("/", "\\/")}"}`,
    `curl -H "Authorization: Basic ${b64(`ci-bot:${tokens[2]}`)}" https://api.hawzu.com/api/v1/me`,
    "done",
  ].join("\n");
  const bytes = Buffer.from(text);

  it("hands the sink each finding's decoded token, matching its fingerprint, from text and bytes", async () => {
    for (const input of [{ text }, { bytes }]) {
      const found = await scan(input, true);
      expect(found.map(({ token }) => token)).toEqual(tokens);
      for (const { finding, token } of found) expect(finding.fingerprint).toBe(fingerprint(token!));
    }
  });

  it("hands the token over from a stream cut anywhere, also inside the token (stdin, big files)", async () => {
    const inside = bytes.indexOf(tokens[0]!) + 7;
    for (const cuts of [[inside], [5, inside, inside + 40], Array.from({ length: 40 }, (_, index) => index * 7 + 1)]) {
      for (const live of [false, true]) {
        const found = await scan({ stream: chunks(bytes, cuts), live }, true);
        expect(found.map(({ token }) => token)).toEqual(tokens);
      }
    }
  });

  it("never reads a token back without captureTokens, and never puts it in a finding", async () => {
    const found = await scan({ text }, false);
    expect(found).toHaveLength(3);
    expect(found.every(({ token }) => token === undefined)).toBe(true);
    const captured = await scan({ text }, true);
    for (const token of tokens) expect(JSON.stringify(captured.map(({ finding }) => finding))).not.toContain(token);
  });
});

describe("scanInput with codeFrames", () => {
  it("builds code frames by default and none when they are turned off, from text, bytes and streams, same findings", async () => {
    const text = ["boot", leak.env(fakeToken()), "done"].join("\n");
    for (const input of [{ text }, { bytes: Buffer.from(text) }, { stream: chunks(Buffer.from(text), [7]) }]) {
      const withFrames: ScannedFinding[] = [];
      const without: ScannedFinding[] = [];
      for (const [codeFrames, found] of [[undefined, withFrames], [false, without]] as const) {
        const context: ScanContext = {
          settings: { core: {}, limits: DEFAULT_ARCHIVE_LIMITS, ...(codeFrames === undefined ? {} : { codeFrames }) },
          sink: { finding: (finding) => found.push(finding), suppressed: () => {}, error: () => {}, warning: () => {} },
          budget: { decompressed: 0 },
          scannedBytes: 0,
        };
        const fresh = "stream" in input ? { stream: chunks(Buffer.from(text), [7]) } : input;
        await scanInput({ location: { file: "app.log" }, corePath: "app.log", ...fresh }, context);
      }
      expect(withFrames).toHaveLength(1);
      expect(withFrames[0]!.frame).toBeDefined();
      expect(without.map(({ frame }) => frame)).toEqual([undefined]);
      expect(without.map(({ fingerprint: print, line, column }) => [print, line, column])).toEqual(withFrames.map(({ fingerprint: print, line, column }) => [print, line, column]));
    }
  });
});
