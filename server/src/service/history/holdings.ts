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
import { type CalendarDate, compareDates, formatIsoDate } from '../model/calendarDate';
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

/** Every figure one filing reports, in row order (a later row of a holding after an earlier one). */
export function reportsOf(filing: HistoryFiling): ReportedHolding[] {
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

/**
 * What the filings of `history` before the filing `uri` last reported, per holding. An
 * amendment is compared with what came before the filing it amends, not with that filing.
 * A uri that is not in the history gets an empty map.
 */
export function holdingsBefore(history: FilingHistory, uri: string): PriorHoldings {
  const index = history.filings.findIndex((f) => f.uri === uri);
  const target = history.filings[index];
  const holdings = new Map<string, ReportedHolding>();
  const form5Periods: CalendarDate[] = [];
  if (!target) return { uri, holdings, form5Periods, earlierFilings: 0 };
  const before = earliestDate(target.filing);
  let earlierFilings = 0;
  history.filings.forEach((other, i) => {
    if (i === index) return;
    if (baseForm(other.formType) === '5' && other.filing.periodOfReport?.value) form5Periods.push(other.filing.periodOfReport.value);
    if (isAmendedBy(other, target)) return;
    if (i < index) earlierFilings++;
    for (const report of reportsOf(other)) {
      const order = before ? compareDates(report.asOf, before) : i < index ? -1 : 1;
      if (order > 0 || (order === 0 && i > index)) continue;
      const known = holdings.get(report.key);
      // Later rows of a filing, and later filings, replace earlier figures of the same date.
      if (!known || compareDates(report.asOf, known.asOf) >= 0) holdings.set(report.key, report);
    }
  });
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
 * every history it is in, or undefined when it is in none.
 */
export function priorHoldingsFor(histories: readonly FilingHistory[], uri: string): PriorHoldings | undefined {
  return mergePriorHoldings(histories.filter((h) => h.filings.some((f) => f.uri === uri)).map((h) => holdingsBefore(h, uri)));
}
