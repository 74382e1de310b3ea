/** Folding: the header, each table, the Explanation of Responses, multi-line footnotes, remarks. */
import type { ParsedDraft } from '../parse/parser';

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
}

export function foldingRanges(draft: ParsedDraft): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number): void => {
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  for (const section of draft.filing.sections) add(section.range.start.line, section.range.end.line);
  for (const footnote of draft.filing.footnotes) add(footnote.line, footnote.lastLine);
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
