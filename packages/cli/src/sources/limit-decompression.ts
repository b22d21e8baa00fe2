import { messages } from "../messages.js";
import type { ScanContext } from "../scan/scan-context.js";

// Small outputs may have any ratio (a log of one repeated line); the ratio is judged past this.
const RATIO_GRACE_BYTES = 64 * 1024 * 1024;

/** Thrown inside a decompression pipeline to stop it; reported as an error value, never escapes. */
export class DecompressionLimitError extends Error {}

/**
 * Counts decompressed bytes against the top-level input's budget and this layer's ratio, and throws
 * a `DecompressionLimitError` (with the one-line message) when either limit is passed.
 */
export function checkDecompression(context: ScanContext, compressedBytes: number, decompressedBytes: number, added: number): void {
  const { maxBytes, maxRatio } = context.settings.limits;
  context.budget.decompressed += added;
  if (context.budget.decompressed > maxBytes) throw new DecompressionLimitError(messages.tooBig(maxBytes));
  if (decompressedBytes > RATIO_GRACE_BYTES && decompressedBytes > compressedBytes * maxRatio) {
    throw new DecompressionLimitError(messages.tooCompressed(maxRatio));
  }
}
