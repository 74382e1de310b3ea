/**
 * What stands at a position of the draft: a table cell (of a data row, or of a column-title
 * row), a box, a footnote reference, a footnote. Hover, completion and the footnote navigation
 * start here. It works on half-typed rows too: the column is found by counting the cells
 * before the cursor on the line, not by trusting the parsed row.
 */
import type { RefUse } from '../analysis/footnoteIndex';
import type { Analysis } from '../analysis/analysis';
import { type ColumnInfo, columnsOf, type TableId } from '../model/columns';
import type { Box, Cell, Footnote, TableRow } from '../model/filing';
import { readCell, splitRow } from '../parse/cells';
import type { ParsedDraft } from '../parse/parser';
import { isHeaderRow } from '../parse/tableRows';
import { containsPosition, type Position } from '../text/range';

export type Located =
  | { readonly kind: 'ref'; readonly use: RefUse | undefined; readonly id: number; readonly ref: RefUse['ref'] }
  | { readonly kind: 'footnote'; readonly footnote: Footnote; readonly onMarker: boolean }
  | { readonly kind: 'box'; readonly box: Box; readonly onLabel: boolean }
  | {
      readonly kind: 'cell';
      readonly table: TableId;
      /** The parsed row, when the line is a data row the parser read. */
      readonly row: TableRow | undefined;
      /** Whether the line is a column-title row. */
      readonly header: boolean;
      readonly columnIndex: number;
      readonly column: ColumnInfo | undefined;
      readonly cell: Cell;
    };

/** The table whose region holds `line`: from its heading to the next section. */
export function tableAtLine(draft: ParsedDraft, line: number): TableId | undefined {
  const { filing } = draft;
  const starts: { table: TableId; line: number }[] = [];
  if (filing.nonDerivativeTable) starts.push({ table: 'I', line: filing.nonDerivativeTable.headingLine });
  if (filing.derivativeTable) starts.push({ table: 'II', line: filing.derivativeTable.headingLine });
  starts.sort((a, b) => a.line - b.line);
  const end = Math.min(
    filing.explanation?.line ?? Infinity,
    filing.remarks?.line ?? Infinity,
    filing.signatures[0]?.line ?? Infinity,
    filing.signatureLabelLine ?? Infinity,
  );
  let found: TableId | undefined;
  for (const s of starts) if (s.line < line && line < end) found = s.table;
  return found;
}

export function locate(draft: ParsedDraft, analysis: Analysis, position: Position): Located | undefined {
  const { filing } = draft;
  for (const use of analysis.footnotes.uses) {
    if (containsPosition(use.ref.range, position)) return { kind: 'ref', use, id: use.ref.id, ref: use.ref };
  }
  for (const footnote of filing.footnotes) {
    if (containsPosition(footnote.markerRange, position)) return { kind: 'footnote', footnote, onMarker: true };
  }
  for (const footnote of filing.footnotes) {
    if (containsPosition(footnote.range, position)) return { kind: 'footnote', footnote, onMarker: false };
  }
  for (const box of filing.boxes) {
    if (containsPosition(box.range, position) || containsPosition(box.value.range, position)) {
      return { kind: 'box', box, onLabel: containsPosition(box.labelRange, position) };
    }
  }
  const table = tableAtLine(draft, position.line);
  const line = draft.lines[position.line];
  if (!table || !line) return undefined;
  const raw = splitRow(line.text);
  if (!raw) return undefined;
  let index = raw.cells.findIndex((c) => c.start <= position.character && position.character <= c.end);
  let span = raw.cells[index];
  const last = raw.cells[raw.cells.length - 1];
  if (!span && last && raw.delimiter === 'pipe' && position.character > last.end) {
    // Typing the next cell of a row: `| Common Stock | 08/06/2013 | | ▮` is in the code cell.
    index = raw.cells.length;
    span = { start: last.end + 1, end: line.text.length };
  }
  if (!span) return undefined;
  const cell = readCell(line.text, line.index, span);
  const row = [...(filing.nonDerivativeTable?.rows ?? []), ...(filing.derivativeTable?.rows ?? [])].find((r) => r.line === position.line);
  const cells = row?.cells ?? raw.cells.map((c) => readCell(line.text, line.index, c));
  const header = !row && isHeaderRow(cells);
  const columns = columnsOf(table);
  const column = header ? headerColumn(columns, cells.length, index, cell.text) : columns[index];
  return { kind: 'cell', table, row, header, columnIndex: index, column, cell };
}

/**
 * A column-title cell: by position when the title row has the table's number of cells, else by
 * its number ("2A.") or its words, since printed title rows span some columns over two.
 */
function headerColumn(columns: readonly ColumnInfo[], cellCount: number, index: number, text: string): ColumnInfo | undefined {
  const numbered = /^(\d{1,2}A?)\.\s/.exec(text);
  if (numbered) return columns.find((c) => c.number === numbered[1]);
  const lower = text.toLowerCase();
  // The printed sub-headings first: "Title" under column 7 is the underlying's title, not column 1.
  const short: Readonly<Record<string, ColumnInfo['kind'][]>> = {
    code: ['code'],
    v: ['timeliness'],
    '(a)': ['acquiredAmount', 'acquiredDisposed'],
    '(d)': ['disposedAmount'],
    '(a) or (d)': ['acquiredDisposed'],
    title: ['underlyingTitle'],
    amount: ['amount', 'underlyingAmount'],
    price: ['price'],
  };
  for (const kind of short[lower] ?? []) {
    const column = columns.find((c) => c.kind === kind);
    if (column) return column;
  }
  const byWords = columns.find((c) => lower.length > 3 && (c.name.toLowerCase() === lower || c.name.toLowerCase().includes(lower)));
  if (byWords) return byWords;
  return cellCount === columns.length ? columns[index] : undefined;
}
