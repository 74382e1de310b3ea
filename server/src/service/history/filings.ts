/**
 * A filing history: the filings of one reporting person for one issuer, in the order they
 * happened. The hosts (the language server, the command line) read the files of a folder and
 * hand each one's model here as a `HistoryFiling`; everything below is plain functions over
 * those models, so that the editor and `form4 check` see the same history.
 *
 * Filings are matched by CIKs (the reporting person's and the issuer's), or, where a draft has no
 * CIK yet, by names: the person's name (its words in any order, case and punctuation aside) and
 * the issuer's name or ticker. A joint filing is in the history of each of its reporting persons.
 */
import type { SourceDocument } from '../document';
import { type CalendarDate, compareDates, formatDate } from '../model/calendarDate';
import type { Filing, FormType, ReportingOwner } from '../model/filing';

/** One filing of a history: its model, what form it is, and how the host names its file. */
export interface HistoryFiling {
  /** The host's name for the file (a URI in the editor, a path on the command line): findings' related locations carry it. */
  readonly uri: string;
  readonly filing: Filing;
  readonly formType: FormType;
}

/** The filings of one reporting person for one issuer. */
export interface FilingHistory {
  /** The reporting person's name, as the latest filing writes it. */
  readonly person: string;
  /** The issuer's name and ticker, as the latest filing writes them ("QUALYS, INC. [QLYS]"). */
  readonly issuer: string;
  /** Ordered by date of earliest transaction (a Form 3 by its date of event), then signature date, then uri. */
  readonly filings: readonly HistoryFiling[];
}

/**
 * A parsed source as a filing of a history, or undefined when it holds no ownership document
 * (an XML file of another kind, an unknown documentType). A draft is a Form 4 or 4/A.
 */
export function historyFiling(uri: string, document: SourceDocument): HistoryFiling | undefined {
  if (document.kind === 'draft') return { uri, filing: document.filing, formType: document.filing.documentType };
  if (!document.document || !document.formType) return undefined;
  return { uri, filing: document.filing, formType: document.formType };
}

/** "Form 4 of 08/07/2013": the form and its date (signature date, or the period of report). */
export function describeFiling(filing: HistoryFiling): string {
  const date = filingDate(filing.filing);
  return `Form ${filing.formType}${date ? ` of ${formatDate(date)}` : ''}`;
}

/** The date a filing was made, as near as the filing says: its first signature date, else its period of report. */
export function filingDate(filing: Filing): CalendarDate | undefined {
  for (const s of filing.signatures) if (s.date?.value) return s.date.value;
  return filing.periodOfReport?.value;
}

/** Filings are immutable: their earliest date is read once (a history sorts and compares it often). */
const earliestCache = new WeakMap<Filing, CalendarDate | null>();

/** The date of a filing's earliest transaction; for a filing without one (a Form 3), its period of report, else its date. */
export function earliestDate(filing: Filing): CalendarDate | undefined {
  let found = earliestCache.get(filing);
  if (found === undefined) {
    found = readEarliestDate(filing) ?? null;
    earliestCache.set(filing, found);
  }
  return found ?? undefined;
}

function readEarliestDate(filing: Filing): CalendarDate | undefined {
  let earliest: CalendarDate | undefined;
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      const date = row.kind === 'transaction' ? row.transactionDate.value : undefined;
      if (date && (!earliest || compareDates(date, earliest) < 0)) earliest = date;
    }
  }
  return earliest ?? filing.periodOfReport?.value ?? filingDate(filing);
}

/** The order of a history: earliest transaction, then signature date, then the file's name. */
export function compareFilings(a: HistoryFiling, b: HistoryFiling): number {
  return compareOptionalDates(earliestDate(a.filing), earliestDate(b.filing))
    || compareOptionalDates(filingDate(a.filing), filingDate(b.filing))
    || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
}

/** Undated filings go last: they cannot be placed. */
function compareOptionalDates(a: CalendarDate | undefined, b: CalendarDate | undefined): number {
  if (a && b) return compareDates(a, b);
  return a ? -1 : b ? 1 : 0;
}

/** A CIK without its leading zeros (EDGAR pads it to ten digits; a draft may not); undefined when blank. */
export function cikKey(text: string | undefined): string | undefined {
  const digits = (text ?? '').replace(/\D/g, '').replace(/^0+/, '');
  return digits === '' ? undefined : digits;
}

/** A name's words, lower case, without punctuation, in order: "Wilson John N" is "John N. Wilson". */
export function nameKey(text: string | undefined): string | undefined {
  const words = (text ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter((w) => w !== '');
  return words.length === 0 ? undefined : words.sort().join(' ');
}

interface Identity {
  readonly personCik: string | undefined;
  readonly personName: string | undefined;
  readonly issuerCik: string | undefined;
  readonly issuerName: string | undefined;
  readonly ticker: string | undefined;
}

function identities(filing: Filing): Identity[] {
  const issuer = filing.issuer;
  const issuerCik = cikKey(issuer?.cik.value);
  const issuerName = nameKey(issuer?.name.value);
  const ticker = issuer?.tradingSymbol.value?.trim().toUpperCase() || undefined;
  return filing.reportingOwners.map((o: ReportingOwner) => ({ personCik: cikKey(o.cik.value), personName: nameKey(o.name.value), issuerCik, issuerName, ticker }));
}

/** What a history has been matched by so far: every CIK and name its filings gave. */
class Group {
  readonly personCiks = new Set<string>();
  readonly personNames = new Set<string>();
  readonly issuerCiks = new Set<string>();
  readonly issuerNames = new Set<string>();
  readonly tickers = new Set<string>();
  readonly filings: HistoryFiling[] = [];

  add(id: Identity, filing: HistoryFiling): void {
    if (id.personCik) this.personCiks.add(id.personCik);
    if (id.personName) this.personNames.add(id.personName);
    if (id.issuerCik) this.issuerCiks.add(id.issuerCik);
    if (id.issuerName) this.issuerNames.add(id.issuerName);
    if (id.ticker) this.tickers.add(id.ticker);
    if (!this.filings.includes(filing)) this.filings.push(filing);
  }

  /** Whether the owner is this history's person (by CIK, or by name). */
  hasPerson(owner: ReportingOwner): boolean {
    const cik = cikKey(owner.cik.value);
    if (cik && this.personCiks.size > 0) return this.personCiks.has(cik);
    const name = nameKey(owner.name.value);
    return name !== undefined && this.personNames.has(name);
  }

  /** A CIK decides where both sides have one; a name only where one side has none. */
  matches(id: Identity): boolean {
    const person = id.personCik && this.personCiks.size > 0 ? this.personCiks.has(id.personCik) : id.personName !== undefined && this.personNames.has(id.personName);
    if (!person) return false;
    if (id.issuerCik && this.issuerCiks.size > 0) return this.issuerCiks.has(id.issuerCik);
    return (id.issuerName !== undefined && this.issuerNames.has(id.issuerName)) || (id.ticker !== undefined && this.tickers.has(id.ticker));
  }
}

/**
 * The histories of a set of filings: one per reporting person and issuer, each in the order of
 * `compareFilings`. Filings with both CIKs are grouped first, so that a draft without CIKs joins
 * the history its names match rather than start one of its own.
 */
export function buildHistories(filings: readonly HistoryFiling[]): FilingHistory[] {
  const groups: Group[] = [];
  const withCiks: [Identity, HistoryFiling][] = [];
  const withoutCiks: [Identity, HistoryFiling][] = [];
  for (const filing of filings) {
    for (const id of identities(filing.filing)) (id.personCik && id.issuerCik ? withCiks : withoutCiks).push([id, filing]);
  }
  for (const [id, filing] of [...withCiks, ...withoutCiks]) {
    if (!id.personCik && !id.personName) continue;
    let group = groups.find((g) => g.matches(id));
    if (!group) groups.push((group = new Group()));
    group.add(id, filing);
  }
  return groups.map((g) => {
    const ordered = [...g.filings].sort(compareFilings);
    const latest = ordered[ordered.length - 1]?.filing;
    const owner = latest?.reportingOwners.find((o) => g.hasPerson(o));
    const issuer = latest?.issuer;
    const symbol = issuer?.tradingSymbol.value;
    return {
      person: owner?.name.value ?? latest?.reportingOwners[0]?.name.value ?? '',
      issuer: `${issuer?.name.value ?? ''}${symbol ? ` [${symbol}]` : ''}`.trim(),
      filings: ordered,
    };
  });
}

/** The histories a file is in: one, or one per reporting person of a joint filing. */
export function historiesOf(histories: readonly FilingHistory[], uri: string): FilingHistory[] {
  return histories.filter((h) => h.filings.some((f) => f.uri === uri));
}
