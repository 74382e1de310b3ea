/**
 * Inlay hints after each amount-owned cell: the running holding the rows imply. On the first
 * row of a holding, what was held before it; on the next rows, how the amount follows from the
 * previous row ("= 65,500 − 10,000"), or what it should be when it does not.
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

/** `prior`: what the earlier filings of the filing's history reported (`priorHoldingsFor`), for the first rows. */
export function inlayHints(_filing: Filing, analysis: Analysis, range?: Span, prior?: PriorHoldings): InlayHint[] {
  const hints: InlayHint[] = [];
  const figures = priorFiguresOf(analysis, prior);
  for (const row of analysis.rows.trusted) {
    if (range && !spansOverlap(row.span, range)) continue;
    const step = analysis.holdings.steps.get(row);
    const owned = row.ownedAfter.value;
    if (!step || !owned || owned.dollars) continue;
    const position = row.ownedAfter.valueSpan.end;
    const minus = '\u2212';
    if (step.previous && step.before !== undefined) {
      const change = step.change;
      const arithmetic = change ? `${formatDecimal(step.before)} ${change.isNegative() ? minus : '+'} ${formatDecimal(change.abs())}` : formatDecimal(step.before);
      const expected = step.expected;
      if (expected === undefined) continue;
      const matches = expected.equals(owned.amount);
      hints.push({
        position,
        label: matches ? `= ${arithmetic}` : `\u2260 ${arithmetic} = ${formatDecimal(expected)}`,
        tooltip: matches
          ? `Follows from Table ${step.previous.table} row ${step.previous.ordinal}: ${computationOf(step) ?? ''}.`
          : `Does not follow from Table ${step.previous.table} row ${step.previous.ordinal}: expected ${formatDecimal(expected)} (${computationOf(step) ?? ''}).`,
      });
    } else if (figures.has(row)) {
      const implied = step.before !== undefined && step.change ? formatDecimal(step.before) : undefined;
      hints.push({ position, ...priorHint(figures.get(row) as ReportedHolding, implied) });
    } else if (step.before !== undefined && step.change) {
      hints.push({
        position,
        label: `held before: ${formatDecimal(step.before)}`,
        tooltip: `First row of this holding: ${formatDecimal(owned.amount)} ${step.change.isNegative() ? '+' : minus} ${formatDecimal(step.change.abs())} = ${formatDecimal(step.before)} held before it.`,
      });
    }
  }
  return hints;
}
