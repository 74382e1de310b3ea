/** Rules on one row: code against direction, footnotes a code needs, ownership, prices, dates. */
import { footnotesOfCell, footnotesOfRow } from '../analysis/footnoteIndex';
import { businessDaysBetween } from '../model/businessDays';
import { compareDates, formatDate } from '../model/calendarDate';
import { codeInfo } from '../model/codes';
import { decimal, formatPrice } from '../model/decimal';
import type { Footnote, TableRow } from '../model/filing';
import { allRows } from '../model/filing';
import { collapseSpaces } from '../text/cleanText';
import { relatedRow, rowHasFootnote, rowLabel, setCellValue, wellFormedRows } from './helpers';
import type { Fix, RuleDefinition, TextEdit } from './types';

const DISPOSAL_CODES = new Set(['S', 'F', 'D', 'U', 'H']);
const ACQUISITION_CODES = new Set(['P', 'L', 'A']);

/** Flips (A)/(D): the letter in Table I, the amount's column in Table II. */
export function flipDirectionFix(row: TableRow, preferred: boolean): Fix | undefined {
  const direction = row.acquiredDisposed.value;
  if (!direction) return undefined;
  const other = direction === 'A' ? 'D' : 'A';
  let edits: TextEdit[];
  if (row.table === 'I') {
    edits = [setCellValue(row, row.acquiredDisposed.cell, other)];
  } else {
    const from = direction === 'A' ? row.acquiredShares : row.disposedShares;
    const to = direction === 'A' ? row.disposedShares : row.acquiredShares;
    const moved = from.cell.raw.trim();
    edits = [
      { range: from.cell.range, newText: row.delimiter === 'pipe' ? ' ' : '' },
      { range: to.cell.range, newText: row.delimiter === 'pipe' ? ` ${moved} ` : moved },
    ];
  }
  const title = row.table === 'I' ? `Change (A)/(D) to ${other}` : `Move the amount to column 5 (${other})`;
  return { title, edits, preferred };
}

export const codeDirection: RuleDefinition = {
  id: 'code-direction',
  group: 'Rows',
  defaultSeverity: 'error',
  severityNote: 'error for S with A and P with D, warning otherwise',
  summary: 'A code against its direction: S, F, D, U or H with A; P, L or A with D; G with a price above 0.',
  description:
    'Some codes imply the direction of the transaction: a sale (S), a withholding (F), a disposition to the issuer (D), a tender (U) or an expiration with value (H) dispose of shares; a purchase (P), a small acquisition (L) or a grant (A) acquire them. A sale coded A is a real error found in filed forms. A gift (G) has no price. The quick fix flips (A)/(D).',
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 10,000 | A | $18.37 | 75,500 | D | |', message: 'S (sale) disposes of shares, but the row says A (acquired)' },
  check({ filing, report }) {
    for (const row of wellFormedRows(filing)) {
      const code = row.coding.value?.code;
      const direction = row.acquiredDisposed.value;
      if (row.kind !== 'transaction' || !code) continue;
      const info = codeInfo(code);
      const name = info ? `${code} (${shortMeaning(code)})` : code;
      if (direction === 'A' && DISPOSAL_CODES.has(code)) {
        const fix = flipDirectionFix(row, true);
        report({
          range: row.acquiredDisposed.cell.valueRange,
          message: `${name} disposes of shares, but the row says A (acquired)`,
          severity: code === 'S' ? 'error' : 'warning',
          fixes: fix ? [fix] : [],
        });
      } else if (direction === 'D' && ACQUISITION_CODES.has(code)) {
        const fix = flipDirectionFix(row, true);
        report({
          range: row.acquiredDisposed.cell.valueRange,
          message: `${name} acquires shares, but the row says D (disposed of)`,
          severity: code === 'P' ? 'error' : 'warning',
          fixes: fix ? [fix] : [],
        });
      }
      const price = row.pricePerShare.value;
      if (code === 'G' && price && price.greaterThan(0)) {
        report({ range: row.pricePerShare.cell.valueRange, message: `A gift (G) has no price, but the row gives ${formatPrice(price)}`, severity: 'warning' });
      }
    }
  },
};

function shortMeaning(code: string): string {
  const names: Readonly<Record<string, string>> = {
    S: 'sale', P: 'purchase', F: 'tax or exercise-price withholding', D: 'disposition to the issuer', U: 'tender in a change of control',
    H: 'expiration with value received', L: 'small acquisition', A: 'grant or award', G: 'gift',
  };
  return names[code] ?? codeInfo(code)?.meaning ?? code;
}

export const codeNeedsFootnote: RuleDefinition = {
  id: 'code-needs-footnote',
  group: 'Rows',
  defaultSeverity: 'error',
  summary: 'A J or K row without a footnote describing it.',
  description:
    'Code J ("other acquisition or disposition") says nothing by itself: General Instruction 8 asks for the transaction to be described, which the form does in a footnote (215 of 215 real J rows have one). An equity swap, marked `(K)` after the code, is described the same way.',
  example: { draft: '| Common Stock | 03/01/2019 | | J | | 5,000 | D | $0 | 20,000 | D | |', message: 'A J transaction needs a footnote describing it' },
  check({ filing, report }) {
    for (const row of wellFormedRows(filing)) {
      const coding = row.coding.value;
      if (!coding || (coding.code !== 'J' && !coding.equitySwap) || rowHasFootnote(row)) continue;
      const what = coding.code === 'J' ? 'A J transaction' : 'An equity swap transaction (K)';
      report({ range: row.coding.cell.valueRange, message: `${what} needs a footnote describing it` });
    }
  },
};

export const ownershipNature: RuleDefinition = {
  id: 'ownership-nature',
  group: 'Rows',
  defaultSeverity: 'error',
  summary: 'Ownership D with a nature filled in, or I without one (cm(5); EDGAR suspends it).',
  description:
    'Column 7 (Table I) or 11 (Table II) says how an indirect holding is held: `By Spouse`, `By Trust`, `See footnote (2)`. It is mandatory when the ownership form is `I` and must be empty when it is `D` (Technical Specification cm(5): EDGAR suspends the filing otherwise).',
  example: { draft: '| Common Stock | | | | | | | | 12,000 | I | |', message: 'Ownership is I (indirect) but the nature of the indirect ownership is empty, e.g. By Trust (cm(5))' },
  check({ filing, report }) {
    for (const row of wellFormedRows(filing)) {
      const form = row.directOrIndirect.value;
      const nature = row.nature;
      if (form === 'D' && nature.cell.text !== '') {
        report({ range: nature.cell.valueRange, message: `Ownership is D (direct), so the nature of indirect ownership must be empty, not "${nature.cell.text}" (cm(5))` });
      } else if (form === 'I' && nature.cell.text === '' && nature.cell.refs.length === 0) {
        report({ range: nature.cell.range, message: 'Ownership is I (indirect) but the nature of the indirect ownership is empty, e.g. By Trust (cm(5))' });
      }
    }
  },
};

export const weightedAverage: RuleDefinition = {
  id: 'weighted-average',
  group: 'Rows',
  defaultSeverity: 'error',
  severityNote: 'error for a price outside the range; warning for a range wider than $1 or a missing undertaking',
  summary: 'A weighted-average price outside the range its footnote states, a range wider than $1, or a missing undertaking.',
  description:
    'Under the SEC staff\'s 2008 position, trades at several prices may be reported on one row at their weighted-average price, with a footnote giving the range ("ranging from $18.00 to $18.81") and an undertaking to give the number of shares at each price on request. A weighted average outside its own range is a typo (error). A range wider than $1 should be split into rows of narrower ranges, and the undertaking must be there (warnings).',
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 10,000 | D | $18.9654 (2) | 55,500 | D | |\n…\n(2) … ranging from $18.00 to $18.81 …', message: 'The weighted-average price $18.9654 is outside the range $18.00 to $18.81 that footnote (2) gives' },
  check({ filing, analysis, report }) {
    const reportedFootnotes = new Set<Footnote>();
    // One undertaking commonly covers every range of the form ("… at each separate price within
    // the ranges set forth in these footnotes", given once in the first weighted-average
    // footnote): a range footnote without its own copy is then not missing it.
    const undertakingGiven = filing.footnotes.some((f) => analysis.facts(f).undertaking);
    for (const row of wellFormedRows(filing)) {
      const price = row.pricePerShare.value;
      // The range of a row's price is in a footnote on its price cell. Only a sale or a purchase
      // may have it elsewhere on the row (on the code, say): a footnote on an exercise's code that
      // also gives the day's sale range does not bound the exercise price.
      const code = row.coding.value?.code;
      const onPrice = footnotesOfCell(analysis.footnotes, row.pricePerShare.cell);
      const hasRange = (f: Footnote): boolean => analysis.facts(f).priceRanges.length > 0;
      const footnotes = onPrice.some(hasRange) || (code !== 'S' && code !== 'P') ? onPrice : footnotesOfRow(analysis.footnotes, row);
      for (const footnote of footnotes) {
        const facts = analysis.facts(footnote);
        const ranges = facts.priceRanges;
        if (ranges.length === 0) continue;
        if (price && ranges.every((r) => price.lessThan(r.low) || price.greaterThan(r.high))) {
          const stated = ranges.map((r) => `${formatPrice(r.low)} to ${formatPrice(r.high)}`);
          report({
            range: row.pricePerShare.cell.valueRange,
            message: `The weighted-average price ${formatPrice(price)} is outside ${stated.length === 1 ? `the range ${stated[0]}` : `every range (${stated.join('; ')})`} that footnote (${footnote.id}) gives`,
            related: [{ range: footnote.range, message: `Footnote (${footnote.id})` }],
          });
        }
        if (reportedFootnotes.has(footnote)) continue;
        reportedFootnotes.add(footnote);
        const widest = ranges.reduce((a, b) => (b.high.minus(b.low).greaterThan(a.high.minus(a.low)) ? b : a));
        if (widest.high.minus(widest.low).greaterThan(decimal(1))) {
          report({
            range: footnote.range,
            message: `Footnote (${footnote.id}) gives a price range of ${formatPrice(widest.high.minus(widest.low))} (${formatPrice(widest.low)} to ${formatPrice(widest.high)}); weighted averages are reported within ranges of $1 or less: split the row`,
            severity: 'warning',
          });
        }
        if (!facts.undertaking && !undertakingGiven) {
          report({
            range: footnote.range,
            message: `Footnote (${footnote.id}) gives a weighted-average range but not the undertaking to provide, upon request, full information regarding the number of shares at each separate price`,
            severity: 'warning',
          });
        }
      }
    }
  },
};

export const deemedDate: RuleDefinition = {
  id: 'deemed-date',
  group: 'Rows',
  defaultSeverity: 'warning',
  summary: 'Deemed execution date before the transaction date, or more than 3 business days after it.',
  description:
    'A deemed execution date (Rule 16a-3(g)(2): a 10b5-1 plan or a similar instruction where the insider did not pick the date) is on or after the trade and at most three business days later; beyond that, the third business day is the deemed date. A deemed date before the trade is a typo.',
  example: { draft: '| Common Stock | 08/06/2013 | 08/02/2013 | S | …', message: 'The deemed execution date 08/02/2013 is before the transaction date 08/06/2013' },
  check({ filing, report }) {
    for (const row of wellFormedRows(filing)) {
      const trade = row.transactionDate.value;
      const deemed = row.deemedExecutionDate.value;
      if (!trade || !deemed) continue;
      const range = row.deemedExecutionDate.cell.valueRange;
      if (compareDates(deemed, trade) < 0) {
        report({ range, message: `The deemed execution date ${formatDate(deemed)} is before the transaction date ${formatDate(trade)}` });
        continue;
      }
      const days = businessDaysBetween(trade, deemed);
      if (days > 3) {
        report({ range, message: `The deemed execution date ${formatDate(deemed)} is ${days} business days after the transaction date ${formatDate(trade)}; it is at most 3 (Rule 16a-3(g)(2))` });
      }
    }
  },
};

export const derivativeDates: RuleDefinition = {
  id: 'derivative-dates',
  group: 'Rows',
  defaultSeverity: 'warning',
  summary: 'Expiration date before date exercisable, or before the transaction date.',
  description:
    'A derivative cannot expire before it becomes exercisable, and a transaction in it cannot happen after it expired: one of the dates in Table II column 6 (or column 3) is a typo.',
  example: { draft: '| Stock Option (right to buy) | $4.10 | 08/06/2013 | | M | | | 10,000 | 11/05/2020 | 11/05/2010 | …', message: 'The expiration date 11/05/2010 is before the date exercisable 11/05/2020' },
  check({ filing, report }) {
    for (const row of wellFormedRows(filing)) {
      if (row.table !== 'II') continue;
      const expiration = row.expirationDate.value;
      if (!expiration) continue;
      const exercisable = row.exerciseDate.value;
      const range = row.expirationDate.cell.valueRange;
      const trade = row.transactionDate.value;
      // One finding per cell, naming every date it contradicts.
      const before: string[] = [];
      if (exercisable && compareDates(expiration, exercisable) < 0) before.push(`the date exercisable ${formatDate(exercisable)}`);
      if (trade && compareDates(expiration, trade) < 0) before.push(`the transaction date ${formatDate(trade)}`);
      if (before.length > 0) report({ range, message: `The expiration date ${formatDate(expiration)} is before ${before.join(' and ')}` });
    }
  },
};

export const duplicateRow: RuleDefinition = {
  id: 'duplicate-row',
  group: 'Rows',
  defaultSeverity: 'warning',
  summary: 'Two rows identical in every cell.',
  description:
    'Two rows that agree in every cell report the same transaction twice, usually a row pasted twice. Two real trades of the same size at the same price on the same day still differ in the amount owned after each.',
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 100 | D | $18.00 | 900 | D | |\n| Common Stock | 08/06/2013 | | S | | 100 | D | $18.00 | 900 | D | |', message: 'Table I row 2 repeats Table I row 1 cell for cell' },
  check({ filing, report }) {
    const seen = new Map<string, TableRow>();
    for (const row of allRows(filing)) {
      const key = `${row.table}\u0000${row.cells.map((c) => collapseSpaces(c.raw).trim()).join('\u0000')}`;
      if (row.cells.every((c) => c.raw.trim() === '')) continue;
      const earlier = seen.get(key);
      if (earlier) {
        report({ range: row.range, message: `${rowLabel(row)} repeats ${rowLabel(earlier)} cell for cell`, related: [relatedRow(earlier, 'the same row')] });
      } else {
        seen.set(key, row);
      }
    }
  },
};
