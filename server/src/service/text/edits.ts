/** Applying text edits, as an editor does: all spans refer to the original text. */
import { type SourceLine, splitLines } from './lines';
import { columnOf, lineOf, type Pos, pos, type Span } from './position';

export interface Edit {
  readonly span: Span;
  readonly newText: string;
}

/** Offset of a position in a text, clamped to the text (as LSP positions are). */
export function offsetAt(text: string, p: Pos): number {
  return offsetIn(text, splitLines(text), p);
}

export function offsetIn(text: string, lines: readonly SourceLine[], p: Pos): number {
  const line = lineOf(p);
  if (line >= lines.length) return text.length;
  const l = lines[Math.max(line, 0)];
  if (!l) return 0;
  return l.offset + Math.min(columnOf(p), l.text.length);
}

/** Whether two edits touch the same text (two insertions at one point count as overlapping). */
export function editsOverlap(a: Edit, b: Edit): boolean {
  return (a.span.start < b.span.end && b.span.start < a.span.end) || a.span.start === b.span.start;
}

/** Applies non-overlapping edits; throws on overlapping ones, which is a bug in their maker. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = splitLines(text); // once: a formatter may send one edit per line
  const withOffsets = edits
    .map((e) => ({ start: offsetIn(text, lines, e.span.start), end: offsetIn(text, lines, e.span.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const e of withOffsets) {
    if (e.start < at) throw new Error('overlapping edits');
    parts.push(text.slice(at, e.start), e.newText);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Position of an offset in a text. */
export function positionAt(text: string, offset: number): Pos {
  return positionIn(splitLines(text), offset);
}

export function positionIn(lines: readonly SourceLine[], offset: number): Pos {
  // Binary search for the last line starting at or before the offset.
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.offset ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  if (!line) return 0;
  return pos(lo, Math.max(0, Math.min(offset - line.offset, line.text.length)));
}

/** One edit that turns `before` into `after`: the changed middle, common prefix and suffix kept. */
export function diffAsEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  // Never split a \r\n pair: an edit ending between them would leave a lone \r.
  if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
  const lines = splitLines(before);
  return { span: { start: positionIn(lines, start), end: positionIn(lines, endBefore) }, newText: after.slice(start, endAfter) };
}
