/**
 * Every footnote reference of the filing, where it stands (which box, or which row and column),
 * and every footnote by number. Rules, hover, navigation and rename all read this index, built
 * in one pass over the model's fields.
 */
import { columnsOf } from '../model/columns';
import type { Field, Filing, Footnote, FootnoteRef, TableRow } from '../model/filing';

/** What carries references: a field, a relationship, a damaged row's stray cells. */
export interface RefHolder {
  readonly refs: readonly FootnoteRef[];
}

export interface RefUse {
  readonly ref: FootnoteRef;
  /** What the reference stands in; two references of one holder are in the same cell or element. */
  readonly holder: RefHolder;
  /** The field that carries the reference; undefined for a stray reference of a damaged row. */
  readonly field?: Field<unknown>;
  readonly row?: TableRow;
  /** 0-based column index within the row, when the reference stands in a table cell. */
  readonly column?: number;
  /** Where the reference stands, for messages: "Table I row 2, Price", "box 1". */
  readonly where: string;
}

export interface FootnoteIndex {
  /** All references, in source order. */
  readonly uses: readonly RefUse[];
  readonly usesById: ReadonlyMap<number, readonly RefUse[]>;
  /** Footnotes by number; more than one when the source numbers two alike. */
  readonly footnotesById: ReadonlyMap<number, readonly Footnote[]>;
}

export function describeCell(row: TableRow, column: number): string {
  const name = columnsOf(row.table)[column]?.name ?? `cell ${column + 1}`;
  return `Table ${row.table} row ${row.ordinal}, ${name}`;
}

/** The header's fields that may carry references, with the box they stand in. */
function headerFields(filing: Filing): { field: RefHolder; where: string }[] {
  const found: { field: RefHolder; where: string }[] = [];
  for (const owner of filing.reportingOwners) {
    found.push({ field: owner.name, where: 'box 1' });
    for (const part of [owner.cik, owner.address.street1, owner.address.street2, owner.address.city, owner.address.state, owner.address.zipCode]) {
      found.push({ field: part, where: 'box 1' });
    }
  }
  if (filing.issuer) found.push({ field: filing.issuer.name, where: 'box 2' }, { field: filing.issuer.cik, where: 'box 2' });
  if (filing.periodOfReport) found.push({ field: filing.periodOfReport, where: 'box 3' });
  if (filing.dateOfOriginalSubmission) found.push({ field: filing.dateOfOriginalSubmission, where: 'box 4' });
  for (const r of filing.relationships) found.push({ field: r, where: 'box 5' });
  if (filing.filingMode) found.push({ field: filing.filingMode, where: 'box 6' });
  if (filing.notSubjectToSection16) found.push({ field: filing.notSubjectToSection16, where: 'the exit box' });
  if (filing.aff10b5One) found.push({ field: filing.aff10b5One, where: 'the Rule 10b5-1 box' });
  return found;
}

export function buildFootnoteIndex(filing: Filing): FootnoteIndex {
  const uses: RefUse[] = [];
  for (const { field, where } of headerFields(filing)) {
    for (const ref of field.refs) uses.push({ ref, holder: field, field: 'valueSpan' in field ? (field as Field<unknown>) : undefined, where });
  }
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      const fields = row.fields;
      for (let column = 0; column < fields.length; column++) {
        const field = fields[column] as Field<unknown>;
        if (field.refs.length === 0) continue;
        // One description per cell, shared by its references (a cell may hold thousands).
        const where = describeCell(row, column);
        for (const ref of field.refs) uses.push({ ref, holder: field, field, row, column, where });
      }
      const stray = { refs: row.strayRefs };
      for (const ref of row.strayRefs) uses.push({ ref, holder: stray, row, where: `Table ${row.table} row ${row.ordinal}` });
    }
  }
  // Fields are visited in source order and each field's references are in order, so the list
  // nearly always is already: it is sorted only when a field starts before the one before it
  // ends (checked per field, not per reference: a cell may hold 350,000 references).
  if (!inSourceOrder(uses)) uses.sort((a, b) => a.ref.span.start - b.ref.span.start);
  const usesById = new Map<number, RefUse[]>();
  for (const use of uses) {
    const list = usesById.get(use.ref.id);
    if (list) list.push(use);
    else usesById.set(use.ref.id, [use]);
  }
  const footnotesById = new Map<number, Footnote[]>();
  for (const footnote of filing.footnotes) {
    const list = footnotesById.get(footnote.id);
    if (list) list.push(footnote);
    else footnotesById.set(footnote.id, [footnote]);
  }
  return { uses, usesById, footnotesById };
}

/** The footnotes a row refers to, from any of its cells. */
export function footnotesOfRow(index: FootnoteIndex, row: TableRow): Footnote[] {
  const found: Footnote[] = [];
  const seen = new Set<number>();
  const add = (ref: FootnoteRef): void => {
    if (seen.has(ref.id)) return;
    seen.add(ref.id);
    const footnotes = index.footnotesById.get(ref.id);
    if (footnotes) found.push(...footnotes);
  };
  for (const field of row.fields) for (const ref of field.refs) add(ref);
  for (const ref of row.strayRefs) add(ref);
  return found;
}

/** The footnotes one field refers to. */
export function footnotesOfField(index: FootnoteIndex, field: Field<unknown>): Footnote[] {
  if (field.refs.length === 0) return [];
  return field.refs.flatMap((ref) => index.footnotesById.get(ref.id) ?? []);
}

/** Whether each holder's references start after the previous holder's end (see buildFootnoteIndex). */
function inSourceOrder(uses: readonly RefUse[]): boolean {
  let end = -Infinity;
  let holder: RefHolder | undefined;
  for (let i = 0; i < uses.length; i++) {
    const use = uses[i] as RefUse;
    if (use.holder === holder) continue;
    holder = use.holder;
    const refs = holder.refs;
    if ((refs[0] as FootnoteRef).span.start < end) return false;
    end = (refs[refs.length - 1] as FootnoteRef).span.start;
  }
  return true;
}
