/**
 * Document and range formatting: aligns the pipes of Table I and Table II.
 *
 * Each table's contiguous blocks of Markdown pipe rows (column titles, separators and data rows
 * alike) are aligned on their own: every column is as wide as its widest data cell in the block
 * (in display columns, so that `普通股` counts 6), and every row is rewritten as `| cell | cell |`.
 * Separator cells become dashes of the column width, keeping their `:` alignment markers.
 *
 * Column titles widen their column only when they are short (`Code`, `(A) or (D)`, `Date
 * Exercisable`): the printed form's numbered titles with their instructions ("5. Amount of
 * Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)") run to 100
 * characters, and padding every data cell to them turned an EDGAR-copied row of 90 characters
 * into one of 465, too wide to read. Such a title is written as it is, with one space each side,
 * so its row of titles does not line up; the data rows, which the drafter edits, do. A block
 * with no data row yet (titles alone) is aligned on its titles.
 *
 * Formatting changes nothing but the spaces around cells: never a cell's text, the number of
 * cells, a line break, a line outside the tables, nor a tab-separated row (whose tabs say where
 * a spreadsheet paste puts its cells). Cells are split by `splitRow`, as the parser splits
 * them, so escaped pipes `\|` and pipes in backticks stay inside their cell. A row keeps its
 * indentation before the first pipe; a row without a closing pipe is left without one (and its
 * last cell gets no trailing padding). Formatting formatted text changes nothing.
 */
import { type RawRow, isSeparatorRow, splitRow } from '../parse/draft/cells';
import type { DraftTable, ParsedDraft } from '../parse/draft/parser';
import { isSignatureLabel, remarksStart, signatureStart, startsExplanation, startsTableII } from '../parse/draft/sections';
import type { TableRow } from '../model/filing';
import type { TextEdit } from '../rules/types';
import { columnOf, lineOf, lineSpan, type Span } from '../text/position';
import { displayWidth } from '../text/width';

export interface FormatOptions {
  /** Range formatting: only the pipe blocks of a table that this span touches are formatted. */
  readonly range?: Span;
}

/** A separator cell is at least `---` (`:-:` with both markers), as Markdown renderers expect. */
const MIN_SEPARATOR_WIDTH = 3;

/**
 * The widest column title that widens its column: the printed form's sub-column titles (`Date
 * Exercisable` is the longest) fit, its numbered column titles (from "1. Title of Security",
 * 20 characters, up) do not.
 */
export const SHORT_TITLE_WIDTH = 16;

/** One edit per changed table row, replacing the row's text (not its line break). */
export function formatDraft(draft: ParsedDraft, options: FormatOptions = {}): TextEdit[] {
  const { lines } = draft;
  const headings = draft.tables.map((t) => t.headingLine);
  const dataLines = new Set(
    [...(draft.filing.nonDerivativeTable?.rows ?? []), ...(draft.filing.derivativeTable?.rows ?? [])].map((r) => lineOf(r.span.start)),
  );
  const edits: TextEdit[] = [];
  for (const table of draft.tables) {
    const last = lastLineOf(draft, table, headings);
    for (const block of pipeBlocks(draft, table.headingLine, last, dataLines)) {
      if (options.range && !touches(options.range, block.first, block.first + block.rows.length - 1)) continue;
      const formatted = formatBlock(block.rows);
      for (let k = 0; k < block.rows.length; k++) {
        const line = block.first + k;
        const text = lines[line]?.text ?? '';
        const newText = formatted[k] ?? text;
        if (newText !== text) edits.push({ span: lineSpan(line, 0, text.length), newText });
      }
    }
  }
  return edits;
}

/**
 * The last line the parser reads as part of a table: the table ends at the next section (the
 * other table, Table II, the Explanation of Responses, remarks, the signature), or at the first
 * line after its data rows that is neither a row nor blank. Before its first data row, text is
 * the table's title and does not end it.
 */
function lastLineOf(draft: ParsedDraft, table: DraftTable, headings: readonly number[]): number {
  const { lines } = draft;
  const rows: readonly TableRow[] = (table.table === 'I' ? draft.filing.nonDerivativeTable?.rows : draft.filing.derivativeTable?.rows) ?? [];
  const lastRowAt = rows[rows.length - 1];
  const lastRow = lastRowAt ? lineOf(lastRowAt.span.start) : undefined;
  let line = table.headingLine + 1;
  if (lastRow !== undefined) line = Math.max(line, lastRow + 1);
  for (; line < lines.length; line++) {
    const t = lines[line]?.text ?? '';
    if (headings.includes(line) || endsTable(t)) break;
    if (lastRow !== undefined && t.trim() !== '' && !splitRow(t)) break;
  }
  return line - 1;
}

/** The lines that end a table whatever comes before them (the parser's section starts). */
function endsTable(text: string): boolean {
  return (
    signatureStart(text) !== undefined ||
    isSignatureLabel(text) ||
    startsExplanation(text) ||
    remarksStart(text) !== undefined ||
    startsTableII(text)
  );
}

interface PipeLine {
  readonly text: string;
  readonly row: RawRow;
  /** A data row of the table, as the parser read it (not column titles, a separator or an empty row). */
  readonly data: boolean;
}

interface Block {
  readonly first: number;
  readonly rows: PipeLine[];
}

/** Runs of consecutive Markdown pipe rows in lines `from..to`; any other line ends a run. */
function pipeBlocks(draft: ParsedDraft, from: number, to: number, dataLines: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let line = from; line <= to; line++) {
    const text = draft.lines[line]?.text ?? '';
    const row = splitRow(text);
    // A row cut at MAX_CELLS (a line of thousands of pipes) is left as it is, and ends the block.
    if (row?.delimiter === 'pipe' && row.count === row.cells.length) {
      if (!current) {
        current = { first: line, rows: [] };
        blocks.push(current);
      }
      current.rows.push({ text, row, data: dataLines.has(line) });
    } else {
      current = undefined;
    }
  }
  return blocks;
}

/**
 * Whether a range touches lines `first..last`. A selection that ends at the very start of a
 * line (a whole-line selection) does not take that line in, unless it is empty (a cursor).
 */
function touches(range: Span, first: number, last: number): boolean {
  const startLine = lineOf(range.start);
  const empty = range.start === range.end;
  const endLine = !empty && columnOf(range.end) === 0 && lineOf(range.end) > startLine ? lineOf(range.end) - 1 : lineOf(range.end);
  return startLine <= last && endLine >= first;
}

interface RowCells {
  readonly indent: string;
  /** The cells' text, trimmed of spaces and tabs. */
  readonly cells: readonly string[];
  /** Their display widths. */
  readonly widths: readonly number[];
  readonly separator: boolean;
  /** Column titles (or an empty row): neither a data row nor a separator. */
  readonly titles: boolean;
  /** The row ends with a pipe (`| a | b |`), rather than being left open (`| a | b`). */
  readonly closed: boolean;
}

/** The aligned text of each row of a block. */
function formatBlock(rows: readonly PipeLine[]): string[] {
  const read = rows.map(readRow);
  const anyData = rows.some((r) => r.data);
  const widths: number[] = [];
  for (const row of read) {
    row.cells.forEach((cell, k) => {
      let w = row.separator && cell !== '' ? MIN_SEPARATOR_WIDTH : (row.widths[k] ?? 0);
      // A long title is written past its column rather than widen every data cell under it.
      if (anyData && row.titles && w > SHORT_TITLE_WIDTH) w = 0;
      if (w > (widths[k] ?? 0)) widths[k] = w;
      else widths[k] ??= w;
    });
  }
  return read.map((row) => writeRow(row, widths));
}

function readRow({ text, row, data }: PipeLine): RowCells {
  const firstPipe = text.indexOf('|');
  const cells = row.cells.map((span) => trimPadding(text, span.start, span.end));
  const lastCell = row.cells[row.cells.length - 1];
  const separator = isSeparatorRow(text, row);
  return {
    indent: text.slice(0, firstPipe),
    cells,
    widths: cells.map(displayWidth),
    separator,
    titles: !separator && !data,
    // splitRow ends an open row's last cell at the end of the line, a closed row's at its pipe.
    closed: !lastCell || lastCell.end < text.length,
  };
}

function writeRow(row: RowCells, widths: readonly number[]): string {
  const parts: string[] = [row.indent, '|'];
  row.cells.forEach((cell, k) => {
    const width = widths[k] ?? 0;
    const open = k === row.cells.length - 1 && !row.closed;
    if (row.separator && cell !== '') {
      parts.push(' ', separatorCell(cell, width), open ? '' : ' |');
    } else if (open) {
      parts.push(' ', cell);
    } else {
      parts.push(' ', cell, ' '.repeat(Math.max(0, width - (row.widths[k] ?? 0))), ' |');
    }
  });
  return parts.join('');
}

/** `:---`, `---:`, `:---:` or `---`, as wide as the column. */
function separatorCell(cell: string, width: number): string {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  const dashes = Math.max(1, width - (left ? 1 : 0) - (right ? 1 : 0));
  return `${left ? ':' : ''}${'-'.repeat(dashes)}${right ? ':' : ''}`;
}

/** A cell's text without the spaces and tabs that pad it. */
function trimPadding(text: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a < b && isPadding(text.charCodeAt(a))) a++;
  while (b > a && isPadding(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

function isPadding(code: number): boolean {
  return code === 32 || code === 9;
}
