/** Reading the draft: rows of the wrong shape, unreadable values, missing values. */
import { type ColumnInfo, TABLE_I_COLUMNS, TABLE_II_COLUMNS, columnsOf, tableName } from '../model/columns';
import { type Field, isBlank, isFootnotedBlank, type TableRow } from '../model/filing';
import { count } from '../text/count';
import { rowLabel, shortColumnName, valueMessage } from './helpers';
import type { Reporter, RuleDefinition } from './types';

/** Reports the problems of a row's fields whose column is of one of `kinds`. */
function reportProblems(row: TableRow, kinds: ReadonlySet<string>, message: (field: Field<unknown>, column: ColumnInfo) => string, report: Reporter): void {
  const columns = columnsOf(row.table);
  const fields = row.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as Field<unknown>;
    if (field.problem === undefined) continue;
    const column = columns[i];
    if (column && kinds.has(column.kind)) report({ span: field.valueSpan, message: message(field, column) });
  }
}

const NUMBER_KINDS = new Set(['amount', 'acquiredAmount', 'disposedAmount', 'price', 'exercisePrice', 'underlyingAmount', 'owned']);
const DATE_KINDS = new Set(['date', 'deemedDate', 'exerciseDate', 'expirationDate']);
const CHOICE_KINDS = new Set(['acquiredDisposed', 'ownership', 'timeliness']);

export const rowShape: RuleDefinition = {
  id: 'row-shape',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: 'A data row of Table I does not have 11 cells, or of Table II 16 cells.',
  description:
    'Cells are read by position: the fourth cell of a Table I row is the transaction code because it is the fourth. A row with a cell too many or too few (a missing `|`, an extra tab, cells merged by OCR) cannot be read column by column, so none of its values is checked until it has the right number of cells. The finding covers the whole row, says how many cells it has, and names the cells it could not place: it lines the cells up with the columns so that the most cells fit their column (a date under a date, a number under an amount), and names the cells left over (a row too long) or the columns no cell fits (a row too short).',
  example: {
    draft: '| Common Stock | 08/06/2013 | M | | 10,000 | A | $4.10 | 65,500 | D | |',
    message: 'Table I row 1 has 10 cells, not 11: the deemed execution date is missing, or merged into another cell.',
  },
  // Reported by the draft reader while it reads the row (parse/draft/rowShape.ts).
  source: 'draft',
};

export const notText: RuleDefinition = {
  id: 'not-text',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  source: 'file',
  summary: 'A file given to the checker is not text: an image, a PDF, a Word document, or bytes in no encoding it reads.',
  description:
    'Drafts are text files, in UTF-8 or, with its byte-order mark, UTF-16 (what Windows Notepad saves as "Unicode"); EDGAR filings are XML text. A file that is neither (a PDF of the printed form, a .docx, a scan) is reported once, with what it looks like, instead of being read as a draft with every box missing. Save the draft as plain text, or export the PDF\'s text first.',
  example: { draft: '(a PNG image named draft.form4)', message: 'The file draft.form4 is not a text file: it is a PNG image.' },
};

export const invalidNumber: RuleDefinition = {
  id: 'invalid-number',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: 'An amount, price or holding that is not a number.',
  description:
    'Amounts, prices and holdings are decimal numbers: `10,000`, `4.10`, `$18.3654`. Thousands separators must group by three; a price may start with `$`. Anything else (a word, a misplaced comma, a negative amount) cannot be filed as EDGAR XML.',
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 10,00 | D | $18.37 | 55,500 | D | |', message: 'The amount "10,00" has a misplaced thousands separator.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) reportProblems(row, NUMBER_KINDS, (field, column) => valueMessage(`The ${shortColumnName(column.kind)}`, field.problem ?? ''), report);
  },
};

export const invalidDate: RuleDefinition = {
  id: 'invalid-date',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: 'A date that is not a real MM/DD/YYYY calendar date.',
  description:
    'Dates are written MM/DD/YYYY (a one-digit month or day is accepted) and must exist: 02/30/2024 or 13/01/2024 are typos, and 2024-06-20 or 06/20/24 are not the form\'s notation. Checked in the tables, in boxes 3 and 4 and in the signature date.',
  example: { draft: '| Common Stock | 02/30/2024 | | S | | 1,000 | D | $25.00 | 9,000 | D | |', message: 'The transaction date "02/30/2024" is not a date: February 2024 has no day 30.' },
  source: 'model',
  check({ filing, analysis, report }) {
    const reportField = (name: string, field: Field<unknown> | undefined): void => {
      if (field?.problem) report({ span: field.valueSpan, message: valueMessage(name, field.problem) });
    };
    reportField('Box 3', filing.periodOfReport);
    reportField('Box 4', filing.dateOfOriginalSubmission);
    for (const row of analysis.rows.trusted) reportProblems(row, DATE_KINDS, (field, column) => valueMessage(`The ${shortColumnName(column.kind)}`, field.problem ?? ''), report);
    for (const signature of filing.signatures) reportField('The signature date', signature.date);
  },
};

export const invalidChoice: RuleDefinition = {
  id: 'invalid-choice',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: '(A)/(D) not `A` or `D`; ownership form not `D` or `I`; V column not empty or `V`.',
  description:
    'Three columns take one letter from a fixed list: (A) or (D) takes `A` or `D`, the ownership form `D` (direct) or `I` (indirect), and the V column `V` or nothing. In Table II a row fills either the (A) or the (D) amount, not both.',
  example: { draft: '| Common Stock | 08/06/2013 | | S | | 10,000 | Sold | $18.37 | 55,500 | D | |', message: 'The (A) or (D) column takes A or D, not "Sold".' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      reportProblems(row, CHOICE_KINDS, (field, column) => valueMessage(`The ${shortColumnName(column.kind)}`, field.problem ?? ''), report);
      if (row.table === 'II' && row.acquiredDisposed.problem) {
        report({ span: row.acquiredDisposed.span, message: valueMessage('The (A) or (D) column', row.acquiredDisposed.problem) });
      }
    }
  },
};

export const unknownCode: RuleDefinition = {
  id: 'unknown-code',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: 'A code that is not one of the transaction codes of General Instruction 8.',
  description:
    'The code column takes one capital letter of General Instruction 8: P, S, A, D, F, I, M, C, E, H, O, X, G, L, W, Z, J or U, optionally followed by `(K)` for an equity swap. `V` is not a code (it goes in the V column) and neither is `K` on its own.',
  example: { draft: '| Common Stock | 08/06/2013 | | Q | | 10,000 | D | $18.37 | 55,500 | D | |', message: 'The code "Q" is not a transaction code of General Instruction 8.' },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) {
      if (row.coding.problem) report({ span: row.coding.valueSpan, message: valueMessage('The code', row.coding.problem) });
    }
  },
};

const TABLE_ROW_LIMIT = 30;
const OWNER_LIMIT = 10;

export const tooManyRows: RuleDefinition = {
  id: 'too-many-rows',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: 'More than 30 rows in a table (transactions and holdings), or more than 10 reporting persons.',
  description:
    'EDGAR accepts at most 30 rows in each table, transactions and holdings together, and at most 10 reporting persons on one Form 4 (Technical Specification §3.3). Report the rest on a second Form 4 filed the same day.',
  example: { draft: '(31 rows in Table I)', message: 'Table I has 31 rows, and EDGAR accepts at most 30 per table (transactions and holdings). File the rest on a second Form 4.' },
  source: 'model',
  check({ filing, report }) {
    for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
      const first = table?.rows[TABLE_ROW_LIMIT];
      if (!table || !first) continue;
      report({
        span: first.span,
        message: `${tableName(table.table)} has ${count(table.rows.length, 'row')}, and EDGAR accepts at most ${TABLE_ROW_LIMIT} per table (transactions and holdings). File the rest on a second Form 4.`,
      });
    }
    const extra = filing.reportingOwners[OWNER_LIMIT];
    if (extra) {
      report({
        span: extra.span,
        message: `The draft names ${count(filing.reportingOwners.length, 'reporting person')}, and a Form 4 holds at most ${OWNER_LIMIT}. File the others on a second Form 4.`,
      });
    }
  },
};

export const missingValue: RuleDefinition = {
  id: 'missing-value',
  group: 'Reading the draft',
  defaultSeverity: 'error',
  summary: 'A transaction row without date, code, amount, (A)/(D), amount owned after, or ownership form; a Table II price, exercise price, exercisable or expiration date, or underlying amount that is blank without a footnote.',
  description:
    'A transaction row needs its title, date, code, amount, (A)/(D), amount owned afterwards and ownership form; a holdings row its title, amount owned and ownership form. In Table II, the conversion or exercise price, the date exercisable, the expiration date, the underlying title and amount, and (for a transaction) the price may be left blank only when a footnote in that cell explains why (EDGAR\'s Technical Specification, rule cm(8)): an RSU has no exercise price, an option that vests in tranches has its schedule in a footnote.',
  example: {
    draft: '| Stock Option (right to buy) | | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |',
    message: 'The exercise price of Table II row 1 is blank. Give it, or a footnote in the cell that says why there is none.',
  },
  source: 'model',
  check({ analysis, report }) {
    for (const row of analysis.rows.trusted) checkRow(row, report);
  },
};

function checkRow(row: TableRow, report: Reporter): void {
  const missing = (field: Field<unknown>, name: string): void => {
    if (isBlank(field) && field.refs.length === 0) report({ span: field.span, message: `${rowLabel(row)} has no ${name}.` });
  };
  const columns = row.table === 'I' ? TABLE_I_COLUMNS : TABLE_II_COLUMNS;
  const name = (kind: string): string => {
    const column = columns.find((c) => c.kind === kind);
    return column ? shortColumnName(column.kind) : kind;
  };
  missing(row.securityTitle, name('title'));
  if (row.kind === 'transaction') {
    for (const [field, kind] of [[row.transactionDate, 'date'], [row.coding, 'code']] as const) {
      if (isBlank(field)) report({ span: field.span, message: `${rowLabel(row)} has no ${name(kind)}.` });
    }
    if (!isFootnotedBlank(row.shares)) missing(row.shares, row.table === 'I' ? 'amount' : 'amount in column 5, (A) or (D)');
    if (row.table === 'I' && isBlank(row.acquiredDisposed)) {
      report({ span: row.acquiredDisposed.span, message: `${rowLabel(row)} has no (A) or (D). Write A (acquired) or D (disposed of).` });
    }
  }
  missing(row.ownedAfter, name('owned'));
  if (isBlank(row.directOrIndirect)) report({ span: row.directOrIndirect.span, message: `${rowLabel(row)} has no ownership form. Write D (direct) or I (indirect).` });
  if (row.table === 'II') {
    const cm8: [Field<unknown>, string][] = [
      [row.exercisePrice, name('exercisePrice')],
      [row.exerciseDate, name('exerciseDate')],
      [row.expirationDate, name('expirationDate')],
      [row.underlyingTitle, name('underlyingTitle')],
      [row.underlyingShares, name('underlyingAmount')],
    ];
    if (row.kind === 'transaction') cm8.push([row.pricePerShare, name('price')]);
    for (const [field, label] of cm8) {
      if (isBlank(field) && field.refs.length === 0) {
        report({ span: field.span, message: `The ${label} of ${rowLabel(row)} is blank. Give it, or a footnote in the cell that says why there is none.` });
      }
    }
  }
}
