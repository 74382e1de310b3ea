/**
 * The rule across filings: the first row of each holding follows from what the filing history
 * last reported for it. It runs only when the host gives the check the holdings before the filing
 * (`CheckOptions.history`, from `holdingsBefore`); a filing checked on its own is not reported.
 */
import { carriedAmounts } from '../analysis/holdings';
import { signedChange } from '../analysis/holdings';
import { type CalendarDate, calendarDate, compareDates, dayNumber, formatDate } from '../model/calendarDate';
import { type Decimal, formatDecimal } from '../model/decimal';
import type { ModelFix } from '../model/changes';
import type { Filing, TableRow } from '../model/filing';
import { earliestDate } from '../history/filings';
import { historyKey, type PriorHoldings, type ReportedHolding } from '../history/holdings';
import type { RuleDefinition, Severity } from './types';

/** More days than this between the earlier figure and the row: a filing may be missing from the folder. */
export const MISSING_FILING_DAYS = 183;

const SPLIT = /\b(?:reverse\s+)?(?:stock\s+)?split\b|\bstock\s+dividend\b|\bsplit-adjusted\b/i;

export const historyMismatch: RuleDefinition = {
  id: 'history-mismatch',
  group: 'Across filings',
  defaultSeverity: 'error',
  severityNote: 'error; information when a footnote on the row or a stock split footnote explains it, or when a filing may be missing (a year end with no Form 5 in the history, or more than 6 months since the earlier figure)',
  summary: 'The first row of a holding does not follow from the amount the previous filing of the history reported for it.',
  description:
    'A paralegal keeps an insider\'s filings in one folder: the EDGAR XML downloaded and the drafts written. The filings of one reporting person for one issuer form a history (matched by CIKs, or by names where a draft has no CIK), ordered by date of earliest transaction and then signature date. The first row of each holding in a filing must follow from the amount owned that the history last reported for the same holding (same table, security title, ownership form and nature of indirect ownership; in Table II also exercise price and expiration date): that amount plus the amount acquired or minus the amount disposed of, or, for a holdings row, that amount. The earlier figure is the latest one dated before the filing\'s earliest transaction: a transaction row counts at its date, a holdings row at the latest date its filing covers, so a Form 5 filed after the year counts where its transactions fall. An amendment is compared with what came before the filing it amends. A holding reported before that the filing neither reports nor mentions is not an error (a Form 4 reports only what changed). The message names the earlier filing, its date and its figure; the related location points at that figure in its file.\n\nThe finding is information, not an error, when the difference may well be right: a footnote on the row\'s amount-owned or title cell (shares acquired under an ESPP, a transfer), a footnote of the filing that speaks of a stock split or stock dividend, or a filing that may be missing from the folder: more than 6 months since the earlier figure, or a December 31 between them and no Form 5 of the history for that year (a Form 5 reports the year\'s exempt transactions). It is checked on the command line (`form4 check` of a folder) and in the editor (the workspace\'s files).',
  example: {
    draft: '| Common Stock | 09/03/2013 | | S | | 5,000 | D | $19.00 | 51,500 | D | |\n(the previous filing, the Form 4 of 08/07/2013, reported 55,500)',
    message: 'The amount owned should be 50,500 (55,500 last reported, on the Form 4 of 08/07/2013, − 5,000 disposed on 09/03/2013), not 51,500.',
  },
  source: 'model',
  check({ filing, analysis, history, report }) {
    if (!history || history.holdings.size === 0) return;
    const seen = new Set<string>();
    for (const row of analysis.rows.trusted) {
      const key = historyKey(row);
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      const before = history.holdings.get(key);
      const found = row.ownedAfter.value;
      if (!before || !found || found.dollars) continue;
      const change = row.kind === 'transaction' ? signedChange(row) : undefined;
      if (row.kind === 'transaction' && !change) continue;
      const expected = change ? before.amount.plus(change) : before.amount;
      if (expected.equals(found.amount)) continue;
      const excuse = explanation(row, filing, before, history);
      const carried = carriedAmounts(analysis.holdings, row, expected);
      const fixes: ModelFix[] = carried && !excuse
        ? [{ title: `Set the amount owned to ${formatDecimal(expected)}, as the earlier figure gives`, preferred: false, changes: carried.map((c) => ({ kind: 'setAmount' as const, field: c.row.ownedAfter, amount: c.amount })) }]
        : [];
      const severity: Severity | undefined = excuse ? 'information' : undefined;
      report({
        span: row.ownedAfter.valueSpan,
        message: `The amount owned should be ${formatDecimal(expected)} (${computation(before, row, change)}), not ${formatDecimal(found.amount)}.${excuse ? ` ${excuse}` : ''}`,
        ...(severity ? { severity } : {}),
        related: [{ uri: before.from.uri, span: before.from.span, message: `${formatDecimal(before.amount)} reported here, on the ${describeReport(before)}` }],
        fixes,
      });
    }
  },
};

/** "Form 4 of 08/07/2013". */
export function describeReport(report: ReportedHolding): string {
  return `Form ${report.from.formType}${report.from.date ? ` of ${formatDate(report.from.date)}` : ''}`;
}

function computation(before: ReportedHolding, row: TableRow, change: Decimal | undefined): string {
  const base = `${formatDecimal(before.amount)} last reported, on the ${describeReport(before)}`;
  if (!change) return base;
  const date = row.transactionDate.value;
  return `${base}, ${change.isNegative() ? '\u2212' : '+'} ${formatDecimal(change.abs())} ${change.isNegative() ? 'disposed' : 'acquired'}${date ? ` on ${formatDate(date)}` : ''}`;
}

/** Why the difference may be right, in words, or undefined when nothing explains it. */
function explanation(row: TableRow, filing: Filing, before: ReportedHolding, history: PriorHoldings): string | undefined {
  const refs = [...row.ownedAfter.refs, ...row.securityTitle.refs];
  if (refs.length > 0) return `Footnote (${refs[0]?.id}) on the row may explain the difference.`;
  const split = filing.footnotes.find((f) => SPLIT.test(f.text));
  if (split) return `Footnote (${split.id}) speaks of a stock split, which may explain it.`;
  const date = row.transactionDate.value ?? earliestDate(filing);
  if (!date) return undefined;
  const days = dayNumber(date) - dayNumber(before.asOf);
  if (days > MISSING_FILING_DAYS) return `${days} days separate it from the earlier figure: is a filing missing from the folder?`;
  const yearEnd = yearEndBetween(before.asOf, date);
  if (yearEnd && !history.form5Periods.some((p) => compareDates(p, before.asOf) >= 0 && compareDates(p, date) <= 0)) {
    return `A Form 5 for the year ended ${formatDate(yearEnd)}, not in the folder, may report the difference.`;
  }
  return undefined;
}

/** A December 31 on or after `from` and before `to`, when there is one. */
function yearEndBetween(from: CalendarDate, to: CalendarDate): CalendarDate | undefined {
  const end = calendarDate(from.year, 12, 31);
  return end && compareDates(end, to) < 0 ? end : undefined;
}
