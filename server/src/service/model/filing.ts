/**
 * The filing model: a draft as typed facts. Its shape follows EDGAR's ownership XML
 * (ownershipDocument: issuer, reportingOwner, nonDerivativeTable, derivativeTable, footnotes,
 * remarks, ownerSignature) so that an XML reader and writer can share it, and every fact keeps
 * the source range it was read from so that a finding points at the exact cell.
 */
import type { Range } from '../text/range';
import type { CalendarDate } from './calendarDate';
import type { Direction } from './codes';
import type { TableId } from './columns';
import type { Decimal } from './decimal';

/** How a footnote reference is written; a rename writes the new number the same way. */
export type FootnoteNotation = 'paren' | 'superscript' | 'sup';

export interface FootnoteRef {
  /** The footnote number: `(2)` refers to F2. */
  readonly id: number;
  /** The whole reference, `(2)` or `⁽²⁾` or the digits inside `<sup>…</sup>`. */
  readonly range: Range;
  /** Just the digits. */
  readonly numberRange: Range;
  readonly notation: FootnoteNotation;
}

/** A table cell, a box value or a signature date: text with its references taken out. */
export interface Cell {
  /** The cell as written, between its delimiters. */
  readonly raw: string;
  /** Its value: without footnote references, tags, escapes and surrounding spaces. */
  readonly text: string;
  /** The cell between its delimiters (where to insert into an empty cell). */
  readonly range: Range;
  /** The value's characters; an empty range inside the cell when the value is blank. */
  readonly valueRange: Range;
  readonly refs: readonly FootnoteRef[];
}

/**
 * A typed value read from a cell. Exactly one of three states: blank (`cell.text` is empty:
 * neither `value` nor `problem`), read (`value`), or unreadable (`problem` says why).
 */
export interface Field<T> {
  readonly cell: Cell;
  readonly value?: T;
  readonly problem?: string;
}

/** A number of shares, or a dollar value where the form allows one (`$1,000,000` of notes). */
export interface Quantity {
  readonly amount: Decimal;
  /** True for a dollar value (transactionTotalValue, valueOwnedFollowingTransaction). */
  readonly dollars: boolean;
}

export interface TransactionCoding {
  readonly code: string;
  /** A `(K)` after the code: EDGAR's equitySwapInvolved. */
  readonly equitySwap: boolean;
}

export type OwnershipForm = 'D' | 'I';

/** Facts common to a row of either table. */
interface RowCommon {
  readonly line: number;
  /** The whole row. */
  readonly range: Range;
  /** 1-based position among the table's data rows, for messages ("row 3"). */
  readonly ordinal: number;
  readonly cells: readonly Cell[];
  /** A Markdown pipe row, or a tab-separated row pasted from a spreadsheet or a PDF. */
  readonly delimiter: 'pipe' | 'tab';
  readonly expectedCells: number;
  /** The row has exactly the table's number of cells, so its columns can be trusted. */
  readonly wellFormed: boolean;
  /** A holdings row fills no transaction columns (XML nonDerivativeHolding/derivativeHolding). */
  readonly kind: 'transaction' | 'holding';
  readonly securityTitle: Field<string>;
  readonly transactionDate: Field<CalendarDate>;
  readonly deemedExecutionDate: Field<CalendarDate>;
  readonly coding: Field<TransactionCoding>;
  /** The V column; `V` is EDGAR's transactionTimeliness `E`, a Form 5 transaction reported early. */
  readonly timeliness: Field<'V'>;
  /** transactionShares or transactionTotalValue. In Table II, the filled one of the (A)/(D) cells. */
  readonly shares: Field<Quantity>;
  readonly acquiredDisposed: Field<Direction>;
  /** Table I column 4 price, Table II column 8. */
  readonly pricePerShare: Field<Decimal>;
  readonly ownedAfter: Field<Quantity>;
  readonly directOrIndirect: Field<OwnershipForm>;
  readonly nature: Field<string>;
}

export interface NonDerivativeRow extends RowCommon {
  readonly table: 'I';
}

export interface DerivativeRow extends RowCommon {
  readonly table: 'II';
  readonly exercisePrice: Field<Decimal>;
  readonly acquiredShares: Field<Quantity>;
  readonly disposedShares: Field<Quantity>;
  readonly exerciseDate: Field<CalendarDate>;
  readonly expirationDate: Field<CalendarDate>;
  readonly underlyingTitle: Field<string>;
  readonly underlyingShares: Field<Quantity>;
}

export type TableRow = NonDerivativeRow | DerivativeRow;

export interface TableSection<R extends TableRow> {
  readonly table: TableId;
  /** The line that starts the table ("Table I - Non-Derivative Securities…"). */
  readonly headingLine: number;
  /** From the heading to the last row. */
  readonly range: Range;
  readonly rows: readonly R[];
}

export type BoxKind =
  | 'reportingPerson'
  | 'issuer'
  | 'earliestTransaction'
  | 'amendment'
  | 'relationship'
  | 'filingMode'
  | 'exitBox'
  | 'rule10b5-1';

/** A header box: its label and its value, on one line or in one table cell. */
export interface Box {
  readonly kind: BoxKind;
  readonly line: number;
  /** Label and value. */
  readonly range: Range;
  readonly labelRange: Range;
  readonly value: Cell;
}

export interface Address {
  readonly street1?: string;
  readonly street2?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zipCode?: string;
  /** The address as written, when it could not be split into its parts. */
  readonly text: string;
}

export interface ReportingOwner {
  readonly box: Box;
  /** rptOwnerName, "Last First Middle". */
  readonly name: string;
  readonly address: Address;
}

export interface Issuer {
  readonly box: Box;
  readonly name: string;
  readonly tradingSymbol?: string;
}

export interface Relationship {
  readonly box: Box;
  readonly isDirector: boolean;
  readonly isOfficer: boolean;
  readonly isTenPercentOwner: boolean;
  readonly isOther: boolean;
  readonly officerTitle?: string;
  readonly otherText?: string;
}

export interface CheckBox {
  readonly box: Box;
  /** True checked, false unchecked, undefined when the draft shows no mark at all. */
  readonly checked: boolean | undefined;
}

export interface Footnote {
  /** F1…F99. */
  readonly id: number;
  /** The text without its marker, lines joined by spaces. */
  readonly text: string;
  readonly line: number;
  /** From the marker to the end of the footnote's last non-blank line. */
  readonly range: Range;
  /** The marker: `(1)`, `1.`, `- 1.`, `- `; an empty range for continuation-less items. */
  readonly markerRange: Range;
  /** The digits of the marker, when the footnote is numbered explicitly. */
  readonly numberRange?: Range;
  readonly textRange: Range;
  /** The lines the footnote spans, first to last non-blank. */
  readonly lastLine: number;
}

export interface Signature {
  readonly line: number;
  readonly range: Range;
  /** signatureName: the text after `/s/`. */
  readonly name: string;
  readonly nameRange: Range;
  /** signatureDate, with its cell; undefined when no date follows the signature. */
  readonly date?: Field<CalendarDate>;
}

export interface Remarks {
  readonly text: string;
  readonly line: number;
  readonly range: Range;
  readonly textRange: Range;
}

export interface Section {
  readonly kind: 'header' | 'tableI' | 'tableII' | 'explanation' | 'remarks' | 'signature';
  readonly range: Range;
}

export interface Filing {
  /** `4`, or `4/A` when box 4 gives the original's date. */
  readonly documentType: '4' | '4/A';
  readonly reportingOwners: readonly ReportingOwner[];
  readonly issuer?: Issuer;
  /** Box 3: periodOfReport. */
  readonly periodOfReport?: { readonly box: Box; readonly date: Field<CalendarDate> };
  /** Box 4: dateOfOriginalSubmission. */
  readonly dateOfOriginalSubmission?: { readonly box: Box; readonly date: Field<CalendarDate> };
  readonly relationships: readonly Relationship[];
  /** Box 6: true for a joint/group filing, false for an individual one. */
  readonly filingMode?: { readonly box: Box; readonly joint: boolean | undefined };
  readonly notSubjectToSection16?: CheckBox;
  readonly aff10b5One?: CheckBox;
  readonly boxes: readonly Box[];
  readonly nonDerivativeTable?: TableSection<NonDerivativeRow>;
  readonly derivativeTable?: TableSection<DerivativeRow>;
  /** The line that starts the Explanation of Responses. */
  readonly explanation?: { readonly line: number; readonly range: Range };
  readonly footnotes: readonly Footnote[];
  readonly remarks?: Remarks;
  readonly signatures: readonly Signature[];
  /** The "** Signature of Reporting Person" label, when the draft has one. */
  readonly signatureLabelLine?: number;
  readonly sections: readonly Section[];
}

/**
 * The form of a title (or a nature of ownership) that tells holdings apart: case, runs of spaces
 * and trailing punctuation do not ("Common Stock." is "common stock").
 */
export function titleKey(text: string | undefined): string {
  return (text ?? '').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[.,;:]+$/, '').trim();
}

/** A cell with no value: blank, or holding only footnote references. */
export function isBlank(field: Field<unknown>): boolean {
  return field.cell.text === '';
}

/** Blank, with at least one footnote giving the value instead (cm(8)). */
export function isFootnotedBlank(field: Field<unknown>): boolean {
  return field.cell.text === '' && field.cell.refs.length > 0;
}

export function allRows(filing: Filing): TableRow[] {
  return [...(filing.nonDerivativeTable?.rows ?? []), ...(filing.derivativeTable?.rows ?? [])];
}
