import { mayHoldToken, readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import type { TextEvidence } from "../evidence/TextEvidence.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import type { ContextMatch } from "../types.js";

// CSV and TSV exports of secrets and variables (a vault dump, a spreadsheet of service accounts, a
// `key,value` listing) name the token either in the header row, with the values in that column of
// the rows below, or in the first column, with the value in the next cell of the same row.
// Markdown, psql and box-drawn tables put `|` or `│` around every cell (`| HAWZU_TOKEN | <token> |`).
const DELIMITERS = [",", ";", "\t", "|", "\u2502"];
const FRAMED = new Set(["|", "\u2502"]);
// A table's lines are short; a longer line is no header, and rows are read a bounded way down.
const LONGEST_LINE = 4096;
const MOST_ROWS = 500;
const MOST_CELLS = 64;
// A header cell is a column name: a quoted or bare run of name characters.
const HEADER_CELL = /^[ \t]*(["']?)[\w .\-/]{1,64}\1[ \t]*\r?$/;

// Most Hawzu keys in a log are service and host names (`"hawzu-sync",`): a word test skips them
// before the full key check.
const MAY_NAME_CREDENTIAL = /tok|key|secret|pat|bearer|auth|cred|pass/i;

interface Cell {
  start: number;
  end: number;
}

export default defineContext({
  id: "hawzu-table-column",
  description: "A CSV/TSV or Markdown/psql table cell in a column whose header names a Hawzu token, or next to a first cell that does.",
  example: "name,hawzu_token\nci-bot,h7Gk2pQx9LmZ4vNc8RtY3wBs", // hawzu-scan-ignore: made-up example
  keywords: ["hawzu"],
  confidence: "high",
  match({ text, evidence, options }) {
    const matches: ContextMatch[] = [];
    // Every match has a delimiter beside its key (delimiterAround): none in the text, no table.
    if (!DELIMITERS.some((delimiter) => text.includes(delimiter))) return matches;
    // The table read last: where it ends, and its header line (its other Hawzu token columns are read too).
    const table: TableRead = { end: -1, headerStart: -1 };
    const keys = evidence.hawzuKeys;
    for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
      const key = keys[keyIndex]!;
      // Cheapest checks first: this runs at every Hawzu key of a log. The rest is a function of
      // its own (one loop over a dense log's whole window was compiled on-stack with it inlined).
      const delimiter = delimiterAround(text, key.start, key.end);
      if (!delimiter) continue;
      if (!startsCell(text, key.start, delimiter)) continue;
      judgeCellKey(text, evidence, options.extraKeyNames, key, delimiter, table, matches);
    }
    return matches;
  },
});

interface TableRead {
  end: number;
  headerStart: number;
}

/** A Hawzu key that starts a cell: a name/value listing's value, or a header's token column. */
function judgeCellKey(
  text: string,
  evidence: TextEvidence,
  extraKeyNames: readonly string[],
  key: Cell,
  delimiter: string,
  table: TableRead,
  matches: ContextMatch[],
): void {
  const keyText = text.slice(key.start, key.end);
  if (!MAY_NAME_CREDENTIAL.test(keyText) && extraKeyNames.length === 0) return;
  if (!isHawzuTokenKey(keyText, extraKeyNames)) return;
  const lineStart = evidence.lineStartWithin(key.start, LONGEST_LINE);
  const lineEnd = evidence.lineEndWithin(key.start, LONGEST_LINE);
  // Only a whole line is a table row (a longer one was cut at the reach).
  if (lineStart !== 0 && text[lineStart - 1] !== "\n") return;
  if (lineEnd !== text.length && text[lineEnd] !== "\n") return;
  const cells = splitRow(text, lineStart, lineEnd, delimiter);
  if (!cells) return;
  const column = cells.findIndex((cell) => cell.start <= key.start && key.end <= cell.end);
  if (column === -1 || !isWholeCell(text, cells[column]!, key)) return;
  const name = keyText;
  if (column === 0) {
    // `HAWZU_TOKEN,<token>`: a name/value listing; the value is the next cell.
    const value = cells.length > 1 ? cellValue(text, cells[1]!) : undefined;
    if (value) matches.push({ range: [value.start, value.end], description: `value of ${shortName(name)}` });
  }
  // A header's rows are read once: a key in them is a first cell at most, not another header.
  // A second token column of the same header (`hawzu_token,...,hawzu_token_staging`) is read.
  if ((key.start < table.end && lineStart !== table.headerStart) || cells.length < 2) return;
  if (!cells.every((cell) => HEADER_CELL.test(text.slice(cell.start, cell.end)))) return;
  table.headerStart = lineStart;
  table.end = readColumn(evidence, lineEnd, delimiter, cells.length, column, `${shortName(name)} column`, matches);
}

function shortName(name: string): string {
  return name.length > 64 ? name.slice(0, 61) + "..." : name;
}

/** The delimiter that separates the key's cell from its neighbours, reading past the cell's quotes. */
function delimiterAround(text: string, keyStart: number, keyEnd: number): string | undefined {
  let after = keyEnd;
  if (text[after] === '"' || text[after] === "'") after++;
  // Framed tables pad their cells with spaces (a tab is TSV's own delimiter).
  while (text[after] === " " && after - keyEnd < 64) after++;
  let before = keyStart - 1;
  if (text[before] === '"' || text[before] === "'") before--;
  while (text[before] === " " && keyStart - before < 64) before--;
  for (let index = 0; index < DELIMITERS.length; index++) {
    const delimiter = DELIMITERS[index]!;
    if (text[after] === delimiter || text[before] === delimiter) return delimiter;
  }
  return undefined;
}

/** The cells of one line, quote-aware (`"a,b"` is one cell); undefined for a line that is no row. */
function splitRow(text: string, lineStart: number, lineEnd: number, delimiter: string): Cell[] | undefined {
  const cells: Cell[] = [];
  let cellStart = lineStart;
  let quoted = false;
  for (let index = lineStart; index < lineEnd; index++) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (character === delimiter && !quoted) {
      cells.push({ start: cellStart, end: index });
      if (cells.length > MOST_CELLS) return undefined;
      cellStart = index + 1;
    }
  }
  cells.push({ start: cellStart, end: text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd });
  // A framed row's outer bars open and close it: they bound no cells.
  if (FRAMED.has(delimiter)) {
    if (cells.length > 1 && isBlank(text, cells[0]!)) cells.shift();
    if (cells.length > 1 && isBlank(text, cells[cells.length - 1]!)) cells.pop();
  }
  return cells;
}

function isBlank(text: string, cell: Cell): boolean {
  return /^[ \t\r]*$/.test(text.slice(cell.start, cell.end));
}

/**
 * False when the key cannot be a whole cell (isWholeCell) because something other than blanks and
 * one quote stands between it and the cell's start (`"env":"HAWZU_ACCESS_TOKEN",` in a JSON log):
 * checked before the row is split, at every Hawzu key with a delimiter beside it.
 */
function startsCell(text: string, keyStart: number, delimiter: string): boolean {
  let before = keyStart - 1;
  if (text[before] === '"' || text[before] === "'") before--;
  while (before >= 0 && text[before] !== "\n" && /\s/.test(text[before]!)) before--;
  return before < 0 || text[before] === "\n" || text[before] === delimiter;
}

function isWholeCell(text: string, cell: Cell, key: { start: number; end: number }): boolean {
  return text.slice(cell.start, cell.end).trim().replace(/^(["'])(.*)\1$/, "$2") === text.slice(key.start, key.end);
}

/** The value of a cell, whole: a cell that holds more than one value is prose, not a token. */
function cellValue(text: string, cell: Cell) {
  const value = readValue(text, cell.start);
  if (!value || !mayHoldToken(value)) return undefined;
  const rest = text.slice(value.end + value.quote.length, cell.end);
  return /^[ \t]*$/.test(rest) ? value : undefined;
}

/**
 * The `column`th cell of each row below the header, while rows have the header's number of cells;
 * returns where the table ends, so keys in the rows are not read as headers again.
 */
function readColumn(
  evidence: TextEvidence,
  headerEnd: number,
  delimiter: string,
  width: number,
  column: number,
  description: string,
  matches: ContextMatch[],
): number {
  const text = evidence.text;
  let rowStart = headerEnd + 1;
  for (let row = 0; row < MOST_ROWS && rowStart < text.length; row++) {
    const rowEnd = evidence.lineEndWithin(rowStart, LONGEST_LINE);
    if (rowEnd !== text.length && text[rowEnd] !== "\n") break;
    const cells = splitRow(text, rowStart, rowEnd, delimiter);
    if (!cells || cells.length !== width) break;
    const value = cellValue(text, cells[column]!);
    if (value) matches.push({ range: [value.start, value.end], description: `cell of the ${description}` });
    rowStart = rowEnd + 1;
  }
  return rowStart;
}
