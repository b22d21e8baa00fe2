import { statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { estimateScanSeconds } from "../../src/pool/estimate-scan-seconds.js";
import { keywordNeedles } from "../../src/scan/keyword-needles.js";
import { tempFolder } from "../helpers/fixtures.js";

const needles = keywordNeedles({ knownPrefixes: [], extraKeyNames: [] });
// 12 MB: the estimate samples 8 places of 1 MB, so it needs at least 8 MB.
const LINES = 120_000;
const plain = "2026-11-28T09:00:00Z INFO [http] GET /api/v1/items status=200 latency_ms=12 user=42 ok\n";
const mention = "2026-11-28T09:00:00Z INFO [sync] pushed 12 results to Hawzu, run 7 status=done ok!\n";

function estimate(name: string, content: string | Buffer) {
  const path = join(tempFolder({ [name]: content }), name);
  return estimateScanSeconds({ path, displayPath: name, size: statSync(path).size }, needles);
}

describe("estimateScanSeconds", () => {
  it("a log with no keyword costs a memory-speed pass; one crowded with keywords, a judging of every byte", () => {
    const quiet = estimate("quiet.log", plain.repeat(LINES));
    const crowded = estimate("crowded.log", mention.repeat(LINES));
    expect(quiet).toBeCloseTo((plain.length * LINES) / 1e9, 6);
    // Every line holds a keyword: capped at the rate of judging text throughout (50 MB/s).
    const bytes = mention.length * LINES;
    expect(crowded).toBeCloseTo(bytes / 1e9 + bytes / 50e6, 6);
  });

  it("grows with the keywords found in the samples", () => {
    const every = (n: number) => Array.from({ length: LINES }, (_, index) => (index % n === 0 ? mention : plain)).join("");
    const sparse = estimate("sparse.log", every(2000))!;
    const denser = estimate("denser.log", every(200))!;
    expect(sparse).toBeGreaterThan(estimate("quiet.log", plain.repeat(LINES))!);
    expect(denser).toBeGreaterThan(sparse);
  });

  it("cannot tell for what is not plain text, a Hawzu-named file, a small or missing file", () => {
    expect(estimate("app.log.gz", gzipSync(plain.repeat(LINES)))).toBeUndefined();
    expect(estimate("hawzu.log", plain.repeat(LINES))).toBeUndefined();
    expect(estimate("small.log", plain.repeat(1000))).toBeUndefined();
    expect(estimateScanSeconds({ path: join(tempFolder(), "gone.log"), displayPath: "gone.log", size: 64 * 1024 * 1024 }, needles)).toBeUndefined();
  });
});
