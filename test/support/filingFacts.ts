/**
 * Test support: the facts of a filing model as plain data, whichever front end read it, for
 * round trips (draft → XML → model, XML → draft → model). What only one syntax has is left out:
 * spans, the text as written (`10,000` and `10000` are one amount), box 6 (the XML has none), the
 * references on Table II's (A)/(D) (a draft writes them on the amount cell, which is where the XML
 * puts them), and header references (the XML has no place for them).
 */
import { formatIsoDate } from '../../server/src/service/model/calendarDate';
import type { Field, Filing, Quantity, TableRow, TransactionCoding } from '../../server/src/service/model/filing';

type Value = string | boolean | null;

function value(field: Field<unknown> | undefined): Value {
  if (!field) return null;
  const v = field.value as unknown;
  if (v === undefined) return field.problem ? `unreadable: ${field.problem}` : null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && v !== null) {
    if ('year' in v) return formatIsoDate(v as { year: number; month: number; day: number });
    if ('amount' in v) {
      const q = v as Quantity;
      return `${q.dollars ? '$' : ''}${q.amount.toFixed()}`;
    }
    if ('code' in v) {
      const c = v as TransactionCoding;
      return `${c.code}${c.equitySwap ? '(K)' : ''}`;
    }
    if ('toFixed' in v) return (v as { toFixed(): string }).toFixed();
  }
  return String(v);
}

function cell(field: Field<unknown>, withRefs = true): { value: Value; refs?: number[] } {
  return withRefs && field.refs.length > 0 ? { value: value(field), refs: [...new Set(field.refs.map((r) => r.id))] } : { value: value(field) };
}

function row(r: TableRow): Record<string, unknown> {
  const common = {
    table: r.table,
    kind: r.kind,
    securityTitle: cell(r.securityTitle),
    ...(r.kind === 'transaction'
      ? {
          transactionDate: cell(r.transactionDate),
          deemedExecutionDate: cell(r.deemedExecutionDate),
          coding: cell(r.coding),
          timeliness: cell(r.timeliness),
          shares: cell(r.shares),
          acquiredDisposed: cell(r.acquiredDisposed, r.table === 'I'),
          pricePerShare: cell(r.pricePerShare),
        }
      : {}),
    ownedAfter: cell(r.ownedAfter),
    directOrIndirect: cell(r.directOrIndirect),
    nature: cell(r.nature),
  };
  if (r.table === 'I') return common;
  return {
    ...common,
    exercisePrice: cell(r.exercisePrice),
    exerciseDate: cell(r.exerciseDate),
    expirationDate: cell(r.expirationDate),
    underlyingTitle: cell(r.underlyingTitle),
    underlyingShares: cell(r.underlyingShares),
  };
}

export function filingFacts(f: Filing): Record<string, unknown> {
  return {
    documentType: f.documentType,
    periodOfReport: value(f.periodOfReport),
    dateOfOriginalSubmission: value(f.dateOfOriginalSubmission),
    notSubjectToSection16: value(f.notSubjectToSection16),
    aff10b5One: value(f.aff10b5One),
    issuer: f.issuer ? { cik: value(f.issuer.cik), name: value(f.issuer.name), tradingSymbol: value(f.issuer.tradingSymbol) } : null,
    owners: f.reportingOwners.map((o) => ({
      cik: value(o.cik),
      name: value(o.name),
      address: [o.address.street1, o.address.street2, o.address.city, o.address.state, o.address.zipCode].map(value),
      relationship: o.relationship
        ? {
            isDirector: o.relationship.isDirector,
            isOfficer: o.relationship.isOfficer,
            isTenPercentOwner: o.relationship.isTenPercentOwner,
            isOther: o.relationship.isOther,
            officerTitle: value(o.relationship.officerTitle),
            otherText: value(o.relationship.otherText),
          }
        : null,
    })),
    rows: [...(f.nonDerivativeTable?.rows ?? []), ...(f.derivativeTable?.rows ?? [])].map(row),
    footnotes: [...f.footnotes].sort((a, b) => a.id - b.id).map((n) => ({ id: n.id, text: n.text })),
    // An empty <remarks/> says nothing: no remarks.
    remarks: f.remarks?.text || null,
    signatures: f.signatures.map((s) => ({ name: value(s.name), date: value(s.date) })),
  };
}
