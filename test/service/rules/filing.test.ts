/**
 * Filing rules: late-filing (business days with US federal holidays; severity settings),
 * signature-date, 10b5-1-indication (with its quick fix), 10b5-1-adoption, 10b5-1-unchecked
 * (graded by the plan's adoption date).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_HEADER, check, columnOf, draft, lineOf, rawFindingsOf, rowI, line1 } from '../../support/drafts';
import { WILSON, applyFix, changedLines, fixOf, none, one } from './common';

const BOX_UNCHECKED = 'Rule 10b5-1(c) Transaction Indication: [ ]';
const BOX_CHECKED = 'Rule 10b5-1(c) Transaction Indication: [x]';

function headerOn(box3: string, box10b51?: string): string[] {
  const header = DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? `3. Date of Earliest Transaction: ${box3}` : l));
  return box10b51 === undefined ? header : [...header, box10b51];
}

/** One sale on `trade` (deemed `deemed`), signed `signed`, with the 10b5-1 box stated. */
function sale(trade: string, signed: string, options: { deemed?: string; v?: string } = {}): string {
  return draft({
    header: headerOn(trade, BOX_UNCHECKED),
    tableI: [rowI('Common Stock', trade, options.deemed ?? '', 'S', options.v ?? '', '100', 'D', '$18.00', '900', 'D', '')],
    signature: ['/s/ John N. Wilson', '', signed],
  });
}

describe('late-filing', () => {
  test('a trade on Wednesday 07/03/2024 is due Monday 07/08/2024 (July 4, then the weekend): Tuesday is late', () => {
    const text = sale('07/03/2024', '07/09/2024');
    const f = one(check(text), 'late-filing');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '| 07/03/2024'));
    assert.equal(f.column, columnOf(text, '07/03/2024', '| 07/03/2024'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'The transaction of 07/03/2024 was due by 07/08/2024, 2 business days later, but the draft is signed 07/09/2024, 3 business days after.');
    assert.deepEqual(rawFindingsOf(text, 'late-filing')[0]?.related.map((r) => line1(r.span)), [lineOf(text, '07/09/2024')]);
  });

  test('several rows of one late date: one finding at the first, related to the others', () => {
    const text = draft({
      header: headerOn('07/03/2024', BOX_UNCHECKED),
      tableI: [
        rowI('Common Stock', '07/03/2024', '', 'S', '', '100', 'D', '$18.00', '900', 'D', ''),
        rowI('Common Stock', '07/03/2024', '', 'S', '', '100', 'D', '$18.10', '800', 'D', ''),
        rowI('Common Stock', '07/03/2024', '', 'S', '', '100', 'D', '$18.20', '700', 'D', ''),
      ],
      signature: ['/s/ John N. Wilson', '', '07/09/2024'],
    });
    const f = one(check(text), 'late-filing');
    assert.equal(f.line, lineOf(text, '| 07/03/2024 |'));
    assert.equal(f.message, 'The transaction of 07/03/2024 (and 2 other rows) was due by 07/08/2024, 2 business days later, but the draft is signed 07/09/2024, 3 business days after.');
    assert.deepEqual(rawFindingsOf(text, 'late-filing')[0]?.related.map((r) => line1(r.span)), [lineOf(text, '07/09/2024'), lineOf(text, '$18.10'), lineOf(text, '$18.20')]);
  });

  test('an amendment counts from the original filing (box 4): on time then, not late now; late then, reported at box 4', () => {
    const amended = (original: string): string =>
      draft({
        header: [...headerOn('07/03/2024', BOX_UNCHECKED), `4. If Amendment, Date of Original Filed: ${original}`],
        tableI: [rowI('Common Stock', '07/03/2024', '', 'S', '', '100', 'D', '$18.00', '900', 'D', '')],
        signature: ['/s/ John N. Wilson', '', '11/15/2024'],
      });
    none(check(amended('07/08/2024')), 'late-filing');
    const text = amended('07/09/2024');
    const f = one(check(text), 'late-filing');
    assert.equal(f.message, 'The transaction of 07/03/2024 was due by 07/08/2024, 2 business days later, but the original Form 4 was filed 07/09/2024 (box 4), 3 business days after.');
    assert.deepEqual(rawFindingsOf(text, 'late-filing')[0]?.related.map((r) => line1(r.span)), [lineOf(text, '4. If Amendment')]);
  });

  test('a row marked L in the V column is already reported late: no finding for it', () => {
    assert.deepEqual(check(sale('07/03/2024', '07/09/2024', { v: 'L' })), [], 'the row is read (L is a V-column value) and nothing else is said');
  });

  test('near miss: signed on the deadline, Monday 07/08/2024, or the day after the trade', () => {
    assert.deepEqual(check(sale('07/03/2024', '07/08/2024')), []);
    assert.deepEqual(check(sale('07/03/2024', '07/05/2024')), []);
  });

  test('Juneteenth 2024 (Wednesday 06/19): a trade on Tuesday 06/18 is due Friday 06/21', () => {
    none(check(sale('06/18/2024', '06/21/2024')), 'late-filing');
    const late = one(check(sale('06/18/2024', '06/24/2024')), 'late-filing');
    assert.equal(late.message, 'The transaction of 06/18/2024 was due by 06/21/2024, 2 business days later, but the draft is signed 06/24/2024, 3 business days after.');
  });

  test('a Saturday holiday observed on Friday: July 4, 2020 observed 07/03/2020, so Wednesday 07/01 is due Monday 07/06', () => {
    none(check(sale('07/01/2020', '07/06/2020')), 'late-filing');
    assert.equal(one(check(sale('07/01/2020', '07/07/2020')), 'late-filing').message, 'The transaction of 07/01/2020 was due by 07/06/2020, 2 business days later, but the draft is signed 07/07/2020, 3 business days after.');
  });

  test('New Year\'s Day 2022 (a Saturday) observed on Friday 12/31/2021: Wednesday 12/29/2021 is due Monday 01/03/2022', () => {
    none(check(sale('12/29/2021', '01/03/2022')), 'late-filing');
    assert.match(one(check(sale('12/29/2021', '01/04/2022')), 'late-filing').message, /was due by 01\/03\/2022, 2 business days later/);
  });

  test('an ordinary week: Thursday is due the next Monday; a plain weekday two days later', () => {
    none(check(sale('08/08/2013', '08/12/2013')), 'late-filing');
    one(check(sale('08/08/2013', '08/13/2013')), 'late-filing');
    none(check(sale('08/06/2013', '08/08/2013')), 'late-filing');
    one(check(sale('08/06/2013', '08/09/2013')), 'late-filing');
  });

  test('the deadline runs from the deemed execution date, and the finding points at it', () => {
    // Deemed 07/09/2024 (3 business days after 07/03): due 07/11/2024.
    none(check(sale('07/03/2024', '07/11/2024', { deemed: '07/09/2024' })), 'late-filing');
    const text = sale('07/03/2024', '07/12/2024', { deemed: '07/09/2024' });
    const f = one(check(text), 'late-filing');
    assert.equal(f.column, columnOf(text, '07/09/2024'));
    assert.equal(f.message, 'The transaction of 07/09/2024 (deemed executed) was due by 07/11/2024, 2 business days later, but the draft is signed 07/12/2024, 3 business days after.');
  });

  test('a filing months late (a conversion filed 60 business days after it)', () => {
    const text = sale('12/09/2024', '03/07/2025');
    assert.match(one(check(text), 'late-filing').message, /^The transaction of 12\/09\/2024 was due by 12\/11\/2024, 2 business days later, but the draft is signed 03\/07\/2025, 60 business days after\.$/);
  });

  test('near miss: a V row (a Form 5 transaction reported early) has no Form 4 deadline', () => {
    const text = draft({
      header: headerOn('08/06/2013'),
      tableI: [
        rowI('Common Stock', '06/03/2013', '', 'G', 'V', '1,000', 'D', '$0', '64,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '500', 'D', '$18.00', '64,000', 'D', ''),
      ],
    });
    assert.deepEqual(check(text), []);
  });

  test('severity settings: "off" drops it, "error" raises it, other rules unchanged', () => {
    const text = sale('07/03/2024', '07/09/2024');
    none(check(text, { 'late-filing': 'off' }), 'late-filing');
    assert.deepEqual(check(text, { 'late-filing': 'off' }), []);
    assert.equal(one(check(text, { 'late-filing': 'error' }), 'late-filing').severity, 'error');
    assert.equal(one(check(text, { 'late-filing': 'hint' }), 'late-filing').severity, 'hint');
  });
});

describe('signature-date', () => {
  test('signed before a transaction: error at the signature date, related to the transaction date', () => {
    const text = draft({ ...WILSON, signature: ['/s/ John N. Wilson', '', '08/05/2013'] });
    const f = one(check(text), 'signature-date');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '08/05/2013'));
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, 11);
    assert.equal(f.message, 'The draft is signed 08/05/2013, before the transaction of 08/06/2013 in Table I row 1. Check both dates.');
    assert.deepEqual(rawFindingsOf(text, 'signature-date')[0]?.related.map((r) => line1(r.span)), [lineOf(text, '| 08/06/2013')]);
  });

  test('signed before box 3 on a holdings-only draft', () => {
    const text = draft({ tableI: [rowI('Common Stock', '', '', '', '', '', '', '', '55,500', 'D', '')], signature: ['/s/ John N. Wilson', '', '08/01/2013'] });
    const f = one(check(text), 'signature-date');
    assert.equal(f.message, 'The draft is signed 08/01/2013, before the date of earliest transaction in box 3 (08/06/2013). Check both dates.');
    assert.deepEqual(rawFindingsOf(text, 'signature-date')[0]?.related.map((r) => line1(r.span)), [lineOf(text, '3. Date')]);
  });

  test('near miss: signed the same day as the transaction', () => {
    assert.deepEqual(check(draft({ ...WILSON, signature: ['/s/ John N. Wilson', '', '08/06/2013'] })), []);
  });
});

describe('10b5-1-indication', () => {
  const recent = (footnote?: string, trade = '04/03/2023', signed = '04/04/2023'): string =>
    draft({
      header: headerOn(trade),
      tableI: [rowI('Common Stock', trade, '', footnote ? 'S (1)' : 'S', '', '100', 'D', '$18.00', '900', 'D', '')],
      footnotes: footnote ? [`(1) ${footnote}`] : undefined,
      signature: ['/s/ John N. Wilson', '', signed],
    });

  test('a transaction on or after 04/01/2023 without the box: warning at the first such transaction date', () => {
    const text = recent();
    const f = one(check(text), '10b5-1-indication');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '| 04/03/2023'));
    assert.equal(f.column, columnOf(text, '04/03/2023', '| 04/03/2023'));
    assert.equal(f.endColumn, f.column + 10);
    assert.equal(f.message, 'The draft does not say whether a trade was made under a Rule 10b5-1 plan. Add the line "Rule 10b5-1(c) Transaction Indication: [ ]" (or [x]).');
  });

  test('the quick fix (preferred) adds the box unchecked after the last header box', () => {
    const text = recent();
    const fix = fixOf(rawFindingsOf(text, '10b5-1-indication')[0] ?? assert.fail('no finding'));
    assert.equal(fix.title, 'Add the Rule 10b5-1(c) box, unchecked');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), { removed: [], added: [BOX_UNCHECKED] });
    assert.equal(lineOf(fixed, 'Rule 10b5-1(c)'), lineOf(fixed, '6. Individual') + 1);
    assert.deepEqual(check(fixed), []);
  });

  test('the quick fix checks the box when a footnote speaks of a plan', () => {
    const text = recent('Effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on December 1, 2022.');
    const fix = fixOf(rawFindingsOf(text, '10b5-1-indication')[0] ?? assert.fail('no finding'));
    assert.equal(fix.title, 'Add the Rule 10b5-1(c) box, checked (a footnote speaks of a plan)');
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), { removed: [], added: [BOX_CHECKED] });
    assert.deepEqual(check(fixed), []);
  });

  test('near miss: a last transaction on 03/31/2023 predates the box, even signed in April', () => {
    assert.deepEqual(check(recent(undefined, '03/31/2023', '04/03/2023')), []);
    assert.deepEqual(check(recent(undefined, '03/31/2023', '03/31/2023')), []);
  });

  test('near miss: the box stated unchecked, or checked with its plan\'s adoption date', () => {
    assert.deepEqual(check(sale('04/03/2023', '04/04/2023')), []);
  });
});

describe('10b5-1-adoption', () => {
  test('the box checked and no footnote at all (real data): error at the box', () => {
    // Real data: a sale with a checked 10b5-1 box and no footnotes (and a deemed date a day later).
    const text = draft({
      header: headerOn('09/25/2025', BOX_CHECKED),
      tableI: [rowI('INNSUITES HOSPITALITY REIT', '09/25/2025', '09/26/2025', 'S', '', '12,500', 'D', '$2.26', '6,226,796', 'I', 'By Spouse')],
      signature: ['/s/ James F. Wirth', '', '09/26/2025'],
    });
    assert.deepEqual(check(text).map((f) => f.rule), ['10b5-1-adoption']);
    const f = one(check(text), '10b5-1-adoption');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, 'Rule 10b5-1(c)'));
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, BOX_CHECKED.length + 1);
    assert.equal(f.message, 'The Rule 10b5-1(c) box is checked, but no footnote gives the date the plan was adopted (Form 4 General Instruction 10).');
  });

  test('a footnote that speaks of the plan without a date is not enough', () => {
    const text = draft({
      header: headerOn('06/20/2024', BOX_CHECKED),
      tableI: [rowI('Common Stock', '06/20/2024', '', 'S (1)', '', '100', 'D', '$18.00', '900', 'D', '')],
      footnotes: ['(1) The sale was made under a Rule 10b5-1 trading plan.'],
      signature: ['/s/ John N. Wilson', '', '06/21/2024'],
    });
    one(check(text), '10b5-1-adoption');
  });

  test('near miss: the adoption date in a footnote, in either word order', () => {
    for (const footnote of [
      'The transactions were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on August 28, 2023.',
      'On May 1, 2023, the Reporting Person entered into a Rule 10b5-1 trading plan.',
      // Real data: a "program", not a "plan" (it used to read as no plan, so no adoption date).
      'The reported sale was made pursuant to a pre-arranged program for selling shares of Common Stock adopted on December 13, 2023 pursuant to Rule 10b5-1 under the Securities Exchange Act of 1934.',
    ]) {
      const text = draft({
        header: headerOn('06/20/2024', BOX_CHECKED),
        tableI: [rowI('Common Stock', '06/20/2024', '', 'S (1)', '', '100', 'D', '$18.00', '900', 'D', '')],
        footnotes: [`(1) ${footnote}`],
        signature: ['/s/ John N. Wilson', '', '06/21/2024'],
      });
      assert.deepEqual(check(text), [], footnote);
    }
  });
});

describe('10b5-1-unchecked', () => {
  /** `box` null: the draft does not state the 10b5-1 box at all. */
  const planned = (footnote: string, box: string | null = BOX_UNCHECKED, trade = '06/20/2024', signed = '06/21/2024'): string =>
    draft({
      header: headerOn(trade, box ?? undefined),
      tableI: [rowI('Common Stock', trade, '', 'S (1)', '', '100', 'D', '$18.00', '900', 'D', '')],
      footnotes: [`(1) ${footnote}`],
      signature: ['/s/ John N. Wilson', '', signed],
    });
  const RECENT_PLAN = 'The transactions were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on August 28, 2023.';
  const OLD_PLAN = 'The transactions were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on February 21, 2013.';

  test('a footnote speaks of a plan but the box is unchecked: warning at the box, related to the footnote', () => {
    const text = planned(RECENT_PLAN);
    const f = one(check(text), '10b5-1-unchecked');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, 'Rule 10b5-1(c)'));
    assert.equal(f.column, 1);
    assert.equal(f.message, 'Footnote (1) says a transaction was made under a Rule 10b5-1 plan, but the Rule 10b5-1(c) box is not checked.');
    assert.deepEqual(rawFindingsOf(text, '10b5-1-unchecked')[0]?.related.map((r) => line1(r.span)), [lineOf(text, '(1) The transactions')]);
  });

  test('a plan adopted before 02/27/2023: information', () => {
    const text = planned(OLD_PLAN);
    const f = one(check(text), '10b5-1-unchecked');
    assert.equal(f.severity, 'information');
    assert.equal(f.message, 'Footnote (1) says a transaction was made under a Rule 10b5-1 plan, but the Rule 10b5-1(c) box is not checked (the plan was adopted 02/21/2013, before the 2023 amendments).');
  });

  test('no box at all: reported at the footnote (and 10b5-1-indication asks for the box)', () => {
    const text = planned(RECENT_PLAN, null);
    const f = one(check(text), '10b5-1-unchecked');
    assert.equal(f.line, lineOf(text, '(1) The transactions'));
    assert.equal(f.message, 'Footnote (1) says a transaction was made under a Rule 10b5-1 plan, but the Rule 10b5-1(c) box is not there.');
    one(check(text), '10b5-1-indication');
  });

  test('a box line with no mark at all ("Rule 10b5-1(c) Transaction Indication:"): the message says so', () => {
    const text = planned(RECENT_PLAN, 'Rule 10b5-1(c) Transaction Indication:');
    const f = one(check(text), '10b5-1-unchecked');
    assert.equal(f.message, 'Footnote (1) says a transaction was made under a Rule 10b5-1 plan, but the Rule 10b5-1(c) box shows no mark.');
    none(check(text), '10b5-1-indication');
  });

  test('near miss: transactions on 03/31/2023 predate the box; the box checked; a footnote denying a plan', () => {
    assert.deepEqual(check(planned(RECENT_PLAN.replace('August 28, 2023', 'January 5, 2023'), BOX_UNCHECKED, '03/31/2023', '04/03/2023')), []);
    assert.deepEqual(check(planned(RECENT_PLAN, BOX_CHECKED)), []);
    // Saying that no plan was used is not saying one was: the box is rightly unchecked.
    assert.deepEqual(check(planned('The sale was not made pursuant to a Rule 10b5-1 trading plan.')), []);
    // Nor does a denial make the missing-box fix check the box.
    const noBox = planned('The sale was not made pursuant to a Rule 10b5-1 trading plan.', null);
    none(check(noBox), '10b5-1-unchecked');
    assert.equal(fixOf(rawFindingsOf(noBox, '10b5-1-indication')[0] ?? assert.fail('no finding')).title, 'Add the Rule 10b5-1(c) box, unchecked');
  });
});
