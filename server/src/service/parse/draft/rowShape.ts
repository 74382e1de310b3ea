/**
 * The one syntax rule of drafts: a data row must have its table's number of cells (11 in
 * Table I, 16 in Table II), since cells are read by position. The parser reports it while it
 * reads the row, under the `row-shape` rule (defined with the other rules in rules/reading.ts).
 *
 * The message says which cells it could not place: the cells are lined up with the columns in
 * the way that lets the most cells fit their column (a date in a date column, a number in an
 * amount column, A or D in the (A) or (D) column…), leaving out as many cells (a row too long) or
 * columns (a row too short) as the count is off. A row too long names the cells left out ("Stock"
 * after a title split in two); a row too short names the columns no cell fits.
 */
import { type ColumnKind, columnsOf } from '../../model/columns';
import type { TableRow } from '../../model/filing';
import { shortColumnName } from '../../rules/helpers';
import type { SyntaxProblem } from '../../rules/types';
import type { CellField } from './cells';

const DATE = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
const NUMBER = /^\$?\s*\(?-?[\d,]+(\.\d+)?\)?$/;

/** Whether a cell's text could be a value of a column of this kind. */
function fits(text: string, kind: ColumnKind): boolean {
  switch (kind) {
    case 'title':
    case 'underlyingTitle':
      return /[A-Za-z]{2}/.test(text);
    case 'nature':
      return text === '' || /[A-Za-z]{2}/.test(text);
    case 'date':
      return DATE.test(text);
    case 'deemedDate':
    case 'exerciseDate':
    case 'expirationDate':
      return text === '' || DATE.test(text) || /^[A-Za-z ]+$/.test(text);
    case 'code':
      return /^[A-Za-z](\s*\(?K\)?)?$/.test(text);
    case 'timeliness':
      return text === '' || text === 'V' || text === 'L';
    case 'acquiredDisposed':
      return text === 'A' || text === 'D';
    case 'ownership':
      return text === 'D' || text === 'I';
    case 'acquiredAmount':
    case 'disposedAmount':
    case 'exercisePrice':
    case 'underlyingAmount':
      return text === '' || NUMBER.test(text);
    case 'amount':
    case 'price':
    case 'owned':
      return NUMBER.test(text);
  }
}

/**
 * The best lining up of `texts` with `kinds` that leaves out exactly |texts − kinds| of the
 * longer side: the indexes left out (of the cells when there are too many, of the columns when
 * too few). Dynamic programming over (cells used, columns used); on a tie the later item is left
 * out, since rows lose and gain cells at their end more often than at their start.
 */
export function unplaced(texts: readonly string[], kinds: readonly ColumnKind[]): number[] {
  const n = texts.length;
  const m = kinds.length;
  // best[i][j]: most fits lining up the first i cells with the first j columns.
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  (best[0] as number[])[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = (best[i] as number[])[j] as number;
      if (here === -Infinity) continue;
      const row = best[i + 1];
      if (i < n && j < m && row) row[j + 1] = Math.max(row[j + 1] as number, here + (fits(texts[i] as string, kinds[j] as ColumnKind) ? 1 : 0));
      if (n > m && i < n && row) row[j] = Math.max(row[j] as number, here); // leave cell i out
      if (m > n && j < m) (best[i] as number[])[j + 1] = Math.max((best[i] as number[])[j + 1] as number, here); // leave column j out
    }
  }
  // Walk back from the end, preferring to leave out the later item on a tie.
  const left: number[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const here = (best[i] as number[])[j] as number;
    if (n > m && i > 0 && (best[i - 1] as number[])[j] === here) {
      left.push(i - 1);
      i--;
    } else if (m > n && j > 0 && (best[i] as number[])[j - 1] === here) {
      left.push(j - 1);
      j--;
    } else {
      i--;
      j--;
    }
  }
  return left.reverse();
}

/** A cell for a message: its number and its text, quoted, at most 12 characters: `12 "Common Stock"`. */
function cell(index: number, text: string): string {
  if (text === '') return `${index + 1} (empty)`;
  return `${index + 1} "${text.length > 12 ? `${text.slice(0, 11)}…` : text}"`;
}

/** "a", "a and b", "a, b and 2 more". */
function listed(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, 2).join(', ')} and ${items.length - 2} more`;
}

/**
 * The delimiter is part of the signature for the callers; the message is the same for both.
 * `count`: the cells the line has, which `cells` holds at most MAX_CELLS + 1 of.
 */
export function rowShapeProblem(row: TableRow, cells: readonly CellField[], _delimiter: 'pipe' | 'tab', count = cells.length): SyntaxProblem {
  const columns = columnsOf(row.table);
  const found = count;
  const expected = columns.length;
  const left = unplaced(cells.map((c) => c.text), columns.map((c) => c.kind));
  const head = `Table ${row.table} row ${row.ordinal} has ${found.toLocaleString('en-US')} cell${found === 1 ? '' : 's'}, not ${expected}`;
  let message: string;
  if (found > expected) {
    const which = left.map((i) => cell(i, cells[i]?.text ?? ''));
    message = `${head}: ${left.length === 1 ? 'cell' : 'cells'} ${listed(which)} ${left.length === 1 ? 'looks' : 'look'} split or extra.`;
  } else {
    const which = left.map((j) => `the ${shortColumnName(columns[j]?.kind ?? 'title')}`);
    message = found === 0 ? `${head}.` : `${head}: ${listed(which)} ${left.length === 1 ? 'is' : 'are'} missing, or merged into another cell.`;
  }
  return { rule: 'row-shape', span: row.span, message };
}
