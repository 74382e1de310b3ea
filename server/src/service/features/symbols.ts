/**
 * The outline: the header and its boxes, Table I and Table II with their rows, the footnotes,
 * the remarks and the signatures. Editors show it in the outline view and the breadcrumbs. Given
 * the filing's history, each table also lists the holdings reported before that this filing
 * does not mention (a Form 4 reports only what changed: they stand as reported).
 */
import { formatDate } from '../model/calendarDate';
import { formatDecimal } from '../model/decimal';
import { type PriorHoldings, type ReportedHolding, unmentionedHoldings } from '../history/holdings';
import type { Filing, TableRow } from '../model/filing';
import type { TableId } from '../model/columns';
import { describeReport } from '../rules/history';
import type { BoxKind, DraftBox } from '../parse/draft/header';
import type { ParsedDraft } from '../parse/draft/parser';
import { lineSpan, type Span } from '../text/position';

export type SymbolKind = 'section' | 'box' | 'row' | 'holding' | 'footnote' | 'signature';

export interface DraftSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly DraftSymbol[];
}

const BOX_NAMES: Readonly<Record<BoxKind, string>> = {
  reportingPerson: '1. Reporting Person',
  issuer: '2. Issuer',
  earliestTransaction: '3. Date of Earliest Transaction',
  amendment: '4. Amendment',
  relationship: '5. Relationship',
  filingMode: '6. Individual or Joint Filing',
  exitBox: 'Exit box (Section 16)',
  'rule10b5-1': 'Rule 10b5-1(c) indication',
};

/** What a box says, as read: the owner's name, the relationship, a check box's state. */
function boxDetail(filing: Filing, box: DraftBox): string {
  switch (box.kind) {
    case 'reportingPerson':
      return filing.reportingOwners.find((o) => o.span === box.span)?.name.text ?? '';
    case 'relationship': {
      const r = filing.relationships.find((x) => x.span === box.span);
      if (!r) return '';
      const parts: string[] = [];
      if (r.isDirector) parts.push('Director');
      if (r.isTenPercentOwner) parts.push('10% Owner');
      if (r.isOfficer) parts.push(r.officerTitle.value ? `Officer (${r.officerTitle.value})` : 'Officer');
      if (r.isOther) parts.push(r.otherText.value ? `Other (${r.otherText.value})` : 'Other');
      return parts.length > 0 ? parts.join(', ') : 'none selected';
    }
    case 'filingMode':
      return filing.filingMode?.value === true ? 'Joint/group filing' : filing.filingMode?.value === false ? 'Individual filing' : '';
    case 'exitBox':
    case 'rule10b5-1': {
      const checkBox = box.kind === 'exitBox' ? filing.notSubjectToSection16 : filing.aff10b5One;
      return checkBox?.value === true ? 'checked' : checkBox?.value === false ? 'not checked' : 'no mark';
    }
    default:
      return box.value.text.length > 60 ? `${box.value.text.slice(0, 57)}…` : box.value.text;
  }
}

function rowSymbol(row: TableRow): DraftSymbol {
  const title = row.securityTitle.text || '(no title)';
  const parts: string[] = [];
  if (row.kind === 'transaction') {
    const code = row.coding.value?.code ?? row.coding.text;
    const amount = row.shares.value ? formatDecimal(row.shares.value.amount) : '';
    const date = row.transactionDate.value ? formatDate(row.transactionDate.value) : row.transactionDate.text;
    parts.push([code, amount, row.acquiredDisposed.value ?? ''].filter((p) => p !== '').join(' '), date);
  } else {
    parts.push('holding');
  }
  if (row.ownedAfter.value) parts.push(`owns ${formatDecimal(row.ownedAfter.value.amount)}`);
  return {
    name: `${row.ordinal}. ${title}`,
    detail: parts.filter((p) => p !== '').join(', '),
    kind: row.kind === 'transaction' ? 'row' : 'holding',
    span: row.span,
    selectionSpan: row.securityTitle.text !== '' ? row.securityTitle.valueSpan : row.span,
    children: [],
  };
}

export interface SymbolOptions {
  /** The holdings before this filing in its history (the host's `priorHoldingsFor`). */
  readonly prior?: PriorHoldings;
}

export function documentSymbols(draft: ParsedDraft, options: SymbolOptions = {}): DraftSymbol[] {
  const { filing, lines } = draft;
  const symbols: DraftSymbol[] = [];
  const unmentioned = options.prior ? unmentionedHoldings(filing, options.prior) : [];
  const placed = new Set<ReportedHolding>();
  const lineEnd = (n: number): number => lines[n]?.text.length ?? 0;
  const header = draft.sections.find((s) => s.kind === 'header');
  if (header) {
    symbols.push({
      name: 'Header',
      detail: filing.issuer ? `${filing.issuer.name.text}${filing.issuer.tradingSymbol.value ? ` [${filing.issuer.tradingSymbol.value}]` : ''}` : undefined,
      kind: 'section',
      span: header.span,
      selectionSpan: draft.boxes[0]?.labelSpan ?? header.span,
      children: draft.boxes.map((box) => ({
        name: BOX_NAMES[box.kind],
        detail: boxDetail(filing, box),
        kind: 'box' as const,
        span: box.span,
        selectionSpan: box.labelSpan,
        children: [],
      })),
    });
  }
  for (const drawn of draft.tables) {
    const table = drawn.table === 'I' ? filing.nonDerivativeTable : filing.derivativeTable;
    if (!table) continue;
    const heading = lines[drawn.headingLine]?.text.trim() ?? '';
    symbols.push({
      name: drawn.table === 'I' ? 'Table I' : 'Table II',
      detail: drawn.table === 'I' ? 'Non-Derivative Securities' : 'Derivative Securities',
      kind: 'section',
      span: table.span,
      selectionSpan: lineSpan(drawn.headingLine, 0, Math.min(heading.length, lineEnd(drawn.headingLine))),
      children: [...table.rows.map(rowSymbol), ...earlierHoldings(unmentioned, drawn.table, heading.length > 0 ? lineSpan(drawn.headingLine, 0, heading.length) : table.span, placed)],
    });
  }
  // Holdings of a table the draft does not have: under the header (or at the top).
  const rest = unmentioned.filter((h) => !placed.has(h));
  const top = header?.span ?? lineSpan(0, 0, lineEnd(0));
  if (rest.length > 0) {
    symbols.push({
      name: 'Reported before, not in this filing',
      detail: `${rest.length} holding${rest.length === 1 ? '' : 's'}`,
      kind: 'section',
      span: top,
      selectionSpan: top,
      children: [...earlierHoldings(rest, 'I', top, placed), ...earlierHoldings(rest, 'II', top, placed)],
    });
  }
  if (draft.explanation) {
    const section = draft.sections.find((s) => s.kind === 'explanation');
    symbols.push({
      name: 'Explanation of Responses',
      detail: `${filing.footnotes.length} footnote${filing.footnotes.length === 1 ? '' : 's'}`,
      kind: 'section',
      span: section?.span ?? draft.explanation.span,
      selectionSpan: draft.explanation.span,
      children: filing.footnotes.map((f) => ({
        name: `(${f.id})`,
        detail: f.text.length > 80 ? `${f.text.slice(0, 77)}…` : f.text,
        kind: 'footnote' as const,
        span: f.span,
        selectionSpan: f.markerSpan,
        children: [],
      })),
    });
  }
  if (filing.remarks) {
    const start = filing.remarks.span.start;
    symbols.push({ name: 'Remarks', detail: filing.remarks.text.slice(0, 60), kind: 'section', span: filing.remarks.span, selectionSpan: { start, end: start + 7 }, children: [] });
  }
  for (const s of filing.signatures) {
    const span = s.date ? { start: s.span.start, end: s.date.span.end } : s.span;
    symbols.push({ name: 'Signature', detail: `${s.name.text}${s.date?.value ? `, ${formatDate(s.date.value)}` : ''}`, kind: 'signature', span, selectionSpan: s.span, children: [] });
  }
  return symbols;
}

/** The holdings of `table` reported before and not in this filing, each shown at `span`. */
function earlierHoldings(held: readonly ReportedHolding[], table: TableId, span: Span, placed: Set<ReportedHolding>): DraftSymbol[] {
  return held
    .filter((h) => h.table === table)
    .map((h) => {
      placed.add(h);
      return {
        name: `Reported before: ${h.title} (${h.ownership === 'I' ? `I, ${h.nature ?? ''}` : 'D'})`,
        detail: `${formatDecimal(h.amount)} on the ${describeReport(h)}, not in this filing`,
        kind: 'holding' as const,
        span,
        selectionSpan: span,
        children: [],
      };
    });
}
