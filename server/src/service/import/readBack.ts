/**
 * The written draft read back and compared with the filing it was written from, fact by fact:
 * whatever the draft reader would read differently (a limit of the draft syntax that no escape
 * reaches, or a bug) becomes a note naming the fact and both readings, instead of a silent loss.
 *
 * Facts are compared as docs/format.md says two syntaxes legitimately differ: a blank box and an
 * absent element are the same; box 6 is stated in a draft and follows from the number of owners
 * in XML; the `/s/` that starts an XML signatureName is the draft's `/s/`; in Table II the
 * references of the amount and of its (A)/(D) code share the amount's cell.
 */
import { formatIsoDate } from '../model/calendarDate';
import { columnsOf } from '../model/columns';
import type { DerivativeRow, Field, Filing, FootnoteRef, Quantity, TableRow, TransactionCoding } from '../model/filing';
import { parseDraft } from '../parse/draft/parser';
import type { Span } from '../text/position';
import { sentence } from '../text/sentence';
import type { DraftNote } from './writeDraft';

interface Fact {
  readonly value: string;
  readonly span?: Span;
}

/** Notes for every fact of `filing` that `draft` reads differently, except those in `noted`. */
export function readBackNotes(filing: Filing, draft: string, noted: ReadonlySet<string>): DraftNote[] {
  const want = factsOf(filing);
  const got = factsOf(parseDraft(draft).filing);
  const notes: DraftNote[] = [];
  // A row the draft does not read at all is one note, not one per column.
  const rowsMissing: string[] = [];
  const inMissingRow = (key: string): boolean => rowsMissing.some((row) => key.startsWith(`${row},`));
  for (const [key, fact] of want) {
    if (noted.has(key) || inMissingRow(key)) continue;
    const read = got.get(key);
    if (read === undefined && /^Table I{1,2} row \d+$/.test(key)) rowsMissing.push(key);
    if (read?.value !== fact.value) notes.push(note(key, fact, read?.value));
  }
  for (const [key, fact] of got) {
    if (!want.has(key) && !noted.has(key) && !/^Table I{1,2} row \d+,/.test(key)) notes.push(note(key, { value: undefined }, fact.value));
  }
  return notes;
}

function note(key: string, fact: { readonly value: string | undefined; readonly span?: Span }, read: string | undefined): DraftNote {
  const message = sentence(`${key} is not carried: the filing has ${show(fact.value)}, and the draft reads ${show(read)}`);
  return fact.span ? { message, span: fact.span } : { message };
}

function show(value: string | undefined): string {
  // Cut, as `quoted` cuts, so that a long value does not fill the line.
  return value === undefined ? 'nothing' : value === '' ? 'a blank' : JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value);
}

function refs(list: readonly FootnoteRef[]): string {
  return list.map((r) => ` (${r.id})`).join('');
}

/** A field as one string: its value (or its text, unreadable), then its references. */
function fieldFact<T>(field: Field<T> | undefined, format: (value: T) => string = String): Fact {
  if (!field) return { value: '' };
  const value = field.value !== undefined ? format(field.value) : field.text === '' ? '' : `unreadable "${field.text}"`;
  return { value: `${value}${refs(field.refs)}`, span: field.span };
}

const quantity = (q: Quantity): string => `${q.dollars ? '$' : ''}${q.amount.toFixed()}`;
const decimal = (d: { toFixed(): string }): string => d.toFixed();
const coding = (c: TransactionCoding): string => `${c.code}${c.equitySwap ? '(K)' : ''}`;

/** Every fact of a filing, by a key that says where it stands ("owner 1 CIK", "Table I row 2, Price"). */
export function factsOf(filing: Filing): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const put = (key: string, fact: Fact): void => void facts.set(key, fact);
  put('documentType', { value: filing.documentType });
  const issuer = filing.issuer;
  put('box 2', { value: issuer ? 'present' : 'absent' });
  if (issuer) {
    put('the issuer CIK', fieldFact(issuer.cik));
    put('the issuer name', fieldFact(issuer.name));
    put('the trading symbol', fieldFact(issuer.tradingSymbol));
  }
  put('the reporting owners', { value: String(filing.reportingOwners.length) });
  filing.reportingOwners.forEach((owner, i) => {
    const o = `owner ${i + 1}`;
    put(`${o} CIK`, fieldFact(owner.cik));
    put(`${o} name`, fieldFact(owner.name));
    put(`${o} street 1`, fieldFact(owner.address.street1));
    put(`${o} street 2`, fieldFact(owner.address.street2));
    put(`${o} city`, fieldFact(owner.address.city));
    put(`${o} state`, fieldFact(owner.address.state));
    put(`${o} ZIP`, fieldFact(owner.address.zipCode));
    put(`${o} address`, { value: owner.address.text });
    const r = owner.relationship;
    const flags = r ? [r.isDirector && 'Director', r.isTenPercentOwner && '10% Owner', r.isOfficer && 'Officer', r.isOther && 'Other'].filter(Boolean).join(', ') : '(none)';
    put(`${o} relationship`, { value: `${flags}${r ? refs(r.refs) : ''}`, span: r?.span ?? owner.span });
    put(`${o} officerTitle`, fieldFact(r?.officerTitle));
    put(`${o} otherText`, fieldFact(r?.otherText));
  });
  put('box 3', fieldFact(filing.periodOfReport, formatIsoDate));
  put('box 4', fieldFact(filing.dateOfOriginalSubmission, formatIsoDate));
  const box = (field: Field<boolean> | undefined): Fact => (field ? { value: field.value === undefined ? 'unmarked' : String(field.value), span: field.span } : { value: 'absent' });
  put('the exit box', box(filing.notSubjectToSection16));
  put('the Rule 10b5-1 box', box(filing.aff10b5One));
  put('box 6', { value: String(filing.filingMode?.value ?? filing.reportingOwners.length > 1) });
  for (const table of ['I', 'II'] as const) {
    const rows: readonly TableRow[] = (table === 'I' ? filing.nonDerivativeTable?.rows : filing.derivativeTable?.rows) ?? [];
    put(`Table ${table}`, { value: `${rows.length} rows` });
    rows.forEach((row, i) => rowFacts(row, `Table ${table} row ${i + 1}`, put));
  }
  put('the footnotes', { value: filing.footnotes.map((f) => `(${f.id})`).join(' ') });
  filing.footnotes.forEach((f, i) => put(`footnote ${i + 1}`, { value: `(${f.id}) ${f.text}`, span: f.span }));
  put('the remarks', filing.remarks ? { value: `: ${filing.remarks.text}`, span: filing.remarks.span } : { value: 'absent' });
  put('the signatures', { value: String(filing.signatures.length) });
  filing.signatures.forEach((s, i) => {
    const name = fieldFact(s.name);
    put(`signature ${i + 1}`, { value: name.value.replace(/^(?:\s*\/s\/)+\s*/i, ''), span: s.span });
    put(`signature ${i + 1} date`, fieldFact(s.date, formatIsoDate));
  });
  return facts;
}

function rowFacts(row: TableRow, where: string, put: (key: string, fact: Fact) => void): void {
  put(`${where}`, { value: `${row.kind}${row.damaged ? ', damaged' : ''}${refs(row.strayRefs)}`, span: row.span });
  const columns = columnsOf(row.table);
  const fields = row.fields;
  for (let c = 0; c < fields.length; c++) {
    const kind = columns[c]?.kind;
    const field = fields[c] as Field<unknown>;
    const key = `${where}, ${columns[c]?.name ?? `cell ${c + 1}`}`;
    switch (kind) {
      case 'date':
      case 'deemedDate':
      case 'exerciseDate':
      case 'expirationDate':
        put(key, fieldFact(field as Field<Parameters<typeof formatIsoDate>[0]>, formatIsoDate));
        break;
      case 'code':
        put(key, fieldFact(field as Field<TransactionCoding>, coding));
        break;
      case 'amount':
      case 'owned':
      case 'underlyingAmount':
        put(key, fieldFact(field as Field<Quantity>, quantity));
        break;
      case 'acquiredAmount':
      case 'disposedAmount':
        put(key, amountFact(row as DerivativeRow, field as Field<Quantity>));
        break;
      case 'price':
      case 'exercisePrice':
        put(key, fieldFact(field as Field<{ toFixed(): string }>, decimal));
        break;
      default:
        put(key, fieldFact(field));
    }
  }
  if (row.table === 'II') put(`${where}, (A) or (D)`, { value: row.acquiredDisposed.value ?? row.acquiredDisposed.text, span: row.acquiredDisposed.span });
}

/** A Table II amount cell: the amount's references, then its (A)/(D) code's that it lacks. */
function amountFact(row: DerivativeRow, field: Field<Quantity>): Fact {
  const fact = fieldFact(field, quantity);
  if (field !== row.shares) return fact;
  const own = new Set(field.refs.map((r) => r.id));
  return { value: `${fact.value}${refs(row.acquiredDisposed.refs.filter((r) => !own.has(r.id)))}`, span: fact.span };
}
