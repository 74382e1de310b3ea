/** Folding: the header, each table, the Explanation of Responses, multi-line footnotes, remarks. */
import type { ParsedDraft } from '../parse/draft/parser';
import { lineOf } from '../text/position';

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

export function foldingRanges(draft: ParsedDraft): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number): void => {
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const section of draft.sections) add(lineOf(section.span.start), lineOf(section.span.end));
  for (const footnote of draft.filing.footnotes) add(lineOf(footnote.span.start), lineOf(footnote.span.end));
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
