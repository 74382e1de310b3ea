/**
 * What the filing history adds to a hover: on an amount owned, the figure the earlier filings
 * last reported for its holding and where (a link to that file, at the figure); on the
 * amount-owned column's title, the holdings reported before that this filing does not mention
 * (a Form 4 reports only what changed, so they are not errors, but the drafter should know them).
 * The host gives the prior holdings (`priorHoldingsFor`) and appends the text to its hover.
 */
import type { Analysis } from '../analysis/analysis';
import { signedChange } from '../analysis/holdings';
import type { SourceDocument } from '../document';
import { historyKey, type PriorHoldings, type ReportedHolding, unmentionedHoldings } from '../history/holdings';
import { formatDate } from '../model/calendarDate';
import { formatDecimal } from '../model/decimal';
import type { TableRow } from '../model/filing';
import { describeReport } from '../rules/history';
import type { Pos, Span } from '../text/position';
import { toRange } from '../text/range';
import type { HoverResult } from './hover';
import { locate } from './locate';
import { locateInFiling } from './locateModel';

const MINUS = '\u2212';

/** The history's part of the hover at `position`, or undefined when it has nothing to say there. */
export function historyHoverAt(source: SourceDocument, analysis: Analysis, position: Pos, prior: PriorHoldings | undefined): HoverResult | undefined {
  if (!prior || prior.holdings.size === 0) return undefined;
  if (source.kind === 'draft') {
    const found = locate(source, analysis, position);
    if (found?.kind !== 'cell' || found.column?.kind !== 'owned') return undefined;
    if (found.header) {
      const contents = unmentionedText(source, prior);
      return contents ? { contents, span: found.cell.span } : undefined;
    }
    return found.row ? rowHover(found.row, analysis, prior, found.cell.text === '' ? found.cell.span : found.cell.valueSpan) : undefined;
  }
  const found = locateInFiling(source.filing, analysis, position);
  if (found?.kind !== 'field' || found.column.kind !== 'owned') return undefined;
  return rowHover(found.row, analysis, prior, found.field.text === '' ? found.field.span : found.field.valueSpan);
}

function rowHover(row: TableRow, analysis: Analysis, prior: PriorHoldings, span: Span): HoverResult | undefined {
  const key = historyKey(row);
  const before = key === undefined ? undefined : prior.holdings.get(key);
  if (!before) return undefined;
  const lines = [`**Last reported: ${formatDecimal(before.amount)}** ${whereReported(before)}`];
  if (isFirstRow(row, analysis)) {
    const owned = row.ownedAfter.value;
    const change = row.kind === 'transaction' ? signedChange(row) : undefined;
    if (owned && !owned.dollars && (row.kind === 'holding' || change)) {
      const expected = change ? before.amount.plus(change) : before.amount;
      const sum = change ? `${formatDecimal(before.amount)} ${change.isNegative() ? MINUS : '+'} ${formatDecimal(change.abs())} = ${formatDecimal(expected)}` : formatDecimal(expected);
      lines.push(expected.equals(owned.amount)
        ? `The first row of this holding follows from it: ${sum}.`
        : `The first row of this holding should say ${formatDecimal(expected)} (${sum}); it says ${formatDecimal(owned.amount)}.`);
    }
  }
  return { contents: lines.join('\n\n'), span };
}

/** Whether no earlier row of the filing belongs to the same holding across filings. */
function isFirstRow(row: TableRow, analysis: Analysis): boolean {
  const key = historyKey(row);
  for (const other of analysis.rows.trusted) {
    if (other === row) return true;
    if (historyKey(other) === key) return false;
  }
  return true;
}

/**
 * For the inlay hints: the figure the history last reported for each holding, on the filing's
 * first row of that holding (the row the cross-filing rule checks).
 */
export function priorFiguresOf(analysis: Analysis, prior: PriorHoldings | undefined): ReadonlyMap<TableRow, ReportedHolding> {
  const figures = new Map<TableRow, ReportedHolding>();
  if (!prior || prior.holdings.size === 0) return figures;
  const seen = new Set<string>();
  for (const row of analysis.rows.trusted) {
    const key = historyKey(row);
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const before = prior.holdings.get(key);
    if (before) figures.set(row, before);
  }
  return figures;
}

/** The inlay hint's label and tooltip for a first row with an earlier figure. */
export function priorHint(before: ReportedHolding, impliedBefore: string | undefined): { label: string; tooltip: string } {
  const implied = impliedBefore !== undefined && impliedBefore !== formatDecimal(before.amount) ? ` This row implies ${impliedBefore} held before it.` : '';
  return {
    label: `held before this row: ${formatDecimal(before.amount)} (${describeReport(before)})`,
    tooltip: `Last reported ${whereReported(before)}.${implied}`,
  };
}

function unmentionedText(source: SourceDocument, prior: PriorHoldings): string | undefined {
  const held = unmentionedHoldings(source.filing, prior);
  if (held.length === 0) return undefined;
  const lines = held.map((h) => `- ${escape(h.title)} (${h.ownership === 'I' ? `I, ${escape(h.nature ?? '')}` : 'D'}): **${formatDecimal(h.amount)}** ${whereReported(h)}`);
  return `**Holdings reported before and not in this filing** (a Form 4 reports only what changed; they stand as reported):\n\n${lines.join('\n')}`;
}

/** "on the [Form 4 of 08/07/2013](file…#L20) (`wilson.xml`, line 20), as of 08/06/2013". */
function whereReported(report: ReportedHolding): string {
  const line = toRange(report.from.span).start.line + 1;
  const name = fileName(report.from.uri);
  return `on the [${describeReport(report)}](${linkTo(report.from.uri, line)}) (\`${name}\`, line ${line}), as of ${formatDate(report.asOf)}`;
}

/** A link that opens the file at the line: VS Code reads `#L20` on a file URI. */
export function linkTo(uri: string, line: number): string {
  const base = uri.replace(/#.*$/, '').replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${base}#L${line}`;
}

/** The last segment of a URI or path, decoded. */
export function fileName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split(/[/\\]/).pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
