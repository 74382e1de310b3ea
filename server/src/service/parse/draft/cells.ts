/**
 * Rows and cells. A table row is a Markdown pipe row (`| a | b |`: the cells lie between the
 * outer pipes) or a row of tab-separated cells, which is what a table becomes when it is pasted
 * from a spreadsheet, a word processor or a PDF.
 */
import { cellField, NO_REFS, type SourceField } from '../../model/field';
import { cleanText, collapseSpaces, ESCAPABLE, isSpace, trimmedSpan } from '../../text/cleanText';
import { findFootnoteRefs } from './footnoteRefs';

export interface CellSpan {
  /** Offsets in the line, between the delimiters. */
  readonly start: number;
  readonly end: number;
}

export interface RawRow {
  readonly delimiter: 'pipe' | 'tab';
  /** At most MAX_CELLS + 1: past MAX_CELLS, the rest of the line is one last cell. */
  readonly cells: readonly CellSpan[];
  /** The cells the line has: more than `cells` holds when it was cut. */
  readonly count: number;
}

/**
 * Form 4 rows have 11 or 16 cells; a line of a million pipes (a paste gone wrong) is not read as
 * a million cells, each with its field, its references and its alignment: past 64 the rest of
 * the line is one cell, and `count` says how many there were (the row-shape message gives it).
 */
export const MAX_CELLS = 64;

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
  // After the last pipe: a cell only when the row was left open (`| a | b`), not trailing spaces.
  const open = text.slice((pipes[pipes.length - 1] ?? 0) + 1).trim() !== '';
  const count = pipes.length - 1 + (open ? 1 : 0);
  const cells: CellSpan[] = [];
  for (let k = 0; k < count; k++) {
    const start = (pipes[k] ?? 0) + 1;
    if (k === MAX_CELLS && count > MAX_CELLS + 1) {
      // The rest of the line, as one cell: empty when all its cells are (a line of pipes is no row).
      cells.push(/^[\s|]*$/.test(text.slice(start)) ? { start, end: start } : { start, end: text.length });
      break;
    }
    cells.push({ start, end: k + 1 < pipes.length ? (pipes[k + 1] ?? text.length) : text.length });
  }
  return { delimiter: 'pipe', cells, count };
}

function splitTabRow(text: string): RawRow {
  const cells: CellSpan[] = [];
  let start = 0;
  let count = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      count++;
      if (cells.length < MAX_CELLS) cells.push({ start, end: i });
      else if (cells.length === MAX_CELLS) {
        // The rest of the line, as one cell: empty when all its cells are.
        cells.push(/^\s*$/.test(text.slice(start)) ? { start, end: start } : { start, end: text.length });
      }
      start = i + 1;
    }
  }
  return { delimiter: 'tab', cells, count };
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

/** A field under construction: the parser's readers fill `value` or `problem`, then publish it. */
export type CellField = SourceField<unknown>;

/**
 * Reads one cell of line `line` (`span`: offsets in the line, between the delimiters) into a
 * blank field: its text, its footnote references, the span of the cell and of its value.
 */
export function readCell(text: string, line: number, span: CellSpan): CellField {
  let start = span.start;
  let end = span.end;
  if (!hasCleaning(text, span.start, span.end)) {
    // Most cells are plain ("Common Stock", "10,000", "D"): no cleaning, no mapping to build.
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) {
      const at = insertionPoint(text, span);
      return cellField('', line, span.start, span.end, at, at);
    }
    return cellField(collapseSpaces(text.slice(start, end)), line, span.start, span.end, start, end);
  }
  const { refs, cuts } = findFootnoteRefs(text, line, span.start, span.end);
  const value = hasMarkup(text, span.start, span.end) ? trimmedSpan(cleanText(text, span.start, span.end, cuts)) : cutValue(text, span.start, span.end, cuts);
  const at = insertionPoint(text, span);
  const blank = value.text === '';
  return cellField(value.text, line, span.start, span.end, blank ? at : value.start, blank ? at : value.end, refs.length > 0 ? refs : NO_REFS);
}

/** Whether a cell holds a tag or an entity, which only the full cleaning reads. */
function hasMarkup(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 || c === 38) return true;
  }
  return false;
}

/**
 * A cell's value without its references and Markdown escapes, when it has no tag or entity: the
 * same as `trimmedSpan(cleanText(…))`, without the per-character maps (the common "S (1)" and
 * "\\$18.3654 (2)" cells of drafts copied from EDGAR).
 */
function cutValue(text: string, from: number, to: number, unsorted: readonly { start: number; end: number }[]): { start: number; end: number; text: string } {
  const cuts = unsorted.length > 1 ? [...unsorted].sort((a, b) => a.start - b.start) : unsorted;
  const parts: string[] = [];
  let valueStart = -1;
  let valueEnd = -1;
  let c = 0;
  let i = from;
  // The same walk as cleanText's, for cells without tags and entities.
  while (i < to) {
    while (c < cuts.length && (cuts[c]?.end ?? 0) <= i) c++;
    const cut = cuts[c];
    if (cut && cut.start <= i) {
      i = Math.max(i + 1, cut.end);
      continue;
    }
    const ch = text.charCodeAt(i);
    const escaped = ch === 92 && i + 1 < to && ESCAPABLE.has(text[i + 1] ?? '');
    const width = escaped ? 2 : 1;
    if (!isSpace(escaped ? text.charCodeAt(i + 1) : ch)) {
      if (valueStart === -1) valueStart = i;
      valueEnd = i + width;
    }
    parts.push(escaped ? (text[i + 1] ?? '') : (text[i] ?? ''));
    i += width;
  }
  if (valueStart === -1) return { start: from, end: from, text: '' };
  const joined = parts.join('');
  return { start: valueStart, end: valueEnd, text: collapseSpaces(trimSpaces(joined)) };
}

/** Trims the spaces a cell's value is trimmed of (`isSpace`), not every white space. */
function trimSpaces(text: string): string {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

/** Whether `text[from, to)` holds a character that cleaning or a reference would change. */
function hasCleaning(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // '<' '&' '\\' '(' and the superscript digits and parentheses.
    if (c === 60 || c === 38 || c === 92 || c === 40 || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0x2070 && c <= 0x207e)) return true;
  }
  return false;
}

/** Where a value typed into a blank cell goes: after the cell's first space, if it has one. */
function insertionPoint(text: string, span: CellSpan): number {
  return span.end > span.start && text[span.start] === ' ' ? span.start + 1 : span.start;
}
