/** Filing rules: the deadline, the signature date, and the Rule 10b5-1 indication. */
import { businessDaysBetween, form4Deadline } from '../model/businessDays';
import { type CalendarDate, calendarDate, compareDates, formatDate } from '../model/calendarDate';
import type { Footnote, Signature, TableRow } from '../model/filing';
import { form4Transactions } from './header';
import { relatedRow, rowLabel } from './helpers';
import type { RuleDefinition } from './types';
import { count } from '../text/count';

/** The date the draft is signed: the latest signature date (the last to sign files it). */
export function filingDate(signatures: readonly Signature[]): { date: CalendarDate; signature: Signature } | undefined {
  let latest: { date: CalendarDate; signature: Signature } | undefined;
  for (const signature of signatures) {
    const date = signature.date?.value;
    if (date && (!latest || compareDates(date, latest.date) > 0)) latest = { date, signature };
  }
  return latest;
}

export const lateFiling: RuleDefinition = {
  id: 'late-filing',
  group: 'Filing',
  defaultSeverity: 'warning',
  summary: 'The signature date is more than 2 business days after a transaction\'s date (or its deemed execution date).',
  description:
    'A Form 4 is due before the end of the second business day after the transaction (General Instruction 1(a)), counted from the deemed execution date when there is one. Business days exclude weekends and US federal holidays (with their observed dates), from a maintained federal holiday calendar. Transactions marked `V` are Form 5 transactions reported early and have no Form 4 deadline; rows marked `L` are reported late by the filer themselves and are not reported again. For an amendment (box 4 filled), the date of the original filing counts, not the signature of the amendment: an amendment filed months later to correct an original that was on time is not late. A late Form 4 must be disclosed in the issuer\'s proxy statement.',
  example: { draft: '| Common Stock | 08/06/2013 | | S | …\n/s/ John N. Wilson\n08/12/2013', message: 'The transaction of 08/06/2013 was due by 08/08/2013, 2 business days later, but the draft is signed 08/12/2013, 4 business days after.' },
  source: 'model',
  check({ filing, analysis, report }) {
    const signed = filingDate(filing.signatures);
    if (!signed) return;
    // An amendment is signed when the error is found, often months later: the deadline was the
    // original's to meet, so its date (box 4) is the one that counts. A 4/A whose original was
    // on time is not late.
    const original = filing.dateOfOriginalSubmission?.value;
    const filed = original ?? signed.date;
    // One finding per date the filing runs from: seven sales on one late day are one late filing,
    // reported at the first of them and related to the others.
    const byStart = new Map<string, { start: CalendarDate; deemed: boolean; rows: TableRow[] }>();
    for (const { row, date } of form4Transactions(analysis.rows.trusted)) {
      // L in the V column: the filer already reports the row as late (EDGAR's
      // transactionTimeliness L); saying so again is noise.
      if (row.timeliness.value === 'L') continue;
      const deemed = row.deemedExecutionDate.value;
      const fromDeemed = deemed !== undefined && compareDates(deemed, date) >= 0;
      const start = fromDeemed ? deemed : date;
      if (compareDates(signed.date, start) < 0) continue; // signature-date reports it
      const key = `${formatDate(start)}${fromDeemed ? ' deemed' : ''}`;
      const group = byStart.get(key) ?? { start, deemed: fromDeemed, rows: [] };
      group.rows.push(row);
      byStart.set(key, group);
    }
    for (const { start, deemed, rows } of byStart.values()) {
      const deadline = form4Deadline(start);
      if (compareDates(filed, deadline) <= 0) continue;
      const days = businessDaysBetween(start, filed);
      const [first, ...others] = rows;
      if (!first) continue;
      const cell = deemed ? first.deemedExecutionDate : first.transactionDate;
      report({
        span: cell.valueSpan,
        message: `The transaction of ${formatDate(start)}${deemed ? ' (deemed executed)' : ''}${others.length > 0 ? ` (and ${count(others.length, 'other row')})` : ''} was due by ${formatDate(deadline)}, 2 business days later, but ${original ? `the original Form 4 was filed ${formatDate(original)} (box 4)` : `the draft is signed ${formatDate(signed.date)}`}, ${count(days, 'business day')} after.`,
        related: [
          ...(original && filing.dateOfOriginalSubmission
            ? [{ span: filing.dateOfOriginalSubmission.valueSpan, message: 'The date of the original filing' }]
            : signed.signature.date
              ? [{ span: signed.signature.date.valueSpan, message: 'The signature date' }]
              : []),
          ...others.map((r) => relatedRow(r, `also of ${formatDate(start)}`)),
        ],
      });
    }
  },
};

export const signatureDate: RuleDefinition = {
  id: 'signature-date',
  group: 'Filing',
  defaultSeverity: 'error',
  summary: 'The signature date is before a transaction date or before box 3.',
  description:
    'A Form 4 reports transactions that have happened: it cannot be signed before them. A signature date before a transaction date or before box 3 is a typo in one of the dates.',
  example: { draft: '| Common Stock | 08/06/2013 | | S | …\n/s/ John N. Wilson\n08/05/2013', message: 'The draft is signed 08/05/2013, before the transaction of 08/06/2013 in Table I row 1. Check both dates.' },
  source: 'model',
  check({ filing, analysis, report }) {
    for (const signature of filing.signatures) {
      const signed = signature.date?.value;
      if (!signature.date || !signed) continue;
      const span = signature.date.valueSpan;
      const box3 = filing.periodOfReport?.value;
      const latest = analysis.rows.trusted
        .filter((r) => r.kind === 'transaction' && r.transactionDate.value && compareDates(r.transactionDate.value, signed) > 0)
        .sort((a, b) => compareDates(b.transactionDate.value as CalendarDate, a.transactionDate.value as CalendarDate))[0];
      if (latest?.transactionDate.value) {
        report({
          span,
          message: `The draft is signed ${formatDate(signed)}, before the transaction of ${formatDate(latest.transactionDate.value)} in ${rowLabel(latest)}. Check both dates.`,
          related: [{ span: latest.transactionDate.valueSpan, message: `${rowLabel(latest)}: transaction date` }],
        });
      } else if (box3 && filing.periodOfReport && compareDates(box3, signed) > 0) {
        report({
          span,
          message: `The draft is signed ${formatDate(signed)}, before the date of earliest transaction in box 3 (${formatDate(box3)}). Check both dates.`,
          related: [{ span: filing.periodOfReport.valueSpan, message: 'Box 3' }],
        });
      }
    }
  },
};

/** The Rule 10b5-1 amendments' checkbox applies to reports filed on or after April 1, 2023. */
const CHECKBOX_START = calendarDate(2023, 4, 1) as CalendarDate;
/** Plans adopted before the amendments took effect (February 27, 2023) were not covered. */
const AMENDMENTS_EFFECTIVE = calendarDate(2023, 2, 27) as CalendarDate;

function recentTransactions(rows: readonly TableRow[]): TableRow[] {
  return rows.filter((r) => r.kind === 'transaction' && r.transactionDate.value && compareDates(r.transactionDate.value, CHECKBOX_START) >= 0);
}

export const indication10b51: RuleDefinition = {
  id: '10b5-1-indication',
  group: 'Filing',
  defaultSeverity: 'warning',
  summary: 'A draft with a transaction on or after 04/01/2023 does not state the 10b5-1 box at all.',
  description:
    'Since April 1, 2023, Form 4 has a check box saying whether a reported transaction was made under a plan intended to satisfy Rule 10b5-1(c) (EDGAR\'s aff10b5One). A draft with a transaction from that date on should state it, checked or not: `Rule 10b5-1(c) Transaction Indication: [ ]`. The quick fix adds the line, checked when a footnote speaks of a 10b5-1 plan.',
  example: { draft: '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]\n…\n| Common Stock | 06/20/2024 | | S | …', message: 'The draft does not say whether a trade was made under a Rule 10b5-1 plan. Add the line "Rule 10b5-1(c) Transaction Indication: [ ]" (or [x]).' },
  source: 'model',
  check({ filing, analysis, report }) {
    if (filing.aff10b5One) return;
    const first = recentTransactions(analysis.rows.trusted)[0];
    if (!first) return;
    const plan = filing.footnotes.some((f) => analysis.facts(f).rule10b51Plan);
    report({
      span: first.transactionDate.valueSpan,
      message: 'The draft does not say whether a trade was made under a Rule 10b5-1 plan. Add the line "Rule 10b5-1(c) Transaction Indication: [ ]" (or [x]).',
      fixes: [{ title: plan ? 'Add the Rule 10b5-1(c) box, checked (a footnote speaks of a plan)' : 'Add the Rule 10b5-1(c) box, unchecked', preferred: true, changes: [{ kind: 'addAff10b5One', checked: plan }] }],
    });
  },
};

export const adoption10b51: RuleDefinition = {
  id: '10b5-1-adoption',
  group: 'Filing',
  defaultSeverity: 'error',
  summary: 'The 10b5-1 box is checked but no footnote gives the plan\'s adoption date (General Instruction 10).',
  description:
    'When the Rule 10b5-1(c) box is checked, General Instruction 10 asks for the date the plan was adopted, which drafts give in a footnote: "effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on August 28, 2023".',
  example: { draft: 'Rule 10b5-1(c) Transaction Indication: [x]\n…\n(1) The sale was made under a trading plan.', message: 'The Rule 10b5-1(c) box is checked, but no footnote gives the date the plan was adopted (Form 4 General Instruction 10).' },
  source: 'model',
  check({ filing, analysis, report }) {
    const box = filing.aff10b5One;
    if (box?.value !== true) return;
    if (filing.footnotes.some((f) => analysis.facts(f).adoptionDate !== undefined)) return;
    report({ span: box.span, message: 'The Rule 10b5-1(c) box is checked, but no footnote gives the date the plan was adopted (Form 4 General Instruction 10).' });
  },
};

export const unchecked10b51: RuleDefinition = {
  id: '10b5-1-unchecked',
  group: 'Filing',
  defaultSeverity: 'warning',
  severityNote: 'warning; information when the footnote dates the plan\'s adoption before 02/27/2023',
  summary: 'A footnote says a transaction was made under a Rule 10b5-1 plan, but the box is not checked.',
  description:
    'For a draft with a transaction on or after April 1, 2023, a footnote saying a transaction was made under a Rule 10b5-1 plan usually means the Rule 10b5-1(c) box should be checked. Plans adopted before the amendments took effect (February 27, 2023) may not be meant to satisfy the amended rule, so that case is only information. Drafts whose transactions all precede April 1, 2023 predate the box and get no finding.',
  example: { draft: 'Rule 10b5-1(c) Transaction Indication: [ ]\n…\n(1) … a Rule 10b5-1 trading plan adopted by the Reporting Person on August 28, 2023.', message: 'Footnote (1) says a transaction was made under a Rule 10b5-1 plan, but the Rule 10b5-1(c) box is not checked.' },
  source: 'model',
  check({ filing, analysis, report }) {
    const box = filing.aff10b5One;
    if (box?.value === true || recentTransactions(analysis.rows.trusted).length === 0) return;
    const footnote = filing.footnotes.find((f: Footnote) => analysis.facts(f).rule10b51Plan);
    if (!footnote) return;
    const adopted = analysis.facts(footnote).adoptionDate;
    const old = adopted !== undefined && compareDates(adopted, AMENDMENTS_EFFECTIVE) < 0;
    report({
      span: box ? box.span : footnote.span,
      message: `Footnote (${footnote.id}) says a transaction was made under a Rule 10b5-1 plan, but the Rule 10b5-1(c) box ${!box ? 'is not there' : box.value === false ? 'is not checked' : 'shows no mark'}${old ? ` (the plan was adopted ${formatDate(adopted)}, before the 2023 amendments)` : ''}.`,
      severity: old ? 'information' : undefined,
      related: box ? [{ span: footnote.span, message: `Footnote (${footnote.id})` }] : [],
    });
  },
};
