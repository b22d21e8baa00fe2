/**
 * Makes text from files and from the API safe to put in Markdown: one line, and no character
 * that could start a link, emphasis, HTML or a table cell.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\t]+/g, " ").replace(/[\\`*_{}[\]()<>#+!|~]/g, (character) => `\\${character}`);
}

/** A Markdown code span of `text`: escapes don't work inside one, so backticks and breaks are replaced. */
export function codeSpan(text: string): string {
  return "`" + text.replace(/[`\r\n\t]/g, "'") + "`";
}
