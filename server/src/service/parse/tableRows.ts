/**
 * Table rows: telling header rows from data rows, and reading a data row's cells into the
 * typed columns of Table I (11 cells) or Table II (16 cells).
 */
import { columnsOf, type TableId } from '../model/columns';
import type { Cell, DerivativeRow, Field, NonDerivativeRow, Quantity, TableRow } from '../model/filing';
import type { Range } from '../text/range';
import { lineRange } from '../text/range';
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
export function isHeaderRow(cells: readonly Cell[]): boolean {
  const texts = cells.map((c) => c.text).filter((t) => t !== '');
  if (texts.length === 0) return false;
  if (!texts.some((t) => HEADER_WORDS.test(t))) return false;
  if (texts.some((t) => DATA_EVIDENCE.test(t))) return false;
  // A cell that is only a number ("10000") is data too, unless it is a column number ("5.").
  return !texts.some((t) => /^\d+(?:\.\d+)?$/.test(t) && !/^\d{1,2}[A-Z]?\.$/.test(t));
}

/** The column-title row that opens a table, when a draft has no "Table I"/"Table II" line. */
export function tableOfColumnTitles(cells: readonly Cell[]): TableId | undefined {
  const text = cells.map((c) => c.text).join(' ');
  if (/title\s+of\s+derivative\s+securit/i.test(text)) return 'II';
  if (/title\s+of\s+securit/i.test(text)) return 'I';
  return undefined;
}

function emptyCellAt(line: number, character: number): Cell {
  const range = lineRange(line, character, character);
  return { raw: '', text: '', range, valueRange: range, refs: [] };
}

/** One blank cell standing for the two (A)/(D) cells of Table II, for findings on both. */
function spanning(a: Cell, b: Cell): Cell {
  const range: Range = { start: a.range.start, end: b.range.end };
  return { raw: '', text: '', range, valueRange: range, refs: [...a.refs, ...b.refs] };
}

/**
 * Reads a data row. Cells are mapped to columns by position; when the row does not have the
 * table's number of cells it is not well-formed (the columns cannot be trusted) but its
 * cells and references are still kept.
 */
export function buildRow(
  table: TableId,
  line: number,
  range: Range,
  cells: readonly Cell[],
  delimiter: 'pipe' | 'tab',
  ordinal: number,
): TableRow {
  const expected = columnsOf(table).length;
  const at = (i: number): Cell => cells[i] ?? emptyCellAt(line, range.end.character);
  const common = {
    line,
    range,
    ordinal,
    cells,
    delimiter,
    expectedCells: expected,
    wellFormed: cells.length === expected,
  };
  if (table === 'I') {
    const row = {
      ...common,
      table: 'I' as const,
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
    const transactional = [1, 2, 3, 4, 5, 6, 7].some((i) => at(i).text !== '');
    const result: NonDerivativeRow = { ...row, kind: transactional ? 'transaction' : 'holding' };
    return result;
  }
  const acquired = quantityField(at(6));
  const disposed = quantityField(at(7));
  const both = spanning(at(6), at(7));
  let shares: Field<Quantity>;
  let acquiredDisposed: NonDerivativeRow['acquiredDisposed'];
  if (acquired.cell.text !== '' && disposed.cell.text !== '') {
    shares = acquired;
    acquiredDisposed = { cell: both, problem: 'a row fills either column 5 (A) or column 5 (D), not both' };
  } else if (acquired.cell.text !== '') {
    shares = acquired;
    acquiredDisposed = { cell: acquired.cell, value: 'A' };
  } else if (disposed.cell.text !== '') {
    shares = disposed;
    acquiredDisposed = { cell: disposed.cell, value: 'D' };
  } else {
    shares = { cell: both };
    acquiredDisposed = { cell: both };
  }
  const transactional = [2, 3, 4, 5, 6, 7].some((i) => at(i).text !== '');
  const result: DerivativeRow = {
    ...common,
    table: 'II',
    kind: transactional ? 'transaction' : 'holding',
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
  return result;
}
