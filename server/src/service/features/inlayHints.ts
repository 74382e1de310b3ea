/**
 * Inlay hints: the running holding the rows imply, one hint at the end of each row with an
 * amount owned. On the first row of a holding, what was held before that row
 * ("held before this row: 55,500"); on the next rows, how the amount owned follows from the
 * previous row ("55,500 = 65,500 − 10,000"), or what it should be when it does not.
 *
 * The hint stands after the row's last cell, not after the amount-owned cell: an inline hint
 * takes room on screen, and inside a formatted table it pushed every later pipe of its row out
 * of line with the rows above and below. And a hint right after "65,500" that read "held
 * before: 55,500" looked as if 65,500 were what had been held before.
 */
import type { Analysis } from '../analysis/analysis';
import { computationOf } from '../analysis/holdings';
import { formatDecimal } from '../model/decimal';
import type { Filing } from '../model/filing';
import type { PriorHoldings, ReportedHolding } from '../history/holdings';
import { priorFiguresOf, priorHint } from './historyHover';
import { type Pos, type Span, spansOverlap } from '../text/position';

export interface InlayHint {
  readonly position: Pos;
  readonly label: string;
  /** Markdown shown on hover over the hint. */
  readonly tooltip: string;
}

const MINUS = '\u2212';

/** `prior`: what the earlier filings of the filing's history reported (`priorHoldingsFor`), for the first rows. */
export function inlayHints(_filing: Filing, analysis: Analysis, range?: Span, prior?: PriorHoldings): InlayHint[] {
  const hints: InlayHint[] = [];
  const figures = priorFiguresOf(analysis, prior);
  for (const row of analysis.rows.trusted) {
    if (range && !spansOverlap(row.span, range)) continue;
    const step = analysis.holdings.steps.get(row);
    const owned = row.ownedAfter.value;
    if (!step || !owned || owned.dollars) continue;
    // After the row's closing pipe (or its last cell, in a row left open or tab-separated).
    const position = row.span.end;
    const amount = formatDecimal(owned.amount);
    if (step.previous && step.before !== undefined) {
      const change = step.change;
      const arithmetic = change ? `${formatDecimal(step.before)} ${change.isNegative() ? MINUS : '+'} ${formatDecimal(change.abs())}` : formatDecimal(step.before);
      const expected = step.expected;
      if (expected === undefined) continue;
      const matches = expected.equals(owned.amount);
      const previous = `Table ${step.previous.table} row ${step.previous.ordinal}`;
      hints.push({
        position,
        label: matches ? `${amount} = ${arithmetic}` : `${amount} \u2260 ${arithmetic} = ${formatDecimal(expected)}`,
        tooltip: matches
          ? `Amount owned ${amount} follows from ${previous}: ${computationOf(step) ?? ''}.`
          : `Amount owned ${amount} does not follow from ${previous}: expected ${formatDecimal(expected)} (${computationOf(step) ?? ''}).`,
      });
    } else if (figures.has(row)) {
      const implied = step.before !== undefined && step.change ? formatDecimal(step.before) : undefined;
      hints.push({ position, ...priorHint(figures.get(row) as ReportedHolding, implied) });
    } else if (step.before !== undefined && step.change) {
      const before = formatDecimal(step.before);
      hints.push({
        position,
        label: `held before this row: ${before}`,
        tooltip:
          `The first row of this holding in the draft. Before it, the holding was ${before}: the amount owned after it, ` +
          `${amount}, ${step.change.isNegative() ? '+' : MINUS} the ${formatDecimal(step.change.abs())} it ` +
          `${step.change.isNegative() ? 'disposed of' : 'acquired'}.`,
      });
    }
  }
  return hints;
}
