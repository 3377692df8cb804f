import { flatCell, type Cell, type ColumnSpec, type Row } from './datasets.js';

/**
 * An open dataset as CSV (RFC 4180): a header row of column names, then one record per row; fields
 * separated by commas and records ended by CRLF; a field with a comma, a double quote, CR or LF is
 * put in double quotes, a quote inside doubled. UTF-8 with a byte-order mark so that spreadsheets
 * read ä and ö right. Numbers are written with a decimal point ("12.5"); an empty field is a
 * missing value.
 *
 * A text that a spreadsheet would take for a formula – one starting with =, +, -, @, a tab or a
 * carriage return – gets a leading apostrophe ("'=SUM(A1)"), so opening the file never runs it.
 * Numbers are not text and are never changed.
 */

const formulaStart = /^[=+\-@\t\r]/;

/** A text that would start a spreadsheet formula, with an apostrophe in front. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : neutraliseFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly ColumnSpec[], rows: readonly Row[]): string {
  const records = [columns.map((c) => csvField(c.name)), ...rows.map((row) => columns.map((c) => csvField(flatCell(row[c.name]))))];
  return `\uFEFF${records.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}

/**
 * Reads CSV as toCsv writes it (RFC 4180, an optional byte-order mark) into records of fields: the
 * inverse for tests and for anyone checking a file. Formula apostrophes are left as they are.
 */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && input[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push(fields);
  }
  return records;
}
