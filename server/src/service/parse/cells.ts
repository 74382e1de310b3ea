/**
 * Rows and cells. A table row is a Markdown pipe row (`| a | b |`: the cells lie between the
 * outer pipes) or a row of tab-separated cells, which is what a table becomes when it is pasted
 * from a spreadsheet, a word processor or a PDF.
 */
import type { Cell } from '../model/filing';
import { cleanText, collapseSpaces, isSpace, trimmedSpan } from '../text/cleanText';
import { lineRange } from '../text/range';
import { findFootnoteRefs } from './footnoteRefs';

export interface CellSpan {
  /** Offsets in the line, between the delimiters. */
  readonly start: number;
  readonly end: number;
}

export interface RawRow {
  readonly delimiter: 'pipe' | 'tab';
  readonly cells: readonly CellSpan[];
}

/** Splits a line into cells, or returns undefined when the line is not a row. */
export function splitRow(text: string): RawRow | undefined {
  const first = text.search(/\S/);
  if (first === -1) return undefined;
  if (text[first] === '|') return splitPipeRow(text, first);
  if (text.includes('\t')) return splitTabRow(text);
  return undefined;
}

function splitPipeRow(text: string, firstPipe: number): RawRow {
  const pipes: number[] = [firstPipe];
  let inCode = false;
  for (let i = firstPipe + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++; // `\|` is a pipe inside a cell
    } else if (ch === '`') {
      inCode = !inCode;
    } else if (ch === '|' && !inCode) {
      pipes.push(i);
    }
  }
  const cells: CellSpan[] = [];
  for (let k = 0; k < pipes.length; k++) {
    const start = (pipes[k] ?? 0) + 1;
    const end = k + 1 < pipes.length ? (pipes[k + 1] ?? text.length) : text.length;
    // After the last pipe: a cell only when the row was left open (`| a | b`), not trailing spaces.
    if (k + 1 === pipes.length && text.slice(start, end).trim() === '') break;
    cells.push({ start, end });
  }
  return { delimiter: 'pipe', cells };
}

function splitTabRow(text: string): RawRow {
  const cells: CellSpan[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      cells.push({ start, end: i });
      start = i + 1;
    }
  }
  return { delimiter: 'tab', cells };
}

/** A separator row of a Markdown table: `|---|:--:|`. */
export function isSeparatorRow(text: string, row: RawRow): boolean {
  if (row.delimiter !== 'pipe') return false;
  let dashes = 0;
  for (const c of row.cells) {
    const t = text.slice(c.start, c.end).trim();
    if (t === '') continue;
    if (!/^:?-+:?$/.test(t)) return false;
    dashes++;
  }
  return dashes > 0;
}

/** What a cell needs cleaning for: tags, entities, escapes, or footnote references. */
const NEEDS_CLEANING = /[<&\\(\u00b2\u00b3\u00b9\u2070-\u207e]/;

/** Reads one cell: its references, its clean value and their ranges. */
export function readCell(text: string, line: number, span: CellSpan): Cell {
  const raw = text.slice(span.start, span.end);
  if (!NEEDS_CLEANING.test(raw)) {
    // Most cells are plain ("Common Stock", "10,000", "D"): no cleaning, no mapping to build.
    let start = span.start;
    let end = span.end;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    const value = collapseSpaces(text.slice(start, end));
    const at = insertionPoint(text, span);
    return { raw, text: value, range: lineRange(line, span.start, span.end), valueRange: value === '' ? lineRange(line, at, at) : lineRange(line, start, end), refs: [] };
  }
  const { refs, cuts } = findFootnoteRefs(text, line, span.start, span.end);
  const value = trimmedSpan(cleanText(text, span.start, span.end, cuts));
  const at = insertionPoint(text, span);
  const valueRange = value.text === '' ? lineRange(line, at, at) : lineRange(line, value.start, value.end);
  return {
    raw,
    text: value.text,
    range: lineRange(line, span.start, span.end),
    valueRange,
    refs,
  };
}

/** Where a value typed into a blank cell goes: after the cell's first space, if it has one. */
function insertionPoint(text: string, span: CellSpan): number {
  return span.end > span.start && text[span.start] === ' ' ? span.start + 1 : span.start;
}
