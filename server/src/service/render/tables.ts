/**
 * Table I and Table II as the printed form has them: the numbered column titles over two header
 * rows, with the sub-columns (Code and V, Amount, (A) or (D) and Price, (A) and (D), Date
 * Exercisable and Expiration Date, Title and Amount) on the second; then one row per row of the
 * filing, every column in its own cell, in the order of `model/columns.ts` (11 and 16 cells).
 */
import { columnsOf, type TableId } from '../model/columns';
import type { Field, Table, TableRow } from '../model/filing';
import { refsHtml, fieldHtml } from './values';
import type { Marks } from './marks';
import { spanAttribute } from './spans';

/** A title over one column (`span` 1) or over sub-columns (`span` > 1, their titles on the second row). */
interface Heading {
  readonly title: string;
  readonly instruction?: string;
  readonly span: number;
}

const DATE = '(Month/Day/Year)';

const TABLE_I_HEADINGS: readonly Heading[] = [
  { title: '1. Title of Security', instruction: '(Instr. 3)', span: 1 },
  { title: '2. Transaction Date', instruction: DATE, span: 1 },
  { title: '2A. Deemed Execution Date, if any', instruction: DATE, span: 1 },
  { title: '3. Transaction Code', instruction: '(Instr. 8)', span: 2 },
  { title: '4. Securities Acquired (A) or Disposed Of (D)', instruction: '(Instr. 3, 4 and 5)', span: 3 },
  { title: '5. Amount of Securities Beneficially Owned Following Reported Transaction(s)', instruction: '(Instr. 3 and 4)', span: 1 },
  { title: '6. Ownership Form: Direct (D) or Indirect (I)', instruction: '(Instr. 4)', span: 1 },
  { title: '7. Nature of Indirect Beneficial Ownership', instruction: '(Instr. 4)', span: 1 },
];

const TABLE_II_HEADINGS: readonly Heading[] = [
  { title: '1. Title of Derivative Security', instruction: '(Instr. 3)', span: 1 },
  { title: '2. Conversion or Exercise Price of Derivative Security', span: 1 },
  { title: '3. Transaction Date', instruction: DATE, span: 1 },
  { title: '3A. Deemed Execution Date, if any', instruction: DATE, span: 1 },
  { title: '4. Transaction Code', instruction: '(Instr. 8)', span: 2 },
  { title: '5. Number of Derivative Securities Acquired (A) or Disposed of (D)', instruction: '(Instr. 3, 4 and 5)', span: 2 },
  { title: '6. Date Exercisable and Expiration Date', instruction: DATE, span: 2 },
  { title: '7. Title and Amount of Securities Underlying Derivative Security', instruction: '(Instr. 3 and 4)', span: 2 },
  { title: '8. Price of Derivative Security', instruction: '(Instr. 5)', span: 1 },
  { title: '9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s)', instruction: '(Instr. 4)', span: 1 },
  { title: '10. Ownership Form: Direct (D) or Indirect (I)', instruction: '(Instr. 4)', span: 1 },
  { title: '11. Nature of Indirect Beneficial Ownership', instruction: '(Instr. 4)', span: 1 },
];

/** The second header row's titles, by column: empty under a title that spans one column. */
const TABLE_I_SUBTITLES = ['', '', '', 'Code', 'V', 'Amount', '(A) or (D)', 'Price', '', '', ''];
const TABLE_II_SUBTITLES = ['', '', '', '', 'Code', 'V', '(A)', '(D)', 'Date Exercisable', 'Expiration Date', 'Title', 'Amount or Number of Shares', '', '', '', ''];

const CAPTIONS: Readonly<Record<TableId, string>> = {
  I: 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  II: 'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)',
};

/** Columns whose values the form prints centred (codes, letters, dates) or to the right (numbers). */
const ALIGN: Readonly<Partial<Record<string, string>>> = {
  date: 'c', deemedDate: 'c', code: 'c', timeliness: 'c', acquiredDisposed: 'c', ownership: 'c', exerciseDate: 'c', expirationDate: 'c',
  amount: 'r', acquiredAmount: 'r', disposedAmount: 'r', price: 'r', exercisePrice: 'r', owned: 'r', underlyingAmount: 'r',
};

/** Each column's own classes: its kind, and its alignment. */
const CELL_CLASSES: Readonly<Partial<Record<string, readonly string[]>>> = Object.fromEntries(
  [...columnsOf('I'), ...columnsOf('II')].map((c) => {
    const align = ALIGN[c.kind];
    return [c.kind, align !== undefined ? [`col-${c.kind}`, align] : [`col-${c.kind}`]];
  }),
);

/** One table, with its rows; an absent table is printed empty, as the form prints it. */
export function tableHtml(id: TableId, table: Table<TableRow> | undefined, marks: Marks): string {
  const headings = id === 'I' ? TABLE_I_HEADINGS : TABLE_II_HEADINGS;
  const subtitles = id === 'I' ? TABLE_I_SUBTITLES : TABLE_II_SUBTITLES;
  const columns = columnsOf(id);
  let head = '<tr class="titles">';
  let column = 0;
  for (const heading of headings) {
    const instruction = heading.instruction !== undefined ? ` <span class="instr">${heading.instruction}</span>` : '';
    const kind = columns[column]!.kind;
    if (heading.span === 1) head += `<th rowspan="2" scope="col" data-column="${kind}">${heading.title}${instruction}</th>`;
    else head += `<th colspan="${heading.span}" scope="colgroup">${heading.title}${instruction}</th>`;
    column += heading.span;
  }
  head += '</tr><tr class="subtitles">';
  subtitles.forEach((subtitle, i) => {
    if (subtitle !== '') head += `<th scope="col" data-column="${columns[i]!.kind}">${subtitle}</th>`;
  });
  head += '</tr>';
  // One array joined once: appending 10,000 rows to a string builds a rope that costs more to
  // collect than to write (measured: 3.4 s for 10,000 rows, most of it garbage collection).
  const body = (table?.rows ?? []).map((row) => rowHtml(row, marks)).join('');
  // The table's span only says where it is: a finding inside it marks its cell, not the whole table.
  const where = table !== undefined ? ` data-span="${spanAttribute(table.span)}"` : '';
  const attributes = ` class="form-table table-${id}"${where}`;
  return `<section class="table-section"><table${attributes} data-table="${id}"><caption>${CAPTIONS[id]}</caption><thead>${head}</thead><tbody>${body}</tbody></table></section>`;
}

function rowHtml(row: TableRow, marks: Marks): string {
  const columns = columnsOf(row.table);
  const classes = ['row', row.kind];
  if (row.damaged) classes.push('damaged');
  const title = row.damaged ? ' title="This row&#39;s cells could not all be placed in their columns: shown as read."' : '';
  const parts = [`<tr class="${classes.join(' ')}" data-row="${row.ordinal}"${title}>`];
  columns.forEach((column, i) => {
    const field: Field<unknown> | undefined = row.fields[i];
    const own = CELL_CLASSES[column.kind]!;
    if (field === undefined) {
      parts.push(`<td class="${own.join(' ')}" data-column="${column.kind}"></td>`);
      return;
    }
    // References the row could not place (a damaged row's extra cells) go with its last cell.
    const stray = i === columns.length - 1 ? refsHtml(row.strayRefs) : '';
    parts.push(`<td${marks.attributes(field.span, own, field.valueSpan)} data-column="${column.kind}">${fieldHtml(field, column.kind)}${stray}</td>`);
  });
  parts.push('</tr>');
  return parts.join('');
}
