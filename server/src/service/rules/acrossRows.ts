/** Rules across rows and tables: running balances, exercise pairs, withholdings. */
import { footnotesOfRow } from '../analysis/footnoteIndex';
import { carriedAmounts, computationOf } from '../analysis/holdings';
import type { ExerciseGroup } from '../analysis/exercises';
import { dayNumber, formatDate, sameDate } from '../model/calendarDate';
import { type Decimal, formatDecimal, formatPrice, ZERO } from '../model/decimal';
import { type Field, type Quantity, type TableRow, titleKey } from '../model/filing';
import { flipDirectionFix } from './rows';
import type { ModelFix } from '../model/changes';
import { relatedRow, rowLabel, rowsLabel } from './helpers';
import type { Reporter, RuleDefinition } from './types';

export const holdingsMismatch: RuleDefinition = {
  id: 'holdings-mismatch',
  group: 'Across rows and tables',
  defaultSeverity: 'error',
  severityNote: 'error; information when the amount-owned cell carries a footnote that explains it, or when the row reads as a lot of its own',
  summary: 'Column 5 (Table I) or 9 (Table II) does not follow from the previous row of the same holding.',
  description:
    'Each row\'s amount owned afterwards must follow from the previous row of the same holding: the previous amount owned plus the amount acquired, or minus the amount disposed of. A holding is one line of ownership: same table, same title, same ownership form and nature, same footnotes on the ownership cells, and in Table II the same exercise price, expiration date, underlying title and date exercisable (RSU tranches differ only in their vesting schedule). The first row of a holding has no previous row to follow from; there, only an amount owned that differs from the amount acquired by two swapped digits (757,756 for 757,576) is reported, as a warning. The message gives the expected figure and how it was computed; when the difference is exactly twice the amount, (A)/(D) looks flipped. A footnote on the amount-owned cell (shares bought under an ESPP, a stock split) may explain a difference: the finding is then only information. So it is when a Table II row has the code and date of the previous row of its holding and its amount owned follows from its own amount: two grants with the same exercise price and expiration date exercised the same day, or two series rows of one preferred stock each converted to 0, are separate lots that each report their own balance (holdings-negative then says nothing either). The quick fix writes the expected figure.',
  example: {
    draft: '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.10 | 65,500 | D | |\n| Common Stock | 08/06/2013 | | S | | 10,000 | D | $18.37 | 54,500 | D | |',
    message: 'The amount owned should be 55,500 (65,500 − 10,000 disposed on 08/06/2013), not 54,500.',
  },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      const step = analysis.holdings.steps.get(row);
      const found = row.ownedAfter.value;
      if (step && !step.previous && found && !found.dollars) reportTransposition(row, found.amount, report);
      if (!step?.expected || !step.previous || !found || found.dollars || found.amount.equals(step.expected)) continue;
      const expected = formatDecimal(step.expected);
      const difference = found.amount.minus(step.expected);
      const amount = row.shares.value?.amount;
      const flipped = row.kind === 'transaction' && amount !== undefined && !amount.isZero() && difference.abs().equals(amount.times(2));
      const explained = row.ownedAfter.refs.length > 0;
      const fixes: ModelFix[] = [];
      if (flipped) {
        const flip = flipDirectionFix(row, false);
        if (flip) fixes.push(flip);
      }
      // The expected figure, carried through the rows that followed from the wrong one; none
      // when it would be negative (holdings-negative says why).
      const carried = carriedAmounts(analysis.holdings, row, step.expected);
      if (carried) {
        const after = carried.length - 1;
        fixes.push({
          title: `Set the amount owned to ${expected}${after > 0 ? ` and carry the difference through the ${after} row${after === 1 ? '' : 's'} after it` : ''}`,
          preferred: !flipped && !explained && step.ownBefore === undefined,
          changes: carried.map((c) => ({ kind: 'setAmount' as const, field: c.row.ownedAfter, amount: c.amount })),
        });
      }
      const previousOwned = step.previous.ownedAfter.value;
      if (step.ownBefore !== undefined) {
        // Read as its own lot, the row is consistent: information, and no fix is preferred.
        report({
          span: row.ownedAfter.valueSpan,
          message: `${rowLabel(row)} reads as a lot of its own: ${formatDecimal(step.ownBefore)} before it, ${formatDecimal(found.amount)} after. As one holding with ${rowLabel(step.previous)}, it would own ${expected}.`,
          severity: 'information',
          related: [relatedRow(step.previous, `the other row of this series on that day${previousOwned ? `, ${formatDecimal(previousOwned.amount)} owned` : ''}`)],
          fixes,
        });
        continue;
      }
      report({
        span: row.ownedAfter.valueSpan,
        message: `The amount owned should be ${expected} (${computationOf(step) ?? ''}), not ${formatDecimal(found.amount)}.${flipped ? ' The difference is twice the amount, so (A)/(D) may be flipped.' : ''}${explained ? ' A footnote on the cell may explain it.' : ''}`,
        severity: explained ? 'information' : undefined,
        related: [relatedRow(step.previous, `the previous row of this holding${previousOwned ? `, ${formatDecimal(previousOwned.amount)} owned` : ''}`)],
        fixes,
      });
    }
  },
};

/**
 * The first row of a holding acquiring what it then owns, with two digits swapped between the
 * amount and the amount owned (a real filing: 757,576 options granted, 757,756 owned). Nothing
 * tells the previous holding, so only this unmistakable typo is reported.
 */
function reportTransposition(row: TableRow, owned: Decimal, report: Reporter): void {
  const amount = row.shares.value;
  if (row.kind !== 'transaction' || row.acquiredDisposed.value !== 'A' || !amount || amount.dollars) return;
  const a = amount.amount.toFixed();
  const b = owned.toFixed();
  if (a === b || a.length !== b.length || a.length < 4) return;
  const differing = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i !== -1);
  const [i, j] = differing;
  if (differing.length !== 2 || i === undefined || j === undefined || j !== i + 1 || a[i] !== b[j] || a[j] !== b[i]) return;
  report({
    span: row.ownedAfter.valueSpan,
    message: `The amount owned ${formatDecimal(owned)} is the ${formatDecimal(amount.amount)} acquired with two digits swapped: one of them may be a typo.`,
    severity: 'warning',
    related: [{ span: row.shares.valueSpan, message: `${rowLabel(row)}: the amount acquired` }],
  });
}

export const holdingsNegative: RuleDefinition = {
  id: 'holdings-negative',
  group: 'Across rows and tables',
  defaultSeverity: 'error',
  summary: 'A row disposes of more than was held before it.',
  description:
    'A row cannot dispose of more shares than the holding had after its previous row: either the amount, the direction or the previous amount owned is wrong, or the row belongs to another holding (a different ownership form or nature).',
  example: { draft: '| Common Stock | 08/06/2013 | | P | | 1,000 | A | $18.00 | 1,000 | D | |\n| Common Stock | 08/07/2013 | | S | | 5,000 | D | $18.50 | 0 | D | |', message: 'Table I row 2 disposes of 5,000, but the holding had only 1,000 after Table I row 1.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      const step = analysis.holdings.steps.get(row);
      // A row that reads as a lot of its own disposes of its own lot (holdings-mismatch says so).
      if (!step?.previous || step.before === undefined || !step.change || !step.change.isNegative() || step.ownBefore !== undefined) continue;
      if (step.before.plus(step.change).isNegative()) {
        report({
          span: row.shares.valueSpan,
          message: `${rowLabel(row)} disposes of ${formatDecimal(step.change.abs())}, but the holding had only ${formatDecimal(step.before)} after ${rowLabel(step.previous)}.`,
          related: [relatedRow(step.previous, `the previous row of this holding, ${formatDecimal(step.before)} owned`)],
        });
      }
    }
  },
};

export const exerciseUnpaired: RuleDefinition = {
  id: 'exercise-unpaired',
  group: 'Across rows and tables',
  defaultSeverity: 'error',
  severityNote: 'error for a missing acquisition, warning for the reverse; warning (information with a footnote) for an acquisition coded otherwise',
  summary: 'An M, C, O or X row in one table without a row of the same code and date for the underlying.',
  description:
    'An exercise or conversion (M, C, O, X) has two halves with the same code and date: the Table II row disposing of the derivative, and the row acquiring what it was exercised for (in Table I, or in Table II when the acquired security is itself a derivative, such as a convertible Class B). A Table II disposal without its acquisition is an error; an acquisition without its Table II disposal is a warning. When the acquisition is there with another code (at an IPO, preferred stock converts with code C into common stock that filers often report acquired with code J), the two rows are paired by their date, the underlying title and the amount (one row of common stock may take several series together), and the finding is a warning that names the two codes; information when the acquisition carries a footnote, which may explain it. Nothing is reported while a damaged row could hold the missing half.',
  example: { draft: 'Table I\n| Common Stock | 08/06/2013 | | S | | 10,000 | D | $18.37 | 55,500 | D | |\nTable II\n| Stock Option (right to buy) | $4.10 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |', message: 'The M exercise in Table II row 1 has no row that acquires its Common Stock with code M on 08/06/2013.' },
  source: 'model',
  check({ analysis, report }) {
    const exercises = analysis.exercises;
    if (!exercises.decidable) return;
    for (const group of exercises.crossCoded) {
      const { acquisition: a, code, acquisitionCode } = group;
      const first = group.disposals[0];
      if (!first) continue;
      const halves = group.disposals.length === 1 ? rowLabel(first) : `${rowLabel(first)} and ${group.disposals.length - 1} more`;
      const footnoted = footnotesOfRow(analysis.footnotes, a).length > 0;
      report({
        span: a.coding.valueSpan,
        message: `${rowLabel(a)} acquires what the ${code} ${code === 'C' ? 'conversion' : 'exercise'} in ${halves} gives, but with code ${acquisitionCode}. Both halves usually carry code ${code}.${footnoted ? ' Its footnote may explain why.' : ''}`,
        severity: footnoted ? 'information' : 'warning',
        related: group.disposals.map((d) => relatedRow(d, `the ${code} half of this ${code === 'C' ? 'conversion' : 'exercise'}`)),
      });
    }
    for (const d of exercises.unpairedDisposals) {
      const code = d.coding.value?.code ?? '';
      const date = d.transactionDate.value;
      const what = d.underlyingTitle.value ?? 'underlying security';
      report({
        span: d.coding.valueSpan,
        message: `The ${code} exercise in ${rowLabel(d)} has no row that acquires its ${what} with code ${code}${date ? ` on ${formatDate(date)}` : ''}.`,
      });
    }
    // A Table II exercise coded A is one error with two unpaired halves: the Table II row (an
    // acquisition with no disposal) and its correct Table I acquisition (no disposal either).
    // It is reported once, at the Table II row that is wrong, related to the Table I row; the
    // correct Table I row gets no finding of its own (corpus: edgartools__form4.snow.xml, where
    // both were reported and the warning on Table I pointed at a cell with nothing to fix).
    const codedA = exercises.unpairedAcquisitions.filter((a) => a.table === 'II');
    const halfOf = new Map<TableRow, TableRow[]>();
    const covered = new Set<TableRow>();
    for (const a of exercises.unpairedAcquisitions) {
      if (a.table !== 'I') continue;
      const twin = codedA.find((b) => sameExercise(a, b));
      if (!twin) continue;
      covered.add(a);
      halfOf.set(twin, [...(halfOf.get(twin) ?? []), a]);
    }
    for (const a of exercises.unpairedAcquisitions) {
      if (covered.has(a)) continue;
      const code = a.coding.value?.code ?? '';
      const date = a.transactionDate.value;
      const disposalCodedA = a.table === 'II';
      report({
        span: a.coding.valueSpan,
        message: disposalCodedA
          ? `${rowLabel(a)} is an ${code} exercise marked A (acquired). An exercise disposes of the derivative: write D.`
          : `${rowLabel(a)} acquires by ${code} exercise${date ? ` on ${formatDate(date)}` : ''}, but no Table II row disposes of the derivative with code ${code} that day.`,
        severity: 'warning',
        related: (halfOf.get(a) ?? []).map((r) => relatedRow(r, `the acquisition of the underlying by this ${code} exercise`)),
      });
    }
  },
};

/** Two rows of the same exercise code and date. */
function sameExercise(a: TableRow, b: TableRow): boolean {
  const da = a.transactionDate.value;
  const db = b.transactionDate.value;
  return a.coding.value?.code === b.coding.value?.code && da !== undefined && db !== undefined && sameDate(da, db);
}

function sum(fields: readonly Field<Quantity>[]): Decimal | undefined {
  let total = ZERO;
  for (const f of fields) {
    const q = f.value;
    if (!q || q.dollars) return undefined;
    total = total.plus(q.amount);
  }
  return total;
}

export const exerciseMismatch: RuleDefinition = {
  id: 'exercise-mismatch',
  group: 'Across rows and tables',
  defaultSeverity: 'warning',
  summary: 'A paired exercise whose amounts differ, or (M, O, X) whose Table I price differs from the exercise price.',
  description:
    'The two halves of an exercise describe one event: the number of derivatives disposed of in Table II, the amount of underlying securities in Table II column 7 and the amount acquired in the paired row agree (a conversion, C, may convert at a ratio, so only the underlying amount is compared with the acquisition). For an option exercise (M, O, X), the price paid in Table I is the exercise price of Table II column 2.',
  example: { draft: '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.20 | 65,500 | D | |\n…\n| Stock Option (right to buy) | $4.10 | 08/06/2013 | | M | | | 10,000 | … |', message: 'The exercise is paid $4.20 per share in Table I row 1, but the exercise price in Table II row 1 is $4.10.' },
  source: 'model',
  check({ analysis, report }) {
    for (const group of analysis.exercises.groups) checkGroup(group, report);
  },
};

function checkGroup(group: ExerciseGroup, report: Reporter): void {
  const disposed = sum(group.disposals.map((d) => d.shares));
  const underlying = sum(group.disposals.map((d) => d.underlyingShares));
  const acquired = sum(group.acquisitions.map((a) => a.shares));
  const first = group.acquisitions[0];
  const firstDisposal = group.disposals[0];
  if (!first || !firstDisposal) return;
  const disposalRows = rowsLabel(group.disposals);
  const acquisitionRows = rowsLabel(group.acquisitions);
  const related = group.disposals.map((d) => relatedRow(d, `the ${group.code} disposal`));
  const compared = underlying ?? (group.code === 'C' ? undefined : disposed);
  if (compared !== undefined && acquired !== undefined && !compared.equals(acquired)) {
    report({
      span: first.shares.valueSpan,
      message: `The ${group.code} exercise acquires ${formatDecimal(acquired)} in ${acquisitionRows}, but ${disposalRows} ${underlying !== undefined ? 'gives' : 'disposes of'} ${formatDecimal(compared)}${underlying !== undefined ? ' underlying' : ''}.`,
      related,
    });
  } else if (group.code !== 'C' && disposed !== undefined && underlying !== undefined && !disposed.equals(underlying)) {
    report({
      span: firstDisposal.underlyingShares.valueSpan,
      message: `${disposalRows} ${group.disposals.length > 1 ? 'dispose' : 'disposes'} of ${formatDecimal(disposed)} derivatives but ${group.disposals.length > 1 ? 'give' : 'gives'} ${formatDecimal(underlying)} underlying shares.`,
    });
  }
  if (group.code === 'C') return;
  const prices = new Set(group.disposals.map((d) => d.exercisePrice.value?.toFixed()));
  const exercisePrice = firstDisposal.exercisePrice.value;
  if (prices.size !== 1 || !exercisePrice) return;
  for (const a of group.acquisitions) {
    const paid = a.pricePerShare.value;
    if (a.table !== 'I' || !paid || paid.equals(exercisePrice)) continue;
    report({
      span: a.pricePerShare.valueSpan,
      message: `The exercise is paid ${formatPrice(paid)} per share in ${rowLabel(a)}, but the exercise price in ${rowLabel(firstDisposal)} is ${formatPrice(exercisePrice)}.`,
      related: [relatedRow(firstDisposal, `exercise price ${formatPrice(exercisePrice)}`)],
    });
  }
}

export const withholdingUnpaired: RuleDefinition = {
  id: 'withholding-unpaired',
  group: 'Across rows and tables',
  defaultSeverity: 'warning',
  summary: 'An F row with no acquisition (A, M, X, vesting) of the same security on the same date, or withholding more than was acquired.',
  description:
    'Code F pays an exercise price or a tax with shares withheld from an exercise, a grant or a vesting, on the same day. An F row without an acquisition of the same security on that date (and without a footnote speaking of the vesting it pays for) is usually a wrong date or title; withholding more shares than were acquired that day is a wrong amount.',
  example: { draft: '| Common Stock | 03/15/2024 | | M | | 1,000 | A | $0 | 11,000 | D | |\n| Common Stock | 03/15/2024 | | F | | 1,400 | D | $25.00 | 9,600 | D | |', message: 'Table I row 2 withholds 1,400 on 03/15/2024, more than the 1,000 acquired that day.' },
  source: 'model',
  check({ analysis, report }) {
    const rows = analysis.rows.trusted.filter((r) => r.kind === 'transaction');
    const groups = new Map<string, { withholdings: TableRow[]; acquisitions: TableRow[] }>();
    const keyOf = (r: TableRow): string | undefined => {
      const date = r.transactionDate.value;
      const title = r.securityTitle.value;
      return date && title ? `${r.table}\u0000${titleKey(title)}\u0000${dayNumber(date)}` : undefined;
    };
    for (const r of rows) {
      const key = keyOf(r);
      if (!key) continue;
      const g = groups.get(key) ?? { withholdings: [], acquisitions: [] };
      if (r.coding.value?.code === 'F' && r.acquiredDisposed.value === 'D') g.withholdings.push(r);
      else if (r.acquiredDisposed.value === 'A') g.acquisitions.push(r);
      groups.set(key, g);
    }
    for (const { withholdings, acquisitions } of groups.values()) {
      const first = withholdings[0];
      if (!first) continue;
      const date = first.transactionDate.value;
      const when = date ? formatDate(date) : 'that date';
      if (acquisitions.length === 0) {
        for (const f of withholdings) {
          if (footnotesOfRow(analysis.footnotes, f).some((fn) => analysis.facts(fn).vesting)) continue;
          report({
            span: f.coding.valueSpan,
            message: `${rowLabel(f)} withholds shares (F) on ${when}, but no row acquires them that day and no footnote speaks of a vesting.`,
          });
        }
        continue;
      }
      const withheld = sum(withholdings.map((f) => f.shares));
      const acquired = sum(acquisitions.map((a) => a.shares));
      if (withheld && acquired && withheld.greaterThan(acquired)) {
        const last = withholdings[withholdings.length - 1] ?? first;
        report({
          span: last.shares.valueSpan,
          message: `${withholdings.length > 1 ? `${rowsLabel(withholdings)} withhold` : `${rowLabel(last)} withholds`} ${formatDecimal(withheld)} on ${when}, more than the ${formatDecimal(acquired)} acquired that day.`,
          related: acquisitions.map((a) => relatedRow(a, 'acquisition that day')),
        });
      }
    }
  },
};
