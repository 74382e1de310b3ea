/**
 * What a history's filings reported, per holding: the figure the filings before a given one last
 * reported (`holdingsBefore`, what the history-mismatch rule and the editor's hover and inlay
 * hints read), and each holding's balance after every filing (`historyBalances`, `form4 history`).
 *
 * A holding across filings is one line of ownership: same table, same security title, same
 * ownership form (D/I) and same nature of indirect ownership, normalised (`titleKey`), and in
 * Table II the same exercise price and expiration date. Unlike the holdings chains within a filing
 * (`analysis/holdings.ts`), footnotes do not tell holdings apart here: each filing numbers its own.
 *
 * Each reported figure is dated: a transaction row by its transaction date, a holdings row by the
 * latest date its filing covers (a Form 3's date of event, a Form 4's last transaction, a Form 5's
 * fiscal year end). The figure before a filing is the latest one dated before the filing's
 * earliest transaction (on the same day: from a filing earlier in the history), so that a Form 5
 * filed after the year counts where its transactions fall, not where it was filed.
 */
import { type CalendarDate, compareDates, dayNumber, formatIsoDate } from '../model/calendarDate';
import type { Decimal } from '../model/decimal';
import { type Filing, type FormType, isAmendment, type OwnershipForm, type TableRow, titleKey } from '../model/filing';
import type { TableId } from '../model/columns';
import type { Span } from '../text/position';
import { earliestDate, type FilingHistory, filingDate, type HistoryFiling } from './filings';

/** A figure a filing reported: the amount owned after its last row of a holding. */
export interface ReportedHolding {
  /** `historyKey` of the holding. */
  readonly key: string;
  readonly table: TableId;
  /** The security title as written in the reporting filing. */
  readonly title: string;
  readonly ownership: OwnershipForm;
  /** The nature of indirect ownership, when there is one. */
  readonly nature?: string;
  /** The amount owned after the row (shares; dollar values are not followed). */
  readonly amount: Decimal;
  /** The date the figure holds at: the row's transaction date, or for a holdings row the latest date its filing covers. */
  readonly asOf: CalendarDate;
  /** The row that reported it, in the reporting filing's model (for its other columns: Table II's exercise price, dates, underlying). */
  readonly row: TableRow;
  readonly from: {
    readonly uri: string;
    readonly formType: FormType;
    /** The filing's date: its signature date, or its period of report ("Form 4 of 08/07/2013"). */
    readonly date: CalendarDate | undefined;
    /** The amount-owned value of the row, in that file. */
    readonly span: Span;
  };
}

/** What the filings before one filing of a history reported. */
export interface PriorHoldings {
  /** The filing these holdings are before. */
  readonly uri: string;
  /** Per `historyKey`, the latest figure reported before the filing. */
  readonly holdings: ReadonlyMap<string, ReportedHolding>;
  /**
   * The periods (fiscal year ends) of the history's Forms 5 other than the filing itself: a
   * difference across a year end with no Form 5 of that year in the history may be explained by
   * a Form 5 that is not in the folder.
   */
  readonly form5Periods: readonly CalendarDate[];
  /** How many filings of the history come before this one (0: it is the first, nothing to compare with). */
  readonly earlierFilings: number;
}

/** The holding a row belongs to across filings, or undefined when it cannot be placed (no title or ownership form). */
export function historyKey(row: TableRow): string | undefined {
  const title = row.securityTitle.value;
  const form = row.directOrIndirect.value;
  if (title === undefined || form === undefined || row.damaged) return undefined;
  const parts = [row.table, titleKey(title), form, form === 'I' ? titleKey(row.nature.value) : ''];
  if (row.table === 'II') {
    const price = row.exercisePrice.value;
    const expiration = row.expirationDate.value;
    parts.push(price ? price.toFixed() : '', expiration ? formatIsoDate(expiration) : '');
  }
  return parts.join('\u0000');
}

/** The latest date a filing covers: its last transaction, or its period of report when that is later (a Form 5's year end). */
function latestDate(filing: Filing): CalendarDate | undefined {
  let latest = filing.periodOfReport?.value;
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      const date = row.kind === 'transaction' ? row.transactionDate.value : undefined;
      if (date && (!latest || compareDates(date, latest) > 0)) latest = date;
    }
  }
  return latest ?? filingDate(filing);
}

/**
 * A history filing's reports, made once: the filing's model is immutable, and the holdings
 * before each of a history's filings read every other filing's reports (500 filings: 250,000 reads).
 */
const reportCache = new WeakMap<HistoryFiling, readonly ReportedHolding[]>();

/** Every figure one filing reports, in row order (a later row of a holding after an earlier one). */
export function reportsOf(filing: HistoryFiling): readonly ReportedHolding[] {
  let found = reportCache.get(filing);
  if (!found) {
    found = readReports(filing);
    reportCache.set(filing, found);
  }
  return found;
}

function readReports(filing: HistoryFiling): ReportedHolding[] {
  const found: ReportedHolding[] = [];
  const holdingDate = latestDate(filing.filing);
  const date = filingDate(filing.filing);
  for (const table of [filing.filing.nonDerivativeTable, filing.filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      const key = historyKey(row);
      const owned = row.ownedAfter.value;
      if (key === undefined || !owned || owned.dollars) continue;
      const asOf = row.kind === 'transaction' ? row.transactionDate.value : holdingDate;
      if (!asOf) continue;
      const nature = row.nature.value;
      found.push({
        key,
        table: row.table,
        title: row.securityTitle.value ?? '',
        ownership: row.directOrIndirect.value ?? 'D',
        ...(nature !== undefined && nature !== '' ? { nature } : {}),
        amount: owned.amount,
        asOf,
        row,
        from: { uri: filing.uri, formType: filing.formType, date, span: row.ownedAfter.valueSpan },
      });
    }
  }
  return found;
}

/** The base form of a type: an amendment's original. */
function baseForm(form: FormType): string {
  return form.replace('/A', '');
}

/**
 * Whether `other` is a filing `target` amends (or an earlier amendment of the same original):
 * the same form, the same period of report, filed on or before the date box 4 gives.
 */
function isAmendedBy(other: HistoryFiling, target: HistoryFiling): boolean {
  if (!isAmendment(target.formType) || baseForm(other.formType) !== baseForm(target.formType)) return false;
  const a = other.filing.periodOfReport?.value;
  const b = target.filing.periodOfReport?.value;
  if (!a || !b || compareDates(a, b) !== 0) return false;
  const original = target.filing.dateOfOriginalSubmission?.value;
  const signed = filingDate(other.filing);
  return !original || !signed || compareDates(signed, original) <= 0 || isAmendment(other.formType);
}

/** What tells copies of one filing apart, read once per filing: form, period, signature date, amounts owned. */
const identityCache = new WeakMap<HistoryFiling, string>();

function identityOf(filing: HistoryFiling): string {
  let identity = identityCache.get(filing);
  if (identity === undefined) {
    const f = filing.filing;
    const period = f.periodOfReport?.value;
    const signed = filingDate(f);
    const amounts = [f.nonDerivativeTable, f.derivativeTable].flatMap((t) => (t?.rows ?? []).map((r) => r.ownedAfter.value?.amount.toFixed() ?? ''));
    // Without a period or a signature date a filing is no one's copy: its identity is unique to it.
    identity = period && signed ? `${filing.formType}|${formatIsoDate(period)}|${formatIsoDate(signed)}|${amounts.join(' ')}` : `\u0000${filing.uri}`;
    identityCache.set(filing, identity);
  }
  return identity;
}

/**
 * Where a filing stands in its history: its earliest transaction and its signature date. Two
 * filings of one insider in the same place (two Form 4s of the same trades' day, signed the same
 * day) cannot be told in order (the history orders them by file name only): neither is the
 * other's previous filing, and each is checked against what came before both. Undated: no place.
 */
function placeOf(filing: HistoryFiling): string | undefined {
  const earliest = earliestDate(filing.filing);
  const signed = filingDate(filing.filing);
  return earliest && signed ? `${formatIsoDate(earliest)} ${formatIsoDate(signed)}` : undefined;
}

/**
 * Whether two files hold the same filing: a draft and the XML exported from it, or an XML file
 * downloaded twice. Same form, same period of report, same signature date, and the same amounts
 * owned row by row: then neither is the other's earlier filing.
 */
export function sameFiling(a: HistoryFiling, b: HistoryFiling): boolean {
  return a !== b && identityOf(a) === identityOf(b);
}

/** A history's filings with what `holdingsBefore` reads of each, made once per history. */
interface IndexedFiling {
  readonly filing: HistoryFiling;
  readonly reports: readonly ReportedHolding[];
  /** Each report's `asOf` as a day number, for plain number comparisons. */
  readonly days: readonly number[];
  readonly form5Period: CalendarDate | undefined;
}

const indexCache = new WeakMap<FilingHistory, { readonly filings: readonly IndexedFiling[]; readonly byUri: ReadonlyMap<string, number> }>();

function indexOf(history: FilingHistory): { readonly filings: readonly IndexedFiling[]; readonly byUri: ReadonlyMap<string, number> } {
  let index = indexCache.get(history);
  if (!index) {
    const filings = history.filings.map((filing) => {
      const reports = reportsOf(filing);
      const period = filing.filing.periodOfReport?.value;
      return { filing, reports, days: reports.map((r) => dayNumber(r.asOf)), form5Period: baseForm(filing.formType) === '5' ? period : undefined };
    });
    const byUri = new Map<string, number>();
    history.filings.forEach((f, i) => {
      if (!byUri.has(f.uri)) byUri.set(f.uri, i);
    });
    index = { filings, byUri };
    indexCache.set(history, index);
  }
  return index;
}

/**
 * What the filings of `history` before the filing `uri` last reported, per holding. An
 * amendment is compared with what came before the filing it amends, not with that filing; a
 * copy of the same filing (`sameFiling`: a draft beside its exported XML) is not an earlier one.
 * A uri that is not in the history gets an empty map. The holdings before every filing of a
 * history are computed together, once per history (`allHoldingsBefore`).
 */
export function holdingsBefore(history: FilingHistory, uri: string): PriorHoldings {
  return allHoldingsBefore(history).get(uri) ?? { uri, holdings: new Map(), form5Periods: [], earlierFilings: 0 };
}

const priorsCache = new WeakMap<FilingHistory, ReadonlyMap<string, PriorHoldings>>();

/**
 * The holdings before each filing of a history, by uri, in one sweep: every report sorted by
 * (date, filing, row), and the filings by their earliest date, so that the figures before each
 * filing are those swept so far. A filing with a copy or an original among the others (which must
 * not count for it) is worked out on its own, by `holdingsBeforeOne`.
 */
export function allHoldingsBefore(history: FilingHistory): ReadonlyMap<string, PriorHoldings> {
  let cached = priorsCache.get(history);
  if (cached) return cached;
  if (history.filings.length <= 1) {
    // Nothing is before the only filing: its rows need not be read (a 5 MB draft checked alone
    // spent 100 ms here, in readReports and historyKey).
    cached = new Map(history.filings.map((f) => [f.uri, { uri: f.uri, holdings: new Map(), form5Periods: [], earlierFilings: 0 }]));
    priorsCache.set(history, cached);
    return cached;
  }
  const { filings } = indexOf(history);
  const reports: { day: number; filing: number; report: ReportedHolding }[] = [];
  filings.forEach((f, i) => f.reports.forEach((report, r) => reports.push({ day: f.days[r] as number, filing: i, report })));
  reports.sort((a, b) => a.day - b.day || a.filing - b.filing);
  const targets = filings.map((f, i) => {
    const earliest = earliestDate(f.filing.filing);
    return { index: i, day: earliest ? dayNumber(earliest) : undefined };
  });
  // Undated filings come last in a history: everything dated is before them.
  const sweepOrder = [...targets].sort((a, b) => (a.day ?? Infinity) - (b.day ?? Infinity) || a.index - b.index);
  const identities = filings.map((f) => identityOf(f.filing));
  const copies = new Map<string, number>();
  for (const id of identities) copies.set(id, (copies.get(id) ?? 0) + 1);
  // Filings that share their place with another filing (not a copy of it) are worked out on
  // their own too: the sweep would count the one first by file name for the other.
  const places = filings.map((f) => placeOf(f.filing));
  const placed = new Map<string, Set<string>>();
  places.forEach((place, i) => {
    if (place !== undefined) placed.set(place, (placed.get(place) ?? new Set()).add(identities[i] as string));
  });
  const periods = filings.map((f) => f.form5Period);
  const result = new Map<string, PriorHoldings>();
  const state = new Map<string, ReportedHolding>();
  let next = 0;
  for (const target of sweepOrder) {
    const own = filings[target.index] as IndexedFiling;
    const uri = own.filing.uri;
    if (result.has(uri)) continue;
    const place = places[target.index];
    const special =
      isAmendment(own.filing.formType) ||
      (copies.get(identities[target.index] as string) ?? 0) > 1 ||
      target.day === undefined ||
      (place !== undefined && (placed.get(place)?.size ?? 0) > 1);
    // Sweep in every report dated before this filing, and those of its day from earlier filings.
    while (next < reports.length) {
      const r = reports[next] as (typeof reports)[number];
      if (target.day !== undefined && (r.day > target.day || (r.day === target.day && r.filing >= target.index))) break;
      if (target.day === undefined) break;
      state.set(r.report.key, r.report);
      next++;
    }
    if (special) {
      result.set(uri, holdingsBeforeOne(filings, target.index));
      continue;
    }
    const form5Periods = periods.filter((p, i): p is CalendarDate => p !== undefined && i !== target.index);
    result.set(uri, { uri, holdings: new Map(state), form5Periods, earlierFilings: target.index });
  }
  cached = result;
  priorsCache.set(history, cached);
  return cached;
}

/** The holdings before one filing, filing by filing: for amendments, copies and undated filings. */
function holdingsBeforeOne(filings: readonly IndexedFiling[], index: number): PriorHoldings {
  const target = (filings[index] as IndexedFiling).filing;
  const uri = target.uri;
  const holdings = new Map<string, ReportedHolding>();
  const best = new Map<string, number>();
  const form5Periods: CalendarDate[] = [];
  const earliest = earliestDate(target.filing);
  const before = earliest ? dayNumber(earliest) : undefined;
  const amendment = isAmendment(target.formType);
  const identity = identityOf(target);
  const place = placeOf(target);
  let earlierFilings = 0;
  for (let i = 0; i < filings.length; i++) {
    if (i === index) continue;
    const other = filings[i] as IndexedFiling;
    if (other.form5Period) form5Periods.push(other.form5Period);
    if ((amendment && isAmendedBy(other.filing, target)) || identityOf(other.filing) === identity) continue;
    // A filing of the same place is neither before nor after this one (placeOf).
    if (place !== undefined && placeOf(other.filing) === place) continue;
    if (i < index) earlierFilings++;
    for (let r = 0; r < other.reports.length; r++) {
      const day = other.days[r] as number;
      const order = before !== undefined ? day - before : i < index ? -1 : 1;
      if (order > 0 || (order === 0 && i > index)) continue;
      const report = other.reports[r] as ReportedHolding;
      const known = best.get(report.key);
      // Later rows of a filing, and later filings, replace earlier figures of the same date.
      if (known === undefined || day >= known) {
        holdings.set(report.key, report);
        best.set(report.key, day);
      }
    }
  }
  return { uri, holdings, form5Periods, earlierFilings };
}

/**
 * The holdings before a filing that is in several histories (a joint filing): for each holding,
 * the latest figure any of its histories reported.
 */
export function mergePriorHoldings(priors: readonly PriorHoldings[]): PriorHoldings | undefined {
  if (priors.length <= 1) return priors[0];
  const holdings = new Map<string, ReportedHolding>();
  for (const prior of priors) {
    for (const [key, report] of prior.holdings) {
      const known = holdings.get(key);
      if (!known || compareDates(report.asOf, known.asOf) > 0) holdings.set(key, report);
    }
  }
  return {
    uri: priors[0]?.uri ?? '',
    holdings,
    form5Periods: priors.flatMap((p) => p.form5Periods),
    earlierFilings: Math.max(...priors.map((p) => p.earlierFilings)),
  };
}

/** One holding of a history and its balance after each filing that reported it. */
export interface HoldingBalances {
  readonly key: string;
  readonly table: TableId;
  readonly title: string;
  readonly ownership: OwnershipForm;
  readonly nature?: string;
  /** In the history's order: the figure each filing reported last for the holding. */
  readonly balances: readonly ReportedHolding[];
}

/** Per holding, its balance after every filing of the history that reports it: the paralegal's spreadsheet. */
export function historyBalances(history: FilingHistory): HoldingBalances[] {
  const byKey = new Map<string, { first: ReportedHolding; balances: ReportedHolding[] }>();
  for (const filing of history.filings) {
    const last = new Map<string, ReportedHolding>();
    for (const report of reportsOf(filing)) last.set(report.key, report);
    for (const report of last.values()) {
      const entry = byKey.get(report.key);
      if (entry) entry.balances.push(report);
      else byKey.set(report.key, { first: report, balances: [report] });
    }
  }
  return [...byKey.values()].map(({ first, balances }) => {
    const latest = balances[balances.length - 1] ?? first;
    return {
      key: first.key,
      table: first.table,
      title: latest.title,
      ownership: latest.ownership,
      ...(latest.nature !== undefined ? { nature: latest.nature } : {}),
      balances,
    };
  });
}

/**
 * The holdings reported before that a filing neither reports nor mentions (Form 4 reports only
 * what changed): not an error, shown by hover and the outline.
 */
export function unmentionedHoldings(filing: Filing, prior: PriorHoldings): ReportedHolding[] {
  const mentioned = new Set<string>();
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      const key = historyKey(row);
      if (key !== undefined) mentioned.add(key);
    }
  }
  return [...prior.holdings.values()].filter((h) => !mentioned.has(h.key));
}

/**
 * What a host passes to the check of one file (`CheckOptions.history`): the holdings before it in
 * every history it is in, or undefined when it is in none. The histories (the array and each
 * history) are read as immutable: results are cached on those objects, so a host builds new
 * histories (`buildHistories`) when a file of them changes, and keeps them while none does.
 */
export function priorHoldingsFor(histories: readonly FilingHistory[], uri: string): PriorHoldings | undefined {
  let byUri = historiesByUri.get(histories);
  if (!byUri) {
    byUri = new Map();
    for (const h of histories) {
      for (const f of h.filings) {
        const list = byUri.get(f.uri);
        if (!list) byUri.set(f.uri, [h]);
        else if (!list.includes(h)) list.push(h);
      }
    }
    historiesByUri.set(histories, byUri);
  }
  return mergePriorHoldings((byUri.get(uri) ?? []).map((h) => holdingsBefore(h, uri)));
}

/** The histories each file is in, per set of histories (a host asks for every file of the set). */
const historiesByUri = new WeakMap<readonly FilingHistory[], Map<string, FilingHistory[]>>();
