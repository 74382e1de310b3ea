/**
 * What stands at a position of a draft: a table cell (of a data row, or of a column-title
 * row), a box, a footnote reference, a footnote. Hover, completion and the footnote navigation
 * start here. It works on half-typed rows too: the column is found by counting the cells
 * before the cursor on the line, not by trusting the parsed row.
 */
import type { Analysis } from '../analysis/analysis';
import type { RefUse } from '../analysis/footnoteIndex';
import { type ColumnInfo, columnsOf, type TableId } from '../model/columns';
import type { Field, Footnote, TableRow } from '../model/filing';
import { readCell, splitRow } from '../parse/draft/cells';
import type { DraftBox } from '../parse/draft/header';
import type { ParsedDraft } from '../parse/draft/parser';
import { isHeaderRow } from '../parse/draft/tableRows';
import { columnOf, containsPos, lineOf, type Pos } from '../text/position';

export type Located =
  | { readonly kind: 'ref'; readonly use: RefUse | undefined; readonly id: number; readonly ref: RefUse['ref'] }
  | { readonly kind: 'footnote'; readonly footnote: Footnote; readonly onMarker: boolean }
  | { readonly kind: 'box'; readonly box: DraftBox; readonly onLabel: boolean }
  | {
      readonly kind: 'cell';
      readonly table: TableId;
      /** The parsed row, when the line is a data row the parser read. */
      readonly row: TableRow | undefined;
      /** Whether the line is a column-title row. */
      readonly header: boolean;
      readonly columnIndex: number;
      readonly column: ColumnInfo | undefined;
      /** The cell under the cursor, read as a blank field (its text, spans and references). */
      readonly cell: Field<unknown>;
    };

/** The table whose region holds `line`: from its heading to the next section. */
export function tableAtLine(draft: ParsedDraft, line: number): TableId | undefined {
  const starts = [...draft.tables].sort((a, b) => a.headingLine - b.headingLine);
  const end = Math.min(
    draft.explanation?.line ?? Infinity,
    draft.filing.remarks ? lineOf(draft.filing.remarks.span.start) : Infinity,
    draft.filing.signatures[0] ? lineOf(draft.filing.signatures[0].span.start) : Infinity,
    draft.signatureLabelLine ?? Infinity,
  );
  let found: TableId | undefined;
  for (const s of starts) if (s.headingLine < line && line < end) found = s.table;
  return found;
}

/** The parsed row on a line, found by binary search in the table's rows (they are in line order). */
export function rowAtLine(draft: ParsedDraft, line: number): TableRow | undefined {
  for (const table of [draft.filing.nonDerivativeTable, draft.filing.derivativeTable]) {
    const rows: readonly TableRow[] = table?.rows ?? [];
    let lo = 0;
    let hi = rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = lineOf((rows[mid] as TableRow).span.start);
      if (at === line) return rows[mid];
      if (at < line) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return undefined;
}

export function locate(draft: ParsedDraft, analysis: Analysis, position: Pos): Located | undefined {
  const { filing } = draft;
  for (const use of analysis.footnotes.uses) {
    if (containsPos(use.ref.span, position)) return { kind: 'ref', use, id: use.ref.id, ref: use.ref };
  }
  for (const footnote of filing.footnotes) {
    if (containsPos(footnote.markerSpan, position)) return { kind: 'footnote', footnote, onMarker: true };
  }
  for (const footnote of filing.footnotes) {
    if (containsPos(footnote.span, position)) return { kind: 'footnote', footnote, onMarker: false };
  }
  for (const box of draft.boxes) {
    if (containsPos(box.span, position) || containsPos(box.value.span, position)) {
      return { kind: 'box', box, onLabel: containsPos(box.labelSpan, position) };
    }
  }
  const lineNumber = lineOf(position);
  const table = tableAtLine(draft, lineNumber);
  const line = draft.lines[lineNumber];
  if (!table || !line) return undefined;
  // A column past the line's end means its end (LSP): a row without its closing pipe has no next cell there.
  const character = Math.min(columnOf(position), line.text.length);
  const raw = splitRow(line.text);
  if (!raw) return undefined;
  let index = raw.cells.findIndex((c) => c.start <= character && character <= c.end);
  let span = raw.cells[index];
  const last = raw.cells[raw.cells.length - 1];
  if (!span && last && raw.delimiter === 'pipe' && character > last.end && last.end < line.text.length) {
    // Typing the next cell of a row: `| Common Stock | 08/06/2013 | | ▮` is in the code cell.
    index = raw.cells.length;
    span = { start: last.end + 1, end: line.text.length };
  }
  if (!span) return undefined;
  const cell = readCell(line.text, line.index, span);
  const row = rowAtLine(draft, lineNumber);
  const header = !row && isHeaderRow(raw.cells.map((c) => readCell(line.text, line.index, c)));
  const columns = columnsOf(table);
  const column = header ? headerColumn(columns, raw.cells.length, index, cell.text) : columns[index];
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
