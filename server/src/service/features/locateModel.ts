/**
 * What stands at a position, found in the filing model alone: a footnote reference, a footnote,
 * a field of a table row and its column, a header element. It serves every source whose syntax
 * has no editor features of its own (EDGAR XML): positions are the model's spans.
 */
import type { Analysis } from '../analysis/analysis';
import type { RefUse } from '../analysis/footnoteIndex';
import { type ColumnInfo, columnsOf } from '../model/columns';
import type { Field, Filing, Footnote, TableRow } from '../model/filing';
import type { BoxKind } from '../parse/draft/header';
import { containsPos, type Pos, type Span } from '../text/position';

export type ModelLocated =
  | { readonly kind: 'ref'; readonly use: RefUse }
  | { readonly kind: 'footnote'; readonly footnote: Footnote }
  | { readonly kind: 'field'; readonly row: TableRow; readonly column: ColumnInfo; readonly field: Field<unknown> }
  | { readonly kind: 'box'; readonly box: BoxKind; readonly span: Span };

/** The row whose span holds `p`, by binary search (rows are in source order). */
function rowAt(rows: readonly TableRow[], p: Pos): TableRow | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = rows[mid] as TableRow;
    if (p < row.span.start) hi = mid - 1;
    else if (p > row.span.end) lo = mid + 1;
    else return row;
  }
  return undefined;
}

export function locateInFiling(filing: Filing, analysis: Analysis, p: Pos): ModelLocated | undefined {
  for (const use of analysis.footnotes.uses) if (containsPos(use.ref.span, p)) return { kind: 'ref', use };
  for (const footnote of filing.footnotes) if (containsPos(footnote.span, p)) return { kind: 'footnote', footnote };
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    const row = rowAt(table?.rows ?? [], p);
    if (!row) continue;
    // The innermost field: the one with the smallest span around the position.
    let best: { field: Field<unknown>; column: number; size: number } | undefined;
    row.fields.forEach((field, column) => {
      const span = field.span;
      if (!containsPos(span, p) || span.start === span.end) return;
      const size = span.end - span.start;
      if (!best || size < best.size) best = { field, column, size };
    });
    const found = best as { field: Field<unknown>; column: number } | undefined;
    const column = found ? columnsOf(row.table)[found.column] : undefined;
    if (found && column) return { kind: 'field', row, column, field: found.field };
    return undefined;
  }
  const header: [BoxKind, Span | undefined][] = [
    ['issuer', filing.issuer?.span],
    ...filing.reportingOwners.map((o): [BoxKind, Span] => ['reportingPerson', o.span]),
    ['earliestTransaction', filing.periodOfReport?.span],
    ['amendment', filing.dateOfOriginalSubmission?.span],
    ['exitBox', filing.notSubjectToSection16?.span],
    ['rule10b5-1', filing.aff10b5One?.span],
  ];
  for (const [box, span] of header) if (span && containsPos(span, p)) return { kind: 'box', box, span };
  return undefined;
}
