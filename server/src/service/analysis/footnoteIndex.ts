/**
 * Every footnote reference of the draft, where it stands (which box or which row and column),
 * and every footnote by number. Rules, hover, navigation and rename all read this index.
 */
import { columnsOf } from '../model/columns';
import type { Box, Cell, Filing, Footnote, FootnoteRef, TableRow } from '../model/filing';

export interface RefUse {
  readonly ref: FootnoteRef;
  readonly cell: Cell;
  readonly row?: TableRow;
  /** 0-based column index within the row, when the cell is a table cell. */
  readonly column?: number;
  readonly box?: Box;
  /** Where the reference stands, for messages: "Table I row 2, Price". */
  readonly where: string;
}

export interface FootnoteIndex {
  /** All references, in document order. */
  readonly uses: readonly RefUse[];
  readonly usesById: ReadonlyMap<number, readonly RefUse[]>;
  /** Footnotes by number; more than one when the draft numbers two alike. */
  readonly footnotesById: ReadonlyMap<number, readonly Footnote[]>;
}

const BOX_NAMES: Readonly<Record<Box['kind'], string>> = {
  reportingPerson: 'box 1',
  issuer: 'box 2',
  earliestTransaction: 'box 3',
  amendment: 'box 4',
  relationship: 'box 5',
  filingMode: 'box 6',
  exitBox: 'the exit box',
  'rule10b5-1': 'the Rule 10b5-1 box',
};

export function describeCell(row: TableRow, column: number): string {
  const name = columnsOf(row.table)[column]?.name ?? `cell ${column + 1}`;
  return `Table ${row.table} row ${row.ordinal}, ${name}`;
}

export function buildFootnoteIndex(filing: Filing): FootnoteIndex {
  const uses: RefUse[] = [];
  for (const box of filing.boxes) {
    for (const ref of box.value.refs) uses.push({ ref, cell: box.value, box, where: BOX_NAMES[box.kind] });
  }
  for (const row of [...(filing.nonDerivativeTable?.rows ?? []), ...(filing.derivativeTable?.rows ?? [])]) {
    row.cells.forEach((cell, column) => {
      for (const ref of cell.refs) uses.push({ ref, cell, row, column, where: describeCell(row, column) });
    });
  }
  uses.sort((a, b) => a.ref.range.start.line - b.ref.range.start.line || a.ref.range.start.character - b.ref.range.start.character);
  const usesById = new Map<number, RefUse[]>();
  for (const use of uses) {
    const list = usesById.get(use.ref.id) ?? [];
    list.push(use);
    usesById.set(use.ref.id, list);
  }
  const footnotesById = new Map<number, Footnote[]>();
  for (const footnote of filing.footnotes) {
    const list = footnotesById.get(footnote.id) ?? [];
    list.push(footnote);
    footnotesById.set(footnote.id, list);
  }
  return { uses, usesById, footnotesById };
}

/** The footnotes a row refers to, from any of its cells. */
export function footnotesOfRow(index: FootnoteIndex, row: TableRow): Footnote[] {
  const found: Footnote[] = [];
  const seen = new Set<number>();
  for (const cell of row.cells) {
    for (const ref of cell.refs) {
      if (seen.has(ref.id)) continue;
      seen.add(ref.id);
      found.push(...(index.footnotesById.get(ref.id) ?? []));
    }
  }
  return found;
}

/** The footnotes one cell refers to. */
export function footnotesOfCell(index: FootnoteIndex, cell: Cell): Footnote[] {
  return cell.refs.flatMap((ref) => index.footnotesById.get(ref.id) ?? []);
}
