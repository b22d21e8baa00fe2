import { readSync } from "node:fs";
import { isHawzuPath } from "@hawzu-scan/core";
import type { FileEntry } from "../walk/collect-files.js";
import { withPlainText } from "./with-plain-text.js";

// Places sampled, and bytes read at each: 8 MB of a 256 MB log, evenly spread.
const SAMPLES = 8;
const SAMPLE_BYTES = 1024 * 1024;
// One thread's rates on the big-file bench's logs (README, "One big plain file on all cores"):
// keyword-free text passes at about 1 GB/s; each keyword costs about 0.15 ms of judging around it,
// and text crowded with keywords is judged at about 50 MB/s at most.
const PASS_BYTES_PER_SECOND = 1e9;
const SECONDS_PER_KEYWORD = 0.15e-3;
const JUDGED_BYTES_PER_SECOND = 50e6;

/**
 * About how long one thread takes to scan a big plain file, from the keywords found in a few
 * samples of it; undefined when that cannot be told (not plain text, a Hawzu-named file judged
 * whole, unreadable). Lets a big log that is mostly passed over at memory speed skip starting
 * workers that would cost more than they save.
 */
export function estimateScanSeconds(entry: FileEntry, needles: readonly Buffer[]): number | undefined {
  if (isHawzuPath(entry.path) || entry.size < SAMPLES * SAMPLE_BYTES) return undefined;
  return withPlainText(entry.path, (fd) => {
    const sample = Buffer.allocUnsafe(SAMPLE_BYTES);
    let sampled = 0;
    let keywords = 0;
    for (let index = 0; index < SAMPLES; index++) {
      const at = Math.floor(((entry.size - SAMPLE_BYTES) * index) / (SAMPLES - 1));
      const bytes = sample.subarray(0, readSync(fd, sample, 0, SAMPLE_BYTES, at));
      sampled += bytes.length;
      for (const needle of needles) for (let hit = bytes.indexOf(needle); hit !== -1; hit = bytes.indexOf(needle, hit + needle.length)) keywords++;
    }
    if (sampled === 0) return undefined;
    const estimatedKeywords = (keywords / sampled) * entry.size;
    return entry.size / PASS_BYTES_PER_SECOND + Math.min(estimatedKeywords * SECONDS_PER_KEYWORD, entry.size / JUDGED_BYTES_PER_SECOND);
  });
}
