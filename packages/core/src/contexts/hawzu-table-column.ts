import { mayHoldToken, readValue } from "../candidate/read-value.js";
import { defineContext } from "../define-context.js";
import type { TextEvidence } from "../evidence/TextEvidence.js";
import { isHawzuTokenKey } from "../keys/is-hawzu-token-key.js";
import { shortName } from "../keys/short-name.js";
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
// A cell that names a Hawzu token in words, as runbooks and wiki pages write it: `| Hawzu API token |`.
const HAWZU_TOKEN_LABEL = /^hawzu(?:[ \t]+(?:api|access|personal|project|workspace|ci|auth|upload|service))*[ \t]+(?:token|key|secret)$/i;
// A column header that names a credential and no vendor: the row's first cell says whose it is
// (`| Service | Token |` then `| Hawzu | <token> |`).
const CREDENTIAL_HEADER = /^(?:(?:api|access|auth|personal|bearer)[ \t_-]*)?(?:token|key|secret)s?$/i;
// Markdown's emphasis around a cell's text: `**Hawzu token**`.
const EMPHASIS = /^(\*\*|__|\*|_)(.*)\1$/;

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
    const headers: HeaderFound = { delimiter: "", width: 0, rowStart: -1, rowsBelow: 0, header: undefined };
    const keys = evidence.hawzuKeys;
    for (let keyIndex = 0; keyIndex < keys.length; keyIndex++) {
      const key = keys[keyIndex]!;
      // Cheapest checks first: this runs at every Hawzu key of a log. The rest is a function of
      // its own (one loop over a dense log's whole window was compiled on-stack with it inlined).
      const delimiter = delimiterAround(text, key.start, key.end);
      if (!delimiter) continue;
      if (!startsCell(text, key.start, delimiter)) continue;
      // A key with no credential word may open a label in words or name a row's service (rarer: a function of their own).
      if (!MAY_NAME_CREDENTIAL.test(text.slice(key.start, key.end)) && options.extraKeyNames.length === 0) judgeNamingCell(text, evidence, key, delimiter, headers, matches);
      else judgeCellKey(text, evidence, options.extraKeyNames, key, delimiter, table, matches);
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

/**
 * A first cell that names a Hawzu token in words (`| Hawzu API token | <token> |`): the value is the
 * next cell. A first cell that is only "Hawzu" names the row's service: its cells under a header
 * that names a credential (`Token`, `API key`) are Hawzu's.
 */
function judgeNamingCell(text: string, evidence: TextEvidence, key: Cell, delimiter: string, headers: HeaderFound, matches: ContextMatch[]): void {
  // By code first (this runs at every Hawzu word beside a delimiter): past the key's emphasis and
  // blanks comes the cell's end (the service form) or a label's next word.
  let next = key.end;
  while ((text[next] === "*" || text[next] === "_") && next - key.end < 2) next++;
  while (text[next] === " " || text[next] === "\t") next++;
  const alone = text[next] === delimiter || text[next] === "\r" || text[next] === "\n" || next === text.length;
  if (!alone && (next === key.end || !/[A-Za-z]/.test(text[next] ?? ""))) return;
  const lineStart = evidence.lineStartWithin(key.start, LONGEST_LINE);
  const lineEnd = evidence.lineEndWithin(key.start, LONGEST_LINE);
  if ((lineStart !== 0 && text[lineStart - 1] !== "\n") || (lineEnd !== text.length && text[lineEnd] !== "\n")) return;
  const cells = splitRow(text, lineStart, lineEnd, delimiter);
  if (!cells || cells.length < 2 || !(cells[0]!.start <= key.start && key.end <= cells[0]!.end)) return;
  if (!alone) {
    const label = cellText(text, cells[0]!);
    if (!HAWZU_TOKEN_LABEL.test(label)) return;
    const value = cellValue(text, cells[1]!);
    if (value) matches.push({ range: [value.start, value.end], description: `value of ${shortName(label)}` });
    return;
  }
  // The cell is the key alone (startsCell and `alone`): the service form needs the bare word.
  if (key.end - key.start !== 5) return;
  const header = headerAbove(evidence, lineStart, delimiter, cells.length, headers);
  if (!header) return;
  for (let column = 1; column < cells.length; column++) {
    const name = header.credentialNames[column];
    if (name === undefined) continue;
    const value = cellValue(text, cells[column]!);
    if (value) matches.push({ range: [value.start, value.end], description: `${shortName(name)} of the Hawzu row` });
  }
}

/** A table's header row: its cells, and per column the name when it names a credential (CREDENTIAL_HEADER). */
interface Header {
  cells: Cell[];
  credentialNames: Array<string | undefined>;
}

/** The header found last, for the row at `rowStart`, `rowsBelow` rows under it. */
interface HeaderFound {
  delimiter: string;
  width: number;
  rowStart: number;
  rowsBelow: number;
  header: Header | undefined;
}

/**
 * The header of the table a row belongs to: the rows above with as many cells, the first of them
 * (a Markdown separator row, `| --- | :-: |`, is passed over), at most 500 rows up. Undefined when
 * the row is the first. The walk up stops at the row whose header was found last (`found`): the
 * rows between belong to the same table, so a table of many Hawzu rows is read once, not once per row.
 */
function headerAbove(evidence: TextEvidence, rowStart: number, delimiter: string, width: number, found: HeaderFound): Header | undefined {
  const text = evidence.text;
  const sameTable = found.delimiter === delimiter && found.width === width && found.rowStart < rowStart;
  let header: Header | undefined;
  let topCells: Cell[] | undefined;
  let rows = 0;
  for (let end = rowStart - 1; rows < MOST_ROWS && end > 0; rows++) {
    const start = evidence.lineStartWithin(end, LONGEST_LINE);
    if (sameTable && start === found.rowStart) {
      // The rest of the way up was walked from that row: its header is this one's, if within
      // reach; a row with no header above it is its table's first row, so it is the header.
      rows += found.rowsBelow + 1;
      if (rows > MOST_ROWS) topCells = undefined;
      else if (found.header) header = found.header;
      else topCells = splitRow(text, start, end, delimiter) ?? topCells;
      break;
    }
    if (start !== 0 && text[start - 1] !== "\n") break;
    const cells = splitRow(text, start, end, delimiter);
    if (!cells || cells.length !== width) break;
    if (!cells.every((cell) => /^[ \t:-]*$/.test(text.slice(cell.start, cell.end)))) topCells = cells;
    end = start - 1;
  }
  if (!header && topCells) {
    const names = topCells.map((cell) => cellText(text, cell));
    header = { cells: topCells, credentialNames: names.map((name) => (CREDENTIAL_HEADER.test(name) ? name : undefined)) };
  }
  found.delimiter = delimiter;
  found.width = width;
  found.rowStart = rowStart;
  found.rowsBelow = rows;
  found.header = header;
  return header;
}

/** A cell's text without its padding, quotes and Markdown emphasis. */
function cellText(text: string, cell: Cell): string {
  const trimmed = text.slice(cell.start, cell.end).trim().replace(/^(["'])(.*)\1$/, "$2");
  return trimmed.replace(EMPHASIS, "$2").trim();
}

/** The delimiter that separates the key's cell from its neighbours, reading past the cell's quotes. */
function delimiterAround(text: string, keyStart: number, keyEnd: number): string | undefined {
  let after = keyEnd;
  if (text[after] === '"' || text[after] === "'") after++;
  while ((text[after] === "*" || text[after] === "_") && after - keyEnd < 2) after++;
  // Framed tables pad their cells with spaces (a tab is TSV's own delimiter).
  while (text[after] === " " && after - keyEnd < 64) after++;
  let before = keyStart - 1;
  if (text[before] === '"' || text[before] === "'") before--;
  while ((text[before] === "*" || text[before] === "_") && keyStart - before <= 2) before--;
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
  // Markdown emphasis: `| **Hawzu token** |`.
  while ((text[before] === "*" || text[before] === "_") && keyStart - before <= 2) before--;
  while (before >= 0 && text[before] !== "\n" && /\s/.test(text[before]!)) before--;
  return before < 0 || text[before] === "\n" || text[before] === delimiter;
}

function isWholeCell(text: string, cell: Cell, key: { start: number; end: number }): boolean {
  return cellText(text, cell) === text.slice(key.start, key.end);
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
