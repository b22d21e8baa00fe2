import type { Codec } from "./sniff-kind.js";

/**
 * A compressed stream that could not be decoded to its end. `truncated`: the data stopped early (a
 * partial download, a file still being written); otherwise it is corrupt. Never carries the
 * library's own text, which may quote data.
 */
export class DecodeError extends Error {
  constructor(
    readonly codec: Codec,
    readonly truncated: boolean,
  ) {
    super(`${truncated ? "truncated" : "corrupt"} ${codec} stream`);
    this.name = "DecodeError";
  }
}
