/**
 * Rules on one row: code-direction (graded, with its quick fix), code-needs-footnote,
 * ownership-nature, weighted-average (graded, related to its footnote), deemed-date,
 * derivative-dates, duplicate-row.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_HEADER, check, columnOf, draft, lineOf, rawFindingsOf, rowI, rowII, line1 } from '../../support/drafts';
import { EXERCISE_I, EXERCISE_II, SALE_I, WEIGHTED_AVERAGE_FOOTNOTE, WILSON, applyFix, cellColumn, changedLines, fixOf, none, noErrorOrWarning, one } from './common';

/** A Table I row on 08/06/2013 with the given code, direction, price and amount owned after. */
const row = (code: string, ad: string, price: string, owned: string, amount = '1,000'): string =>
  rowI('Common Stock', '08/06/2013', '', code, '', amount, ad, price, owned, 'D', '');

describe('code-direction', () => {
  test('the acquisition of an exercise coded S (A, the exercise\'s date, amount and price): no flip offered, which would unpair it', () => {
    const miscoded = EXERCISE_I.replace('| M |', '| S |');
    const text = draft({ tableI: [miscoded, SALE_I], tableII: [EXERCISE_II], footnotes: [WEIGHTED_AVERAGE_FOOTNOTE] });
    const [f, ...others] = rawFindingsOf(text, 'code-direction');
    assert.deepEqual(others, []);
    assert.equal(line1(f?.span), lineOf(text, '| S |'));
    assert.deepEqual(f?.fixes, []);
    // The Table II exercise is paired with it, coded otherwise: a warning, not an unpaired error.
    assert.deepEqual(check(text).filter((x) => x.rule === 'exercise-unpaired').map((x) => x.severity), ['warning']);
    // An S coded A that pairs with nothing keeps its flip.
    const alone = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });
    assert.equal(rawFindingsOf(alone, 'code-direction')[0]?.fixes.length, 1);
  });

  test('a sale coded A (a real error in a filed form): error at the (A)/(D) cell', () => {
    // Real data: a filing whose fourth S row of the day says A while its running balance was
    // computed as a disposal (8,991 − 5,494 = 3,497).
    const text = draft({ tableI: [row('S', 'D', '$175.58', '8,991', '52,926'), row('S', 'A', '$176.50', '3,497', '5,494')], signature: ['/s/ Lora Blum', '', '08/06/2013'] });
    const f = one(check(text), 'code-direction');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '5,494'));
    assert.equal(f.column, columnOf(text, '| A |', '5,494') + 2);
    assert.equal(f.endColumn, f.column + 1);
    assert.equal(f.message, 'S (sale) disposes of shares, but the row says A (acquired). Change one of them.');
  });

  test('the quick fix (preferred) flips A to D; the row then checks clean, balance included', () => {
    const text = draft({ tableI: [row('S', 'D', '$175.58', '8,991', '52,926'), row('S', 'A', '$176.50', '3,497', '5,494')], signature: ['/s/ Lora Blum', '', '08/06/2013'] });
    const finding = rawFindingsOf(text, 'code-direction')[0];
    assert.ok(finding);
    const fix = fixOf(finding);
    assert.equal(fix.title, 'Change (A)/(D) to D');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), {
      removed: [row('S', 'A', '$176.50', '3,497', '5,494')],
      added: [row('S', 'D', '$176.50', '3,497', '5,494')],
    });
    assert.deepEqual(check(fixed), []);
  });

  test('when the amounts owned were computed from the wrong letter too, the fix flips it and carries the amounts, and fix-all leaves it', () => {
    // 8,991 + 5,494 = 14,485: the balance follows the A as written, and the next row follows from it.
    const rows = [row('S', 'D', '$175.58', '8,991', '52,926'), row('S', 'A', '$176.50', '14,485', '5,494'), row('S', 'D', '$177.00', '14,385', '100')];
    const text = draft({ tableI: rows, signature: ['/s/ Lora Blum', '', '08/06/2013'] });
    const finding = rawFindingsOf(text, 'code-direction')[0] ?? assert.fail('no finding');
    assert.deepEqual(finding.fixes.map((x) => [x.title, x.preferred]), [['Change (A)/(D) to D, and the amount owned to 3,497 (and in the 1 row after it)', false]]);
    const fixed = applyFix(text, fixOf(finding));
    assert.deepEqual(changedLines(text, fixed).added, [row('S', 'D', '$176.50', '3,497', '5,494'), row('S', 'D', '$177.00', '3,397', '100')]);
    assert.deepEqual(check(fixed), []);
  });

  test('P with D is an error; F, D, U, H with A and L, A with D are warnings', () => {
    const cases: [string, string, string][] = [
      ['P', 'D', 'error'], ['F', 'A', 'warning'], ['D', 'A', 'warning'], ['U', 'A', 'warning'], ['H', 'A', 'warning'], ['L', 'D', 'warning'], ['A', 'D', 'warning'],
    ];
    for (const [code, ad, severity] of cases) {
      const text = draft({ tableI: [row(code, ad, '$18.00', '1,000')] });
      const f = one(check(text), 'code-direction');
      assert.equal(f.severity, severity, `${code} with ${ad}`);
      assert.match(f.message, ad === 'A' ? new RegExp(`^${code} \\(.+\\) disposes of shares, but the row says A \\(acquired\\)\\. Change one of them\\.$`) : new RegExp(`^${code} \\(.+\\) acquires shares, but the row says D \\(disposed of\\)\\. Change one of them\\.$`));
    }
  });

  test('in Table II, an F withholding written in the (A) column: the fix moves the amount to (D)', () => {
    const text = draft({
      header: DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? '3. Date of Earliest Transaction: 06/28/2021' : l)),
      tableII: [
        rowII('Class B Common Stock (1)', '(1)', '06/28/2021', '', 'X', '', '4,502,447', '', '(1)', '(1)', 'Class A Common Stock', '4,502,447', '$6.13', '4,502,447', 'I', 'See Footnote (2)'),
        rowII('Class B Common Stock (1)', '(1)', '06/28/2021', '', 'F', '', '1,171,643', '', '(1)', '(1)', 'Class A Common Stock', '1,171,643', '$23.5567', '3,330,804', 'I', 'See Footnote (2)'),
      ],
      footnotes: ['(1) The Class B Common Stock is convertible into Class A Common Stock on a 1-for-1 basis and has no expiration date.', '(2) Held by Mithril.'],
      signature: ['/s/ Justin V. Laubach', '', '06/30/2021'],
    });
    const f = one(check(text), 'code-direction');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '1,171,643'));
    assert.equal(f.column, columnOf(text, '1,171,643'));
    const fix = fixOf(rawFindingsOf(text, 'code-direction')[0] ?? assert.fail('no finding'));
    assert.equal(fix.title, 'Move the amount to column 5 (D)');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(text, fix);
    const { removed, added } = changedLines(text, fixed);
    assert.equal(removed.length, 1);
    assert.deepEqual(added, ['| Class B Common Stock (1) | (1) | 06/28/2021 |  | F |  | | 1,171,643 | (1) | (1) | Class A Common Stock | 1,171,643 | $23.5567 | 3,330,804 | I | See Footnote (2) |']);
    none(check(fixed), 'code-direction');
  });

  test('a gift with a price above 0: warning at the price', () => {
    const text = draft({ tableI: [row('G', 'D', '$5.00', '54,500')] });
    const f = one(check(text), 'code-direction');
    assert.equal(f.severity, 'warning');
    assert.equal(f.column, columnOf(text, '$5.00'));
    assert.equal(f.endColumn, f.column + 5);
    assert.match(f.message, /^A gift \(G\) has no price, but the row gives \$5(\.00)?\. Write \$0\.$/);
  });

  test('near miss: codes in their direction; gifts at $0 either way; I, W, Z, J either way', () => {
    const rows = [
      row('P', 'A', '$18.00', '1,000'), row('S', 'D', '$18.00', '0'), row('F', 'D', '$18.00', '0'),
      row('G', 'D', '$0', '0'), row('G', 'A', '', '1,000'), row('I', 'A', '$18.00', '2,000'), row('I', 'D', '$18.00', '1,000'),
      row('W', 'A', '$0', '2,000'), row('Z', 'D', '$0', '1,000'), row('J (1)', 'A', '$0', '2,000'), row('J (1)', 'D', '$0', '1,000'),
      row('A', 'A', '$0', '2,000'), row('L', 'A', '$18.00', '3,000'), row('D', 'D', '$0', '2,000'), row('U', 'D', '$20.00', '1,000'),
    ];
    const text = draft({ tableI: rows, footnotes: ['(1) Distribution in kind to the partners of the fund.'] });
    none(check(text), 'code-direction');
  });
});

describe('code-needs-footnote', () => {
  test('a J row with no footnote: error at the code', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'J', '', '5,000', 'D', '$0', '20,000', 'I', 'By Fund')] });
    const f = one(check(text), 'code-needs-footnote');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '| J |'));
    assert.equal(f.column, columnOf(text, '| J |') + 2);
    assert.equal(f.endColumn, f.column + 1);
    assert.equal(f.message, 'A J transaction needs a footnote that describes it. Add one and refer to it from this row.');
  });

  test('an equity swap (K) with no footnote', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S(K)', '', '5,000', 'D', '$18.00', '20,000', 'D', '')] });
    const f = one(check(text), 'code-needs-footnote');
    assert.equal(f.column, columnOf(text, 'S(K)'));
    assert.equal(f.message, 'An equity swap transaction (K) needs a footnote that describes it. Add one and refer to it from this row.');
  });

  test('near miss: J described by a footnote on the code, or on any other cell of the row', () => {
    const onCode = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'J (1)', '', '5,000', 'D', '$0', '20,000', 'I', 'By Fund')], footnotes: ['(1) Pro rata distribution in kind by the fund to its partners, for no consideration.'] });
    const onNature = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'J', '', '5,000', 'D', '$0', '20,000', 'I', 'By Fund (1)')], footnotes: ['(1) Pro rata distribution in kind by the fund to its partners, for no consideration.'] });
    assert.deepEqual(check(onCode), []);
    assert.deepEqual(check(onNature), []);
  });
});

describe('ownership-nature', () => {
  test('D with a nature filled in: error at the nature', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '1,000', 'D', 'By Spouse')] });
    const f = one(check(text), 'ownership-nature');
    assert.equal(f.severity, 'error');
    assert.equal(f.column, columnOf(text, 'By Spouse'));
    assert.equal(f.endColumn, f.column + 'By Spouse'.length);
    assert.equal(f.message, 'The ownership is D (direct), so the nature of ownership must be empty. Remove "By Spouse", or change D to I.');
  });

  test('I with no nature: error over the blank cell', () => {
    const text = draft({ tableI: [rowI('Common Stock', '', '', '', '', '', '', '', '12,000', 'I', '')] });
    const f = one(check(text), 'ownership-nature');
    assert.equal(f.line, lineOf(text, '12,000'));
    assert.equal(f.column, cellColumn(text, '12,000', 10));
    assert.equal(f.message, 'The ownership is I (indirect), but the nature of ownership is empty. Say how it is held, as in By Trust.');
  });

  test('near miss: I with "See Footnote (1)", I with only a footnote, D with nothing', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '', '', '', '', '', '', '', '3,262', 'I', 'See Footnote (1)'),
        rowI('Common Stock', '', '', '', '', '', '', '', '1,108,442', 'I', '(2)'),
        rowI('Common Stock', '', '', '', '', '', '', '', '7,072,285', 'D', ''),
      ],
      footnotes: ['(1) Held of record by FF Pathfinder VI, LLC.', '(2) Held of record by FF4 Investment LLC.'],
    });
    assert.deepEqual(check(text), []);
  });
});

describe('weighted-average', () => {
  const sale = (price: string): string => rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', `${price} (1)`, '55,500', 'D', '');
  const withFootnote = (price: string, footnote: string): string => draft({ tableI: [EXERCISE_I, sale(price)], tableII: [EXERCISE_II], footnotes: [footnote] });
  const UNDERTAKING = 'Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the Reporting Person will provide full information regarding the number of shares sold at each separate price.';
  const RANGE = `(1) The price reported is the weighted average sale price of the shares sold, ranging from $18.00 to $18.81 per share. ${UNDERTAKING}`;

  test('a price outside the footnote\'s range: error at the price, related to the footnote', () => {
    const text = withFootnote('$18.9654', RANGE);
    const f = one(check(text), 'weighted-average');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '$18.9654'));
    assert.equal(f.column, columnOf(text, '$18.9654'));
    assert.equal(f.endColumn, f.column + '$18.9654'.length);
    assert.equal(f.message, 'The weighted-average price $18.9654 is outside the range $18.00 to $18.81 that footnote (1) gives.');
    const related = rawFindingsOf(text, 'weighted-average')[0]?.related ?? [];
    assert.deepEqual(related.map((r) => line1(r.span)), [lineOf(text, '(1) The price')]);
  });

  test('near miss: a price exactly at either end of the range, and inside it', () => {
    for (const price of ['$18.00', '$18.81', '$18.3654', '18.8100']) none(check(withFootnote(price, RANGE)), 'weighted-average');
    assert.deepEqual(check(withFootnote('$18.81', RANGE)), []);
  });

  test('a range wider than $1: warning at the footnote', () => {
    const text = withFootnote('$18.40', `(1) Weighted average; the shares were sold at prices ranging from $17.80 to $18.81. ${UNDERTAKING}`);
    const f = one(check(text), 'weighted-average');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '(1) Weighted'));
    assert.equal(f.column, 1);
    assert.match(f.message, /^Footnote \(1\) gives a range of \$1\.01 \(\$17\.8(0)? to \$18\.81\)\. Weighted averages are reported in ranges of \$1 or less: split the row\.$/);
  });

  test('the undertaking missing: warning at the footnote', () => {
    const text = withFootnote('$18.40', '(1) The price reported is a weighted average; prices ranged from $18.00 to $18.81.');
    const f = one(check(text), 'weighted-average');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Footnote (1) gives a weighted-average range, but not the undertaking to give the number of shares sold at each price on request.');
  });

  test('near miss: a range of exactly $1, and a price footnote that gives no range', () => {
    none(check(withFootnote('$18.40', `(1) Weighted average, ranging from $18.00 to $19.00. ${UNDERTAKING}`)), 'weighted-average');
    // Real data: the weighted-average footnote often states no range at all; nothing to compare.
    none(check(withFootnote('$18.6145', `(1) The sales price reported is the weighted average sale price for the number of shares sold. Full information regarding the number of shares sold at each separate price will be supplied upon request.`)), 'weighted-average');
  });
});

describe('weighted-average: several ranges, one undertaking', () => {
  test('near miss: one undertaking given once covers the ranges of every footnote (real data)', () => {
    // Real data: five sales, each with its own range footnote; only the first footnote carries
    // the undertaking, "within the ranges set forth in these footnotes".
    const ranges: [string, string, string, string][] = [
      ['73,170', '$150.841', '227,927', '$150.300 to $151.295'],
      ['74,907', '$151.814', '153,020', '$151.300 to $152.295'],
      ['41,986', '$152.655', '111,034', '$152.300 to $153.090'],
    ];
    const text = draft({
      header: DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? '3. Date of Earliest Transaction: 12/13/2022' : l)),
      tableI: ranges.map(([amount, price, owned], i) => rowI('Class A Common Stock', '12/13/2022', '', 'S', '', amount, 'D', `${price} (${i + 1})`, owned, 'D', '')),
      footnotes: ranges.map(([, , , range], i) =>
        `(${i + 1}) The price reported in Column 4 is a weighted-average price. The shares were sold in multiple transactions ranging from ${range}, inclusive.${i === 0 ? ' The Reporting Person undertakes to provide the Issuer, any security holder of the Issuer, or the Staff of the Securities and Exchange Commission, upon request, full information regarding the number of shares sold at each separate price within the ranges set forth in these footnotes.' : ''}`),
      signature: ['/s/ Michael Scarpelli', '', '12/15/2022'],
    });
    // The chain starts at 301,097 after an exercise not shown here: the first row has no predecessor.
    assert.deepEqual(check(text), []);
    // A price outside its own range is still an error, whatever the other footnotes say.
    const outside = text.replace('$151.814 (2)', '$152.814 (2)');
    const f = one(check(outside), 'weighted-average');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(outside, '$152.814'));
    assert.deepEqual(rawFindingsOf(outside, 'weighted-average')[0]?.related.map((r) => line1(r.span)), [lineOf(outside, '(2) The price')]);
  });

  test('without any undertaking, each range footnote is reported', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'S', '', '1,000', 'D', '$18.30 (1)', '64,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '1,000', 'D', '$19.30 (2)', '63,500', 'D', ''),
      ],
      footnotes: ['(1) Weighted average, ranging from $18.00 to $18.81.', '(2) Weighted average, ranging from $19.00 to $19.81.'],
    });
    const found = check(text).filter((f) => f.rule === 'weighted-average');
    assert.deepEqual(found.map((f) => [f.line, f.severity]), [[lineOf(text, '(1) Weighted'), 'warning'], [lineOf(text, '(2) Weighted'), 'warning']]);
  });
});

describe('weighted-average: which footnotes bound which price', () => {
  const UNDERTAKING = 'Upon request, the Reporting Person will provide full information regarding the number of shares sold at each separate price.';
  const TWO_RANGES = `(1) The prices reported are weighted averages of sales at prices ranging from $18.00 to $18.81, and $18.82 to $19.40, inclusive. ${UNDERTAKING}`;
  const sales = (first: string, second: string): string =>
    draft({
      tableI: [
        EXERCISE_I,
        rowI('Common Stock', '08/06/2013', '', 'S', '', '5,000', 'D', `${first} (1)`, '60,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '5,000', 'D', `${second} (1)`, '55,500', 'D', ''),
      ],
      tableII: [EXERCISE_II],
      footnotes: [TWO_RANGES],
    });

  test('a footnote listing two ranges: each price lies in one of them', () => {
    assert.deepEqual(check(sales('$18.40', '$19.10')), []);
  });

  test('a price outside every range of the footnote: error naming the ranges', () => {
    const text = sales('$18.40', '$19.55');
    const f = one(check(text), 'weighted-average');
    assert.equal(f.line, lineOf(text, '$19.55'));
    assert.equal(f.message, 'The weighted-average price $19.55 is outside every range ($18.00 to $18.81; $18.82 to $19.40) that footnote (1) gives.');
  });

  test('near miss: a range footnote on an exercise\'s code does not bound its exercise price', () => {
    const range = `(1) Exercised and sold the same day; the sale price is a weighted average of prices ranging from $18.00 to $18.81. ${UNDERTAKING}`;
    const text = draft({
      tableI: [rowI('Common Stock', '08/06/2013', '', 'M (1)', '', '10,000', 'A', '$4.10', '65,500', 'D', ''), rowI('Common Stock', '08/06/2013', '', 'S (1)', '', '10,000', 'D', '$18.3654', '55,500', 'D', '')],
      tableII: [EXERCISE_II],
      footnotes: [range],
    });
    none(check(text), 'weighted-average');
    // The same footnote on a sale's code does bound the sale's price.
    const outside = text.replace('$18.3654', '$19.3654');
    assert.equal(one(check(outside), 'weighted-average').line, lineOf(outside, '$19.3654'));
  });
});

describe('deemed-date', () => {
  const H2024 = (box3: string): string[] => DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? `3. Date of Earliest Transaction: ${box3}` : l)).concat('Rule 10b5-1(c) Transaction Indication: [ ]');
  const deemed = (trade: string, deemedDate: string, signed: string): string =>
    draft({ header: H2024(trade), tableI: [rowI('Common Stock', trade, deemedDate, 'S', '', '100', 'D', '$18.00', '900', 'D', '')], signature: ['/s/ John N. Wilson', '', signed] });

  test('a deemed date before the trade: warning at the deemed date', () => {
    const text = deemed('07/03/2024', '07/02/2024', '07/03/2024');
    const f = one(check(text), 'deemed-date');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '07/02/2024'));
    assert.equal(f.column, columnOf(text, '07/02/2024'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'The deemed execution date 07/02/2024 is before the transaction date 07/03/2024. Check both dates.');
  });

  test('4 business days after, across July 4: warning', () => {
    // Wednesday 07/03/2024: Friday 07/05 is the first business day, Tuesday 07/09 the third.
    const text = deemed('07/03/2024', '07/10/2024', '07/10/2024');
    const f = one(check(text), 'deemed-date');
    assert.equal(f.message, 'The deemed execution date 07/10/2024 is 4 business days after the transaction date 07/03/2024, and Rule 16a-3(g)(2) allows at most 3.');
  });

  test('near miss: exactly 3 business days later (across July 4 and across a weekend), the same day, the next day', () => {
    assert.deepEqual(check(deemed('07/03/2024', '07/09/2024', '07/09/2024')), []);
    assert.deepEqual(check(deemed('08/08/2013', '08/13/2013', '08/13/2013')), []);
    assert.deepEqual(check(deemed('07/03/2024', '07/03/2024', '07/03/2024')), []);
    // Real data: a sale of 09/25/2025 with a deemed execution date of 09/26/2025.
    assert.deepEqual(check(deemed('09/25/2025', '09/26/2025', '09/26/2025')), []);
  });
});

describe('derivative-dates', () => {
  const option = (exercisable: string, expiration: string): string =>
    draft({
      tableI: [EXERCISE_I],
      tableII: [rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '10,000', exercisable, expiration, 'Common Stock', '10,000', '$0', '140,591', 'D', '')],
      footnotes: exercisable === '(1)' ? ['(1) The option is immediately exercisable.'] : undefined,
    });

  test('an expiration before the date exercisable: warning at the expiration date', () => {
    const text = option('11/05/2020', '11/05/2019');
    const f = one(check(text), 'derivative-dates');
    assert.equal(f.severity, 'warning');
    assert.equal(f.column, columnOf(text, '11/05/2019'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'The expiration date 11/05/2019 is before the date exercisable 11/05/2020. Check the dates.');
  });

  test('an expiration before the transaction date', () => {
    const text = option('(1)', '08/05/2013');
    const f = one(check(text), 'derivative-dates');
    assert.equal(f.line, lineOf(text, '08/05/2013'));
    assert.equal(f.message, 'The expiration date 08/05/2013 is before the transaction date 08/06/2013. Check the dates.');
  });

  test('an expiration before both the date exercisable and the transaction date: one finding naming both', () => {
    const text = option('11/05/2020', '08/05/2013');
    const f = one(check(text), 'derivative-dates');
    assert.equal(f.message, 'The expiration date 08/05/2013 is before the date exercisable 11/05/2020 and the transaction date 08/06/2013. Check the dates.');
  });

  test('near miss: expiring on the transaction date; exercisable and expiration given by footnote', () => {
    assert.deepEqual(check(option('11/05/2010', '08/06/2013')), []);
    assert.deepEqual(check(option('(1)', '11/05/2020')), []);
  });
});

describe('duplicate-row', () => {
  test('a row pasted twice: warning over the second, related to the first', () => {
    const repeated = rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.00', '900', 'D', '');
    const text = draft({ tableI: [repeated, repeated] });
    const f = one(check(text), 'duplicate-row');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, repeated) + 1);
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, repeated.length + 1);
    assert.equal(f.message, 'Table I row 2 repeats Table I row 1 cell for cell. Remove it if it was pasted twice.');
    assert.deepEqual(rawFindingsOf(text, 'duplicate-row')[0]?.related.map((r) => line1(r.span)), [lineOf(text, repeated)]);
  });

  test('near miss: two real trades of the same size and price on one day differ in the amount owned after', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.00', '900', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.00', '800', 'D', ''),
      ],
    });
    assert.deepEqual(check(text), []);
  });

  test('near miss: spacing alone does not make rows different, but blank rows are not duplicates', () => {
    const a = '| Common Stock | 08/06/2013 | | S | | 100 | D | $18.00 | 900 | D | |';
    const b = '|  Common  Stock | 08/06/2013 |  | S |  | 100 | D | $18.00 | 900 | D |  |';
    assert.equal(one(check(draft({ tableI: [a, b] })), 'duplicate-row').line, lineOf(draft({ tableI: [a, b] }), b));
    noErrorOrWarning(check(draft({ ...WILSON })));
  });
});
