/**
 * Header rules: missing-box, relationship-text, earliest-date (graded, with its quick fix),
 * amendment-date.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_HEADER, check, columnOf, draft, lineOf, rawFindingsOf, rowI, line1 } from '../../support/drafts';
import { WILSON, applyFix, changedLines, fixOf, none, one } from './common';

/** The default header with box `n`'s line replaced (or removed when `line` is undefined). */
function headerWith(n: string, line: string | undefined): string[] {
  return DEFAULT_HEADER.flatMap((l) => (l.startsWith(`${n}.`) ? (line === undefined ? [] : [line]) : [l]));
}

const BOX3 = (date: string): string => `3. Date of Earliest Transaction: ${date}`;

const P = (date: string, owned: string, v = ''): string => rowI('Common Stock', date, '', 'P', v, '1,000', 'A', '$18.00', owned, 'D', '');

describe('missing-box', () => {
  test('box 2 without a ticker is reported at its value', () => {
    const text = draft({ header: headerWith('2', '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC.') });
    const f = one(check(text), 'missing-box');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '2. Issuer'));
    assert.equal(f.column, columnOf(text, 'QUALYS, INC.', '2. Issuer'));
    assert.equal(f.endColumn, f.column + 'QUALYS, INC.'.length);
    assert.equal(f.message, 'Box 2 gives no trading symbol. Write it in square brackets after the name, as in QUALYS, INC. [TICKER].');
  });

  test('no box 5 at all is reported at the top of the draft', () => {
    const text = draft({ header: headerWith('5', undefined) });
    const f = one(check(text), 'missing-box');
    assert.equal(f.line, 1);
    assert.equal(f.column, 1);
    assert.equal(f.message, 'The draft has no box 5 (Relationship of Reporting Person(s) to Issuer). Add it at the top.');
  });

  test('a box 5 that selects nothing is reported at the box', () => {
    const text = draft({ header: headerWith('5', '5. Relationship of Reporting Person(s) to Issuer: [ ] Director [ ] 10% Owner') });
    const f = one(check(text), 'missing-box');
    assert.equal(f.line, lineOf(text, '5. Relationship'));
    assert.match(f.message, /^Box 5 selects no relationship\. Check at least one of Director, Officer \(with its title\), 10% Owner or Other \(with its text\)\.$/);
  });

  test('a signature without its date is reported at the /s/ line; no signature at all at the end', () => {
    const undated = draft({ signature: ['/s/ John N. Wilson'] });
    const f = one(check(undated), 'missing-box');
    assert.equal(f.line, lineOf(undated, '/s/'));
    assert.equal(f.column, 1);
    assert.equal(f.message, 'The signature has no date. Write it (MM/DD/YYYY) on the line below the /s/ line.');

    const unsigned = draft({ signature: [] });
    const g = one(check(unsigned), 'missing-box');
    assert.equal(g.line, unsigned.split('\n').length);
    assert.equal(g.message, 'The draft is not signed. Add a line "/s/ Name" with the signature date (MM/DD/YYYY) below it.');
  });

  test('near miss: the short labels of FORMAT.md name every box', () => {
    const text = draft({
      header: [
        'Reporting Person: Wilson John N, 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
        'Issuer: QUALYS, INC. [QLYS]',
        'Earliest Transaction: 08/06/2013',
        'Relationship: Director',
      ],
    });
    assert.deepEqual(check(text), []);
  });
});

describe('relationship-text', () => {
  test('Officer without a title (cm(2))', () => {
    const text = draft({ header: headerWith('5', '5. Relationship of Reporting Person(s) to Issuer: Director, Officer') });
    const f = one(check(text), 'relationship-text');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '5. Relationship'));
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, (text.split('\n')[f.line - 1] ?? '').length + 1);
    assert.equal(f.message, 'Box 5 says Officer but gives no title. Write it after the word, as in Officer (Chief Executive Officer).');
  });

  test('Other without its text (cm(3))', () => {
    const text = draft({ header: headerWith('5', '5. Relationship of Reporting Person(s) to Issuer: 10% Owner, Other') });
    const f = one(check(text), 'relationship-text');
    assert.equal(f.message, 'Box 5 says Other but does not say what. Write it after the word, as in Other (member of 13(d) group).');
  });

  test('near miss: an officer with a title, an other with its text, a director alone', () => {
    for (const value of ['Officer (President & CEO)', 'Other (member of 13(d) group)', 'Director', 'Director, 10% Owner']) {
      none(check(draft({ header: headerWith('5', `5. Relationship of Reporting Person(s) to Issuer: ${value}`) })), 'relationship-text');
    }
  });
});

describe('earliest-date', () => {
  test('box 3 later than one transaction but not all: warning, related to the earliest row', () => {
    const text = draft({ header: headerWith('3', BOX3('08/07/2013')), tableI: [P('08/06/2013', '65,500'), P('08/08/2013', '66,500')], signature: ['/s/ John N. Wilson', '', '08/08/2013'] });
    const f = one(check(text), 'earliest-date');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '3. Date'));
    assert.equal(f.column, columnOf(text, '08/07/2013'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'Box 3 says 08/07/2013, but the earliest transaction is on 08/06/2013 (Table I row 1).');
    const raw = rawFindingsOf(text, 'earliest-date')[0];
    assert.equal(line1(raw?.related[0]?.span), lineOf(text, '08/06/2013 |'));
  });

  test('box 3 after every transaction: error', () => {
    const text = draft({ header: headerWith('3', BOX3('08/09/2013')), tableI: [P('08/06/2013', '65,500'), P('08/08/2013', '66,500')], signature: ['/s/ John N. Wilson', '', '08/09/2013'] });
    const f = one(check(text), 'earliest-date');
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'Box 3 says 08/09/2013, but the earliest transaction is on 08/06/2013 (Table I row 1), and box 3 is after every transaction.');
  });

  test('the quick fix sets box 3, and the draft then checks clean of it', () => {
    const text = draft({ header: headerWith('3', BOX3('08/09/2013')), tableI: [P('08/06/2013', '65,500'), P('08/08/2013', '66,500')], signature: ['/s/ John N. Wilson', '', '08/09/2013'] });
    const finding = rawFindingsOf(text, 'earliest-date')[0];
    assert.ok(finding);
    const fix = fixOf(finding);
    assert.equal(fix.title, 'Set box 3 to 08/06/2013');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), { removed: [BOX3('08/09/2013')], added: [BOX3('08/06/2013')] });
    none(check(fixed), 'earliest-date');
  });

  test('an empty box 3 and a missing box 3 are filled in by the fix', () => {
    const empty = draft({ header: headerWith('3', '3. Date of Earliest Transaction:'), tableI: [P('08/06/2013', '65,500')] });
    const e = one(check(empty), 'earliest-date');
    assert.equal(e.message, 'Box 3 is empty. The earliest transaction is on 08/06/2013.');
    const emptyFixed = applyFix(empty, fixOf(rawFindingsOf(empty, 'earliest-date')[0] ?? assert.fail('no finding')));
    assert.deepEqual(changedLines(empty, emptyFixed), { removed: ['3. Date of Earliest Transaction:'], added: [BOX3('08/06/2013')] });
    assert.deepEqual(check(emptyFixed), []);

    const missing = draft({ header: headerWith('3', undefined), tableI: [P('08/06/2013', '65,500')] });
    const m = one(check(missing), 'earliest-date');
    assert.equal(m.line, lineOf(missing, '08/06/2013 |'));
    assert.equal(m.column, columnOf(missing, '08/06/2013'));
    assert.equal(m.message, 'The draft has no box 3 (Date of Earliest Transaction). The earliest transaction is on 08/06/2013.');
    const missingFixed = applyFix(missing, fixOf(rawFindingsOf(missing, 'earliest-date')[0] ?? assert.fail('no finding')));
    assert.deepEqual(changedLines(missing, missingFixed), { removed: [], added: [BOX3('08/06/2013')] });
    assert.equal(lineOf(missingFixed, '3. Date'), lineOf(missingFixed, '2. Issuer') + 1);
    assert.deepEqual(check(missingFixed), []);
  });

  test('near miss: a V row earlier than box 3 does not count (gifts reported early)', () => {
    // As in a real filing: gifts reported early with V on 08/01, the Form 4 sale on 08/06.
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/01/2013', '', 'G', 'V', '1,000', 'D', '$0', '64,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '500', 'D', '$18.00', '64,000', 'D', ''),
      ],
    });
    none(check(text), 'earliest-date');
    assert.deepEqual(check(text), []);
  });

  test('near miss: box 3 equal to the earliest of several dates, in any row order and in Table II', () => {
    const text = draft({
      ...WILSON,
      header: headerWith('3', BOX3('08/05/2013')),
      tableI: [...WILSON.tableI, rowI('Common Stock', '08/05/2013', '', 'P', '', '100', 'A', '$18.00', '100', 'I', 'By Spouse')],
      tableII: [...WILSON.tableII],
      signature: ['/s/ John N. Wilson', '', '08/07/2013'],
    });
    none(check(text), 'earliest-date');
  });
});

describe('amendment-date', () => {
  const amended = (box4: string, signed = '08/07/2013'): string =>
    draft({
      header: [...DEFAULT_HEADER.slice(0, 3), `4. If Amendment, Date of Original Filed: ${box4}`, ...DEFAULT_HEADER.slice(3)],
      ...WILSON,
      signature: ['/s/ John N. Wilson', '', signed],
    });

  test('box 4 before box 3, related to box 3', () => {
    const text = amended('08/01/2013');
    const f = one(check(text), 'amendment-date');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '4. If'));
    assert.equal(f.column, columnOf(text, '08/01/2013'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'Box 4 says the original was filed 08/01/2013, before the earliest transaction it reports (box 3, 08/06/2013).');
    assert.equal(line1(rawFindingsOf(text, 'amendment-date')[0]?.related[0]?.span), lineOf(text, '3. Date'));
  });

  test('box 4 after the amendment is signed', () => {
    const text = amended('08/20/2013', '08/15/2013');
    const f = one(check(text), 'amendment-date');
    assert.equal(f.message, 'Box 4 says the original was filed 08/20/2013, after this amendment is signed (08/15/2013).');
  });

  test('near miss: box 4 on box 3 itself, or on the day the amendment is signed', () => {
    none(check(amended('08/06/2013')), 'amendment-date');
    none(check(amended('08/08/2013', '08/08/2013')), 'amendment-date');
    none(check(amended('')), 'amendment-date');
  });
});
