/** Small pieces the rules share: how a row and a cell are named in messages, and related locations. */
import { type ColumnKind, columnsOf } from '../model/columns';
import type { TableRow } from '../model/filing';
import { sentence } from '../text/sentence';
import type { RelatedLocation } from './types';

export { sentence };

export function rowLabel(row: TableRow): string {
  return `Table ${row.table} row ${row.ordinal}`;
}

export function relatedRow(row: TableRow, message: string): RelatedLocation {
  return { span: row.span, message: `${rowLabel(row)}: ${message}` };
}

/**
 * A column in a drafter's words, short enough for a message: the printed titles ("Amount of
 * Securities Beneficially Owned Following Reported Transaction(s)") fill the Problems panel on
 * their own. Hover gives the full title.
 */
const SHORT_NAMES: Readonly<Record<ColumnKind, string>> = {
  title: 'title',
  exercisePrice: 'exercise price',
  date: 'transaction date',
  deemedDate: 'deemed execution date',
  code: 'code',
  timeliness: 'V column',
  amount: 'amount',
  acquiredAmount: 'amount acquired',
  disposedAmount: 'amount disposed of',
  acquiredDisposed: '(A) or (D)',
  price: 'price',
  exerciseDate: 'date exercisable',
  expirationDate: 'expiration date',
  underlyingTitle: 'underlying title',
  underlyingAmount: 'underlying amount',
  owned: 'amount owned',
  ownership: 'ownership form',
  nature: 'nature of ownership',
};

export function shortColumnName(kind: ColumnKind): string {
  return SHORT_NAMES[kind];
}

/** "the price of Table I row 2"; "cell 12 of Table I row 2" for a cell beyond the table's columns. */
export function cellLabel(row: TableRow, column: number): string {
  const info = columnsOf(row.table)[column];
  return info ? `the ${shortColumnName(info.kind)} of ${rowLabel(row)}` : `cell ${column + 1} of ${rowLabel(row)}`;
}

/** The first letter in capitals, for a message that starts with a cell's or a value's name. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Several rows in few words: "Table I row 2", "Table I rows 2 and 3", "Table II row 1 and 4 more rows". */
export function rowsLabel(rows: readonly TableRow[]): string {
  const [first, ...rest] = rows;
  if (!first) return 'no row';
  if (rest.length === 0) return rowLabel(first);
  if (rest.length > 2 || rest.some((r) => r.table !== first.table)) return `${rowLabel(first)} and ${rest.length} more row${rest.length === 1 ? '' : 's'}`;
  const ordinals = rows.map((r) => String(r.ordinal));
  return `Table ${first.table} rows ${ordinals.slice(0, -1).join(', ')} and ${ordinals[ordinals.length - 1]}`;
}

/**
 * The message for a value a front end could not read: the readers word a problem value first
 * ('"10,00" has a misplaced thousands separator') when the cell's name should go before it, and
 * as a whole sentence otherwise (EDGAR XML's 'The amount "x" is not a number').
 */
export function valueMessage(subject: string, problem: string): string {
  return sentence(problem.startsWith('"') ? `${subject} ${problem}` : problem);
}
