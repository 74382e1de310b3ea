/** Applying text edits to a draft, as an editor does: all ranges refer to the original text. */
import { type SourceLine, splitLines } from './lines';
import type { Position, Range } from './range';
import { comparePositions } from './range';

export interface Edit {
  readonly range: Range;
  readonly newText: string;
}

/** Offset of a position in a text (clamped to the text, as LSP positions are). */
export function offsetAt(text: string, position: Position): number {
  return offsetIn(text, splitLines(text), position);
}

function offsetIn(text: string, lines: readonly SourceLine[], position: Position): number {
  if (position.line >= lines.length) return text.length;
  const line = lines[Math.max(position.line, 0)];
  if (!line) return 0;
  return line.offset + Math.min(Math.max(position.character, 0), line.text.length);
}

/** Whether two edits touch the same text (two insertions at one point count as overlapping). */
export function editsOverlap(a: Edit, b: Edit): boolean {
  return comparePositions(a.range.start, b.range.end) < 0 && comparePositions(b.range.start, a.range.end) < 0
    || comparePositions(a.range.start, b.range.start) === 0;
}

/** Applies non-overlapping edits; throws on overlapping ones, which is a bug in their maker. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const lines = splitLines(text); // once: a formatter may send one edit per line
  const withOffsets = edits
    .map((e) => ({ start: offsetIn(text, lines, e.range.start), end: offsetIn(text, lines, e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const e of withOffsets) {
    if (e.start < at) throw new Error('overlapping edits');
    result += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return result + text.slice(at);
}

/** Position of an offset in a text. */
export function positionAt(text: string, offset: number): Position {
  const lines = splitLines(text);
  let line = lines[0];
  for (const l of lines) {
    if (l.offset > offset) break;
    line = l;
  }
  if (!line) return { line: 0, character: 0 };
  return { line: line.index, character: Math.min(offset - line.offset, line.text.length) };
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
  return { range: { start: positionAt(before, start), end: positionAt(before, endBefore) }, newText: after.slice(start, endAfter) };
}
