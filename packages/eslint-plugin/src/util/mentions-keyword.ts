// Mixed casings (HawZu) are rare; the case-insensitive search runs only when a casing of "wzu" hints at one.
const ODD_CASING = /hawzu/i;

/**
 * True when `text` holds one of the core's prefilter words (`keywordsFor`), stopping at the first
 * hit: files without one cost a few substring searches and no parse-tree work.
 */
export function mentionsKeyword(text: string, keywords: readonly string[]): boolean {
  for (const word of keywords) if (text.includes(word)) return true;
  return (text.includes("wzu") || text.includes("WZU") || text.includes("wZu") || text.includes("Wzu")) && ODD_CASING.test(text);
}
