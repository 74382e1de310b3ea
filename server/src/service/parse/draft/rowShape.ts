/**
 * The one syntax rule of drafts: a data row must have its table's number of cells (11 in
 * Table I, 16 in Table II), since cells are read by position. The parser reports it while it
 * reads the row, under the `row-shape` rule (defined with the other rules in rules/reading.ts).
 */
import { columnsOf, tableName } from '../../model/columns';
import type { TableRow } from '../../model/filing';
import type { SyntaxProblem } from '../../rules/types';
import type { CellField } from './cells';

/** `count`: the cells the line has, which `cells` holds at most MAX_CELLS + 1 of. */
export function rowShapeProblem(row: TableRow, cells: readonly CellField[], delimiter: 'pipe' | 'tab', count = cells.length): SyntaxProblem {
  const columns = columnsOf(row.table);
  const found = count;
  const expected = columns.length;
  const span = `${columns[0]?.name} \u2026 ${columns[columns.length - 1]?.name}`;
  const separator = delimiter === 'tab' ? 'tab' : '`|`';
  const hint = found > expected ? `Cells may have been split, or a ${separator} added` : `Is a cell missing, a ${separator} too few?`;
  return {
    rule: 'row-shape',
    span: row.span,
    message: `Table ${row.table} row ${row.ordinal} has ${found.toLocaleString('en-US')} cell${found === 1 ? '' : 's'}; a ${tableName(row.table)} row has ${expected} (${span}). ${hint}`,
  };
}
