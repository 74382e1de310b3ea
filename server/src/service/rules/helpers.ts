/** Small pieces the rules share: a row's fields by column, related locations, cell edits. */
import { type ColumnInfo, columnsOf } from '../model/columns';
import type { Box, Cell, Field, Filing, TableRow } from '../model/filing';
import type { ParsedDraft } from '../parse/parser';
import { dominantEol } from '../text/lines';
import { lineRange, type Range } from '../text/range';
import type { RelatedLocation, TextEdit } from './types';

export interface RowField {
  readonly column: ColumnInfo;
  readonly index: number;
  readonly field: Field<unknown>;
}

/** The typed fields of a row in column order (Table II's (A) and (D) amounts apart). */
export function rowFields(row: TableRow): RowField[] {
  const fields: Field<unknown>[] =
    row.table === 'I'
      ? [row.securityTitle, row.transactionDate, row.deemedExecutionDate, row.coding, row.timeliness, row.shares, row.acquiredDisposed, row.pricePerShare, row.ownedAfter, row.directOrIndirect, row.nature]
      : [row.securityTitle, row.exercisePrice, row.transactionDate, row.deemedExecutionDate, row.coding, row.timeliness, row.acquiredShares, row.disposedShares, row.exerciseDate, row.expirationDate, row.underlyingTitle, row.underlyingShares, row.pricePerShare, row.ownedAfter, row.directOrIndirect, row.nature];
  const columns = columnsOf(row.table);
  return fields.map((field, index) => ({ field, index, column: columns[index] as ColumnInfo }));
}

/** Rows whose columns can be trusted. */
export function wellFormedRows(filing: Filing): TableRow[] {
  return [...(filing.nonDerivativeTable?.rows ?? []), ...(filing.derivativeTable?.rows ?? [])].filter((r) => r.wellFormed);
}

export function rowLabel(row: TableRow): string {
  return `Table ${row.table} row ${row.ordinal}`;
}

export function relatedRow(row: TableRow, message: string): RelatedLocation {
  return { range: row.range, message: `${rowLabel(row)}: ${message}` };
}

/** Replaces a cell's value, keeping its footnote references. */
export function setCellValue(row: TableRow, cell: Cell, text: string): TextEdit {
  if (cell.text !== '' || row.delimiter === 'tab') return { range: cell.valueRange, newText: text };
  // A blank pipe cell: `| |` becomes `| text |`, whatever spaces it had.
  const before = cell.raw.startsWith(' ') ? '' : ' ';
  const after = cell.raw.length - (cell.raw.startsWith(' ') ? 1 : 0) > 0 ? '' : ' ';
  return { range: cell.valueRange, newText: `${before}${text}${after}` };
}

/** Whether any cell of the row refers to a footnote. */
export function rowHasFootnote(row: TableRow): boolean {
  return row.cells.some((c) => c.refs.length > 0);
}

/** Where a finding about something absent goes: the draft's first non-blank line. */
export function draftStart(draft: ParsedDraft): Range {
  const line = draft.lines.find((l) => l.text.trim() !== '') ?? draft.lines[0];
  if (!line) return lineRange(0, 0, 0);
  const start = line.text.search(/\S/);
  return lineRange(line.index, Math.max(0, start), line.text.trimEnd().length);
}

/** Inserts whole lines after line `after` (or at the top when -1), in the draft's line breaks. */
export function insertLinesAfter(draft: ParsedDraft, after: number, lines: readonly string[]): TextEdit {
  const eol = dominantEol(draft.lines);
  if (after < 0) return { range: lineRange(0, 0, 0), newText: lines.map((l) => l + eol).join('') };
  const line = draft.lines[after];
  const end = line ? line.text.length : 0;
  return { range: lineRange(after, end, end), newText: lines.map((l) => eol + l).join('') };
}

/** Deletes lines `first`…`last` with their line breaks. */
export function deleteLines(draft: ParsedDraft, first: number, last: number): TextEdit {
  const next = draft.lines[last + 1];
  if (next) return { range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' };
  // The last lines of the draft: take the line break before them instead.
  const previous = draft.lines[first - 1];
  const lastLine = draft.lines[last];
  const start = previous ? { line: first - 1, character: previous.text.length } : { line: first, character: 0 };
  return { range: { start, end: { line: last, character: lastLine?.text.length ?? 0 } }, newText: '' };
}

/** Writes a box's value: replaces it, or types it after the label. */
export function setBoxValue(box: Box, text: string): TextEdit {
  if (box.value.text !== '') return { range: box.value.valueRange, newText: text };
  if (box.value.raw === '') return { range: box.value.range, newText: ` ${text}` };
  return { range: box.value.valueRange, newText: text };
}
