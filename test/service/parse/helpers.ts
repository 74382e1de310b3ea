/**
 * Helpers for the parser tests: drafts from lines, and exact ranges found by searching the
 * draft's own text, so that an expected range is stated as "these characters of that line"
 * rather than as bare numbers. Positions are 0-based, as in the model.
 */
import { readFileSync } from 'node:fs';
import type { Cell, Filing } from '../../../server/src/service/model/filing';
import { parseDraft } from '../../../server/src/service/parse/parser';
import type { Range } from '../../../server/src/service/text/range';
import { sharedFile } from '../../support/paths';

/** Parses the lines joined by `\n`. */
export function parse(lines: readonly string[]): Filing {
  return parseDraft(lines.join('\n')).filing;
}

export function r(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** An empty range at one point. */
export function at(line: number, character: number): Range {
  return r(line, character, character);
}

/**
 * The range of the `nth` (0-based) occurrence of `needle` on line `line`, searching from
 * character `from`. Throws when it is not there, so that a typo in a test fails loudly.
 */
export function find(lines: readonly string[], line: number, needle: string, nth = 0, from = 0): Range {
  const text = lines[line];
  if (text === undefined) throw new Error(`no line ${line}`);
  let index = text.indexOf(needle, from);
  for (let k = 0; k < nth && index !== -1; k++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`line ${line} has no ${JSON.stringify(needle)} (occurrence ${nth})`);
  return r(line, index, index + needle.length);
}

/** The range of `needle` searched after the first occurrence of `after` on the line. */
export function findAfter(lines: readonly string[], line: number, after: string, needle: string): Range {
  const anchor = find(lines, line, after);
  return find(lines, line, needle, 0, anchor.end.character);
}

/** The whole line, from its first character to its end. */
export function wholeLine(lines: readonly string[], line: number): Range {
  return r(line, 0, (lines[line] ?? '').length);
}

/** An example draft from ../shared/examples, as text and lines; undefined when not there. */
export function example(name: string): { text: string; lines: string[] } | undefined {
  const path = sharedFile('examples', name);
  if (!path) return undefined;
  const text = readFileSync(path, 'utf8');
  return { text, lines: text.split(/\r\n|\r|\n/) };
}

interface PositionLike {
  readonly line: number;
  readonly character: number;
}

function isPosition(value: unknown): value is PositionLike {
  return typeof value === 'object' && value !== null && typeof (value as PositionLike).line === 'number' && typeof (value as PositionLike).character === 'number';
}

/** Every range in a model (any object with `start` and `end` positions), with its path. */
export function allRanges(value: unknown, path = 'filing', found: { path: string; range: Range }[] = [], seen = new Set<object>()): { path: string; range: Range }[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  // Plain objects and arrays only: decimal.js values hold digits, not ranges.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return found;
  seen.add(value);
  const record = value as Record<string, unknown>;
  if (isPosition(record.start) && isPosition(record.end)) found.push({ path, range: value as Range });
  for (const [key, child] of Object.entries(record)) allRanges(child, `${path}.${key}`, found, seen);
  return found;
}

/**
 * The problems with a model's ranges: a range must run forward and lie inside the draft (its
 * lines, and each line's characters). Returns descriptions, empty when all is well.
 */
export function rangeProblems(text: string, filing: Filing): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const inside = (p: PositionLike): boolean =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= (lines[p.line] ?? '').length;
  for (const { path, range } of allRanges(filing)) {
    const { start, end } = range;
    if (!inside(start) || !inside(end)) problems.push(`${path} ${JSON.stringify(range)} is outside the draft`);
    else if (start.line > end.line || (start.line === end.line && start.character > end.character)) problems.push(`${path} ${JSON.stringify(range)} runs backwards`);
  }
  return problems;
}

function within(inner: Range, outer: Range): boolean {
  const le = (a: PositionLike, b: PositionLike): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/**
 * The problems with a model's cells: a cell's value range and its references lie inside the
 * cell, and a reference's digits inside the reference. Returns descriptions.
 */
export function cellProblems(filing: Filing): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string, seen: Set<object>): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype) return;
    seen.add(value);
    const cell = value as Partial<Cell>;
    if (typeof cell.raw === 'string' && cell.range && cell.valueRange && Array.isArray(cell.refs)) {
      if (!within(cell.valueRange, cell.range)) problems.push(`${path}: value ${JSON.stringify(cell.valueRange)} outside cell ${JSON.stringify(cell.range)}`);
      for (const ref of cell.refs) {
        if (!within(ref.range, cell.range)) problems.push(`${path}: reference ${JSON.stringify(ref.range)} outside cell ${JSON.stringify(cell.range)}`);
        if (!within(ref.numberRange, ref.range)) problems.push(`${path}: digits ${JSON.stringify(ref.numberRange)} outside reference ${JSON.stringify(ref.range)}`);
      }
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) visit(child, `${path}.${key}`, seen);
  };
  visit(filing, 'filing', new Set());
  return problems;
}
