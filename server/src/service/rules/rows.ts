/** Rules on one row: code against direction, footnotes a code needs, ownership, prices, dates. */
import type { Analysis } from '../analysis/analysis';
import { footnotesOfField, footnotesOfRow } from '../analysis/footnoteIndex';
import { carriedAmounts } from '../analysis/holdings';
import { businessDaysBetween } from '../model/businessDays';
import { compareDates, formatDate } from '../model/calendarDate';
import type { ModelFix } from '../model/changes';
import { codeInfo } from '../model/codes';
import { decimal, formatDecimal, formatPrice } from '../model/decimal';
import { type Footnote, rowHasFootnote, type TableRow } from '../model/filing';
import { count } from '../text/count';
import { relatedRow, rowLabel } from './helpers';
import type { RuleDefinition } from './types';

const DISPOSAL_CODES = new Set(['S', 'F', 'D', 'U', 'H']);
const ACQUISITION_CODES = new Set(['P', 'L', 'A']);

/** Flips (A)/(D): the letter in Table I, the amount's column in Table II. */
export function flipDirectionFix(row: TableRow, preferred: boolean): ModelFix | undefined {
  const direction = row.acquiredDisposed.value;
  if (!direction) return undefined;
  const other = direction === 'A' ? 'D' : 'A';
  const title = row.table === 'I' ? `Change (A)/(D) to ${other}` : `Move the amount to column 5 (${other})`;
  return { title, changes: [{ kind: 'flipDirection', row }], preferred };
}

export const codeDirection: RuleDefinition = {
  id: 'code-direction',
  group: 'Rows',
  defaultSeverity: 'error',
  severityNote: 'error for S with A and P with D, warning otherwise',
  summary: 'A code against its direction: S, F, D, U or H with A; P, L or A with D; G with a price above 0.',
  description:
    'Some codes imply the direction of the transaction: a sale (S), a withholding (F), a disposition to the issuer (D), a tender (U) or an expiration with value (H) dispose of shares; a purchase (P), a small acquisition (L) or a grant (A) acquire them. A sale coded A is a real error found in filed forms. A gift (G) has no price. The quick fix flips (A)/(D), except on a row that pairs with a Table II exercise by its date, title and amount: there the code is what is wrong, and a flip would leave the exercise unpaired.',
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 10,000 | A | $18.37 | 75,500 | D | |', message: 'S (sale) disposes of shares, but the row says A (acquired). Change one of them.' },
  source: 'model',
  check({ analysis, report }) {
    // An acquisition that pairs with a Table II exercise by date, title and amount (coded
    // otherwise): there the code is what is wrong, and flipping (A)/(D) would leave the exercise
    // without its acquisition (exercise-unpaired, found by the fuzz). No flip is offered for it.
    const exerciseAcquisitions = new Set(analysis.exercises.crossCoded.map((g) => g.acquisition));
    for (const row of analysis.rows.trusted) {
      const code = row.coding.value?.code;
      const direction = row.acquiredDisposed.value;
      if (row.kind !== 'transaction' || !code) continue;
      const info = codeInfo(code);
      const name = info ? `${code} (${shortMeaning(code)})` : code;
      if (direction === 'A' && DISPOSAL_CODES.has(code)) {
        report({
          span: row.acquiredDisposed.valueSpan,
          message: `${name} disposes of shares, but the row says A (acquired). Change one of them.`,
          severity: code === 'S' ? 'error' : 'warning',
          fixes: exerciseAcquisitions.has(row) ? [] : directionFixes(row, analysis),
        });
      } else if (direction === 'D' && ACQUISITION_CODES.has(code)) {
        report({
          span: row.acquiredDisposed.valueSpan,
          message: `${name} acquires shares, but the row says D (disposed of). Change one of them.`,
          severity: code === 'P' ? 'error' : 'warning',
          fixes: directionFixes(row, analysis),
        });
      }
      const price = row.pricePerShare.value;
      if (code === 'G' && price && price.greaterThan(0)) {
        report({ span: row.pricePerShare.valueSpan, message: `A gift (G) has no price, but the row gives ${formatPrice(price)}. Write $0.`, severity: 'warning' });
      }
    }
  },
};

/**
 * The fix of a code against its direction. When the amount owned follows from the previous row
 * with the direction as written (the amounts were computed from the wrong letter too), flipping
 * the letter alone would break the holding: the fix then also rewrites the amounts owned that
 * follow, and is not applied by fix-all (the code may be the wrong part). Otherwise the flip
 * alone (which then makes the holding reconcile) is the preferred fix.
 */
function directionFixes(row: TableRow, analysis: Analysis): ModelFix[] {
  const step = analysis.holdings.steps.get(row);
  const owned = row.ownedAfter.value;
    const consistent = step?.previous && step.expected && owned && !owned.dollars && step.expected.equals(owned.amount);
  if (!consistent || !step?.before || !step.change) {
    const fix = flipDirectionFix(row, true);
    return fix ? [fix] : [];
  }
  const carried = carriedAmounts(analysis.holdings, row, step.before.minus(step.change));
  const flip = flipDirectionFix(row, false);
  if (!carried || !flip) return flip ? [flip] : [];
  return [{
    title: `${flip.title}, and the amount owned to ${formatDecimal(carried[0]?.amount ?? step.before)}${carried.length > 1 ? ` (and in the ${carried.length - 1} row${carried.length === 2 ? '' : 's'} after it)` : ''}`,
    preferred: false,
    changes: [...flip.changes, ...carried.map((c) => ({ kind: 'setAmount' as const, field: c.row.ownedAfter, amount: c.amount }))],
  }];
}

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
  example: { draft: '| Common Stock | 03/01/2019 | | J | | 5,000 | D | $0 | 20,000 | D | |', message: 'A J transaction needs a footnote that describes it. Add one and refer to it from this row.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      const coding = row.coding.value;
      if (!coding || (coding.code !== 'J' && !coding.equitySwap) || rowHasFootnote(row)) continue;
      const what = coding.code === 'J' ? 'A J transaction' : 'An equity swap transaction (K)';
      report({ span: row.coding.valueSpan, message: `${what} needs a footnote that describes it. Add one and refer to it from this row.` });
    }
  },
};

export const ownershipNature: RuleDefinition = {
  id: 'ownership-nature',
  group: 'Rows',
  defaultSeverity: 'error',
  summary: 'Ownership D with a nature filled in, or I without one (EDGAR suspends it).',
  description:
    'Column 7 (Table I) or 11 (Table II) says how an indirect holding is held: `By Spouse`, `By Trust`, `See footnote (2)`. It is mandatory when the ownership form is `I` and must be empty when it is `D` (EDGAR\'s Technical Specification, rule cm(5): EDGAR suspends the filing otherwise).',
  example: { draft: '| Common Stock | | | | | | | | 12,000 | I | |', message: 'The ownership is I (indirect), but the nature of ownership is empty. Say how it is held, as in By Trust.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      const form = row.directOrIndirect.value;
      const nature = row.nature;
      if (form === 'D' && nature.text !== '') {
        report({ span: nature.valueSpan, message: `The ownership is D (direct), so the nature of ownership must be empty. Remove "${nature.text}", or change D to I.` });
      } else if (form === 'I' && nature.text === '' && nature.refs.length === 0) {
        report({ span: nature.span, message: 'The ownership is I (indirect), but the nature of ownership is empty. Say how it is held, as in By Trust.' });
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
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 10,000 | D | $18.9654 (2) | 55,500 | D | |\n…\n(2) … ranging from $18.00 to $18.81 …', message: 'The weighted-average price $18.9654 is outside the range $18.00 to $18.81 that footnote (2) gives.' },
  source: 'model',
  check({ filing, analysis, report }) {
    const reportedFootnotes = new Set<Footnote>();
    // One undertaking commonly covers every range of the form ("… at each separate price within
    // the ranges set forth in these footnotes", given once in the first weighted-average
    // footnote): a range footnote without its own copy is then not missing it.
    const undertakingGiven = filing.footnotes.some((f) => analysis.facts(f).undertaking);
    for (const row of analysis.rows.trusted) {
      const price = row.pricePerShare.value;
      // The range of a row's price is in a footnote on its price cell. Only a sale or a purchase
      // may have it elsewhere on the row (on the code, say): a footnote on an exercise's code that
      // also gives the day's sale range does not bound the exercise price.
      const code = row.coding.value?.code;
      const onPrice = footnotesOfField(analysis.footnotes, row.pricePerShare);
      const hasRange = (f: Footnote): boolean => analysis.facts(f).priceRanges.length > 0;
      const footnotes = onPrice.some(hasRange) || (code !== 'S' && code !== 'P') ? onPrice : footnotesOfRow(analysis.footnotes, row);
      for (const footnote of footnotes) {
        const facts = analysis.facts(footnote);
        const ranges = facts.priceRanges;
        if (ranges.length === 0) continue;
        if (price && ranges.every((r) => price.lessThan(r.low) || price.greaterThan(r.high))) {
          const stated = ranges.map((r) => `${formatPrice(r.low)} to ${formatPrice(r.high)}`);
          report({
            span: row.pricePerShare.valueSpan,
            message: `The weighted-average price ${formatPrice(price)} is outside ${stated.length === 1 ? `the range ${stated[0]}` : `every range (${stated.join('; ')})`} that footnote (${footnote.id}) gives.`,
            related: [{ span: footnote.span, message: `Footnote (${footnote.id})` }],
          });
        }
        if (reportedFootnotes.has(footnote)) continue;
        reportedFootnotes.add(footnote);
        const widest = ranges.reduce((a, b) => (b.high.minus(b.low).greaterThan(a.high.minus(a.low)) ? b : a));
        if (widest.high.minus(widest.low).greaterThan(decimal(1))) {
          report({
            span: footnote.span,
            message: `Footnote (${footnote.id}) gives a range of ${formatPrice(widest.high.minus(widest.low))} (${formatPrice(widest.low)} to ${formatPrice(widest.high)}). Weighted averages are reported in ranges of $1 or less: split the row.`,
            severity: 'warning',
          });
        }
        if (!facts.undertaking && !undertakingGiven) {
          report({
            span: footnote.span,
            message: `Footnote (${footnote.id}) gives a weighted-average range, but not the undertaking to give the number of shares sold at each price on request.`,
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
  example: { draft: '| Common Stock | 08/06/2013 | 08/02/2013 | S | …', message: 'The deemed execution date 08/02/2013 is before the transaction date 08/06/2013. Check both dates.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      const trade = row.transactionDate.value;
      const deemed = row.deemedExecutionDate.value;
      if (!trade || !deemed) continue;
      const span = row.deemedExecutionDate.valueSpan;
      if (compareDates(deemed, trade) < 0) {
        report({ span, message: `The deemed execution date ${formatDate(deemed)} is before the transaction date ${formatDate(trade)}. Check both dates.` });
        continue;
      }
      const days = businessDaysBetween(trade, deemed);
      if (days > 3) {
        report({ span, message: `The deemed execution date ${formatDate(deemed)} is ${count(days, 'business day')} after the transaction date ${formatDate(trade)}, and Rule 16a-3(g)(2) allows at most 3.` });
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
  example: { draft: '| Stock Option (right to buy) | $4.10 | 08/06/2013 | | M | | | 10,000 | 11/05/2020 | 11/05/2010 | …', message: 'The expiration date 11/05/2010 is before the date exercisable 11/05/2020. Check both dates.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      if (row.table !== 'II') continue;
      const expiration = row.expirationDate.value;
      if (!expiration) continue;
      const exercisable = row.exerciseDate.value;
      const span = row.expirationDate.valueSpan;
      const trade = row.transactionDate.value;
      // One finding per cell, naming every date it contradicts.
      const before: string[] = [];
      if (exercisable && compareDates(expiration, exercisable) < 0) before.push(`the date exercisable ${formatDate(exercisable)}`);
      if (trade && compareDates(expiration, trade) < 0) before.push(`the transaction date ${formatDate(trade)}`);
      if (before.length > 0) report({ span, message: `The expiration date ${formatDate(expiration)} is before ${before.join(' and ')}. Check the dates.` });
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
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 100 | D | $18.00 | 900 | D | |\n| Common Stock | 08/06/2013 | | S | | 100 | D | $18.00 | 900 | D | |', message: 'Table I row 2 repeats Table I row 1 cell for cell. Remove it if it was pasted twice.' },
  source: 'model',
  check({ analysis, report }) {
    // Rows by a short key first; the full key only among rows that share it.
    const firstByQuickKey = new Map<string, TableRow | undefined>();
    const seen = new Map<string, TableRow>();
    for (const row of analysis.rows.trusted) {
      const quick = quickKey(row);
      if (!firstByQuickKey.has(quick)) {
        firstByQuickKey.set(quick, row);
        continue;
      }
      const first = firstByQuickKey.get(quick);
      if (first) {
        seen.set(rowKey(first), first);
        firstByQuickKey.set(quick, undefined);
      }
      const key = rowKey(row);
      const earlier = seen.get(key);
      if (earlier) {
        report({ span: row.span, message: `${rowLabel(row)} repeats ${rowLabel(earlier)} cell for cell. Remove it if it was pasted twice.`, related: [relatedRow(earlier, 'the same row')] });
      } else {
        seen.set(key, row);
      }
    }
  },
};

/**
 * A row's cells as written (values and references), the same for two rows identical cell for
 * cell. Built only for rows that already agree in their table, date, amount and amount owned,
 * which real rows almost never do: most rows cost one short key.
 */
function rowKey(row: TableRow): string {
  const parts: string[] = [row.table];
  for (const field of row.fields) {
    parts.push(field.text);
    for (const ref of field.refs) parts.push(`(${ref.id})`);
  }
  return parts.join('\u0000');
}

function quickKey(row: TableRow): string {
  return `${row.table}\u0000${row.transactionDate.text}\u0000${row.shares.text}\u0000${row.ownedAfter.text}\u0000${row.securityTitle.text}`;
}
