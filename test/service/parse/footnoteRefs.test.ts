/**
 * FORMAT.md §3, footnote references: the four notations `(1)`, `⁽¹⁾`, `<sup>(1)</sup>`,
 * `<sup>1</sup>`; several in one cell; a cell holding only a reference; numbers in parentheses
 * that are not references. Each reference is checked for its id, its notation, its range and
 * the range of its digits.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Field, NonDerivativeRow } from '../../../server/src/service/model/filing';
import { isFootnotedBlank } from '../../../server/src/service/model/filing';
import { readCell } from '../../../server/src/service/parse/draft/cells';
import { type FootnoteNotation, notationOf } from '../../../server/src/service/parse/draft/footnoteRefs';
import { lineOf, type Span } from '../../../server/src/service/text/position';
import { at, col, find, findAfter, parse, r } from './helpers';

const TABLE_I = 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned';

interface Ref {
  id: number;
  notation: FootnoteNotation;
  range: Span;
  numberRange: Span;
}

/** The references of a field read from `lines` (line 1 by default), with their notation. */
function refsIn(lines: readonly string[], field: Pick<Field<unknown>, 'refs'>): Ref[] {
  return field.refs.map((x) => ({ id: x.id, notation: notationOf(lines[lineOf(x.span.start)] ?? '', x), range: x.span, numberRange: x.numberSpan }));
}

/** The one Table I row of a draft made of the heading and `row`. */
function row(line: string): NonDerivativeRow {
  const rows = parse([TABLE_I, line]).nonDerivativeTable?.rows ?? [];
  assert.equal(rows.length, 1);
  const found = rows[0];
  assert.ok(found);
  return found;
}

/** A cell read from the whole of `text` (line 0). */
function cell(text: string): Field<unknown> {
  return readCell(text, 0, { start: 0, end: text.length });
}

describe('the four notations, in table cells', () => {
  const line = '| Common Stock | 08/06/2013 | | M (1) | | 10,000 | A | $4.10 \u207d\u00b2\u207e | 65,500 <sup>(3)</sup> | D | By Trust<sup>4</sup> |';
  const lines = [TABLE_I, line];
  const data = row(line);

  test('(1): the whole reference with its parentheses, the digit inside', () => {
    const ref = find(lines, 1, '(1)');
    assert.deepEqual(refsIn(lines, data.coding), [{ id: 1, notation: 'paren', range: ref, numberRange: r(1, col(ref.start) + 1, col(ref.start) + 2) }]);
    assert.equal(data.coding.text, 'M');
    assert.deepEqual(data.coding.valueSpan, findAfter(lines, 1, '| | ', 'M'));
    assert.deepEqual(data.coding.value, { code: 'M', equitySwap: false });
  });

  test('⁽²⁾: the superscript parentheses and digit', () => {
    const ref = find(lines, 1, '\u207d\u00b2\u207e');
    assert.deepEqual(refsIn(lines, data.pricePerShare), [{ id: 2, notation: 'superscript', range: ref, numberRange: find(lines, 1, '\u00b2') }]);
    assert.equal(data.pricePerShare.text, '$4.10');
    assert.deepEqual(data.pricePerShare.valueSpan, find(lines, 1, '$4.10'));
    assert.equal(data.pricePerShare.value?.toFixed(), '4.1');
  });

  test('<sup>(3)</sup>: the parenthesised number inside the tag', () => {
    const ref = find(lines, 1, '(3)');
    assert.deepEqual(refsIn(lines, data.ownedAfter), [{ id: 3, notation: 'sup', range: ref, numberRange: r(1, col(ref.start) + 1, col(ref.start) + 2) }]);
    assert.equal(data.ownedAfter.text, '65,500');
    assert.deepEqual(data.ownedAfter.valueSpan, find(lines, 1, '65,500'));
    assert.equal(data.ownedAfter.value?.amount.toFixed(), '65500');
  });

  test('<sup>4</sup>: the digit inside the tag', () => {
    const digit = findAfter(lines, 1, 'By Trust<sup>', '4');
    assert.deepEqual(refsIn(lines, data.nature), [{ id: 4, notation: 'sup', range: digit, numberRange: digit }]);
    assert.equal(data.nature.text, 'By Trust');
    assert.deepEqual(data.nature.valueSpan, find(lines, 1, 'By Trust'));
  });

  test('no other cell has a reference', () => {
    const withRefs = data.fields.map((c, i) => [i, c.refs.length] as const).filter(([, n]) => n > 0).map(([i]) => i);
    assert.deepEqual(withRefs, [3, 7, 8, 10]);
  });
});

describe('several references in one cell', () => {
  test('(1)(2): two whole references', () => {
    const text = 'M (1)(2)';
    assert.deepEqual(refsIn([text], cell(text)), [
      { id: 1, notation: 'paren', range: r(0, 2, 5), numberRange: r(0, 3, 4) },
      { id: 2, notation: 'paren', range: r(0, 5, 8), numberRange: r(0, 6, 7) },
    ]);
    assert.equal(cell(text).text, 'M');
  });

  test('(1, 2): each reference is its digits (so that a rename replaces only them)', () => {
    const text = '$5.00 (1, 12)';
    assert.deepEqual(refsIn([text], cell(text)), [
      { id: 1, notation: 'paren', range: r(0, 7, 8), numberRange: r(0, 7, 8) },
      { id: 12, notation: 'paren', range: r(0, 10, 12), numberRange: r(0, 10, 12) },
    ]);
    assert.equal(cell(text).text, '$5.00');
    assert.deepEqual(cell(text).valueSpan, r(0, 0, 5));
  });

  test('<sup>1,2</sup> and <sup>(1)(2)</sup>', () => {
    assert.deepEqual(refsIn(['10,000<sup>1,2</sup>'], cell('10,000<sup>1,2</sup>')), [
      { id: 1, notation: 'sup', range: r(0, 11, 12), numberRange: r(0, 11, 12) },
      { id: 2, notation: 'sup', range: r(0, 13, 14), numberRange: r(0, 13, 14) },
    ]);
    assert.deepEqual(refsIn(['x <sup>(1)(2)</sup>'], cell('x <sup>(1)(2)</sup>')), [
      { id: 1, notation: 'sup', range: r(0, 7, 10), numberRange: r(0, 8, 9) },
      { id: 2, notation: 'sup', range: r(0, 10, 13), numberRange: r(0, 11, 12) },
    ]);
    assert.equal(cell('10,000<sup>1,2</sup>').text, '10,000');
  });

  test('⁽¹⁾⁽²⁾ and two-digit superscripts ⁽¹²⁾', () => {
    assert.deepEqual(refsIn(['S \u207d\u00b9\u207e\u207d\u00b2\u207e'], cell('S \u207d\u00b9\u207e\u207d\u00b2\u207e')), [
      { id: 1, notation: 'superscript', range: r(0, 2, 5), numberRange: r(0, 3, 4) },
      { id: 2, notation: 'superscript', range: r(0, 5, 8), numberRange: r(0, 6, 7) },
    ]);
    assert.deepEqual(refsIn(['S \u207d\u00b9\u00b2\u207e'], cell('S \u207d\u00b9\u00b2\u207e')), [{ id: 12, notation: 'superscript', range: r(0, 2, 6), numberRange: r(0, 3, 5) }]);
  });

  test('mixed notations in one cell, in the order written', () => {
    const text = '$18.3654 (1)\u207d\u00b2\u207e<sup>3</sup>';
    assert.deepEqual(cell(text).refs.map((x) => [x.id, notationOf(text, x)]), [[1, 'paren'], [2, 'superscript'], [3, 'sup']]);
    assert.equal(cell(text).text, '$18.3654');
  });

  test('escaped parentheses \\(1\\) are a reference', () => {
    assert.deepEqual(refsIn(['M \\(1\\)'], cell('M \\(1\\)')), [{ id: 1, notation: 'paren', range: r(0, 2, 7), numberRange: r(0, 4, 5) }]);
    assert.equal(cell('M \\(1\\)').text, 'M');
  });
});

describe('a cell holding only a reference', () => {
  test('the value is blank; the reference says where the value is', () => {
    const line = '| Common Stock | (1) | | P | | 100 | A | $1 | 200 | D | |';
    const lines = [TABLE_I, line];
    const data = row(line);
    assert.equal(data.transactionDate.text, '');
    assert.equal(data.transactionDate.value, undefined);
    assert.equal(data.transactionDate.problem, undefined);
    assert.ok(isFootnotedBlank(data.transactionDate));
    const ref = find(lines, 1, '(1)');
    assert.deepEqual(refsIn(lines, data.transactionDate), [{ id: 1, notation: 'paren', range: ref, numberRange: r(1, col(ref.start) + 1, col(ref.start) + 2) }]);
    // The value range is the empty point after the cell's first space.
    assert.deepEqual(data.transactionDate.valueSpan, at(1, col(ref.start)));
    assert.deepEqual(data.transactionDate.span, r(1, col(ref.start) - 1, col(ref.end) + 1));
  });

  test('the same in the other notations', () => {
    for (const only of ['\u207d\u00b3\u207e', '<sup>(3)</sup>', '<sup>3</sup>', '(3)(4)']) {
      const c = cell(` ${only} `);
      assert.equal(c.text, '', only);
      assert.equal(c.refs[0]?.id, 3, only);
      assert.deepEqual(c.valueSpan, at(0, 1), only);
    }
  });
});

describe('numbers in parentheses that are not references', () => {
  test('(1,000), (100), (2013) and words in parentheses stay in the value', () => {
    for (const text of ['(1,000)', '(100)', '(2013)', 'Stock Option (right to buy)', 'Class (A) Stock', '(1.5)', '( )']) {
      const c = cell(text);
      assert.deepEqual(c.refs, [], text);
      assert.equal(c.text, text, text);
    }
  });

  test('an amount of (1,000) is kept and reported, not read as footnotes 1 and 0', () => {
    const data = row('| Common Stock | 08/06/2013 | | S | | (1,000) | D | $1 | 200 | D | |');
    assert.deepEqual(data.shares.refs, []);
    assert.equal(data.shares.text, '(1,000)');
    assert.equal(data.shares.problem, '"(1,000)" is written as a negative, and an amount never is. Write it without parentheses');
  });

  test('a reference right after an amount: 10,000(1)', () => {
    const c = cell('10,000(1)');
    assert.equal(c.text, '10,000');
    assert.deepEqual(refsIn(['10,000(1)'], c), [{ id: 1, notation: 'paren', range: r(0, 6, 9), numberRange: r(0, 7, 8) }]);
  });
});

describe('references elsewhere', () => {
  test('in a Table II cell and a box value, with line numbers', () => {
    const lines = [
      '2. Issuer Name and Ticker or Trading Symbol: ACME CORP [ACME]<sup>(5)</sup>',
      'Table II - Derivative Securities',
      '| Stock Option | $1 | 01/05/2024 | | M | | | 10 | \u207d\u2076\u207e | 1/5/2030 | Common Stock | 10 | $0 | 90 | D | |',
    ];
    const f = parse(lines);
    const issuerRef = f.issuer?.name.refs[0];
    assert.equal(issuerRef?.id, 5);
    assert.deepEqual(issuerRef?.span, find(lines, 0, '(5)'));
    assert.equal(f.issuer?.tradingSymbol.value, 'ACME');
    const option = f.derivativeTable?.rows[0];
    assert.deepEqual(option?.exerciseDate.refs.map((x) => [x.id, x.span]), [[6, find(lines, 2, '\u207d\u2076\u207e')]]);
  });
});
