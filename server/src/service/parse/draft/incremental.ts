/**
 * Re-reading a draft after an edit, in proportion to the edit. Typing in a cell changes one line
 * of one table row; positions are packed line and column, so every other line's model objects
 * stay valid as they are. When the edit lies inside one line that was a data row and still reads
 * as one (in the same table, with nothing that would start a section), the new draft is the old
 * one with that row read again; any other edit is read in full. The result is always what
 * `parseDraft` gives for the new text (a property test compares them).
 */
import type { DerivativeRow, Filing, NonDerivativeRow, Table, TableRow } from '../../model/filing';
import { LINE, lineOf, lineSpan } from '../../text/position';
import { isSeparatorRow, readCell, splitRow } from './cells';
import { type ParsedDraft, parseDraft } from './parser';
import { rowShapeProblem } from './rowShape';
import { isSignatureLabel, remarksStart, signatureStart, startsExplanation, startsTableI, startsTableII } from './sections';
import { buildRow, isHeaderRow } from './tableRows';

/** The changed middle of two texts: `[start, oldEnd)` of the old became `[start, newEnd)` of the new. */
function changedRange(before: string, after: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** The draft read again after `previous.text` became `text`. */
export function reparseDraft(previous: ParsedDraft, text: string): ParsedDraft {
  return tryRow(previous, text) ?? parseDraft(text);
}

function tryRow(previous: ParsedDraft, text: string): ParsedDraft | undefined {
  const change = changedRange(previous.text, text);
  if (!change) return previous;
  // Within one line: no line break removed or inserted, none next to the edit (a \r\n split).
  if (hasLineBreak(previous.text, change.start, change.oldEnd) || hasLineBreak(text, change.start, change.newEnd)) return undefined;
  // The edited line, in the old lines; the lines before it stay as they are, those after it move
  // by the edit's length (the same objects when it did not change the length).
  const old = previous.lines;
  let lineNumber = 0;
  for (let lo = 0, hi = old.length - 1; lo <= hi; ) {
    const mid = (lo + hi) >> 1;
    if ((old[mid]?.offset ?? 0) <= change.start) {
      lineNumber = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const oldLine = old[lineNumber];
  // The edit must lie within the line's text (not between a \r and its \n).
  if (!oldLine || change.oldEnd > oldLine.offset + oldLine.text.length) return undefined;
  const delta = change.newEnd - change.oldEnd;
  const end = oldLine.offset + oldLine.text.length + delta;
  const line = { index: lineNumber, text: text.slice(oldLine.offset, end), offset: oldLine.offset, eol: oldLine.eol };
  const lines = old.slice();
  lines[lineNumber] = line;
  if (delta !== 0) {
    for (let i = lineNumber + 1; i < lines.length; i++) {
      const l = lines[i] as (typeof lines)[number];
      lines[i] = { index: l.index, text: l.text, offset: l.offset + delta, eol: l.eol };
    }
  }
  const filing = previous.filing;
  const tableKey = rowTable(filing, lineNumber);
  if (!tableKey) return undefined;
  const { table, index } = tableKey;
  // The places of findings about missing parts are other lines (a draft has its header first).
  if (lineOf(filing.places.top.start) === lineNumber || lineOf(filing.places.signature.start) === lineNumber) return undefined;
  const t = line.text;
  // What the parser would do with this line inside a table, before it reads it as a row.
  if (signatureStart(t) || isSignatureLabel(t) || startsExplanation(t) || remarksStart(t) || startsTableII(t) || startsTableI(t)) return undefined;
  if (!/\S/.test(t)) return undefined;
  const split = splitRow(t);
  if (!split || isSeparatorRow(t, split)) return undefined;
  const cells = split.cells.map((span) => readCell(t, lineNumber, span));
  if (isHeaderRow(cells) || cells.every((c) => c.text === '' && c.refs.length === 0)) return undefined;
  const first = split.cells[0];
  const last = split.cells[split.cells.length - 1];
  const rowStart = split.delimiter === 'pipe' ? Math.max(0, (first?.start ?? 1) - 1) : 0;
  const rowEnd = split.delimiter === 'pipe' ? Math.min(t.length, (last?.end ?? t.length) + 1) : t.length;
  const row = buildRow(table.table, lineSpan(lineNumber, rowStart, rowEnd), cells, index + 1);
  const rows = table.rows.slice() as TableRow[];
  rows[index] = row;
  const isLast = index === table.rows.length - 1;
  const span = isLast ? { start: table.span.start, end: lineNumber * LINE + t.length } : table.span;
  const newTable = { table: table.table, span, rows };
  const newFiling: Filing =
    table.table === 'I'
      ? { ...filing, nonDerivativeTable: newTable as Table<NonDerivativeRow> }
      : { ...filing, derivativeTable: newTable as Table<DerivativeRow> };
  const problems = previous.problems.filter((p) => lineOf(p.span.start) !== lineNumber);
  if (row.damaged) {
    problems.push(rowShapeProblem(row, cells, split.delimiter, split.count));
    problems.sort((a, b) => a.span.start - b.span.start);
  }
  const kind = table.table === 'I' ? 'tableI' : 'tableII';
  return {
    ...previous,
    text,
    lines,
    filing: newFiling,
    problems,
    tables: isLast ? previous.tables.map((d) => (d.table === table.table ? { ...d, span } : d)) : previous.tables,
    sections: isLast ? previous.sections.map((s) => (s.kind === kind ? { kind, span } : s)) : previous.sections,
  };
}

/** The table and index of the row read from `line`, by binary search (rows are in line order). */
function rowTable(filing: Filing, line: number): { table: Table<TableRow>; index: number } | undefined {
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable] as (Table<TableRow> | undefined)[]) {
    const rows = table?.rows ?? [];
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = lineOf((rows[mid] as TableRow).span.start);
      if (at === line) return table ? { table, index: mid } : undefined;
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return undefined;
}
