import { stringify } from 'csv-stringify/sync';

/** A cell: text is neutralised, numbers stay numbers (a money cell of -500 is a value, not a formula). */
export type CsvCell = string | number | null | undefined;

// Spreadsheets read a cell that starts with one of these as a formula (or, for tab and CR, strip
// the character and then do): `=HYPERLINK(…)`, `+cmd|…`, `-2+3`, `@SUM(…)`.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet shows as typed and never evaluates: a leading apostrophe, as OWASP
 * recommends; the spreadsheet hides it and keeps the rest as text.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export interface CsvOptions {
  /** Column titles, written as the first row. */
  header?: readonly string[];
  /** A UTF-8 BOM, so spreadsheet software in a Japanese locale reads the file as UTF-8. */
  bom?: boolean;
  /** Line ending; RFC 4180 says CR LF, some receivers want LF. */
  recordDelimiter?: '\r\n' | '\n';
}

/**
 * The one way the product writes CSV: every text cell is neutralised against formula injection,
 * whatever column it is in and wherever its text came from (names, product names, notes typed by
 * staff or residents). Number cells are written as numbers, so negative amounts stay numeric.
 */
export function toCsv(rows: Iterable<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const records = options.header ? [[...options.header], ...rows] : [...rows];
  return stringify(records as CsvCell[][], {
    bom: options.bom ?? false,
    record_delimiter: options.recordDelimiter === '\r\n' ? 'windows' : 'unix',
    cast: { string: (value) => neutraliseCell(value) },
  });
}
