/**
 * The columns of Table I and Table II, in the printed form's order. The parser maps cells to
 * columns by position through these lists; hover and completion explain a cell by its column.
 */
export type ColumnKind =
  | 'title'
  | 'exercisePrice'
  | 'date'
  | 'deemedDate'
  | 'code'
  | 'timeliness'
  | 'amount'
  | 'acquiredAmount'
  | 'disposedAmount'
  | 'acquiredDisposed'
  | 'price'
  | 'exerciseDate'
  | 'expirationDate'
  | 'underlyingTitle'
  | 'underlyingAmount'
  | 'owned'
  | 'ownership'
  | 'nature';

export interface ColumnInfo {
  readonly kind: ColumnKind;
  /** The form's column number: `1`, `2A`, `4`. */
  readonly number: string;
  readonly name: string;
  /** What the column holds, for hover. */
  readonly doc: string;
}

export type TableId = 'I' | 'II';

const OWNED_DOC = 'The total of this security the reporting person owns in this form of ownership after the reported transaction. It must follow from the previous row of the same holding: previous amount ± this row\'s amount.';
const OWNERSHIP_DOC = '`D` for direct ownership, `I` for indirect ownership (held through a spouse, a trust, a fund…).';
const NATURE_DOC = 'How an indirect holding is owned (`By Spouse`, `By Trust`, `See footnote`). Required when column 6 is `I`; must be empty when it is `D`.';
const CODE_DOC = 'The transaction code from General Instruction 8 (`P`, `S`, `M`, `F`, …). A `(K)` after it marks an equity swap.';
const V_DOC = '`V` when the transaction is voluntarily reported earlier than required (a Form 5 transaction reported on Form 4); otherwise empty.';
const DATE_DOC = 'The date the transaction was executed, MM/DD/YYYY. The Form 4 is due before the end of the second business day after it.';
const DEEMED_DOC = 'For a 10b5-1 plan trade or a similar instruction, the date the transaction is deemed executed (Rule 16a-3(g)(2)), at most three business days after the trade date; empty otherwise.';

export const TABLE_I_COLUMNS: readonly ColumnInfo[] = [
  { kind: 'title', number: '1', name: 'Title of Security', doc: 'The class of non-derivative security, e.g. `Common Stock` or `Class A Common Stock`.' },
  { kind: 'date', number: '2', name: 'Transaction Date', doc: DATE_DOC },
  { kind: 'deemedDate', number: '2A', name: 'Deemed Execution Date, if any', doc: DEEMED_DOC },
  { kind: 'code', number: '3', name: 'Transaction Code', doc: CODE_DOC },
  { kind: 'timeliness', number: '3', name: 'V', doc: V_DOC },
  { kind: 'amount', number: '4', name: 'Amount', doc: 'The number of shares acquired or disposed of in this transaction.' },
  { kind: 'acquiredDisposed', number: '4', name: '(A) or (D)', doc: '`A` if the shares were acquired, `D` if they were disposed of.' },
  { kind: 'price', number: '4', name: 'Price', doc: 'The price per share. For a sale at several prices, the weighted average, with a footnote giving the range and the undertaking to provide details on request.' },
  { kind: 'owned', number: '5', name: 'Amount of Securities Beneficially Owned Following Reported Transaction(s)', doc: OWNED_DOC },
  { kind: 'ownership', number: '6', name: 'Ownership Form: Direct (D) or Indirect (I)', doc: OWNERSHIP_DOC },
  { kind: 'nature', number: '7', name: 'Nature of Indirect Beneficial Ownership', doc: NATURE_DOC },
];

export const TABLE_II_COLUMNS: readonly ColumnInfo[] = [
  { kind: 'title', number: '1', name: 'Title of Derivative Security', doc: 'The derivative security, e.g. `Stock Option (right to buy)`, `Restricted Stock Units`, `Warrants`.' },
  { kind: 'exercisePrice', number: '2', name: 'Conversion or Exercise Price of Derivative Security', doc: 'The exercise or conversion price per share of the underlying. If there is none (an RSU), leave it blank with a footnote.' },
  { kind: 'date', number: '3', name: 'Transaction Date', doc: DATE_DOC },
  { kind: 'deemedDate', number: '3A', name: 'Deemed Execution Date, if any', doc: DEEMED_DOC },
  { kind: 'code', number: '4', name: 'Transaction Code', doc: CODE_DOC },
  { kind: 'timeliness', number: '4', name: 'V', doc: V_DOC },
  { kind: 'acquiredAmount', number: '5', name: 'Number of Derivative Securities Acquired (A)', doc: 'The number of derivative securities acquired; leave empty when they were disposed of.' },
  { kind: 'disposedAmount', number: '5', name: 'Number of Derivative Securities Disposed of (D)', doc: 'The number of derivative securities disposed of (an exercise disposes of the option); leave empty when they were acquired.' },
  { kind: 'exerciseDate', number: '6', name: 'Date Exercisable', doc: 'The date from which the derivative can be exercised, MM/DD/YYYY, or a footnote describing the vesting schedule.' },
  { kind: 'expirationDate', number: '6', name: 'Expiration Date', doc: 'The date the derivative expires, MM/DD/YYYY, or a footnote when it has none.' },
  { kind: 'underlyingTitle', number: '7', name: 'Title of Underlying Securities', doc: 'The security the derivative converts into or is exercised for, e.g. `Common Stock`.' },
  { kind: 'underlyingAmount', number: '7', name: 'Amount or Number of Shares of Underlying Securities', doc: 'The number of underlying shares the transaction concerns. For an exercise it equals the number of derivatives disposed of times the conversion ratio.' },
  { kind: 'price', number: '8', name: 'Price of Derivative Security', doc: 'The price paid or received per derivative security; `$0` for a grant or an exercise.' },
  { kind: 'owned', number: '9', name: 'Number of Derivative Securities Beneficially Owned Following Reported Transaction(s)', doc: OWNED_DOC },
  { kind: 'ownership', number: '10', name: 'Ownership Form: Direct (D) or Indirect (I)', doc: OWNERSHIP_DOC },
  { kind: 'nature', number: '11', name: 'Nature of Indirect Beneficial Ownership', doc: NATURE_DOC },
];

export function columnsOf(table: TableId): readonly ColumnInfo[] {
  return table === 'I' ? TABLE_I_COLUMNS : TABLE_II_COLUMNS;
}

export function tableName(table: TableId): string {
  return table === 'I' ? 'Table I' : 'Table II';
}
