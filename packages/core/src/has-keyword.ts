import { findKeywordHits } from "./find-keyword-hits.js";
import { resolveOptions } from "./resolve-options.js";
import type { FindOptions, ResolvedOptions } from "./types.js";

/**
 * True when `text` holds a word some context needs ("hawzu" in any casing, a known prefix).
 * Front ends use it to skip whole chunks cheaply; false means `findTokens` would find nothing,
 * unless the file's own path names Hawzu.
 */
export function hasKeyword(text: string, options: FindOptions | ResolvedOptions = {}): boolean {
  const resolved = "minConfidence" in options && Array.isArray(options.knownPrefixes) ? (options as ResolvedOptions) : resolveOptions(options);
  return findKeywordHits(text, resolved).length > 0;
}
