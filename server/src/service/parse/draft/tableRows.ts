/**
 * Table rows: telling header rows from data rows, and reading a data row's cells into the
 * typed columns of Table I (11 cells) or Table II (16 cells).
 */
import { columnsOf, type TableId } from '../../model/columns';
import type { DerivativeRow, Field, FootnoteRef, NonDerivativeRow, Quantity, TableRow } from '../../model/filing';
import type { Span } from '../../text/position';
import type { CellField } from './cells';
import { absentField, copyField, sourceField } from '../../model/field';
import {
  codingField,
  dateField,
  directionField,
  ownershipField,
  priceField,
  quantityField,
  textField,
  timelinessField,
} from './fields';

const HEADER_WORDS = /title of|transaction date|deemed execution|transaction code|\bcode\b|\bamount\b|\(a\)\s*or\s*\(d\)|\bprice\b|beneficially owned|ownership form|nature of|date exercisable|expiration date|conversion or exercise|number of|underlying|\binstr\b/i;
const DATA_EVIDENCE = /\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,3}(?:,\d{3})+|\d\.\d|\$\s*\d/;

/**
 * A row of column titles (`1. Title of Security (Instr. 3)`, or `Code | V | Amount | (A) or (D)
 * | Price`): it names columns and carries no date or amount. OCR damage may leave digits in a
 * header ("(111341. 4)" for "(Instr. 4)"); a date, a grouped amount, a decimal or a price is
 * what marks a row as data.
 */
export function isHeaderRow(cells: readonly { readonly text: string }[]): boolean {
  let words = false;
  let any = false;
  for (const { text } of cells) {
    if (text === '') continue;
    any = true;
    if (DATA_EVIDENCE.test(text)) return false;
    // A cell that is only a number ("10000") is data too, unless it is a column number ("5.").
    if (/^\d+(?:\.\d+)?$/.test(text) && !/^\d{1,2}[A-Z]?\.$/.test(text)) return false;
    if (!words && HEADER_WORDS.test(text)) words = true;
  }
  return any && words;
}

/** The column-title row that opens a table, when a draft has no "Table I"/"Table II" line. */
export function tableOfColumnTitles(cells: readonly { readonly text: string }[]): TableId | undefined {
  const text = cells.map((c) => c.text).join(' ');
  if (/title\s+of\s+derivative\s+securit/i.test(text)) return 'II';
  if (/title\s+of\s+securit/i.test(text)) return 'I';
  return undefined;
}

const NO_REFS: readonly FootnoteRef[] = [];

/** The references of the cells beyond the table's columns (a damaged row's extra cells). */
function strayRefsOf(cells: readonly CellField[], expected: number): readonly FootnoteRef[] {
  if (cells.length <= expected) return NO_REFS;
  const refs: FootnoteRef[] = [];
  for (let i = expected; i < cells.length; i++) refs.push(...(cells[i]?.refs ?? []));
  return refs.length > 0 ? refs : NO_REFS;
}

/**
 * Reads a data row. Cells are mapped to columns by position; when the row does not have the
 * table's number of cells it is damaged (the columns cannot be trusted) but its cells and
 * references are still kept. `end` is where a missing cell would stand (the end of the row).
 */
export function buildRow(table: TableId, span: Span, cells: readonly CellField[], ordinal: number): TableRow {
  const expected = columnsOf(table).length;
  const end = span.end;
  const at = (i: number): CellField => cells[i] ?? (absentField(end) as CellField);
  const damaged = cells.length !== expected;
  const strayRefs = strayRefsOf(cells, expected);
  if (table === 'I') {
    const transactional = [1, 2, 3, 4, 5, 6, 7].some((i) => at(i).text !== '');
    const row: NonDerivativeRow = {
      table: 'I',
      span,
      ordinal,
      kind: transactional ? 'transaction' : 'holding',
      damaged,
      fields: [],
      strayRefs,
      securityTitle: textField(at(0)),
      transactionDate: dateField(at(1)),
      deemedExecutionDate: dateField(at(2)),
      coding: codingField(at(3)),
      timeliness: timelinessField(at(4)),
      shares: quantityField(at(5)),
      acquiredDisposed: directionField(at(6)),
      pricePerShare: priceField(at(7)),
      ownedAfter: quantityField(at(8)),
      directOrIndirect: ownershipField(at(9)),
      nature: textField(at(10)),
    };
    (row as { fields: readonly Field<unknown>[] }).fields = [
      row.securityTitle, row.transactionDate, row.deemedExecutionDate, row.coding, row.timeliness, row.shares,
      row.acquiredDisposed, row.pricePerShare, row.ownedAfter, row.directOrIndirect, row.nature,
    ];
    return row;
  }
  const acquiredCell = at(6);
  const disposedCell = at(7);
  const acquired = quantityField(acquiredCell);
  const disposed = quantityField(disposedCell);
  let shares: Field<Quantity>;
  let acquiredDisposed: NonDerivativeRow['acquiredDisposed'];
  if (acquired.text !== '' && disposed.text !== '') {
    shares = acquired;
    acquiredDisposed = spanning(acquired, disposed, 'A Table II row fills either column 5 (A) or column 5 (D), not both: empty one of them');
  } else if (acquired.text !== '') {
    shares = acquired;
    acquiredDisposed = copyField(acquired, { value: 'A', problem: undefined });
  } else if (disposed.text !== '') {
    shares = disposed;
    acquiredDisposed = copyField(disposed, { value: 'D', problem: undefined });
  } else {
    const both = spanning(acquired, disposed, undefined);
    shares = both as Field<Quantity>;
    acquiredDisposed = both;
  }
  const transactional = [2, 3, 4, 5, 6, 7].some((i) => at(i).text !== '');
  const row: DerivativeRow = {
    table: 'II',
    span,
    ordinal,
    kind: transactional ? 'transaction' : 'holding',
    damaged,
    fields: [],
    strayRefs,
    securityTitle: textField(at(0)),
    exercisePrice: priceField(at(1)),
    transactionDate: dateField(at(2)),
    deemedExecutionDate: dateField(at(3)),
    coding: codingField(at(4)),
    timeliness: timelinessField(at(5)),
    acquiredShares: acquired,
    disposedShares: disposed,
    shares,
    acquiredDisposed,
    exerciseDate: dateField(at(8)),
    expirationDate: dateField(at(9)),
    underlyingTitle: textField(at(10)),
    underlyingShares: quantityField(at(11)),
    pricePerShare: priceField(at(12)),
    ownedAfter: quantityField(at(13)),
    directOrIndirect: ownershipField(at(14)),
    nature: textField(at(15)),
  };
  (row as { fields: readonly Field<unknown>[] }).fields = [
    row.securityTitle, row.exercisePrice, row.transactionDate, row.deemedExecutionDate, row.coding, row.timeliness,
    row.acquiredShares, row.disposedShares, row.exerciseDate, row.expirationDate, row.underlyingTitle,
    row.underlyingShares, row.pricePerShare, row.ownedAfter, row.directOrIndirect, row.nature,
  ];
  return row;
}

/** One field standing for both (A)/(D) cells of Table II, for findings on both. */
function spanning(a: Field<unknown>, b: Field<unknown>, problem: string | undefined): Field<never> {
  const start = a.span.start;
  const end = b.span.end;
  const refs = a.refs.length === 0 ? b.refs : b.refs.length === 0 ? a.refs : [...a.refs, ...b.refs];
  const both = sourceField<never>('', start, end, start, end, refs);
  both.problem = problem;
  return both;
}
