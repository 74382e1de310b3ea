/**
 * The filing model: a Form 4 as typed facts, independent of the syntax it was read from. Its
 * shape follows EDGAR's ownership XML (ownershipDocument: issuer, reportingOwner,
 * nonDerivativeTable, derivativeTable, footnotes, remarks, ownerSignature) and the printed form's
 * columns. Two front ends build it: the draft reader (`parse/draft/`) and the XML reader
 * (`parse/xml/`). The rules and the analysis read only this model, never text or lines.
 *
 * Every fact keeps a neutral source: the span of its value, the span of the whole cell or
 * element, and its footnote references with their spans, so that a finding points at the exact
 * cell of a draft or the exact `<value>` of an XML file. What only one syntax has (pipe cells,
 * labels, tags) stays in its front end.
 */
import type { Span } from '../text/position';
import { TextMemo } from './memo';
import type { CalendarDate } from './calendarDate';
import type { Direction } from './codes';
import type { TableId } from './columns';
import type { Decimal } from './decimal';

export interface FootnoteRef {
  /** The footnote number: `(2)` and `<footnoteId id="F2"/>` refer to F2. */
  readonly id: number;
  /** The whole reference: `(2)`, `⁽²⁾`, the digits inside `<sup>…</sup>`, a `<footnoteId/>` element. */
  readonly span: Span;
  /** Just the digits. */
  readonly numberSpan: Span;
}

/**
 * A typed value. Exactly one of three states: blank (`text` is empty: neither `value` nor
 * `problem`), read (`value`), or unreadable (`problem` says why, in words).
 */
export interface Field<T> {
  /** The value as written, cleaned: without references, tags, escapes and surrounding spaces. */
  readonly text: string;
  readonly value?: T;
  readonly problem?: string;
  /** The whole cell, or the whole element (its parent's, when the element is absent). */
  readonly span: Span;
  /** The value's characters; an empty span where a value would be typed when it is blank. */
  readonly valueSpan: Span;
  readonly refs: readonly FootnoteRef[];
}

/** A number of shares, or a dollar value where the form allows one (`$1,000,000` of notes). */
export interface Quantity {
  readonly amount: Decimal;
  /** True for a dollar value (transactionTotalValue, valueOwnedFollowingTransaction, underlyingSecurityValue). */
  readonly dollars: boolean;
}

export interface TransactionCoding {
  /** One of the codes of General Instruction 8 (TransCodeList). */
  readonly code: string;
  /** EDGAR's equitySwapInvolved: `(K)` after the code in a draft. */
  readonly equitySwap: boolean;
}

/**
 * EDGAR's transactionTimeliness: `E` early (the V column: a Form 5 transaction reported on this
 * Form 4, transactionFormType 5), `L` late.
 */
export type Timeliness = 'E' | 'L';

export type OwnershipForm = 'D' | 'I';

/** Facts common to a row of either table. */
interface RowCommon {
  /** The whole row or element. */
  readonly span: Span;
  /** 1-based position among the table's rows, for messages ("row 3"). */
  readonly ordinal: number;
  /** A holdings row fills no transaction columns (XML nonDerivativeHolding/derivativeHolding). */
  readonly kind: 'transaction' | 'holding';
  /**
   * The front end could not place the row's values in their columns (a draft row with a cell
   * too many or too few): its fields cannot be trusted, so rules skip it, and rules that pair
   * rows say nothing while it could hold the missing half.
   */
  readonly damaged: boolean;
  /** Every column's field, in the printed form's order (`columnsOf(table)`). */
  readonly fields: readonly Field<unknown>[];
  /** References the front end could not attach to a column (cells beyond a damaged row's columns). */
  readonly strayRefs: readonly FootnoteRef[];
  readonly securityTitle: Field<string>;
  readonly transactionDate: Field<CalendarDate>;
  readonly deemedExecutionDate: Field<CalendarDate>;
  readonly coding: Field<TransactionCoding>;
  /** The V column. */
  readonly timeliness: Field<Timeliness>;
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
  /** The printed form's two cells of column 5; one of them is `shares`. */
  readonly acquiredShares: Field<Quantity>;
  readonly disposedShares: Field<Quantity>;
  readonly exerciseDate: Field<CalendarDate>;
  readonly expirationDate: Field<CalendarDate>;
  readonly underlyingTitle: Field<string>;
  readonly underlyingShares: Field<Quantity>;
}

export type TableRow = NonDerivativeRow | DerivativeRow;

export interface Table<R extends TableRow> {
  readonly table: TableId;
  /** The whole table: a draft's heading to its last row, an XML table element. */
  readonly span: Span;
  readonly rows: readonly R[];
}

export interface Issuer {
  readonly span: Span;
  readonly cik: Field<string>;
  readonly name: Field<string>;
  readonly tradingSymbol: Field<string>;
}

export interface Address {
  readonly street1: Field<string>;
  readonly street2: Field<string>;
  readonly city: Field<string>;
  readonly state: Field<string>;
  readonly zipCode: Field<string>;
  /** The address as written, when it was not given in parts (a draft's box 1 after the name). */
  readonly text: string;
}

export interface Relationship {
  readonly span: Span;
  readonly isDirector: boolean;
  readonly isOfficer: boolean;
  readonly isTenPercentOwner: boolean;
  readonly isOther: boolean;
  readonly officerTitle: Field<string>;
  readonly otherText: Field<string>;
  /** References written in the relationship (a draft's box 5). */
  readonly refs: readonly FootnoteRef[];
}

export interface ReportingOwner {
  readonly span: Span;
  readonly cik: Field<string>;
  /** rptOwnerName, "Last First Middle"; its references are those of the draft's whole box 1. */
  readonly name: Field<string>;
  readonly address: Address;
  /** This owner's relationship to the issuer (a draft's box 5 of the same position, or its only box 5). */
  readonly relationship: Relationship | undefined;
}

export interface Footnote {
  /** F1…F99. */
  readonly id: number;
  /** The text, lines joined by spaces. */
  readonly text: string;
  /** The whole footnote: a draft's marker to its last line, an XML footnote element. */
  readonly span: Span;
  /** What numbers it: a draft's `(1)`, `1.`, `- ` marker; an XML `id` attribute. */
  readonly markerSpan: Span;
  /** The digits of the number, when it is written (not for a bare bullet numbered by position). */
  readonly numberSpan?: Span;
  readonly textSpan: Span;
}

export interface Remarks {
  readonly text: string;
  readonly span: Span;
  readonly textSpan: Span;
}

export interface Signature {
  readonly span: Span;
  /** signatureName: a draft's text after `/s/`. */
  readonly name: Field<string>;
  /** signatureDate; undefined when no date follows the signature. */
  readonly date: Field<CalendarDate> | undefined;
}

/**
 * The ownership forms EDGAR's ownershipDocument carries (documentType). The checker checks
 * Forms 4 and 4/A; Forms 3 and 5 (and their amendments) are read for their holdings only, as
 * filings of an insider's history (`service/history/`).
 */
export type FormType = '3' | '3/A' | '4' | '4/A' | '5' | '5/A';

export const FORM_TYPES: readonly FormType[] = ['3', '3/A', '4', '4/A', '5', '5/A'];

/** Whether the form is an amendment (3/A, 4/A, 5/A). */
export function isAmendment(form: FormType): boolean {
  return form.endsWith('/A');
}

export interface Filing {
  /**
   * `4`, or `4/A` for an amendment (box 4 filled). A Form 3 or 5 read from XML for the filing
   * history has `4` or `4/A` here and its own type in `ParsedXml.formType`.
   */
  readonly documentType: '4' | '4/A';
  /** schemaVersion, when the source states one (XML). */
  readonly schemaVersion: string | undefined;
  readonly issuer: Issuer | undefined;
  readonly reportingOwners: readonly ReportingOwner[];
  /** Every relationship stated, in order (several owners may share one). */
  readonly relationships: readonly Relationship[];
  /** Box 3. */
  readonly periodOfReport: Field<CalendarDate> | undefined;
  /** Box 4. */
  readonly dateOfOriginalSubmission: Field<CalendarDate> | undefined;
  /** The exit box: true checked, false unchecked, no value when no mark is shown. */
  readonly notSubjectToSection16: Field<boolean> | undefined;
  /** The Rule 10b5-1(c) box, the same way. */
  readonly aff10b5One: Field<boolean> | undefined;
  /** Box 6: true for a joint/group filing, false individual; no value when it says neither. */
  readonly filingMode: Field<boolean> | undefined;
  readonly nonDerivativeTable: Table<NonDerivativeRow> | undefined;
  readonly derivativeTable: Table<DerivativeRow> | undefined;
  readonly footnotes: readonly Footnote[];
  readonly remarks: Remarks | undefined;
  readonly signatures: readonly Signature[];
  /** Where findings about a missing part go: the top of the source, and where a signature belongs. */
  readonly places: { readonly top: Span; readonly signature: Span };
}

/**
 * The form of a title (or a nature of ownership) that tells holdings apart: case, runs of spaces
 * and trailing punctuation do not ("Common Stock." is "common stock").
 */
export function titleKey(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  return titleKeys.get(text, (t) => t.toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[.,;:]+$/, '').trim());
}

const titleKeys = new TextMemo<string>();

/** A field with no value: blank, or holding only footnote references. */
export function isBlank(field: Field<unknown>): boolean {
  return field.text === '';
}

/** Blank, with at least one footnote giving the value instead (cm(8)). */
export function isFootnotedBlank(field: Field<unknown>): boolean {
  return field.text === '' && field.refs.length > 0;
}

/** Table I's rows, then Table II's. */
export function allRows(filing: Filing): readonly TableRow[] {
  const one = filing.nonDerivativeTable?.rows ?? [];
  const two = filing.derivativeTable?.rows ?? [];
  if (two.length === 0) return one;
  if (one.length === 0) return two;
  return [...one, ...two];
}

/** Whether any field of the row refers to a footnote. */
export function rowHasFootnote(row: TableRow): boolean {
  if (row.strayRefs.length > 0) return true;
  for (const field of row.fields) if (field.refs.length > 0) return true;
  return false;
}
