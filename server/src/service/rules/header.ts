/** Header rules: boxes that are missing, an officer without a title, box 3 and box 4 dates. */
import { compareDates, type CalendarDate, formatDate, sameDate } from '../model/calendarDate';
import type { TableRow } from '../model/filing';
import { relatedRow } from './helpers';
import type { RuleDefinition } from './types';

export const missingBox: RuleDefinition = {
  id: 'missing-box',
  group: 'Header',
  defaultSeverity: 'error',
  summary: 'No reporting person, issuer name, ticker, relationship, or signature.',
  description:
    'Every Form 4 names its reporting person (box 1), the issuer with its ticker in square brackets (box 2), the reporting person\'s relationship to the issuer (box 5: at least one of Director, 10% Owner, Officer, Other, as rule cm(1) of EDGAR\'s Technical Specification requires), and is signed (`/s/` and a date). A box that is present but empty is reported at the box; a box that is absent, at the top of the draft.',
  example: { draft: '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC.', message: 'Box 2 gives no trading symbol. Write it in square brackets after the name, as in QUALYS, INC. [QLYS].' },
  source: 'model',
  check({ filing, report }) {
    const top = filing.places.top;
    if (filing.reportingOwners.length === 0) {
      report({ span: top, message: 'The draft has no box 1 (Name and Address of Reporting Person). Add it at the top.' });
    }
    for (const owner of filing.reportingOwners) {
      if (owner.name.text === '') report({ span: owner.span, message: 'Box 1 gives no name for the reporting person.' });
    }
    const issuer = filing.issuer;
    if (!issuer) {
      report({ span: top, message: 'The draft has no box 2 (Issuer Name and Ticker or Trading Symbol). Add it at the top.' });
    } else if (issuer.name.text === '') {
      report({ span: issuer.span, message: 'Box 2 gives no issuer name.' });
    } else if (!issuer.tradingSymbol.value) {
      report({
        span: issuer.tradingSymbol.valueSpan,
        message: `Box 2 gives no trading symbol. Write it in square brackets after the name, as in ${issuer.name.text} [TICKER].`,
      });
    }
    if (filing.relationships.length === 0) {
      report({ span: top, message: 'The draft has no box 5 (Relationship of Reporting Person(s) to Issuer). Add it at the top.' });
    }
    for (const r of filing.relationships) {
      if (!r.isDirector && !r.isOfficer && !r.isTenPercentOwner && !r.isOther) {
        report({ span: r.span, message: 'Box 5 selects no relationship. Check at least one of Director, Officer (with its title), 10% Owner or Other (with its text).' });
      }
    }
    if (filing.signatures.length === 0) {
      report({ span: filing.places.signature, message: 'The draft is not signed. Add a line "/s/ Name" with the signature date (MM/DD/YYYY) below it.' });
    }
    for (const s of filing.signatures) {
      if (!s.date) report({ span: s.span, message: 'The signature has no date. Write it (MM/DD/YYYY) on the line below the /s/ line.' });
    }
  },
};

export const relationshipText: RuleDefinition = {
  id: 'relationship-text',
  group: 'Header',
  defaultSeverity: 'error',
  summary: 'Officer without a title, or Other without its text.',
  description:
    'When box 5 says Officer, the officer\'s title is mandatory (EDGAR\'s Technical Specification, rule cm(2)); when it says Other, the text that explains it is (rule cm(3)). Write `Officer (Chief Financial Officer)`, or underline the title in EDGAR\'s rendered form.',
  example: { draft: '5. Relationship of Reporting Person(s) to Issuer: Director, Officer', message: 'Box 5 says Officer but gives no title. Write it after the word, as in Officer (Chief Executive Officer).' },
  source: 'model',
  check({ filing, report }) {
    for (const r of filing.relationships) {
      if (r.isOfficer && !r.officerTitle.value) {
        report({ span: r.span, message: 'Box 5 says Officer but gives no title. Write it after the word, as in Officer (Chief Executive Officer).' });
      }
      if (r.isOther && !r.otherText.value) {
        report({ span: r.span, message: 'Box 5 says Other but does not say what. Write it after the word, as in Other (member of 13(d) group).' });
      }
    }
  },
};

/** Transactions that count for box 3: Form 4 transactions, not those reported early with V. */
export function form4Transactions(rows: readonly TableRow[]): { row: TableRow; date: CalendarDate }[] {
  const found: { row: TableRow; date: CalendarDate }[] = [];
  for (const row of rows) {
    const date = row.transactionDate.value;
    if (row.kind === 'transaction' && date && row.timeliness.value !== 'E') found.push({ row, date });
  }
  return found;
}

export const earliestDate: RuleDefinition = {
  id: 'earliest-date',
  group: 'Header',
  defaultSeverity: 'warning',
  severityNote: 'warning; error when box 3 is after every transaction',
  summary: 'Box 3 is not the earliest transaction date in the tables.',
  description:
    'Box 3 (EDGAR\'s periodOfReport) is the date of the earliest transaction reported on the form. Transactions reported early with `V` in the V column are Form 5 transactions and do not count (in real filings, box 3 is the earliest Form 4 transaction in 421 of 424 cases). A box 3 later than every transaction is an error; one that is merely not the earliest is a warning. The quick fix sets box 3.',
  example: { draft: '3. Date of Earliest Transaction: 08/07/2013\n…\n| Common Stock | 08/06/2013 | | S | …', message: 'Box 3 says 08/07/2013, but the earliest transaction is on 08/06/2013 (Table I row 1).' },
  source: 'model',
  check({ filing, analysis, report }) {
    const transactions = form4Transactions(analysis.rows.trusted);
    const first = transactions.reduce<{ row: TableRow; date: CalendarDate } | undefined>((best, t) => (!best || compareDates(t.date, best.date) < 0 ? t : best), undefined);
    if (!first) return;
    const expected = formatDate(first.date);
    const box3 = filing.periodOfReport;
    const related = [relatedRow(first.row, `the earliest transaction, ${expected}`)];
    if (!box3) {
      report({
        span: first.row.transactionDate.valueSpan,
        message: `The draft has no box 3 (Date of Earliest Transaction). The earliest transaction is on ${expected}.`,
        fixes: [{ title: `Add box 3: ${expected}`, preferred: true, changes: [{ kind: 'addPeriodOfReport', date: first.date }] }],
      });
      return;
    }
    if (box3.problem) return; // invalid-date reports it
    const value = box3.value;
    const fix = { title: `Set box 3 to ${expected}`, preferred: true, changes: [{ kind: 'setDate' as const, field: box3, date: first.date }] };
    if (!value) {
      report({ span: box3.span, message: `Box 3 is empty. The earliest transaction is on ${expected}.`, related, fixes: [fix] });
      return;
    }
    if (sameDate(value, first.date)) return;
    const afterAll = transactions.every((t) => compareDates(value, t.date) > 0);
    report({
      span: box3.valueSpan,
      message: `Box 3 says ${formatDate(value)}, but the earliest transaction is on ${expected} (Table ${first.row.table} row ${first.row.ordinal})${afterAll ? ', and box 3 is after every transaction' : ''}.`,
      severity: afterAll ? 'error' : 'warning',
      related,
      fixes: [fix],
    });
  },
};

export const amendmentDate: RuleDefinition = {
  id: 'amendment-date',
  group: 'Header',
  defaultSeverity: 'error',
  summary: 'Box 4 is after the signature date, or before box 3.',
  description:
    'Box 4 gives the date the original Form 4 was filed when this one amends it. The original was filed after its earliest transaction (box 3) and before this amendment is signed, so a box 4 date outside that window is a typo.',
  example: { draft: '3. Date of Earliest Transaction: 08/06/2013\n4. If Amendment, Date of Original Filed: 08/01/2013', message: 'Box 4 says the original was filed 08/01/2013, before the earliest transaction it reports (box 3, 08/06/2013).' },
  source: 'model',
  check({ filing, report }) {
    const box4 = filing.dateOfOriginalSubmission;
    const original = box4?.value;
    if (!box4 || !original) return;
    const box3 = filing.periodOfReport;
    const earliest = box3?.value;
    if (box3 && earliest && compareDates(original, earliest) < 0) {
      report({
        span: box4.valueSpan,
        message: `Box 4 says the original was filed ${formatDate(original)}, before the earliest transaction it reports (box 3, ${formatDate(earliest)}).`,
        related: [{ span: box3.valueSpan, message: 'Box 3' }],
      });
    }
    for (const signature of filing.signatures) {
      const signed = signature.date?.value;
      if (signature.date && signed && compareDates(original, signed) > 0) {
        report({
          span: box4.valueSpan,
          message: `Box 4 says the original was filed ${formatDate(original)}, after this amendment is signed (${formatDate(signed)}).`,
          related: [{ span: signature.date.valueSpan, message: 'The signature date' }],
        });
        break;
      }
    }
  },
};
