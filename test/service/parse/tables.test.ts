/**
 * FORMAT.md §2, the two tables: pipe rows and tab rows, rows without the trailing pipe, escaped
 * pipes, header and separator rows skipped, holdings rows, where a table starts and ends, the
 * Table II (A)/(D) columns, and the values (prices, thousands separators, decimals, dollar
 * values, one-digit dates, Markdown escapes).
 */
import assert from 'node:assert/strict';
import { pos } from '../../../server/src/service/text/position';
import { LINE } from '../../../server/src/service/text/position';
import { describe, test } from 'node:test';
import type { DerivativeRow, Filing, NonDerivativeRow } from '../../../server/src/service/model/filing';
import { isBlank } from '../../../server/src/service/model/filing';
import { notationOfDigits } from '../../../server/src/service/parse/draft/footnoteRefs';
import { at, cellsOf, col, example, find, findAfter, headingOf, lineOfSpan, parse, parseFull, r, wholeLine } from './helpers';

const TABLE_I = 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned';
const TABLE_II = 'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)';
const TITLES_I =
  '| 1. Title of Security (Instr. 3) | 2. Transaction Date (Month/Day/Year) | 2A. Deemed Execution Date, if any (Month/Day/Year) | 3. Transaction Code (Instr. 8) | | 4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) | | | 5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4) | 6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4) | 7. Nature of Indirect Beneficial Ownership (Instr. 4) |';
const SEPARATOR_I = '|---|---|---|---|---|---|---|---|---|---|---|';
const CODES_I = '| | | | Code | V | Amount | (A) or (D) | Price | | | |';
const TITLES_II =
  '| 1. Title of Derivative Security (Instr. 3) | 2. Conversion or Exercise Price of Derivative Security | 3. Transaction Date (Month/Day/Year) | 3A. Deemed Execution Date, if any (Month/Day/Year) | 4. Transaction Code (Instr. 8) | | 5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5) | | 6. Date Exercisable and Expiration Date (Month/Day/Year) | | 7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4) | | 8. Price of Derivative Security (Instr. 5) | 9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4) | 10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4) | 11. Nature of Indirect Beneficial Ownership (Instr. 4) |';
const CODES_II = '| | | | | Code | V | (A) | (D) | Date Exercisable | Expiration Date | Title | Amount or Number of Shares | | | | |';

function tableI(f: Filing): readonly NonDerivativeRow[] {
  assert.ok(f.nonDerivativeTable, 'no Table I');
  return f.nonDerivativeTable.rows;
}

function tableII(f: Filing): readonly DerivativeRow[] {
  assert.ok(f.derivativeTable, 'no Table II');
  return f.derivativeTable.rows;
}

function onlyRow<R>(rows: readonly R[]): R {
  assert.equal(rows.length, 1, `expected one row, got ${rows.length}`);
  const row = rows[0];
  assert.ok(row);
  return row;
}

describe('Table I pipe rows', () => {
  const lines = [TABLE_I, '', TITLES_I, SEPARATOR_I, CODES_I, '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.10 | 65,500 | D | |'];
  const f = parse(lines);

  test('the table: heading line, range, one data row (the title, separator and code rows skipped)', () => {
    assert.equal(f.nonDerivativeTable?.table, 'I');
    assert.equal(headingOf(lines, 'I'), 0);
    assert.deepEqual(f.nonDerivativeTable?.span, { start: pos(0, 0), end: pos(5, lines[5]?.length ?? 0) });
    assert.equal(f.derivativeTable, undefined);
    const row = onlyRow(tableI(f));
    assert.equal(row.table, 'I');
    assert.equal(lineOfSpan(row.span), 5);
    assert.deepEqual(row.span, wholeLine(lines, 5));
    assert.equal(row.ordinal, 1);
    assert.equal(cellsOf(lines, row).delimiter, 'pipe');
    assert.equal(cellsOf(lines, row).texts.length, 11);
    assert.equal(row.fields.length, 11);
    assert.equal(row.damaged, false);
    assert.equal(row.kind, 'transaction');
  });

  test('every column: value and exact value range', () => {
    const row = onlyRow(tableI(f));
    assert.equal(row.securityTitle.value, 'Common Stock');
    assert.deepEqual(row.securityTitle.valueSpan, find(lines, 5, 'Common Stock'));
    assert.deepEqual(row.securityTitle.span, find(lines, 5, ' Common Stock '));
    assert.deepEqual(row.transactionDate.value, { year: 2013, month: 8, day: 6 });
    assert.deepEqual(row.transactionDate.valueSpan, find(lines, 5, '08/06/2013'));
    // A blank cell: no value, no problem; its value range is the point after the cell's space.
    const blank = find(lines, 5, '| |').start % LINE;
    assert.ok(isBlank(row.deemedExecutionDate));
    assert.equal(row.deemedExecutionDate.value, undefined);
    assert.equal(row.deemedExecutionDate.problem, undefined);
    assert.deepEqual(row.deemedExecutionDate.span, r(5, blank + 1, blank + 2));
    assert.deepEqual(row.deemedExecutionDate.valueSpan, at(5, blank + 2));
    assert.deepEqual(row.coding.value, { code: 'M', equitySwap: false });
    assert.deepEqual(row.coding.valueSpan, find(lines, 5, 'M'));
    assert.ok(isBlank(row.timeliness));
    assert.equal(row.shares.value?.amount.toFixed(), '10000');
    assert.equal(row.shares.value?.dollars, false);
    assert.deepEqual(row.shares.valueSpan, find(lines, 5, '10,000'));
    assert.equal(row.acquiredDisposed.value, 'A');
    assert.deepEqual(row.acquiredDisposed.valueSpan, find(lines, 5, 'A'));
    assert.equal(row.pricePerShare.value?.toFixed(), '4.1');
    assert.deepEqual(row.pricePerShare.valueSpan, find(lines, 5, '$4.10'));
    assert.equal(row.ownedAfter.value?.amount.toFixed(), '65500');
    assert.deepEqual(row.ownedAfter.valueSpan, find(lines, 5, '65,500'));
    assert.equal(row.directOrIndirect.value, 'D');
    assert.deepEqual(row.directOrIndirect.valueSpan, find(lines, 5, 'D'));
    assert.ok(isBlank(row.nature));
    const last = (lines[5]?.length ?? 0) - 1;
    assert.deepEqual(row.nature.span, r(5, last - 1, last));
  });
});

describe('tab rows', () => {
  const line = 'Common Stock\t08/06/2013\t\tS (1)\t\t10,000\tD\t\\$18.3654\t55,500\tD\t';
  const lines = [TABLE_I, line];
  const f = parse(lines);

  test('a tab-separated row has the 11 cells between the tabs, with exact ranges', () => {
    const row = onlyRow(tableI(f));
    assert.equal(cellsOf(lines, row).delimiter, 'tab');
    assert.equal(row.damaged, false);
    assert.deepEqual(row.span, wholeLine(lines, 1));
    assert.deepEqual(cellsOf(lines, row).texts, ['Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.3654', '55,500', 'D', '']);
    assert.deepEqual(row.securityTitle.span, r(1, 0, 12));
    assert.deepEqual(row.transactionDate.span, r(1, 13, 23));
    // An empty tab cell lies between two tabs: an empty range, where a value would be typed.
    assert.deepEqual(row.deemedExecutionDate.span, at(1, 24));
    assert.deepEqual(row.deemedExecutionDate.valueSpan, at(1, 24));
    assert.deepEqual(row.coding.span, find(lines, 1, 'S (1)'));
    const code = find(lines, 1, 'S (1)').start % LINE;
    assert.deepEqual(row.coding.valueSpan, r(1, code, code + 1));
    assert.deepEqual(row.coding.refs.map((x) => [x.id, x.span]), [[1, find(lines, 1, '(1)')]]);
    assert.deepEqual(row.coding.value, { code: 'S', equitySwap: false });
    assert.equal(row.pricePerShare.value?.toFixed(), '18.3654');
    assert.deepEqual(row.pricePerShare.valueSpan, find(lines, 1, '\\$18.3654'));
    assert.deepEqual(row.nature.span, at(1, line.length));
  });

  test('the Posey example: the clean 16-cell Table II tab row and the damaged Table I rows', (t) => {
    const posey = example('qualys-posey-2024-ocr.form4');
    if (!posey) return t.skip('examples not beside the project');
    const p = parse(posey.lines);
    // Table I starts at its (OCR-split) heading; the two OCR'd header rows are skipped.
    assert.equal(headingOf(posey.lines, 'I'), 22);
    assert.deepEqual(tableI(p).map((row) => lineOfSpan(row.span)), [24, 26, 27, 28, 29]);
    assert.deepEqual(tableI(p).map((row) => cellsOf(posey.lines, row).delimiter), ['tab', 'tab', 'tab', 'tab', 'tab']);
    assert.ok(tableI(p).every((row) => !!row.damaged));
    // No "Table II" line: the column-title row starts Table II.
    assert.equal(headingOf(posey.lines, 'II'), 31);
    const option = onlyRow(tableII(p));
    assert.equal(lineOfSpan(option.span), 33);
    assert.equal(option.damaged, false);
    assert.equal(option.exercisePrice.value?.toFixed(), '25.56');
    assert.deepEqual(option.exercisePrice.valueSpan, find(posey.lines, 33, '\\$25.56'));
    assert.deepEqual(option.transactionDate.value, { year: 2024, month: 6, day: 20 });
    assert.deepEqual(option.coding.value, { code: 'M', equitySwap: false });
    assert.deepEqual(option.coding.refs.map((x) => x.id), [1]);
    assert.equal(option.acquiredDisposed.value, 'D');
    assert.equal(option.shares.value?.amount.toFixed(), '1000');
    assert.deepEqual(option.expirationDate.value, { year: 2026, month: 4, day: 28 });
    assert.equal(option.underlyingTitle.value, 'Common Stock');
    assert.equal(option.underlyingShares.value?.amount.toFixed(), '1000');
    assert.equal(option.pricePerShare.value?.toFixed(), '25.56');
    assert.equal(option.ownedAfter.value?.amount.toFixed(), '4000');
    assert.equal(option.directOrIndirect.value, 'D');
    assert.ok(isBlank(option.nature));
  });
});

describe('row shapes', () => {
  test('a row without the trailing pipe has its last cell up to the end of the line', () => {
    const lines = [TABLE_I, '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | I | By Spouse'];
    const row = onlyRow(tableI(parse(lines)));
    assert.equal(cellsOf(lines, row).texts.length, 11);
    assert.equal(row.damaged, false);
    assert.equal(row.nature.value, 'By Spouse');
    assert.deepEqual(row.nature.valueSpan, find(lines, 1, 'By Spouse'));
    assert.deepEqual(row.span, wholeLine(lines, 1));
  });

  test('spaces after the last pipe are not a twelfth cell', () => {
    const lines = [TABLE_I, '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |   '];
    const row = onlyRow(tableI(parse(lines)));
    assert.equal(cellsOf(lines, row).texts.length, 11);
    assert.equal(row.damaged, false);
    // The row ends at its last pipe.
    assert.deepEqual(row.span, r(1, 0, (lines[1]?.length ?? 0) - 3));
  });

  test('an escaped pipe is part of its cell', () => {
    const lines = [TABLE_I, '| Common Stock \\| Class A | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |'];
    const row = onlyRow(tableI(parse(lines)));
    assert.equal(cellsOf(lines, row).texts.length, 11);
    assert.equal(row.securityTitle.value, 'Common Stock | Class A');
    assert.deepEqual(row.securityTitle.valueSpan, find(lines, 1, 'Common Stock \\| Class A'));
    assert.deepEqual(row.transactionDate.value, { year: 2013, month: 8, day: 6 });
  });

  test('a pipe inside `code` is part of its cell', () => {
    const lines = [TABLE_I, '| `A|B` Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |'];
    const row = onlyRow(tableI(parse(lines)));
    assert.equal(cellsOf(lines, row).texts.length, 11);
    assert.equal(row.securityTitle.text, '`A|B` Stock');
  });

  test('a row with too few or too many cells is kept, not well-formed, its cells still read', () => {
    const lines = [TABLE_I, '| Common Stock | 08/06/2013 | P | 100 | A |', '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | | extra |'];
    const rows = tableI(parse(lines));
    assert.deepEqual(rows.map((row) => [lineOfSpan(row.span), cellsOf(lines, row).texts.length, !row.damaged, row.ordinal]), [[1, 5, false, 1], [2, 12, false, 2]]);
    assert.equal(rows[0]?.securityTitle.value, 'Common Stock');
    // A missing column is an empty cell at the end of the row.
    assert.deepEqual(rows[0]?.ownedAfter.span, at(1, lines[1]?.length ?? -1));
  });
});

describe('header and separator rows are skipped', () => {
  test('column titles, alignment separators, the Code/V/Amount row, empty rows', () => {
    const lines = [
      TABLE_I,
      TITLES_I,
      '|:---|:---:|---:|---|---|---|---|---|---|---|---|',
      '| | | | Code | V | Amount | (A) or (D) | Price | | | |',
      '| | | | | | | | | | | |',
      '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |',
      '| --- | --- |',
    ];
    const rows = tableI(parse(lines));
    assert.deepEqual(rows.map((row) => lineOfSpan(row.span)), [5]);
  });

  test('OCR-damaged header rows (tab-separated, with stray digits) are skipped', () => {
    const lines = [
      TABLE_I,
      '1. Title of Security (Instr. 3)\t\t2. Transacti Date (Month/Day\t\t2A. Deemed Execution Date, if any (Month/Day/Year)\t3. Transaction Code (Instr. 8)\t\t4. Securities Disposed Of\t\t\t5. Amount of Securities Beneficially Owned Following\t6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)\t7. Nature of Indirect Beneficial Ownership',
      '\t\t\t\t(\tCode\tv\tAmount\t(A) or (D)\tPrice\tReported Transaction(s) (Instr. 3 and 4)\t(1) (111341. 4)\t(Instr. 4)',
      'Common Stock\t08/06/2013\t\tP\t\t100\tA\t$1\t200\tD\t',
    ];
    const rows = tableI(parse(lines));
    assert.deepEqual(rows.map((row) => lineOfSpan(row.span)), [3]);
  });

  test('near miss: a data row with header words but a date or amount is data', () => {
    const lines = [TABLE_I, '| Price Protected Units | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |', '| Amount Notes | | | | | | | | 1,000 | D | |'];
    const rows = tableI(parse(lines));
    assert.deepEqual(rows.map((row) => [lineOfSpan(row.span), row.kind]), [[1, 'transaction'], [2, 'holding']]);
  });
});

describe('holdings rows and transaction rows', () => {
  test('Table I: a row with only title, amount owned, form and nature is a holding', () => {
    const lines = [
      TABLE_I,
      '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |',
      '| Common Stock | | | | | | | | 5,000 | I | By Trust |',
    ];
    const rows = tableI(parse(lines));
    assert.deepEqual(rows.map((row) => row.kind), ['transaction', 'holding']);
    const holding = rows[1];
    assert.equal(holding?.ownedAfter.value?.amount.toFixed(), '5000');
    assert.equal(holding?.directOrIndirect.value, 'I');
    assert.equal(holding?.nature.value, 'By Trust');
    assert.deepEqual(holding?.nature.valueSpan, find(lines, 2, 'By Trust'));
  });

  test('Table II: a position with exercise price and dates but no transaction is a holding', () => {
    const lines = [
      TABLE_II,
      '| Warrants | $2 | | | | | | | 01/01/2020 | 01/01/2030 | Common Stock | 100 | | 100 | I | By LLC |',
      '| Stock Option (right to buy) | $4.1 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |',
    ];
    const rows = tableII(parse(lines));
    assert.deepEqual(rows.map((row) => row.kind), ['holding', 'transaction']);
    assert.equal(rows[0]?.exercisePrice.value?.toFixed(), '2');
    assert.deepEqual(rows[0]?.exerciseDate.value, { year: 2020, month: 1, day: 1 });
    assert.equal(rows[0]?.nature.value, 'By LLC');
  });
});

describe('Table II columns', () => {
  const lines = [
    TABLE_II,
    '',
    TITLES_II,
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    CODES_II,
    '| Stock Option (right to buy) | \\$4.1 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | \\$0 | 140,591 | D | |',
    '| Restricted Stock Units | (4) | 1/5/2024 | | A | | 500 | | (5) | (5) | Class A Common Stock | 500 | $0 | 500 | D | |',
    '| Stock Option | $2 | 01/05/2024 | | M | | 5 | 6 | | | Common Stock | 100 | | 100 | D | |',
  ];
  const rows = tableII(parse(lines));

  test('all 16 columns of a row, with exact value ranges', () => {
    assert.deepEqual(rows.map((row) => lineOfSpan(row.span)), [5, 6, 7]);
    const row = rows[0];
    assert.ok(row);
    assert.equal(row.table, 'II');
    assert.equal(cellsOf(lines, row).texts.length, 16);
    assert.equal(row.fields.length, 16);
    assert.equal(row.damaged, false);
    assert.equal(row.securityTitle.value, 'Stock Option (right to buy)');
    assert.deepEqual(row.securityTitle.refs, []);
    assert.equal(row.exercisePrice.value?.toFixed(), '4.1');
    assert.deepEqual(row.exercisePrice.valueSpan, find(lines, 5, '\\$4.1'));
    assert.deepEqual(row.transactionDate.value, { year: 2013, month: 8, day: 6 });
    assert.ok(isBlank(row.deemedExecutionDate));
    assert.deepEqual(row.coding.value, { code: 'M', equitySwap: false });
    assert.ok(isBlank(row.timeliness));
    assert.ok(isBlank(row.acquiredShares));
    assert.equal(row.disposedShares.value?.amount.toFixed(), '10000');
    assert.deepEqual(row.disposedShares.valueSpan, find(lines, 5, '10,000'));
    assert.equal(row.exerciseDate.text, '');
    assert.deepEqual(row.exerciseDate.refs.map((x) => x.id), [3]);
    assert.deepEqual(row.expirationDate.value, { year: 2020, month: 11, day: 5 });
    assert.equal(row.underlyingTitle.value, 'Common Stock');
    assert.equal(row.underlyingShares.value?.amount.toFixed(), '10000');
    assert.deepEqual(row.underlyingShares.valueSpan, find(lines, 5, '10,000', 1));
    assert.equal(row.pricePerShare.value?.toFixed(), '0');
    assert.deepEqual(row.pricePerShare.valueSpan, find(lines, 5, '\\$0'));
    assert.equal(row.ownedAfter.value?.amount.toFixed(), '140591');
    assert.equal(row.directOrIndirect.value, 'D');
    assert.ok(isBlank(row.nature));
  });

  test('(D) filled: shares from column 5 (D), direction D at that cell', () => {
    const row = rows[0];
    assert.equal(row?.shares.value?.amount.toFixed(), '10000');
    assert.equal(row?.acquiredDisposed.value, 'D');
    assert.deepEqual(row?.acquiredDisposed.valueSpan, find(lines, 5, '10,000'));
  });

  test('(A) filled: shares from column 5 (A), direction A at that cell', () => {
    const row = rows[1];
    assert.equal(row?.shares.value?.amount.toFixed(), '500');
    assert.equal(row?.acquiredDisposed.value, 'A');
    assert.deepEqual(row?.acquiredDisposed.valueSpan, find(lines, 6, '500'));
    assert.ok(row && isBlank(row.disposedShares));
    assert.deepEqual(row?.exercisePrice.refs.map((x) => x.id), [4]);
    assert.equal(row?.exercisePrice.value, undefined);
    assert.deepEqual(row?.transactionDate.value, { year: 2024, month: 1, day: 5 });
  });

  test('both filled: a problem over both cells; shares from (A)', () => {
    const row = rows[2];
    assert.equal(row?.acquiredDisposed.value, undefined);
    assert.equal(row?.acquiredDisposed.problem, 'A Table II row fills either column 5 (A) or column 5 (D), not both: empty one of them');
    const a = find(lines, 7, ' 5 ');
    const d = find(lines, 7, ' 6 ');
    assert.deepEqual(row?.acquiredDisposed.span, r(7, col(a.start), col(d.end)));
    assert.equal(row?.shares.value?.amount.toFixed(), '5');
  });

  test('neither filled (a holding): both blank, one range over the two cells', () => {
    const holding = tableII(parse([TABLE_II, '| Warrants | $2 | | | | | | | 01/01/2020 | 01/01/2030 | Common Stock | 100 | | 100 | D | |']))[0];
    assert.ok(holding);
    assert.ok(isBlank(holding.shares));
    assert.ok(isBlank(holding.acquiredDisposed));
    assert.equal(holding.acquiredDisposed.problem, undefined);
    assert.deepEqual(holding.acquiredDisposed.span, { start: holding.acquiredShares.span.start, end: holding.disposedShares.span.end });
  });
});

describe('values', () => {
  const lines = [
    TABLE_I,
    '| Common Stock | 1/5/2024 | 1/8/2024 | P | | 1,234.5 | A | $12.34 | 1,234,567.891 | I | By Spouse |',
    '| \\*Preferred\\* Stock | 12/1/2024 | | S(K) | V | 0.5 | D | \\$18.3654 | 1,000 | D | |',
    '| 8% Notes | 01/07/2024 | | P | | $1,000,000 | A | 100 | $2,000,000 | D | |',
    '| Common Stock | 02/30/2024 | | P | | 10,00 | A | $ 0 | -5 | d | |',
  ];
  const rows = tableI(parse(lines));

  test('one-digit month and day; thousands separators and decimals; $ prices', () => {
    const row = rows[0];
    assert.deepEqual(row?.transactionDate.value, { year: 2024, month: 1, day: 5 });
    assert.deepEqual(row?.deemedExecutionDate.value, { year: 2024, month: 1, day: 8 });
    assert.equal(row?.shares.value?.amount.toFixed(), '1234.5');
    assert.equal(row?.pricePerShare.value?.toFixed(), '12.34');
    assert.equal(row?.ownedAfter.value?.amount.toFixed(), '1234567.891');
    assert.equal(row?.ownedAfter.value?.dollars, false);
    assert.equal(row?.directOrIndirect.value, 'I');
    assert.equal(row?.nature.value, 'By Spouse');
  });

  test('Markdown escapes (\\*, \\$) are unescaped; the value range covers the escapes', () => {
    const row = rows[1];
    assert.equal(row?.securityTitle.value, '*Preferred* Stock');
    assert.deepEqual(row?.securityTitle.valueSpan, find(lines, 2, '\\*Preferred\\* Stock'));
    assert.deepEqual(row?.transactionDate.value, { year: 2024, month: 12, day: 1 });
    assert.deepEqual(row?.coding.value, { code: 'S', equitySwap: true });
    assert.equal(row?.timeliness.value, 'E');
    assert.equal(row?.shares.value?.amount.toFixed(), '0.5');
    assert.equal(row?.pricePerShare.value?.toFixed(), '18.3654');
    assert.equal(row?.pricePerShare.text, '$18.3654');
    assert.deepEqual(row?.pricePerShare.valueSpan, find(lines, 2, '\\$18.3654'));
  });

  test('dollar values: an amount written with $ is a dollar value', () => {
    const row = rows[2];
    assert.equal(row?.securityTitle.value, '8% Notes');
    assert.equal(row?.shares.value?.amount.toFixed(), '1000000');
    assert.equal(row?.shares.value?.dollars, true);
    assert.equal(row?.ownedAfter.value?.amount.toFixed(), '2000000');
    assert.equal(row?.ownedAfter.value?.dollars, true);
    assert.equal(row?.pricePerShare.value?.toFixed(), '100');
  });

  test('unreadable values are kept with a problem, never a value', () => {
    const row = rows[3];
    assert.equal(row?.transactionDate.value, undefined);
    assert.equal(row?.transactionDate.problem, '"02/30/2024" is not a date: February 2024 has no day 30');
    assert.equal(row?.shares.value, undefined);
    assert.equal(row?.shares.problem, '"10,00" has a misplaced thousands separator');
    assert.equal(row?.pricePerShare.value?.toFixed(), '0');
    assert.equal(row?.ownedAfter.problem, '"-5" is negative, and an amount never is. Write it without the sign: (A) or (D) gives the direction');
    assert.equal(row?.directOrIndirect.problem, 'The ownership form column takes D or I in capitals: write D');
  });
});

describe('where a table starts', () => {
  test('Table I at the first line containing "Table I" (a Markdown heading too), not "Table II"', () => {
    const lines = ['FORM 4', '## **Table I - Non-Derivative Securities**', '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |'];
    const f = parse(lines);
    assert.equal(headingOf(lines, 'I'), 1);
    assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [2]);
  });

  test('Table I started by its column-title row when there is no "Table I" line', () => {
    const lines = ['3. Date of Earliest Transaction: 08/06/2013', '', TITLES_I, SEPARATOR_I, '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |'];
    const f = parse(lines);
    assert.equal(headingOf(lines, 'I'), 2);
    assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [4]);
    // The title row is not read as boxes.
    assert.deepEqual(parseFull(lines).boxes.map((b) => b.kind), ['earliestTransaction']);
  });

  test('Table II started by its column-title row inside Table I (the Posey layout)', () => {
    const lines = [
      TABLE_I,
      '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.1 | 65,500 | D | |',
      '',
      TITLES_II,
      CODES_II,
      '| Stock Option (right to buy) | $4.1 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |',
    ];
    const f = parse(lines);
    assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [1]);
    assert.equal(headingOf(lines, 'II'), 3);
    assert.deepEqual(tableII(f).map((row) => lineOfSpan(row.span)), [5]);
    assert.equal(tableII(f)[0]?.damaged, false);
    assert.deepEqual(f.nonDerivativeTable?.span, { start: pos(0, 0), end: pos(1, lines[1]?.length ?? 0) });
  });

  test('Table II started by its column-title row after Table I ended at a line of text', () => {
    const lines = [
      TABLE_I,
      '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.1 | 65,500 | D | |',
      'Reminder: Report on a separate line for each class of securities.',
      TITLES_II,
      '| Stock Option (right to buy) | $4.1 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |',
    ];
    const f = parse(lines);
    assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [1]);
    assert.equal(headingOf(lines, 'II'), 3);
    assert.deepEqual(tableII(f).map((row) => lineOfSpan(row.span)), [4]);
  });

  test('Table II starts at the first "Table II" line only: a later mention does not restart it', () => {
    const lines = [
      TABLE_II,
      '| Stock Option (right to buy) | $4.1 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |',
      '',
      'Column 5 of Table II gives the options exercised.',
      'Explanation of Responses:',
      '1. The option vested.',
    ];
    const f = parse(lines);
    assert.equal(headingOf(lines, 'II'), 0);
    assert.deepEqual(tableII(f).map((row) => lineOfSpan(row.span)), [1]);
    assert.deepEqual(f.footnotes.map((n) => n.id), [1]);
  });

  test('a "Table I" line after Table II does not start a second Table I', () => {
    const lines = [
      TABLE_I,
      '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.1 | 65,500 | D | |',
      TABLE_II,
      '| Stock Option (right to buy) | $4.1 | 08/06/2013 | | M | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | $0 | 140,591 | D | |',
      'See Table I above',
      '| Common Stock | 08/07/2013 | | S | | 1 | D | $5 | 1 | D | |',
    ];
    const f = parse(lines);
    assert.equal(headingOf(lines, 'I'), 0);
    assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [1]);
    assert.deepEqual(tableII(f).map((row) => lineOfSpan(row.span)), [3]);
  });
});

describe('where a table ends', () => {
  const ROW_I = '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |';

  test('at the next section: Table II', () => {
    const lines = [TABLE_I, ROW_I, TABLE_II, '| Warrants | $2 | | | | | | | 01/01/2020 | 01/01/2030 | Common Stock | 100 | | 100 | D | |'];
    const f = parse(lines);
    assert.deepEqual(f.nonDerivativeTable?.span, { start: pos(0, 0), end: pos(1, ROW_I.length) });
    assert.equal(headingOf(lines, 'II'), 2);
    assert.deepEqual(tableII(f).map((row) => lineOfSpan(row.span)), [3]);
  });

  test('at the Explanation of Responses, Remarks, or a signature', () => {
    for (const next of ['Explanation of Responses:', 'Remarks: none', '/s/ John N. Wilson', '** Signature of Reporting Person']) {
      const lines = [TABLE_I, ROW_I, next, ROW_I];
      const f = parse(lines);
      assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [1], next);
      assert.equal(f.derivativeTable, undefined, next);
    }
  });

  test('at the first line after the data rows that is neither a row nor blank', () => {
    const lines = [TABLE_I, '', ROW_I, '', '   ', ROW_I, 'Reminder: Report on a separate line for each class.', ROW_I];
    const f = parse(lines);
    assert.deepEqual(tableI(f).map((row) => lineOfSpan(row.span)), [2, 5]);
    assert.deepEqual(tableI(f).map((row) => row.ordinal), [1, 2]);
    assert.deepEqual(f.nonDerivativeTable?.span, { start: pos(0, 0), end: pos(5, ROW_I.length) });
  });

  test('text between the heading and the first data row (a caption) does not end the table', () => {
    const lines = [TABLE_I, '(e.g., common stock, preferred stock)', '', TITLES_I, SEPARATOR_I, ROW_I];
    assert.deepEqual(tableI(parse(lines)).map((row) => lineOfSpan(row.span)), [5]);
  });

  test('lines of only tabs are blank, not rows', () => {
    const lines = [TABLE_I, ROW_I, '\t\t\t', ROW_I];
    assert.deepEqual(tableI(parse(lines)).map((row) => lineOfSpan(row.span)), [1, 3]);
  });
});

describe('the Wilson example tables', () => {
  test('two Table I rows, one Table II row, with superscript references', (t) => {
    const wilson = example('qualys-wilson-2013.form4');
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    assert.equal(headingOf(lines, 'I'), 19);
    assert.deepEqual(tableI(f).map((row) => [lineOfSpan(row.span), row.kind, !row.damaged]), [[24, 'transaction', true], [25, 'transaction', true]]);
    const [exercise, sale] = tableI(f);
    assert.equal(exercise?.acquiredDisposed.value, 'A');
    assert.equal(exercise?.pricePerShare.value?.toFixed(), '4.1');
    assert.equal(sale?.pricePerShare.value?.toFixed(), '18.3654');
    assert.deepEqual(sale?.pricePerShare.valueSpan, find(lines, 25, '\\$18.3654'));
    assert.deepEqual(sale?.pricePerShare.refs.map((x) => [x.id, notationOfDigits(lines[25]?.slice(col(x.numberSpan.start), col(x.numberSpan.end)) ?? '')]), [[2, 'superscript']]);
    assert.equal(sale?.ownedAfter.value?.amount.toFixed(), '55500');
    assert.equal(headingOf(lines, 'II'), 27);
    const option = onlyRow(tableII(f));
    assert.equal(lineOfSpan(option.span), 32);
    assert.equal(option.disposedShares.value?.amount.toFixed(), '10000');
    assert.equal(option.acquiredDisposed.value, 'D');
    assert.deepEqual(option.exerciseDate.refs.map((x) => x.span), [find(lines, 32, '(3)')]);
    assert.deepEqual(option.coding.refs.map((x) => x.numberSpan), [findAfter(lines, 32, 'M ', '\u00b9')]);
  });
});
