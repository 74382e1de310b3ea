/**
 * Test support: every fact of a filing as plain data, to compare two readings of one filing
 * (its XML and the draft imported from it) with `assert.deepEqual`. Round trips compare facts,
 * never text. Spans, the source's syntax and the order of elements within a row are not facts.
 *
 * Normalized where the two syntaxes legitimately differ (docs/format.md says the same):
 * - Text: runs of white space are one space, and leading and trailing space is dropped.
 * - A blank field and an absent one are the same fact: an empty box 4 and no
 *   dateOfOriginalSubmission, a blank signature date and none; an absent table and an empty one.
 * - Box 6 is stated in a draft and follows from the number of reporting owners in XML (which has
 *   no element for it): `jointFiling` is box 6's value, or more than one owner when box 6 says
 *   neither or is absent.
 * - A signature name loses its leading "/s/" marks: EDGAR's signatureName starts with its own, which is
 *   the draft's `/s/`.
 * - Table II has no (A)/(D) column: the printed form shows the code by the column its amount is
 *   in, and the code's references with the amount. So the amount cell's references are the
 *   amount's, then the code's that the amount lacks; the code is compared without references.
 * - An unreadable value is compared by its text (`unreadable: 10,00`).
 */
import { formatIsoDate } from '../../server/src/service/model/calendarDate';
import type { Field, Filing, FootnoteRef, Quantity, TableRow, TransactionCoding } from '../../server/src/service/model/filing';

export interface FieldFacts {
  /** The value as a string (ISO date, `toFixed()` decimal, code, text); '' when blank. */
  readonly value: string;
  /** The footnote numbers referred to, in order. */
  readonly refs: readonly number[];
  /** Quantities: a dollar value (transactionTotalValue, valueOwnedFollowingTransaction, …). */
  readonly dollars?: boolean;
  /** Codes: an equity swap (`(K)`, equitySwapInvolved). */
  readonly swap?: boolean;
}

export interface RowFacts {
  readonly kind: 'transaction' | 'holding';
  readonly damaged: boolean;
  readonly stray: readonly number[];
  readonly fields: Readonly<Record<string, FieldFacts>>;
}

export interface OwnerFacts {
  readonly cik: FieldFacts;
  readonly name: FieldFacts;
  readonly address: Readonly<Record<'street1' | 'street2' | 'city' | 'state' | 'zipCode', FieldFacts>> & { readonly text: string };
  readonly relationship: {
    readonly director: boolean;
    readonly officer: boolean;
    readonly tenPercentOwner: boolean;
    readonly other: boolean;
    readonly officerTitle: FieldFacts;
    readonly otherText: FieldFacts;
    readonly refs: readonly number[];
  } | null;
}

export interface CheckBoxFacts {
  /** The filing states the box (the element is there; the draft has the line). */
  readonly stated: boolean;
  /** Checked, not checked, or no mark/unreadable. */
  readonly value: boolean | null;
}

export interface FilingFacts {
  readonly documentType: '4' | '4/A';
  readonly issuer: { readonly cik: FieldFacts; readonly name: FieldFacts; readonly tradingSymbol: FieldFacts } | null;
  readonly owners: readonly OwnerFacts[];
  readonly periodOfReport: FieldFacts;
  readonly dateOfOriginalSubmission: FieldFacts;
  readonly notSubjectToSection16: CheckBoxFacts;
  readonly aff10b5One: CheckBoxFacts;
  readonly jointFiling: boolean;
  readonly tableI: readonly RowFacts[];
  readonly tableII: readonly RowFacts[];
  readonly footnotes: readonly { readonly id: number; readonly text: string }[];
  readonly remarks: string | null;
  readonly signatures: readonly { readonly name: FieldFacts; readonly date: FieldFacts }[];
}

const collapse = (text: string): string => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
const ids = (refs: readonly FootnoteRef[]): number[] => refs.map((r) => r.id);

function facts<T>(field: Field<T> | undefined, format: (value: T) => string = (v) => collapse(String(v))): FieldFacts {
  if (!field) return { value: '', refs: [] };
  const value = field.value !== undefined ? format(field.value) : field.text === '' ? '' : `unreadable: ${collapse(field.text)}`;
  return { value, refs: ids(field.refs) };
}

function quantity(field: Field<Quantity>, extra: readonly FootnoteRef[] = []): FieldFacts {
  const base = facts(field, (q) => q.amount.toFixed());
  const own = new Set(base.refs);
  return { ...base, refs: [...base.refs, ...ids(extra).filter((id) => !own.has(id))], dollars: field.value?.dollars ?? false };
}

function coding(field: Field<TransactionCoding>): FieldFacts {
  return { ...facts(field, (c) => c.code), swap: field.value?.equitySwap ?? false };
}

const decimal = (d: { toFixed(): string }): string => d.toFixed();

function checkBox(field: Field<boolean> | undefined): CheckBoxFacts {
  return { stated: field !== undefined, value: field?.value ?? null };
}

function rowFacts(row: TableRow): RowFacts {
  const common = {
    title: facts(row.securityTitle),
    date: facts(row.transactionDate, formatIsoDate),
    deemedDate: facts(row.deemedExecutionDate, formatIsoDate),
    code: coding(row.coding),
    timeliness: facts(row.timeliness),
    price: facts(row.pricePerShare, decimal),
    owned: quantity(row.ownedAfter),
    ownership: facts(row.directOrIndirect),
    nature: facts(row.nature),
  };
  if (row.table === 'I') {
    return {
      kind: row.kind,
      damaged: row.damaged,
      stray: ids(row.strayRefs),
      fields: { ...common, amount: quantity(row.shares), acquiredDisposed: facts(row.acquiredDisposed) },
    };
  }
  const codeRefs = row.acquiredDisposed.refs;
  return {
    kind: row.kind,
    damaged: row.damaged,
    stray: ids(row.strayRefs),
    fields: {
      ...common,
      exercisePrice: facts(row.exercisePrice, decimal),
      acquiredAmount: quantity(row.acquiredShares, row.acquiredShares === row.shares ? codeRefs : []),
      disposedAmount: quantity(row.disposedShares, row.disposedShares === row.shares ? codeRefs : []),
      acquiredDisposed: { value: row.acquiredDisposed.value ?? (row.acquiredDisposed.text === '' ? '' : `unreadable: ${row.acquiredDisposed.text}`), refs: [] },
      exerciseDate: facts(row.exerciseDate, formatIsoDate),
      expirationDate: facts(row.expirationDate, formatIsoDate),
      underlyingTitle: facts(row.underlyingTitle),
      underlyingAmount: quantity(row.underlyingShares),
    },
  };
}

/** Every fact of a filing, normalized as the header of this file says. */
export function filingFacts(filing: Filing): FilingFacts {
  const issuer = filing.issuer;
  return {
    documentType: filing.documentType,
    issuer: issuer ? { cik: facts(issuer.cik), name: facts(issuer.name), tradingSymbol: facts(issuer.tradingSymbol) } : null,
    owners: filing.reportingOwners.map((o) => {
      const r = o.relationship;
      return {
        cik: facts(o.cik),
        name: facts(o.name),
        address: {
          street1: facts(o.address.street1),
          street2: facts(o.address.street2),
          city: facts(o.address.city),
          state: facts(o.address.state),
          zipCode: facts(o.address.zipCode),
          text: collapse(o.address.text),
        },
        relationship: r
          ? {
              director: r.isDirector,
              officer: r.isOfficer,
              tenPercentOwner: r.isTenPercentOwner,
              other: r.isOther,
              officerTitle: facts(r.officerTitle),
              otherText: facts(r.otherText),
              refs: ids(r.refs),
            }
          : null,
      };
    }),
    periodOfReport: facts(filing.periodOfReport, formatIsoDate),
    dateOfOriginalSubmission: facts(filing.dateOfOriginalSubmission, formatIsoDate),
    notSubjectToSection16: checkBox(filing.notSubjectToSection16),
    aff10b5One: checkBox(filing.aff10b5One),
    jointFiling: filing.filingMode?.value ?? filing.reportingOwners.length > 1,
    tableI: (filing.nonDerivativeTable?.rows ?? []).map(rowFacts),
    tableII: (filing.derivativeTable?.rows ?? []).map(rowFacts),
    footnotes: filing.footnotes.map((f) => ({ id: f.id, text: collapse(f.text) })),
    remarks: filing.remarks && collapse(filing.remarks.text) !== '' ? collapse(filing.remarks.text) : null,
    signatures: filing.signatures.map((s) => {
      const name = facts(s.name);
      return { name: { ...name, value: name.value.replace(/^(?:\/s\/\s*)+/i, '') }, date: facts(s.date, formatIsoDate) };
    }),
  };
}
