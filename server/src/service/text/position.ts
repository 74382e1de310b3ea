/**
 * Positions inside the language service. A position is ONE number: its line times 2^26 plus its
 * column (UTF-16 code units, as the Language Server Protocol counts them). A span is two of
 * them. Numbers compare like the text reads (an earlier line, or the same line and an earlier
 * column, is smaller), cost no allocation, and an edit inside one line leaves the positions of
 * every other line unchanged: the server re-reads only the row that was typed in and keeps the
 * rest of the model as it was. Hosts (the LSP layer, the CLI) convert at the boundary, with
 * `toRange` and `fromLineColumn`; nothing inside the service builds `{ line, character }` objects.
 *
 * 2^26 is 67,108,864 columns per line and as many lines, both beyond any document the server
 * accepts (a 50 MB single-line document has 52 million columns).
 */
export type Pos = number;

/** Columns per line: a position is `line * LINE + column`. */
export const LINE = 67_108_864;

export interface Span {
  readonly start: Pos;
  readonly end: Pos;
}

/** The position of a 0-based line and column. Columns past the limit are clamped, never wrapped. */
export function pos(line: number, column: number): Pos {
  return line * LINE + (column < LINE ? column : LINE - 1);
}

export function lineOf(p: Pos): number {
  return Math.floor(p / LINE);
}

export function columnOf(p: Pos): number {
  return p % LINE;
}

/** A span on one line, from column `start` to column `end`. */
export function lineSpan(line: number, start: number, end: number): Span {
  const base = line * LINE;
  return { start: base + start, end: base + end };
}

/** An empty span at one position. */
export function point(p: Pos): Span {
  return { start: p, end: p };
}

export function span(start: Pos, end: Pos): Span {
  return { start, end };
}

export function containsPos(s: Span, p: Pos): boolean {
  return s.start <= p && p <= s.end;
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end;
}

/** Whether `inner` lies inside `outer`. */
export function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
