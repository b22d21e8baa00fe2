import { hasKeywordHit } from "./find-keyword-hits.js";
import { resolveOptions } from "./resolve-options.js";
import type { FindOptions } from "./types.js";

/**
 * True when `text` holds a word some context needs ("hawzu" in any casing, a known prefix, an
 * extra key name). Front ends use it to skip whole chunks cheaply; false means `findTokens` would
 * find nothing, unless the file's own path names Hawzu.
 */
export function hasKeyword(text: string, options: FindOptions = {}): boolean {
  return hasKeywordHit(text, resolveOptions(options));
}
