/**
 * Helpers for the parser tests: drafts from lines, and exact ranges found by searching the
 * draft's own text, so that an expected range is stated as "these characters of that line"
 * rather than as bare numbers. Positions are 0-based, as in the model.
 */
import { readFileSync } from 'node:fs';
import { isSourceField } from '../../../server/src/service/model/field';
import type { Field, Filing } from '../../../server/src/service/model/filing';
import { readCell, splitRow } from '../../../server/src/service/parse/draft/cells';
import { parseDraft, type ParsedDraft } from '../../../server/src/service/parse/draft/parser';
import { lineSpan, LINE, type Span } from '../../../server/src/service/text/position';
import { sharedFile } from '../../support/paths';

/** Parses the lines joined by `\n`. */
export function parse(lines: readonly string[]): Filing {
  return parseDraft(lines.join('\n')).filing;
}

/** Parses the lines joined by `\n`, with the draft's own syntax (boxes, tables, sections). */
export function parseFull(lines: readonly string[]): ParsedDraft {
  return parseDraft(lines.join('\n'));
}

/** The span of characters `start`…`end` of a line. */
export function r(line: number, start: number, end: number): Span {
  return lineSpan(line, start, end);
}

/** An empty span at one point. */
export function at(line: number, character: number): Span {
  return r(line, character, character);
}

/** The 0-based line a span starts on. */
export function lineOfSpan(span: { readonly start: number }): number {
  return Math.floor(span.start / LINE);
}

/**
 * The range of the `nth` (0-based) occurrence of `needle` on line `line`, searching from
 * character `from`. Throws when it is not there, so that a typo in a test fails loudly.
 */
export function find(lines: readonly string[], line: number, needle: string, nth = 0, from = 0): Span {
  const text = lines[line];
  if (text === undefined) throw new Error(`no line ${line}`);
  let index = text.indexOf(needle, from);
  for (let k = 0; k < nth && index !== -1; k++) index = text.indexOf(needle, index + 1);
  if (index === -1) throw new Error(`line ${line} has no ${JSON.stringify(needle)} (occurrence ${nth})`);
  return r(line, index, index + needle.length);
}

/** The range of `needle` searched after the first occurrence of `after` on the line. */
export function findAfter(lines: readonly string[], line: number, after: string, needle: string): Span {
  const anchor = find(lines, line, after);
  return find(lines, line, needle, 0, anchor.end % LINE);
}

/** The whole line, from its first character to its end. */
export function wholeLine(lines: readonly string[], line: number): Span {
  return r(line, 0, (lines[line] ?? '').length);
}

/** An example draft from ../shared/examples, as text and lines; undefined when not there. */
export function example(name: string): { text: string; lines: string[] } | undefined {
  const path = sharedFile('examples', name);
  if (!path) return undefined;
  const text = readFileSync(path, 'utf8');
  return { text, lines: text.split(/\r\n|\r|\n/) };
}

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number' && Object.keys(value).length === 2;
}

/** Every span in a model (any object of just `start` and `end` numbers), with its path. */
export function allSpans(value: unknown, path = 'filing', found: { path: string; span: Span }[] = [], seen = new Set<object>()): { path: string; span: Span }[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return found;
  seen.add(value);
  if (isSourceField(value)) {
    // A field keeps its spans as numbers and makes them when asked.
    found.push({ path: `${path}.span`, span: value.span }, { path: `${path}.valueSpan`, span: value.valueSpan });
    allSpans(value.refs, `${path}.refs`, found, seen);
    return found;
  }
  // Plain objects and arrays only: decimal.js values hold digits, not spans.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== Array.prototype) return found;
  if (isSpan(value)) {
    found.push({ path, span: value });
    return found;
  }
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) allSpans(child, `${path}.${key}`, found, seen);
  return found;
}

/**
 * The problems with a model's spans: a span must run forward and lie inside the draft (its
 * lines, and each line's characters). Returns descriptions, empty when all is well.
 */
export function rangeProblems(text: string, filing: Filing): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const inside = (p: number): boolean => {
    const line = Math.floor(p / LINE);
    const character = p % LINE;
    return Number.isInteger(p) && p >= 0 && line < lines.length && character <= (lines[line] ?? '').length;
  };
  for (const { path, span } of allSpans(filing)) {
    if (!inside(span.start) || !inside(span.end)) problems.push(`${path} ${JSON.stringify(span)} is outside the draft`);
    else if (span.start > span.end) problems.push(`${path} ${JSON.stringify(span)} runs backwards`);
  }
  return problems;
}

function within(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * The problems with a model's fields: a field's value span and its references lie inside the
 * field, and a reference's digits inside the reference. Returns descriptions.
 */
export function cellProblems(filing: Filing): string[] {
  const problems: string[] = [];
  const visit = (value: unknown, path: string, seen: Set<object>): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== Array.prototype && !(isSourceField(value))) return;
    seen.add(value);
    const field = value as Partial<Field<unknown>>;
    if (typeof field.text === 'string' && field.span && field.valueSpan && Array.isArray(field.refs)) {
      if (!within(field.valueSpan, field.span)) problems.push(`${path}: value ${JSON.stringify(field.valueSpan)} outside cell ${JSON.stringify(field.span)}`);
      for (const ref of field.refs) {
        if (!within(ref.span, field.span)) problems.push(`${path}: reference ${JSON.stringify(ref.span)} outside cell ${JSON.stringify(field.span)}`);
        if (!within(ref.numberSpan, ref.span)) problems.push(`${path}: digits ${JSON.stringify(ref.numberSpan)} outside reference ${JSON.stringify(ref.span)}`);
      }
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) visit(child, `${path}.${key}`, seen);
  };
  visit(filing, 'filing', new Set());
  return problems;
}

/** The column a position stands at. */
export function col(p: number): number {
  return p % LINE;
}

/** The line a table's heading is on, as the draft front end read it. */
export function headingOf(lines: readonly string[], table: 'I' | 'II'): number | undefined {
  return parseFull(lines).tables.find((t) => t.table === table)?.headingLine;
}

/** The cells of the line a row was read from, as the draft front end splits it. */
export function cellsOf(lines: readonly string[], row: { readonly span: Span }): { delimiter: 'pipe' | 'tab'; texts: string[] } {
  const line = lines[lineOfSpan(row.span)] ?? '';
  const split = splitRow(line);
  if (!split) return { delimiter: 'pipe', texts: [] };
  return { delimiter: split.delimiter, texts: split.cells.map((c) => readCell(line, 0, c).text) };
}

/** The model with the draft's own syntax beside it, for tests that check both. */
export type DraftView = Filing & Pick<ParsedDraft, 'boxes' | 'sections' | 'signatureLabelLine' | 'explanation' | 'tables' | 'problems'>;

export function parseView(lines: readonly string[]): DraftView {
  const d = parseFull(lines);
  return { ...d.filing, boxes: d.boxes, sections: d.sections, signatureLabelLine: d.signatureLabelLine, explanation: d.explanation, tables: d.tables, problems: d.problems };
}
