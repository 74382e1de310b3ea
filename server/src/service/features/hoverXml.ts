/**
 * Hover on a source read into the model without editor syntax of its own (EDGAR XML): a
 * transaction code's meaning, a column's meaning, the running balance of an amount owned, a
 * transaction date's deadline, a weighted-average price against its range, a footnote
 * reference's footnote, a header element's box. The same texts as on a draft.
 */
import type { Analysis } from '../analysis/analysis';
import type { Filing } from '../model/filing';
import type { Pos } from '../text/position';
import { boxHover, cellFacts, codeHover, columnHover, escapeMarkdown, footnoteHover, type HoverResult } from './hover';
import { locateInFiling } from './locateModel';

export function hoverInFiling(filing: Filing, analysis: Analysis, p: Pos): HoverResult | undefined {
  const found = locateInFiling(filing, analysis, p);
  if (!found) return undefined;
  switch (found.kind) {
    case 'ref': {
      const id = found.use.ref.id;
      const footnotes = analysis.footnotes.footnotesById.get(id) ?? [];
      const contents = footnotes.length === 0
        ? `**Footnote (${id})** is not among the footnotes.`
        : footnotes.map((f) => `**Footnote (${f.id})**\n\n${escapeMarkdown(f.text)}`).join('\n\n---\n\n');
      return { contents, span: found.use.ref.span };
    }
    case 'footnote':
      return { contents: footnoteHover(found.footnote, analysis), span: found.footnote.markerSpan };
    case 'box':
      return { contents: boxHover(found.box), span: found.span };
    case 'field': {
      const { row, column, field } = found;
      const parts = [column.kind === 'code' && field.text !== '' ? codeHover(field.text) : columnHover(row.table, column)];
      const extra = cellFacts(row, column, analysis);
      if (extra) parts.unshift(extra);
      return { contents: parts.join('\n\n'), span: field.text === '' ? field.span : field.valueSpan };
    }
  }
}
