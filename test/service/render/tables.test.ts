/**
 * Table I and Table II: the printed column titles over 11 and 16 columns (two header rows with
 * the Code/V, (A)/(D) and other sub-columns), each value in its own column as EDGAR shows it,
 * footnote marks as superscripts, the explanation, remarks and signature, and what could not be
 * read shown as written and marked.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bodyRows, byClass, byTag, columnTitles, formTable, hasClass, one, text } from '../../support/html';
import { draft, rowI } from '../../support/drafts';
import { ownershipXml } from '../../support/xml';
import { FULL, renderDraft, renderXml } from './fixtures';

const TABLE_I_TITLES = [
  '1. Title of Security (Instr. 3)',
  '2. Transaction Date (Month/Day/Year)',
  '2A. Deemed Execution Date, if any (Month/Day/Year)',
  '3. Transaction Code (Instr. 8) / Code',
  '3. Transaction Code (Instr. 8) / V',
  '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) / Amount',
  '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) / (A) or (D)',
  '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) / Price',
  '5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)',
  '6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)',
  '7. Nature of Indirect Beneficial Ownership (Instr. 4)',
];

const N5 = '5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)';
const N6 = '6. Date Exercisable and Expiration Date (Month/Day/Year)';
const N7 = '7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)';
const TABLE_II_TITLES = [
  '1. Title of Derivative Security (Instr. 3)',
  '2. Conversion or Exercise Price of Derivative Security',
  '3. Transaction Date (Month/Day/Year)',
  '3A. Deemed Execution Date, if any (Month/Day/Year)',
  '4. Transaction Code (Instr. 8) / Code',
  '4. Transaction Code (Instr. 8) / V',
  `${N5} / (A)`,
  `${N5} / (D)`,
  `${N6} / Date Exercisable`,
  `${N6} / Expiration Date`,
  `${N7} / Title`,
  `${N7} / Amount or Number of Shares`,
  '8. Price of Derivative Security (Instr. 5)',
  '9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)',
  '10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)',
  '11. Nature of Indirect Beneficial Ownership (Instr. 4)',
];

describe('render: the tables', () => {
  const { page } = renderDraft(FULL);

  test('Table I: 11 columns with the printed titles, under its caption', () => {
    const table = formTable(page, 'I');
    assert.deepEqual(columnTitles(table), TABLE_I_TITLES);
    assert.equal(text(one(table, (e) => e.name === 'caption', 'caption')), 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned');
  });

  test('Table II: 16 columns with the printed titles', () => {
    assert.deepEqual(columnTitles(formTable(page, 'II')), TABLE_II_TITLES);
  });

  test('Table I rows: each value in its column, amounts grouped, prices after $, marks raised', () => {
    const rows = bodyRows(formTable(page, 'I')).map((cells) => cells.map(text));
    assert.deepEqual(rows, [
      ['Common Stock', '08/06/2013', '', 'M(1)', '', '10,000', 'A', '$ 4.1', '65,500', 'D', ''],
      ['Common Stock', '08/06/2013', '08/07/2013', 'S(1)', '', '10,000', 'D', '$ 18.3654(2)', '55,500', 'I', 'By Trust'],
    ]);
  });

  test('Table II row: 16 cells, the disposed amount under (D), the vesting footnote alone in its cell', () => {
    const rows = bodyRows(formTable(page, 'II')).map((cells) => cells.map(text));
    assert.deepEqual(rows, [
      ['Stock Option (right to buy)', '$ 4.1', '08/06/2013', '', 'M(1)', '', '', '10,000', '(3)', '11/05/2020', 'Common Stock', '10,000', '$ 0', '140,591', 'D', ''],
    ]);
  });

  test('footnote marks are superscripts', () => {
    const sups = byClass(formTable(page, 'I'), 'fn');
    assert.deepEqual(sups.map((s) => [s.name, text(s)]), [['sup', '(1)'], ['sup', '(1)'], ['sup', '(2)']]);
  });

  test('each cell names its column', () => {
    const [first] = bodyRows(formTable(page, 'II'));
    assert.deepEqual(first?.map((c) => c.attributes['data-column']), [
      'title', 'exercisePrice', 'date', 'deemedDate', 'code', 'timeliness', 'acquiredAmount', 'disposedAmount',
      'exerciseDate', 'expirationDate', 'underlyingTitle', 'underlyingAmount', 'price', 'owned', 'ownership', 'nature',
    ]);
  });

  test('a draft without tables prints both tables empty, as the form does', () => {
    const { page: empty } = renderDraft(draft());
    assert.deepEqual(bodyRows(formTable(empty, 'I')), []);
    assert.deepEqual(columnTitles(formTable(empty, 'II')), TABLE_II_TITLES);
  });
});

describe('render: the explanation, remarks and signature', () => {
  const { page } = renderDraft(FULL);

  test('the footnotes, numbered', () => {
    assert.deepEqual(byClass(page, 'footnote').map(text), [
      '1. Effected pursuant to a Rule 10b5-1 trading plan adopted on February 21, 2013.',
      '2. The weighted average sale price; the prices ranged from $18.00 to $18.81.',
      '3. Immediately exercisable.',
    ]);
    assert.deepEqual(byClass(page, 'footnote').map((li) => li.attributes['data-footnote']), ['1', '2', '3']);
  });

  test('the remarks', () => {
    assert.equal(text(one(page, (e) => hasClass(e, 'remarks'), 'remarks')), 'Exhibit 24 - Power of Attorney.');
  });

  test('the signature after /s/, and its date', () => {
    const row = one(page, (e) => e.name === 'tr' && hasClass(e, 'signature'), 'signature row');
    assert.deepEqual(byTag(row, 'td').map(text), ['/s/ Bruce Posey by power of attorney for John N. Wilson', '08/07/2013']);
  });

  test('an XML signatureName that carries /s/ is not given another', () => {
    const { page: xml } = renderXml(ownershipXml());
    const row = one(xml, (e) => e.name === 'tr' && hasClass(e, 'signature'), 'signature row');
    assert.match(text(row), /^\/s\/ [^/]/);
  });
});

describe('render: an EDGAR XML filing', () => {
  const { page } = renderXml(ownershipXml());

  test('Table I and Table II values as EDGAR shows them: grouped, $, MM/DD/YYYY, footnote marks', () => {
    const one1 = bodyRows(formTable(page, 'I')).map((cells) => cells.map(text));
    assert.deepEqual(one1, [
      ['Common Stock', '08/06/2013', '', 'M', '', '10,000', 'A', '$ 4.1', '65,500', 'D', ''],
      ['Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$ 18.3654(1)', '55,500', 'D', ''],
    ]);
    const two = bodyRows(formTable(page, 'II'));
    assert.equal(two.length, 1);
    assert.equal(two[0]?.length, 16);
  });
});

describe('render: what could not be read', () => {
  test('an unreadable value is shown as written, marked, the reason in its title', () => {
    const text0 = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'M', '', 'ten thousand', 'A', '$4.10', '65,500', 'D', '')] });
    const { page } = renderDraft(text0);
    const [row] = bodyRows(formTable(page, 'I'));
    const amount = row?.[5];
    assert.ok(amount);
    const unreadable = one(amount, (e) => hasClass(e, 'unreadable'), 'unreadable value');
    assert.equal(text(unreadable), 'ten thousand');
    assert.match(unreadable.attributes['title'] ?? '', /^Not read: /);
    assert.equal(text(row?.[7] ?? amount), '$ 4.1');
  });

  test('a row with a cell too many is kept, marked damaged, its cells as read', () => {
    const text0 = draft({ tableI: [`${rowI('Common Stock', '08/06/2013', '', 'P', '', '100', 'A', '$4.10', '65,500', 'D', '')} extra (4) |`] });
    const { page } = renderDraft(text0);
    const tr = one(formTable(page, 'I'), (e) => e.name === 'tr' && hasClass(e, 'row'), 'row');
    assert.ok(hasClass(tr, 'damaged'));
    const [cells] = bodyRows(formTable(page, 'I'));
    assert.equal(cells?.length, 11);
    assert.equal(text(cells?.[0] ?? tr), 'Common Stock');
  });
});
