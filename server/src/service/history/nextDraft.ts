/**
 * The next filing started from the last one: a new Form 4 draft with the previous filing's header
 * (names, CIKs, address, relationship, individual or joint), box 3 and the signature date left
 * to fill, an empty transaction area, and the previous filing's holdings ready to continue: one
 * holdings row per holding, with the amount last reported (docs/format.md, "Starting from the
 * previous filing"). Transactions written under a holdings row are checked against it as rows of
 * one holding are; a holding that does not change stays a correct holdings row.
 *
 * The draft is written by `writeDraft`, in the canonical layout; no fact of a footnote is carried
 * (each filing has its own), so the carried cells lose their references.
 */
import { writeDraft } from '../import/writeDraft';
import type {
  DerivativeRow,
  Field,
  Filing,
  NonDerivativeRow,
  Quantity,
  ReportingOwner,
  Signature,
  TableRow,
} from '../model/filing';
import type { Decimal } from '../model/decimal';
import type { Span } from '../text/position';
import { historyKey, type ReportedHolding } from './holdings';

export interface NextDraftOptions {
  /**
   * The holdings to carry, when not those of `previous` (e.g. every holding the history reported,
   * `holdingsBefore(...).holdings.values()`): each one's row gives its columns, its `amount` the figure.
   */
  readonly holdings?: readonly ReportedHolding[];
}

const NO_SPAN: Span = { start: 0, end: 0 };

/** A field's value without its references (they number another filing's footnotes). */
function bare<T>(field: Field<T>): Field<T> {
  return { text: field.text, value: field.value, problem: field.problem, span: field.span, valueSpan: field.valueSpan, refs: [] };
}

function blank<T>(value?: T): Field<T> {
  return value === undefined ? { text: '', span: NO_SPAN, valueSpan: NO_SPAN, refs: [] } : { text: '', value, span: NO_SPAN, valueSpan: NO_SPAN, refs: [] };
}

/** The last row of each holding of a filing, in the order the holdings first appear. */
function lastRows(filing: Filing): TableRow[] {
  const last = new Map<string, TableRow>();
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      const key = historyKey(row);
      const owned = row.ownedAfter.value;
      if (key === undefined || !owned) continue;
      last.delete(key); // keep the order of the holdings, each at its first row
      last.set(key, row);
    }
  }
  return [...last.values()];
}

/** A holdings row with the row's holding columns and the given amount owned. */
function holdingRow(row: TableRow, ordinal: number, owned?: ReportedHolding): TableRow {
  const ownedAfter: Field<Quantity> = owned
    ? { ...bare(row.ownedAfter), value: { amount: owned.amount, dollars: false }, text: owned.amount.toFixed() }
    : bare(row.ownedAfter);
  const common: Omit<NonDerivativeRow, 'table' | 'fields'> = {
    span: NO_SPAN,
    ordinal,
    kind: 'holding',
    damaged: false,
    strayRefs: [],
    securityTitle: bare(row.securityTitle),
    transactionDate: blank(),
    deemedExecutionDate: blank(),
    coding: blank(),
    timeliness: blank(),
    shares: blank(),
    acquiredDisposed: blank(),
    pricePerShare: blank(),
    ownedAfter,
    directOrIndirect: bare(row.directOrIndirect),
    nature: bare(row.nature),
  };
  if (row.table === 'I') {
    const made: NonDerivativeRow = { ...common, table: 'I', fields: [] };
    return { ...made, fields: [made.securityTitle, made.transactionDate, made.deemedExecutionDate, made.coding, made.timeliness, made.shares, made.acquiredDisposed, made.pricePerShare, made.ownedAfter, made.directOrIndirect, made.nature] };
  }
  const made: DerivativeRow = {
    ...common,
    table: 'II',
    fields: [],
    exercisePrice: bare(row.exercisePrice),
    acquiredShares: blank(),
    disposedShares: blank(),
    exerciseDate: bare(row.exerciseDate),
    expirationDate: bare(row.expirationDate),
    underlyingTitle: bare(row.underlyingTitle),
    underlyingShares: underlyingOf(row, ownedAfter.value),
  };
  return {
    ...made,
    fields: [
      made.securityTitle, made.exercisePrice, made.transactionDate, made.deemedExecutionDate, made.coding, made.timeliness,
      made.acquiredShares, made.disposedShares, made.exerciseDate, made.expirationDate, made.underlyingTitle,
      made.underlyingShares, made.pricePerShare, made.ownedAfter, made.directOrIndirect, made.nature,
    ],
  };
}

/**
 * A holding's amount of underlying securities: a holdings row's own; for a transaction row (whose
 * column 7 is the amount of that transaction), the amount owned times the row's ratio of
 * underlying to derivative, when that comes out exact; else blank, for the drafter to give.
 */
function underlyingOf(row: DerivativeRow, owned: Quantity | undefined): Field<Quantity> {
  const underlying = row.underlyingShares.value;
  const shares = row.shares.value;
  const scale = (amount: Decimal): Field<Quantity> => ({ ...bare(row.underlyingShares), text: amount.toFixed(), value: { amount, dollars: false } });
  if (row.kind === 'holding' && (!owned || owned.amount.equals(row.ownedAfter.value?.amount ?? owned.amount))) return bare(row.underlyingShares);
  if (!underlying || underlying.dollars || !owned || owned.dollars) return blank();
  const base = row.kind === 'holding' ? row.ownedAfter.value : shares;
  if (!base || base.dollars || base.amount.isZero()) return blank();
  const amount = owned.amount.times(underlying.amount).dividedBy(base.amount);
  return amount.times(base.amount).equals(owned.amount.times(underlying.amount)) && amount.decimalPlaces() <= 4 ? scale(amount) : blank();
}

function owner(o: ReportingOwner): ReportingOwner {
  const a = o.address;
  const r = o.relationship;
  return {
    span: NO_SPAN,
    cik: bare(o.cik),
    name: bare(o.name),
    address: { street1: bare(a.street1), street2: bare(a.street2), city: bare(a.city), state: bare(a.state), zipCode: bare(a.zipCode), text: a.text },
    relationship: r && { ...r, officerTitle: bare(r.officerTitle), otherText: bare(r.otherText), refs: [] },
  };
}

/** The next draft's text, started from `previous` (any form: a Form 3's holdings start the first Form 4). */
export function nextDraft(previous: Filing, options: NextDraftOptions = {}): string {
  const rows = options.holdings
    ? options.holdings.map((h) => ({ row: h.row, owned: h }))
    : lastRows(previous).map((row) => ({ row, owned: undefined }));
  const tableI: NonDerivativeRow[] = [];
  const tableII: DerivativeRow[] = [];
  for (const { row, owned } of rows) {
    const made = holdingRow(row, (row.table === 'I' ? tableI : tableII).length + 1, owned);
    if (made.table === 'I') tableI.push(made);
    else tableII.push(made);
  }
  const owners = previous.reportingOwners.map(owner);
  const signatures: Signature[] = previous.signatures.slice(0, Math.max(1, owners.length)).map((s) => ({ span: NO_SPAN, name: bare(s.name), date: undefined }));
  const next: Filing = {
    documentType: '4',
    schemaVersion: undefined,
    issuer: previous.issuer && { span: NO_SPAN, cik: bare(previous.issuer.cik), name: bare(previous.issuer.name), tradingSymbol: bare(previous.issuer.tradingSymbol) },
    reportingOwners: owners,
    relationships: owners.map((o) => o.relationship).filter((r) => r !== undefined),
    periodOfReport: blank(),
    dateOfOriginalSubmission: undefined,
    notSubjectToSection16: undefined,
    aff10b5One: blank(false),
    filingMode: previous.filingMode && bare(previous.filingMode),
    nonDerivativeTable: { table: 'I', span: NO_SPAN, rows: tableI },
    derivativeTable: { table: 'II', span: NO_SPAN, rows: tableII },
    footnotes: [],
    remarks: undefined,
    signatures,
    places: { top: NO_SPAN, signature: NO_SPAN },
  };
  return writeDraft(next, { verify: false });
}
