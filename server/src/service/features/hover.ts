/**
 * Hover: what the thing under the cursor means. A code explains itself (Instruction 8 and the
 * direction it implies), a column title or cell its column, a footnote reference shows the
 * footnote, an amount owned shows how it follows from the previous row, a transaction date its
 * filing deadline.
 *
 * Where a finding stands under the cursor, the editor shows its message in the same hover (VS
 * Code puts diagnostics above the provider's text). Its message already gives the computation
 * ("should be 55,500 (65,500 − 10,000 disposed on 08/06/2013), found 54,500"), so the hover
 * then leaves out what would say it a second time (the running balance, the deadline, the
 * price range) and the column's description: what is wrong comes first, and "Quick Fix…" stays
 * in view.
 */
import type { Analysis } from '../analysis/analysis';
import { computationOf } from '../analysis/holdings';
import { rowLabel } from '../rules/helpers';
import { federalHoliday, form4Deadline, isBusinessDay } from '../model/businessDays';
import { addDays, type CalendarDate, compareDates, formatDate, weekdayName } from '../model/calendarDate';
import type { ColumnInfo } from '../model/columns';
import { codeInfo, MARKER_CODES } from '../model/codes';
import { formatDecimal, formatPrice } from '../model/decimal';
import type { Footnote, TableRow } from '../model/filing';
import { sourceField } from '../model/field';
import { codingField } from '../parse/draft/fields';
import type { BoxKind } from '../parse/draft/header';
import type { ParsedDraft } from '../parse/draft/parser';
import type { Finding } from '../rules/types';
import type { Pos, Span } from '../text/position';
import { locate } from './locate';

export interface HoverResult {
  /** Markdown. */
  readonly contents: string;
  readonly span: Span;
}

export interface HoverOptions {
  /** The draft's findings, as the editor shows them: those under the cursor shape the hover. */
  readonly findings?: readonly Finding[];
}

/** The rules whose message gives a cell fact itself: with their finding shown, the fact is not repeated. */
const FACT_RULES: Partial<Record<ColumnInfo['kind'], readonly string[]>> = {
  owned: ['holdings-mismatch', 'holdings-negative'],
  date: ['late-filing'],
  deemedDate: ['late-filing'],
  price: ['weighted-average'],
};

export function hoverAt(draft: ParsedDraft, analysis: Analysis, position: Pos, options: HoverOptions = {}): HoverResult | undefined {
  const found = locate(draft, analysis, position);
  if (!found) return undefined;
  switch (found.kind) {
    case 'ref': {
      const footnotes = analysis.footnotes.footnotesById.get(found.id) ?? [];
      const contents = footnotes.length === 0
        ? `**Footnote (${found.id})** is not in the Explanation of Responses.`
        : footnotes.map((f) => `**Footnote (${f.id})**\n\n${escapeMarkdown(f.text)}`).join('\n\n---\n\n');
      return { contents, span: found.ref.span };
    }
    case 'footnote':
      return { contents: footnoteHover(found.footnote, analysis), span: found.onMarker ? found.footnote.markerSpan : found.footnote.span };
    case 'box':
      return { contents: boxHover(found.box.kind), span: found.onLabel ? found.box.labelSpan : found.box.span };
    case 'cell': {
      const { column, row, cell } = found;
      if (!column) return undefined;
      // Findings on this cell (not one on the whole row, as row-shape's: there what the cell is helps).
      const shown = found.header ? [] : (options.findings ?? []).filter(
        (f) => f.span.start <= position && position <= f.span.end && f.span.start >= cell.span.start && f.span.end <= cell.span.end,
      );
      const parts: string[] = [];
      if (!found.header && row) {
        const repeats = FACT_RULES[column.kind] ?? [];
        const extra = shown.some((f) => repeats.includes(f.rule)) ? undefined : cellFacts(row, column, analysis);
        if (extra) parts.push(extra);
      }
      // The column's description (or the code's) only when no finding is shown with it.
      if (shown.length === 0) parts.push(!found.header && column.kind === 'code' && cell.text !== '' ? codeHover(cell.text) : columnHover(found.table, column));
      if (parts.length === 0) return undefined;
      return { contents: parts.join('\n\n'), span: found.header || cell.text === '' ? cell.span : cell.valueSpan };
    }
  }
}

export function columnHover(table: string, column: ColumnInfo): string {
  return `**Table ${table}, column ${column.number}: ${column.name}**\n\n${column.doc}`;
}

export function codeHover(text: string): string {
  const field = codingField(sourceField(text, 0, 0, 0, 0));
  const letter = text.trim().charAt(0).toUpperCase();
  const info = codeInfo(field.value?.code ?? letter);
  if (!info) {
    const marker = MARKER_CODES[letter];
    return marker ? `**${letter}** is not a transaction code. ${marker}` : `**${escapeMarkdown(text)}** is not a transaction code of General Instruction 8.`;
  }
  const swap = field.value?.equitySwap ? '\n\n**(K)**: the transaction involves an equity swap or a similar instrument; describe it in a footnote.' : '';
  return `**${info.code}**: ${info.meaning}\n\n*Direction:* ${info.direction}${swap}\n\n*Transaction code, Form 4 General Instruction 8.*`;
}


/** What the row's values say about this cell: the running balance, the deadline, the range. */
export function cellFacts(row: TableRow, column: ColumnInfo, analysis: Analysis): string | undefined {
  switch (column.kind) {
    case 'owned': {
      const step = analysis.holdings.steps.get(row);
      const owned = row.ownedAfter.value;
      if (!step || !owned || owned.dollars) return undefined;
      if (step.previous && step.expected !== undefined) {
        const matches = step.expected.equals(owned.amount);
        const prev = rowLabel(step.previous);
        return matches
          ? `**${formatDecimal(owned.amount)} = ${computationOf(step)}** (from ${prev})`
          : `**Expected ${formatDecimal(step.expected)} = ${computationOf(step)}** (from ${prev}); the row says ${formatDecimal(owned.amount)}.`;
      }
      if (step.before !== undefined && step.change) {
        return `**First row of this holding:** ${formatDecimal(step.before)} held before, ${step.change.isNegative() ? '\u2212' : '+'} ${formatDecimal(step.change.abs())} = ${formatDecimal(owned.amount)}.`;
      }
      return undefined;
    }
    case 'date': {
      const date = row.transactionDate.value;
      if (!date || row.kind !== 'transaction') return undefined;
      if (row.timeliness.value === 'E') return '**Reported early (V):** a Form 5 transaction, with no Form 4 deadline.';
      const deemed = row.deemedExecutionDate.value;
      const start = deemed && compareDates(deemed, date) >= 0 ? deemed : date;
      return deadlineText(start, start === deemed);
    }
    case 'deemedDate': {
      const deemed = row.deemedExecutionDate.value;
      return deemed ? deadlineText(deemed, true) : undefined;
    }
    case 'price': {
      const price = row.pricePerShare.value;
      if (!price) return undefined;
      for (const ref of row.pricePerShare.refs) {
        for (const footnote of analysis.footnotes.footnotesById.get(ref.id) ?? []) {
          const ranges = analysis.facts(footnote).priceRanges;
          if (ranges.length > 0) {
            const inside = ranges.find((r) => !price.lessThan(r.low) && !price.greaterThan(r.high));
            const shown = inside ?? ranges[0];
            return shown ? `**Weighted average** ${formatPrice(price)}, ${inside ? 'within' : 'outside'} the range ${formatPrice(shown.low)} to ${formatPrice(shown.high)} of footnote (${footnote.id}).` : undefined;
          }
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

function deadlineText(start: CalendarDate, deemed: boolean): string {
  const deadline = form4Deadline(start);
  const skipped: string[] = [];
  for (let d = addDays(start, 1); compareDates(d, deadline) < 0; d = addDays(d, 1)) {
    if (isBusinessDay(d)) continue;
    const holiday = federalHoliday(d);
    if (holiday) skipped.push(`${formatDate(d)} (${holiday})`);
  }
  const holidays = skipped.length > 0 ? ` Federal holidays skipped: ${skipped.join(', ')}.` : '';
  return `**Form 4 due by ${weekdayName(deadline)} ${formatDate(deadline)}**: the second business day after ${weekdayName(start)} ${formatDate(start)}${deemed ? ' (the deemed execution date)' : ''}.${holidays}`;
}

export function footnoteHover(footnote: Footnote, analysis: Analysis): string {
  const uses = analysis.footnotes.usesById.get(footnote.id) ?? [];
  const where = uses.length === 0
    ? 'Nothing refers to it.'
    : `Referred to from ${[...new Set(uses.map((u) => u.where))].join('; ')}.`;
  const facts = analysis.facts(footnote);
  const notes: string[] = [];
  if (facts.priceRanges.length > 0) {
    const ranges = facts.priceRanges.map((r) => `${formatPrice(r.low)} to ${formatPrice(r.high)}`).join('; ');
    notes.push(`Price range${facts.priceRanges.length > 1 ? 's' : ''} ${ranges}${facts.undertaking ? ', with the undertaking' : ', without the undertaking'}.`);
  }
  if (facts.rule10b51Plan) notes.push(`Rule 10b5-1 plan${facts.adoptionDate ? ` adopted ${formatDate(facts.adoptionDate)}` : ' (no adoption date found)'}.`);
  return [`**Footnote (${footnote.id})**: ${where}`, ...notes].join('\n\n');
}

const BOX_DOCS: Readonly<Record<BoxKind, string>> = {
  reportingPerson: '**Box 1: Name and Address of Reporting Person** (EDGAR reportingOwner). Last name first, then the address. A second box 1 adds a joint filer (at most 10).',
  issuer: '**Box 2: Issuer Name and Ticker or Trading Symbol** (EDGAR issuer). The ticker goes in square brackets: `QUALYS, INC. [QLYS]`.',
  earliestTransaction: '**Box 3: Date of Earliest Transaction** (EDGAR periodOfReport). The earliest transaction date reported in the tables, not counting transactions reported early with V.',
  amendment: '**Box 4: If Amendment, Date of Original Filed** (EDGAR dateOfOriginalSubmission). Empty for an original Form 4; the original\'s filing date for a Form 4/A.',
  relationship: '**Box 5: Relationship of Reporting Person(s) to Issuer** (EDGAR reportingOwnerRelationship). Director, 10% Owner, Officer (with title), Other (with text): at least one.',
  filingMode: '**Box 6: Individual or Joint/Group Filing.** "Form filed by One Reporting Person" or "Form filed by More than One Reporting Person".',
  exitBox: '**Exit box** (EDGAR notSubjectToSection16). Checked when the reporting person is no longer subject to Section 16; Form 4 or Form 5 obligations may continue (Instruction 1(b)).',
  'rule10b5-1': '**Rule 10b5-1(c) Transaction Indication** (EDGAR aff10b5One). Checked when a reported transaction was made under a plan intended to satisfy Rule 10b5-1(c); a footnote then gives the plan\'s adoption date (Instruction 10). On forms with transactions from 04/01/2023.',
};

export function boxHover(kind: BoxKind): string {
  return BOX_DOCS[kind];
}

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}
