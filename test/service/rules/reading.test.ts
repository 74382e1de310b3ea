/**
 * Reading the draft: row-shape, invalid-number, invalid-date, missing-value, invalid-choice,
 * unknown-code, too-many-rows. Each rule: a short draft that fires it (exact id, severity,
 * position, message) and near misses that must not.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_HEADER, check, columnOf, draft, lineOf, rowI, rowII } from '../../support/drafts';
import { EXERCISE_I, EXERCISE_II, WILSON, cellColumn, none, noErrorOrWarning, one } from './common';

describe('row-shape', () => {
  test('a Table I row with 10 cells is reported over the whole row', () => {
    const short = '| Common Stock | 08/06/2013 | | S | | 10,000 | D | $18.37 | 55,500 | D |';
    const text = draft({ tableI: [EXERCISE_I, short], tableII: [EXERCISE_II] });
    const f = one(check(text), 'row-shape');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '$18.37'));
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, short.length + 1);
    assert.match(f.message, /^Table I row 2 has 10 cells, not 11: the nature of ownership is missing, or merged into another cell\.$/);
  });

  test('a Table II row with 17 cells says cells may have been split', () => {
    const long = rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '10,000', '11/05/2010', '11/05/2020', 'Common Stock', '10,000', '$0', '140,591', 'D', '').replace(/\|$/, '| extra |');
    const text = draft({ tableI: [EXERCISE_I], tableII: [long] });
    const f = one(check(text), 'row-shape');
    assert.equal(f.line, lineOf(text, 'extra'));
    assert.match(f.message, /^Table II row 1 has 17 cells, not 16: cell 17 "extra" looks split or extra\.$/);
  });

  test('a damaged row is not read column by column: no other rule reports its cells', () => {
    const damaged = '| Common Stock | 08/06/2013 | | S | | ten thousand | D | $18.37 | 55,500 | D |';
    const found = check(draft({ tableI: [damaged] }));
    assert.deepEqual(found.map((f) => f.rule), ['row-shape']);
  });

  test('near miss: 11 cells with empty cells, and an 11-cell tab-separated row, are well formed', () => {
    const tab = ['Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.3654 (1)', '55,500', 'D', ''].join('\t');
    const text = draft({ ...WILSON, tableI: [EXERCISE_I, tab] });
    assert.deepEqual(check(text), []);
  });
});

describe('invalid-number', () => {
  test('a misplaced thousands separator in the amount', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S', '', '10,00', 'D', '$18.37', '55,500', 'D', '')] });
    const f = one(check(text), 'invalid-number');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '10,00 '));
    assert.equal(f.column, columnOf(text, '10,00 '));
    assert.equal(f.endColumn, f.column + '10,00'.length);
    assert.equal(f.message, 'The amount "10,00" has a misplaced thousands separator.');
  });

  test('a word as a price, a negative price, a parenthesised holding', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', 'market', '56,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '-18.37', '57,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.37', '(58,500)', 'D', ''),
      ],
    });
    const found = check(text).filter((f) => f.rule === 'invalid-number');
    assert.deepEqual(found.map((f) => [f.line, f.column, f.message]), [
      [lineOf(text, 'market'), columnOf(text, 'market'), 'The price "market" is not a number.'],
      [lineOf(text, '-18.37'), columnOf(text, '-18.37'), 'The price "-18.37" is negative, and a price never is. Write it without the sign: (A) or (D) gives the direction.'],
      [lineOf(text, '(58,500)'), columnOf(text, '(58,500)'), 'The amount owned "(58,500)" is written as a negative, and an amount never is. Write it without parentheses.'],
    ]);
  });

  test('a Table II exercise price that is not a number', () => {
    const row = rowII('Stock Option (right to buy)', '4.1O', '08/06/2013', '', 'M', '', '', '10,000', '11/05/2010', '11/05/2020', 'Common Stock', '10,000', '$0', '140,591', 'D', '');
    const text = draft({ tableI: [EXERCISE_I], tableII: [row] });
    const f = one(check(text), 'invalid-number');
    assert.equal(f.column, columnOf(text, '4.1O'));
    assert.match(f.message, /^The exercise price "4\.1O" is not a plain number\.$/);
  });

  test('near miss: escaped dollars, short decimals, $0, decimals of shares and grouped thousands are numbers', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'M', '', '10,000', 'A', '\\$4.1', '65,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000.5', 'D', '$18.3654 (1)', '55,499.5', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'G', '', '1,000,000', 'A', '$0', '1,055,499.5', 'D', ''),
      ],
      tableII: [EXERCISE_II.replace('$4.10', '4.1')],
      footnotes: WILSON.footnotes,
    });
    none(check(text), 'invalid-number');
    noErrorOrWarning(check(text));
  });
});

describe('invalid-date', () => {
  test('a day that does not exist', () => {
    const text = draft({ tableI: [rowI('Common Stock', '02/30/2013', '', 'S', '', '10,000', 'D', '$18.37', '55,500', 'D', '')] });
    const f = one(check(text), 'invalid-date');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '02/30/2013'));
    assert.equal(f.column, columnOf(text, '02/30/2013'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'The transaction date "02/30/2013" is not a date: February 2013 has no day 30.');
  });

  test('ISO dates, two-digit years and month 13, in a row, box 3 and the signature', () => {
    const header = DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? '3. Date of Earliest Transaction: 2013-08-06' : l));
    const text = draft({
      header,
      tableI: [rowI('Common Stock', '13/06/2013', '08/06/13', 'S', '', '10,000', 'D', '$18.37', '55,500', 'D', '')],
      signature: ['/s/ John N. Wilson', '', '08/32/2013'],
    });
    const found = check(text).filter((f) => f.rule === 'invalid-date');
    assert.deepEqual(found.map((f) => [f.line, f.column, f.message]), [
      [lineOf(text, '2013-08-06'), columnOf(text, '2013-08-06'), 'Box 3 "2013-08-06" is not a date: dates are written MM/DD/YYYY, not YYYY-MM-DD.'],
      [lineOf(text, '13/06/2013'), columnOf(text, '13/06/2013'), 'The transaction date "13/06/2013" is not a date: there is no month 13.'],
      [lineOf(text, '13/06/2013'), columnOf(text, '08/06/13'), 'The deemed execution date "08/06/13" is not a date: the year needs four digits (MM/DD/YYYY).'],
      [lineOf(text, '08/32/2013'), 1, 'The signature date "08/32/2013" is not a date: August 2013 has no day 32.'],
    ]);
  });

  test('near miss: a leap day and one-digit month and day are real dates', () => {
    const text = draft({
      header: DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? '3. Date of Earliest Transaction: 2/29/2016' : l)),
      tableI: [rowI('Common Stock', '2/29/2016', '', 'P', '', '100', 'A', '$10.00', '100', 'D', '')],
      signature: ['/s/ John N. Wilson', '', '3/1/2016'],
    });
    none(check(text), 'invalid-date');
    assert.deepEqual(check(text), []);
  });
});

describe('missing-value', () => {
  test('a sale without its amount is reported at the blank cell', () => {
    const row = rowI('Common Stock', '08/06/2013', '', 'S', '', '', 'D', '$18.37', '55,500', 'D', '');
    const text = draft({ tableI: [row] });
    const f = one(check(text), 'missing-value');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '$18.37'));
    assert.equal(f.column, cellColumn(text, '$18.37', 5));
    assert.equal(f.endColumn, cellColumn(text, '$18.37', 6) - 1);
    assert.equal(f.message, 'Table I row 1 has no amount.');
  });

  test('a transaction row without date, (A)/(D) and ownership form: each blank cell reported', () => {
    const row = rowI('Common Stock', '', '', 'S', '', '10,000', '', '$18.37', '55,500', '', '');
    const text = draft({ tableI: [row] });
    const found = check(text).filter((f) => f.rule === 'missing-value');
    assert.deepEqual(found.map((f) => [f.column, f.message]), [
      [cellColumn(text, '$18.37', 1), 'Table I row 1 has no transaction date.'],
      [cellColumn(text, '$18.37', 6), 'Table I row 1 has no (A) or (D). Write A (acquired) or D (disposed of).'],
      [cellColumn(text, '$18.37', 9), 'Table I row 1 has no ownership form. Write D (direct) or I (indirect).'],
    ]);
  });

  test('a Table II exercise price blank without a footnote (cm(8))', () => {
    const row = rowII('Restricted Stock Units', '', '03/15/2025', '', 'M', '', '', '6,250', '03/15/2025', '03/15/2029', 'Class A Common Stock', '6,250', '$0', '12,500', 'D', '');
    const text = draft({
      header: DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? '3. Date of Earliest Transaction: 03/15/2025' : l)).concat('Rule 10b5-1(c) Transaction Indication: [ ]'),
      tableI: [rowI('Class A Common Stock', '03/15/2025', '', 'M', '', '6,250', 'A', '$0', '1,114,607', 'D', '')],
      tableII: [row],
      signature: ['/s/ David Travers', '', '03/18/2025'],
    });
    const f = one(check(text), 'missing-value');
    assert.equal(f.line, lineOf(text, 'Restricted Stock Units'));
    assert.equal(f.column, cellColumn(text, 'Restricted Stock Units', 1));
    assert.equal(f.message, 'The exercise price of Table II row 1 is blank. Give it, or a footnote in the cell that says why there is none.');
    assert.deepEqual(check(text).filter((x) => x.rule !== 'missing-value'), []);
  });

  test('near miss: a footnote-only blank satisfies cm(8), and a holdings row needs no date or code', () => {
    const rsu = rowII('Restricted Stock Units', '(1)', '03/15/2025', '', 'M', '', '', '6,250', '(2)', '(3)', 'Class A Common Stock', '6,250', '$0', '12,500', 'D', '');
    const holding = rowI('Class A Common Stock', '', '', '', '', '', '', '', '20,000', 'I', 'By Trust');
    const text = draft({
      header: DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? '3. Date of Earliest Transaction: 03/15/2025' : l)).concat('Rule 10b5-1(c) Transaction Indication: [ ]'),
      tableI: [rowI('Class A Common Stock', '03/15/2025', '', 'M', '', '6,250', 'A', '$0', '1,114,607', 'D', ''), holding],
      tableII: [rsu],
      footnotes: [
        '(1) Each RSU represents a contingent right to receive one share of Class A Common Stock.',
        '(2) The RSUs vest as to 1/16 of the total shares quarterly beginning on March 15, 2022.',
        '(3) RSUs do not expire; they either vest or are canceled prior to vesting date.',
      ],
      signature: ['/s/ David Travers', '', '03/18/2025'],
    });
    assert.deepEqual(check(text), []);
  });
});

describe('invalid-choice', () => {
  test('(A)/(D) written as a word', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'Sold', '$18.37', '55,500', 'D', '')] });
    const f = one(check(text), 'invalid-choice');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, 'Sold'));
    assert.equal(f.column, columnOf(text, 'Sold'));
    assert.equal(f.endColumn, f.column + 4);
    assert.equal(f.message, 'The (A) or (D) column takes A or D, not "Sold".');
  });

  test('an ownership form "Direct", a V column "Y", and both Table II amounts filled', () => {
    const text = draft({
      tableI: [rowI('Common Stock', '08/06/2013', '', 'P', 'Y', '10,000', 'A', '$18.37', '65,500', 'Direct', '')],
      tableII: [rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '5,000', '10,000', '11/05/2010', '11/05/2020', 'Common Stock', '10,000', '$0', '140,591', 'D', '')],
    });
    const found = check(text).filter((f) => f.rule === 'invalid-choice');
    assert.deepEqual(found.map((f) => [f.line, f.column, f.message]), [
      [lineOf(text, 'Direct'), columnOf(text, 'Y ', 'Direct'), 'The V column takes V (reported early), L (reported late) or nothing, not "Y".'],
      [lineOf(text, 'Direct'), columnOf(text, 'Direct'), 'The ownership form column takes D or I: write D for direct.'],
      [lineOf(text, '5,000'), cellColumn(text, '5,000', 6), 'A Table II row fills either column 5 (A) or column 5 (D), not both: empty one of them.'],
    ]);
  });

  test('near miss: V in the V column, (A) in parentheses, I with its nature', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/01/2013', '', 'G', 'V', '1,000', '(D)', '$0', '54,500', 'D', ''),
        rowI('Common Stock', '08/01/2013', '', 'G', 'V', '1,000', '(A)', '$0', '1,000', 'I', 'By Trust'),
      ],
    });
    none(check(text), 'invalid-choice');
    noErrorOrWarning(check(text));
  });
});

describe('unknown-code', () => {
  test('a letter that is not a code', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'Q', '', '10,000', 'D', '$18.37', '55,500', 'D', '')] });
    const f = one(check(text), 'unknown-code');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '| Q |'));
    assert.equal(f.column, columnOf(text, '| Q |') + 2);
    assert.equal(f.endColumn, f.column + 1);
    assert.equal(f.message, 'The code "Q" is not a transaction code of General Instruction 8.');
  });

  test('V and K entered as codes are explained', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'V', '', '1,000', 'A', '$18.00', '56,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'K', '', '1,000', 'A', '$18.00', '57,500', 'D', ''),
      ],
    });
    const found = check(text).filter((f) => f.rule === 'unknown-code');
    assert.equal(found.length, 2);
    assert.match(found[0]?.message ?? '', /^V marks a transaction voluntarily reported earlier than required\. It goes in the V column/);
    assert.match(found[1]?.message ?? '', /^K marks a transaction in an equity swap .*followed by \(K\), for example J\(K\)/);
  });

  test('near miss: every Instruction 8 code, a code with a footnote, and J(K)', () => {
    const codes = ['P', 'S', 'A', 'D', 'F', 'I', 'M', 'C', 'E', 'H', 'O', 'X', 'G', 'L', 'W', 'Z', 'J', 'U', 'J(K)', 'S (K)', 'M (1)'];
    const rows = codes.map((c, i) => rowI(`Security ${i}`, '08/06/2013', '', c, '', '100', 'A', '$1.00', '100', 'D', ''));
    none(check(draft({ tableI: rows, footnotes: ['(1) A footnote.'] })), 'unknown-code');
  });
});

describe('too-many-rows', () => {
  const holdings = (n: number): string[] => Array.from({ length: n }, (_, i) => rowI(`Common Stock Series ${i + 1}`, '', '', '', '', '', '', '', '1,000', 'D', ''));

  test('31 rows in Table I: reported at the 31st', () => {
    const text = draft({ tableI: holdings(31) });
    const f = one(check(text), 'too-many-rows');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, 'Series 31 '));
    assert.equal(f.column, 1);
    assert.equal(f.message, 'Table I has 31 rows, and EDGAR accepts at most 30 per table (transactions and holdings). File the rest on a second Form 4.');
  });

  test('11 reporting persons: reported at the 11th box 1', () => {
    const owners = Array.from({ length: 11 }, (_, i) => `1. Name and Address of Reporting Person: Owner${i + 1} Fund LP, 1 MAIN ST, DOVER, DE 19901`);
    const text = draft({ header: [...owners, ...DEFAULT_HEADER.slice(1)] });
    const f = one(check(text), 'too-many-rows');
    assert.equal(f.line, lineOf(text, 'Owner11 '));
    assert.equal(f.message, 'The draft names 11 reporting persons, and a Form 4 holds at most 10. File the others on a second Form 4.');
  });

  test('near miss: exactly 30 rows and exactly 10 reporting persons', () => {
    const owners = Array.from({ length: 10 }, (_, i) => `1. Name and Address of Reporting Person: Owner${i + 1} Fund LP, 1 MAIN ST, DOVER, DE 19901`);
    const text = draft({ header: [...owners, ...DEFAULT_HEADER.slice(1)], tableI: holdings(30) });
    assert.deepEqual(check(text), []);
  });
});
