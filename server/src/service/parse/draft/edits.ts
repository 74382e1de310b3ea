/**
 * Changes to the model, as text edits of a draft. Rules say what to fix (set this amount, flip
 * (A)/(D), add footnote n); this module knows how a draft writes it: a value into a pipe cell
 * with its padding, a footnote item in the draft's own marker style inside the Explanation of
 * Responses, a box line among the header's lines. A change it cannot make without changing
 * more than it says (removing a footnote that renumbers the bare bullets after it) gives no
 * edits, and the fix is not offered.
 */
import { formatDate } from '../../model/calendarDate';
import type { Change } from '../../model/changes';
import { formatDecimal } from '../../model/decimal';
import type { Field, Footnote, TableRow } from '../../model/filing';
import type { TextEdit } from '../../rules/types';
import { dominantEol } from '../../text/lines';
import { columnOf, LINE, lineOf, lineSpan, point, type Span } from '../../text/position';
import { splitRow } from './cells';
import type { ParsedDraft } from './parser';

/** The edits that make `changes`, or undefined when one of them cannot be made. */
export function draftEdits(draft: ParsedDraft, changes: readonly Change[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const change of changes) {
    const made = draftEdit(draft, change);
    if (!made) return undefined;
    edits.push(...made);
  }
  return edits;
}

function draftEdit(draft: ParsedDraft, change: Change): readonly TextEdit[] | undefined {
  switch (change.kind) {
    case 'setAmount':
      return [setValue(draft, change.field, formatDecimal(change.amount))];
    case 'setDate':
      return [setValue(draft, change.field, formatDate(change.date))];
    case 'flipDirection':
      return flipDirection(draft, change.row);
    case 'addFootnote':
      return [addFootnote(draft, change.id, change.text)];
    case 'removeFootnote':
      return removeFootnote(draft, change.footnote);
    case 'addPeriodOfReport':
      return [insertLinesAfter(draft, lineForBox3(draft), [`3. Date of Earliest Transaction: ${formatDate(change.date)}`])];
    case 'addAff10b5One':
      return [insertLinesAfter(draft, lastHeaderLine(draft), [`Rule 10b5-1(c) Transaction Indication: [${change.checked ? 'x' : ' '}]`])];
  }
}

function lineText(draft: ParsedDraft, line: number): string {
  return draft.lines[line]?.text ?? '';
}

/** The text of a span that lies on one line. */
function sliceOf(draft: ParsedDraft, s: Span): string {
  return lineText(draft, lineOf(s.start)).slice(columnOf(s.start), columnOf(s.end));
}

/**
 * Writes a value into a field, keeping its footnote references: over the value, or into a blank
 * cell (`| |` becomes `| text |`, whatever spaces it had), or after a box label with nothing after it.
 */
function setValue(draft: ParsedDraft, field: Field<unknown>, text: string): TextEdit {
  if (field.text !== '') return { span: field.valueSpan, newText: text };
  const line = lineText(draft, lineOf(field.valueSpan.start));
  const raw = sliceOf(draft, field.span);
  const row = splitRow(line);
  const before = line[columnOf(field.span.start) - 1];
  const inPipeCell = row?.delimiter === 'pipe' && (before === '|' || line[columnOf(field.span.end)] === '|');
  if (inPipeCell) {
    const lead = raw.startsWith(' ') ? '' : ' ';
    const trail = raw.length - (raw.startsWith(' ') ? 1 : 0) > 0 ? '' : ' ';
    return { span: field.valueSpan, newText: `${lead}${text}${trail}` };
  }
  if (row?.delimiter === 'tab') return { span: field.valueSpan, newText: text };
  // A box: the value goes after the label, one space from it.
  const at = columnOf(field.valueSpan.start);
  return { span: field.valueSpan, newText: at > 0 && line[at - 1] === ' ' ? text : ` ${text}` };
}

/** Flips (A)/(D): the letter in Table I, the amount's column in Table II. */
function flipDirection(draft: ParsedDraft, row: TableRow): TextEdit[] | undefined {
  const direction = row.acquiredDisposed.value;
  if (!direction) return undefined;
  const other = direction === 'A' ? 'D' : 'A';
  if (row.table === 'I') return [setValue(draft, row.acquiredDisposed, other)];
  const from = direction === 'A' ? row.acquiredShares : row.disposedShares;
  const to = direction === 'A' ? row.disposedShares : row.acquiredShares;
  const moved = sliceOf(draft, from.span).trim();
  const pipe = splitRow(lineText(draft, lineOf(row.span.start)))?.delimiter === 'pipe';
  return [
    { span: from.span, newText: pipe ? ' ' : '' },
    { span: to.span, newText: pipe ? ` ${moved} ` : moved },
  ];
}

/**
 * Writes footnote `(id) text` where footnotes are read: after the last footnote (in the
 * draft's marker style), else right after the Explanation of Responses heading, else in a new
 * Explanation of Responses placed before the remarks and the signature, which end it.
 */
function addFootnote(draft: ParsedDraft, id: number, text: string): TextEdit {
  const footnotes = draft.filing.footnotes;
  const last = footnotes[footnotes.length - 1];
  const item = (marker: string): string => (text === '' ? marker : `${marker}${text}`);
  if (last) {
    // Follow the draft's style: "- 1. text", "(1) text" or "1. text".
    const marker = sliceOf(draft, last.markerSpan);
    const written = /^[-*+]\s+\d/.test(marker) ? `- ${id}. ` : /^\d+\./.test(marker) ? `${id}. ` : /^[-*+]/.test(marker) && !last.numberSpan ? `- (${id}) ` : `(${id}) `;
    return insertLinesAfter(draft, lineOf(last.span.end), [item(written)]);
  }
  const stub = item(`(${id}) `);
  if (draft.explanation) return insertLinesAfter(draft, draft.explanation.line, ['', stub]);
  const remarksLine = draft.filing.remarks ? lineOf(draft.filing.remarks.span.start) : undefined;
  const signatureLine = draft.filing.signatures[0] ? lineOf(draft.filing.signatures[0].span.start) : draft.signatureLabelLine;
  const before = [remarksLine, signatureLine].filter((l): l is number => l !== undefined).sort((a, b) => a - b)[0];
  if (before !== undefined) return insertLinesAfter(draft, before - 1, ['Explanation of Responses:', '', stub, '']);
  return insertLinesAfter(draft, draft.lines.length - 1, ['', 'Explanation of Responses:', '', stub]);
}

/** Removes a footnote's lines, unless that would renumber the bare bullets after it. */
function removeFootnote(draft: ParsedDraft, footnote: Footnote): TextEdit[] | undefined {
  const footnotes = draft.filing.footnotes;
  const i = footnotes.indexOf(footnote);
  if (i === -1 || footnotes.slice(i + 1).some((f) => !f.numberSpan)) return undefined;
  return [deleteLines(draft, lineOf(footnote.span.start), lineOf(footnote.span.end))];
}

/** The last line of the header: its last box, or the last detail line under a box. */
function lastHeaderLine(draft: ParsedDraft): number {
  let last = -1;
  for (const box of draft.boxes) last = Math.max(last, box.line);
  for (const d of draft.details) last = Math.max(last, d.line);
  if (last >= 0) return last;
  const firstTable = draft.tables[0];
  return firstTable ? firstTable.headingLine - 1 : -1;
}

/** A missing box 3 goes after box 2 (and its detail lines), else after the header, else at the top. */
function lineForBox3(draft: ParsedDraft): number {
  const issuer = draft.boxes.find((b) => b.kind === 'issuer');
  if (!issuer) return lastHeaderLine(draft);
  let line = issuer.line;
  for (const d of draft.details) if (d.box === issuer) line = Math.max(line, d.line);
  return line;
}

/** Inserts whole lines after line `after` (or at the top when -1), in the draft's line breaks. */
export function insertLinesAfter(draft: ParsedDraft, after: number, lines: readonly string[]): TextEdit {
  const eol = dominantEol(draft.lines);
  if (after < 0) return { span: point(0), newText: lines.map((l) => l + eol).join('') };
  const end = lineText(draft, after).length;
  return { span: lineSpan(after, end, end), newText: lines.map((l) => eol + l).join('') };
}

/** Deletes lines `first`…`last` with their line breaks. */
export function deleteLines(draft: ParsedDraft, first: number, last: number): TextEdit {
  if (draft.lines[last + 1]) return { span: { start: first * LINE, end: (last + 1) * LINE }, newText: '' };
  // The last lines of the draft: take the line break before them instead.
  const previous = draft.lines[first - 1];
  const start = previous ? (first - 1) * LINE + previous.text.length : first * LINE;
  return { span: { start, end: last * LINE + lineText(draft, last).length }, newText: '' };
}
