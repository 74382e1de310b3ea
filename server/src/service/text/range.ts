/**
 * The boundary form of positions: 0-based line and UTF-16 character, as the Language Server
 * Protocol has them. The service computes with packed positions (`position.ts`); the LSP layer,
 * the CLI and the tests convert with these functions where a position enters or leaves it.
 */
import { columnOf, lineOf, type Pos, pos, type Span } from './position';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export function toPosition(p: Pos): Position {
  return { line: lineOf(p), character: columnOf(p) };
}

export function toRange(s: Span): Range {
  return { start: toPosition(s.start), end: toPosition(s.end) };
}

export function fromPosition(p: Position): Pos {
  return pos(Math.max(0, p.line), Math.max(0, p.character));
}

export function fromRange(r: Range): Span {
  return { start: fromPosition(r.start), end: fromPosition(r.end) };
}
