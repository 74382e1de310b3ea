/**
 * The outline: the header and its boxes, Table I and Table II with their rows, the footnotes,
 * the remarks and the signatures. Editors show it in the outline view and the breadcrumbs.
 */
import { formatDate } from '../model/calendarDate';
import { formatDecimal } from '../model/decimal';
import type { Box, Filing, TableRow } from '../model/filing';
import type { ParsedDraft } from '../parse/parser';
import { lineRange, type Range } from '../text/range';

export type SymbolKind = 'section' | 'box' | 'row' | 'holding' | 'footnote' | 'signature';

export interface DraftSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children: readonly DraftSymbol[];
}

const BOX_NAMES: Readonly<Record<Box['kind'], string>> = {
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
function boxDetail(filing: Filing, box: Box): string {
  switch (box.kind) {
    case 'reportingPerson':
      return filing.reportingOwners.find((o) => o.box === box)?.name ?? '';
    case 'relationship': {
      const r = filing.relationships.find((x) => x.box === box);
      if (!r) return '';
      const parts: string[] = [];
      if (r.isDirector) parts.push('Director');
      if (r.isTenPercentOwner) parts.push('10% Owner');
      if (r.isOfficer) parts.push(r.officerTitle ? `Officer (${r.officerTitle})` : 'Officer');
      if (r.isOther) parts.push(r.otherText ? `Other (${r.otherText})` : 'Other');
      return parts.length > 0 ? parts.join(', ') : 'none selected';
    }
    case 'filingMode':
      return filing.filingMode?.joint === true ? 'Joint/group filing' : filing.filingMode?.joint === false ? 'Individual filing' : '';
    case 'exitBox':
    case 'rule10b5-1': {
      const checkBox = box.kind === 'exitBox' ? filing.notSubjectToSection16 : filing.aff10b5One;
      return checkBox?.checked === true ? 'checked' : checkBox?.checked === false ? 'not checked' : 'no mark';
    }
    default:
      return box.value.text.length > 60 ? `${box.value.text.slice(0, 57)}…` : box.value.text;
  }
}

function rowSymbol(row: TableRow): DraftSymbol {
  const title = row.securityTitle.cell.text || '(no title)';
  const parts: string[] = [];
  if (row.kind === 'transaction') {
    const code = row.coding.value?.code ?? row.coding.cell.text;
    const amount = row.shares.value ? formatDecimal(row.shares.value.amount) : '';
    const date = row.transactionDate.value ? formatDate(row.transactionDate.value) : row.transactionDate.cell.text;
    parts.push([code, amount, row.acquiredDisposed.value ?? ''].filter((p) => p !== '').join(' '), date);
  } else {
    parts.push('holding');
  }
  if (row.ownedAfter.value) parts.push(`owns ${formatDecimal(row.ownedAfter.value.amount)}`);
  return {
    name: `${row.ordinal}. ${title}`,
    detail: parts.filter((p) => p !== '').join(', '),
    kind: row.kind === 'transaction' ? 'row' : 'holding',
    range: row.range,
    selectionRange: row.securityTitle.cell.text !== '' ? row.securityTitle.cell.valueRange : row.range,
    children: [],
  };
}

export function documentSymbols(draft: ParsedDraft): DraftSymbol[] {
  const { filing, lines } = draft;
  const symbols: DraftSymbol[] = [];
  const lineEnd = (n: number): number => lines[n]?.text.length ?? 0;
  const header = filing.sections.find((s) => s.kind === 'header');
  if (header) {
    symbols.push({
      name: 'Header',
      detail: filing.issuer ? `${filing.issuer.name}${filing.issuer.tradingSymbol ? ` [${filing.issuer.tradingSymbol}]` : ''}` : undefined,
      kind: 'section',
      range: header.range,
      selectionRange: filing.boxes[0]?.labelRange ?? header.range,
      children: filing.boxes.map((box) => ({
        name: BOX_NAMES[box.kind],
        detail: boxDetail(filing, box),
        kind: 'box' as const,
        range: box.range,
        selectionRange: box.labelRange,
        children: [],
      })),
    });
  }
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    if (!table) continue;
    const heading = lines[table.headingLine]?.text.trim() ?? '';
    symbols.push({
      name: table.table === 'I' ? 'Table I' : 'Table II',
      detail: table.table === 'I' ? 'Non-Derivative Securities' : 'Derivative Securities',
      kind: 'section',
      range: table.range,
      selectionRange: lineRange(table.headingLine, 0, Math.min(heading.length, lineEnd(table.headingLine))),
      children: table.rows.map(rowSymbol),
    });
  }
  if (filing.explanation) {
    const section = filing.sections.find((s) => s.kind === 'explanation');
    symbols.push({
      name: 'Explanation of Responses',
      detail: `${filing.footnotes.length} footnote${filing.footnotes.length === 1 ? '' : 's'}`,
      kind: 'section',
      range: section?.range ?? filing.explanation.range,
      selectionRange: filing.explanation.range,
      children: filing.footnotes.map((f) => ({
        name: `(${f.id})`,
        detail: f.text.length > 80 ? `${f.text.slice(0, 77)}…` : f.text,
        kind: 'footnote' as const,
        range: f.range,
        selectionRange: f.markerRange,
        children: [],
      })),
    });
  }
  if (filing.remarks) {
    symbols.push({ name: 'Remarks', detail: filing.remarks.text.slice(0, 60), kind: 'section', range: filing.remarks.range, selectionRange: lineRange(filing.remarks.line, filing.remarks.range.start.character, filing.remarks.range.start.character + 7), children: [] });
  }
  for (const s of filing.signatures) {
    const range = s.date ? { start: s.range.start, end: s.date.cell.range.end } : s.range;
    symbols.push({ name: 'Signature', detail: `${s.name}${s.date?.value ? `, ${formatDate(s.date.value)}` : ''}`, kind: 'signature', range, selectionRange: s.range, children: [] });
  }
  return symbols;
}
