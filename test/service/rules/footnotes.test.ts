/**
 * Footnote rules: footnote-undefined and footnote-unused (with their quick fixes),
 * footnote-duplicate, footnote-limits, footnote-order (and its severity setting).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, columnOf, DEFAULT_HEADER, draft, lineOf, rawFindingsOf, rowI, line1 } from '../../support/drafts';
import { EXERCISE_I, EXERCISE_II, SALE_I, WEIGHTED_AVERAGE_FOOTNOTE, WILSON, applyFix, changedLines, fixOf, none, one } from './common';
import { fixAll } from '../../../server/src/service/features/codeActions';

const S = (price: string, owned: string, code = 'S'): string => rowI('Common Stock', '08/06/2013', '', code, '', '1,000', 'D', price, owned, 'D', '');

describe('footnote-undefined', () => {
  test('a reference without its footnote, at the reference, naming the cell', () => {
    const text = draft({ tableI: [S('$18.00 (1)', '64,500', 'S (4)')], footnotes: ['(1) The price is a weighted average.'] });
    const f = one(check(text), 'footnote-undefined');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, 'S (4)'));
    assert.equal(f.column, columnOf(text, '(4)'));
    assert.equal(f.endColumn, f.column + 3);
    assert.equal(f.message, 'The code of Table I row 1 refers to footnote (4), but the Explanation of Responses has no footnote (4).');
  });

  test('the quick fix appends a stub footnote in the draft\'s style, and the reference then resolves', () => {
    const text = draft({ tableI: [S('$18.00 (1)', '64,500', 'S (2)')], footnotes: ['(1) The price is a weighted average.'] });
    const finding = rawFindingsOf(text, 'footnote-undefined')[0];
    assert.ok(finding);
    const fix = fixOf(finding);
    assert.equal(fix.title, 'Add footnote (2) to the Explanation of Responses');
    // Offered, but not applied by fix-all: it would turn a missing footnote into an empty one.
    assert.equal(fix.preferred, false);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), { removed: [], added: ['(2) '] });
    assert.equal(fixed.split('\n').indexOf('(2) ') + 1, lineOf(fixed, '(1) The price') + 1);
    none(check(fixed), 'footnote-undefined');
  });

  test('with "1." numbered footnotes, the stub is "2. "; with none at all, an Explanation of Responses is added', () => {
    const numbered = draft({ tableI: [S('$18.00 (1)', '64,500', 'S (2)')], footnotes: ['1. The price is a weighted average.'] });
    const fixed = applyFix(numbered, fixOf(rawFindingsOf(numbered, 'footnote-undefined')[0] ?? assert.fail('no finding')));
    assert.deepEqual(changedLines(numbered, fixed).added, ['2. ']);
    none(check(fixed), 'footnote-undefined');

    const bare = draft({ tableI: [S('$18.00', '64,500', 'S (1)')] });
    const fixedBare = applyFix(bare, fixOf(rawFindingsOf(bare, 'footnote-undefined')[0] ?? assert.fail('no finding')));
    assert.deepEqual(changedLines(bare, fixedBare).added.filter((l) => l !== ''), ['Explanation of Responses:', '(1) ']);
    assert.ok(lineOf(fixedBare, '(1) ') < lineOf(fixedBare, '/s/'));
    none(check(fixedBare), 'footnote-undefined');
  });

  test('near miss: <sup>, superscript and paren references that all resolve', () => {
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'M ⁽²⁾', '', '10,000', 'A', '$4.10', '65,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S <sup>(2)</sup>', '', '10,000', 'D', '$18.3654 <sup>1</sup>', '55,500', 'D', ''),
      ],
      tableII: [EXERCISE_II],
      footnotes: [WEIGHTED_AVERAGE_FOOTNOTE, '(2) Effected pursuant to a trading plan.'],
    });
    none(check(text), 'footnote-undefined');
  });
});

describe('footnote-empty', () => {
  test('the stub the quick fix writes is an error until it is written; fix-all writes no stub', () => {
    const text = draft({ tableI: [S('$18.00 (1)', '64,500', 'S (2)')], footnotes: ['(1) The price is a weighted average.'] });
    const fix = fixOf(rawFindingsOf(text, 'footnote-undefined')[0] ?? assert.fail('no finding'));
    const stubbed = applyFix(text, fix);
    const f = one(check(stubbed), 'footnote-empty');
    assert.equal(f.line, stubbed.split('\n').indexOf('(2) ') + 1);
    assert.equal(f.column, 1);
    assert.equal(f.message, 'Footnote (2) has no text. Write what it explains, or remove it with its references.');
    assert.equal(f.severity, 'error');
    // Fix-all leaves the reference unresolved rather than filing an empty footnote.
    const all = fixAll(text);
    assert.equal(all.applied, 0);
  });

  test('near miss: a footnote of one word; a bare bullet with text', () => {
    none(check(draft({ tableI: [S('$18.00 (1)', '64,500', 'S')], footnotes: ['(1) Average.'] })), 'footnote-empty');
    none(check(draft({ tableI: [S('$18.00 (1)', '64,500', 'S')], footnotes: ['- Average.'] })), 'footnote-empty');
  });
});

describe('footnote-unused', () => {
  test('a footnote nothing refers to: error, tagged unnecessary, over the footnote', () => {
    const text = draft({ ...WILSON, footnotes: [WEIGHTED_AVERAGE_FOOTNOTE, '(2) The option is fully vested.'] });
    const f = one(check(text), 'footnote-unused');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '(2) The option'));
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, '(2) The option is fully vested.'.length + 1);
    assert.equal(f.message, 'Nothing refers to footnote (2), and EDGAR suspends a filing with an unused footnote. Refer to it from a cell, or remove it.');
    assert.equal(rawFindingsOf(text, 'footnote-unused')[0]?.unnecessary, true);
  });

  test('the quick fix (not preferred: the reference may be what is missing) removes the footnote line', () => {
    const text = draft({ ...WILSON, footnotes: [WEIGHTED_AVERAGE_FOOTNOTE, '(2) The option is fully vested.'] });
    const fix = fixOf(rawFindingsOf(text, 'footnote-unused')[0] ?? assert.fail('no finding'));
    assert.equal(fix.title, 'Remove footnote (2)');
    assert.equal(fix.preferred, false);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), { removed: ['(2) The option is fully vested.'], added: [] });
    assert.deepEqual(check(fixed), []);
  });

  test('the only footnote dating a checked 10b5-1 plan: no removal (10b5-1-adoption would follow), the message says to refer to it', () => {
    const plan = '(2) The sale was effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on February 21, 2013.';
    const text = draft({ ...WILSON, header: [...DEFAULT_HEADER, 'Rule 10b5-1(c) Transaction Indication: [x]'], footnotes: [WEIGHTED_AVERAGE_FOOTNOTE, plan] });
    const [finding, ...others] = rawFindingsOf(text, 'footnote-unused');
    assert.deepEqual(others, []);
    assert.equal(finding?.message, 'Nothing refers to footnote (2), and EDGAR suspends a filing with an unused footnote. It dates the 10b5-1 plan: refer to it from the rows made under the plan.');
    assert.deepEqual([finding?.fixes.length, finding?.unnecessary], [0, false]);
    assert.deepEqual(check(text).map((f) => f.rule), ['footnote-unused']);
    // With the box unchecked, the footnote is an ordinary one to remove or refer to.
    const unchecked = draft({ ...WILSON, header: [...DEFAULT_HEADER, 'Rule 10b5-1(c) Transaction Indication: [ ]'], footnotes: [WEIGHTED_AVERAGE_FOOTNOTE, plan] });
    assert.equal(rawFindingsOf(unchecked, 'footnote-unused')[0]?.fixes.length, 1);
  });

  test('no removal is offered when it would renumber the bare bullets after it', () => {
    const text = draft({ tableI: [S('$18.00 (1)', '64,500')], footnotes: ['- Weighted average.', '- Unused.', '- Also unused.'] });
    const found = rawFindingsOf(text, 'footnote-unused');
    assert.deepEqual(found.map((f) => [line1(f.span), f.fixes.length]), [
      [lineOf(text, '- Unused.'), 0],
      [lineOf(text, '- Also unused.'), 1],
    ]);
  });

  test('near miss: footnotes referred to from a box, a blank cell and a Table II cell are used', () => {
    const text = draft({
      header: ['1. Name and Address of Reporting Person: Wilson John N (1), 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065', '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]', '3. Date of Earliest Transaction: 08/06/2013', '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)'],
      tableI: [EXERCISE_I, SALE_I.replace('(1)', '(2)')],
      tableII: [EXERCISE_II.replace('11/05/2010', '(3)')],
      footnotes: ['(1) The Reporting Person is an officer.', WEIGHTED_AVERAGE_FOOTNOTE.replace('(1)', '(2)'), '(3) The option is immediately exercisable.'],
    });
    none(check(text), 'footnote-unused');
    assert.deepEqual(check(text), []);
  });
});

describe('footnote-duplicate', () => {
  test('two footnotes numbered alike: the second, related to the first', () => {
    const text = draft({ tableI: [S('$18.00 (1)', '64,500')], footnotes: ['(1) Weighted average.', '(1) Again.'] });
    const f = one(check(text), 'footnote-duplicate');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '(1) Again.'));
    assert.equal(f.column, 1);
    assert.equal(f.endColumn, 4);
    assert.equal(f.message, 'Two footnotes are numbered (1). Give this one the next free number.');
    assert.equal(line1(rawFindingsOf(text, 'footnote-duplicate')[0]?.related[0]?.span), lineOf(text, '(1) Weighted'));
  });

  test('one footnote referenced twice from the same cell: the second reference', () => {
    const text = draft({ tableI: [S('$18.00 (1)(1)', '64,500')], footnotes: ['(1) Weighted average.'] });
    const f = one(check(text), 'footnote-duplicate');
    assert.equal(f.line, lineOf(text, '(1)(1)'));
    assert.equal(f.column, columnOf(text, '(1)(1)') + 3);
    assert.equal(f.message, 'This cell refers to footnote (1) twice. Remove one of the references.');
  });

  test('one footnote referenced three times from the same cell: one finding, at the second reference, with the count', () => {
    const text = draft({ tableI: [S('$18.00 (1)(1)(1)', '64,500')], footnotes: ['(1) Weighted average.'] });
    const f = one(check(text), 'footnote-duplicate');
    assert.equal(f.column, columnOf(text, '(1)(1)(1)') + 3);
    assert.equal(f.message, 'This cell refers to footnote (1) 3 times. Keep one of the references.');
  });

  test('near miss: one footnote from several cells and rows, and two footnotes in one cell', () => {
    const text = draft({
      tableI: [S('$18.00 (1)(2)', '64,500', 'S (2)'), S('$18.10 (1)', '63,500', 'S (2)')],
      footnotes: ['(1) Weighted average.', '(2) Under a trading plan.'],
    });
    none(check(text), 'footnote-duplicate');
  });
});

describe('footnote-limits', () => {
  test('a footnote of 1,001 characters', () => {
    const long = `(1) ${'x'.repeat(1001)}`;
    const text = draft({ tableI: [S('$18.00 (1)', '64,500')], footnotes: [long] });
    const f = one(check(text), 'footnote-limits');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '(1) xxx'));
    assert.equal(f.column, 1);
    assert.equal(f.message, 'Footnote (1) has 1,001 characters, and EDGAR accepts at most 1,000. Shorten it, or split it in two.');
  });

  test('remarks of 2,001 characters, and a 100th footnote', () => {
    const remarks = draft({ tableI: [S('$18.00', '64,500')], remarks: 'y'.repeat(2001) });
    assert.equal(one(check(remarks), 'footnote-limits').message, 'The remarks have 2,001 characters, and EDGAR accepts at most 2,000. Shorten them.');
    assert.equal(one(check(remarks), 'footnote-limits').line, lineOf(remarks, 'Remarks:'));

    const refs = Array.from({ length: 100 }, (_, i) => `(${i + 1})`).join('');
    const many = draft({ tableI: [rowI(`Common Stock ${refs}`, '', '', '', '', '', '', '', '1,000', 'D', '')], footnotes: Array.from({ length: 100 }, (_, i) => `- Footnote number ${i + 1}.`) });
    const f = one(check(many), 'footnote-limits');
    assert.equal(f.line, lineOf(many, 'Footnote number 100.'));
    assert.equal(f.message, 'The draft has 100 footnotes, and EDGAR accepts at most 99. Merge some, or move text to the remarks.');
  });

  test('near miss: exactly 1,000 characters, exactly 2,000 of remarks, exactly 99 footnotes', () => {
    const text = draft({ tableI: [S('$18.00 (1)', '64,500')], footnotes: [`(1) ${'x'.repeat(1000)}`], remarks: 'y'.repeat(2000) });
    none(check(text), 'footnote-limits');
    const refs = Array.from({ length: 99 }, (_, i) => `(${i + 1})`).join('');
    const many = draft({ tableI: [rowI(`Common Stock ${refs}`, '', '', '', '', '', '', '', '1,000', 'D', '')], footnotes: Array.from({ length: 99 }, (_, i) => `- Footnote number ${i + 1}.`) });
    none(check(many), 'footnote-limits');
  });
});

describe('footnote-order', () => {
  const outOfOrder = (): string =>
    draft({ tableI: [S('$18.00', '64,500', 'S (2)'), S('$18.10 (1)', '63,500', 'S (2)')], footnotes: ['(1) Weighted average.', '(2) Under a trading plan.'] });

  test('a footnote first referred to after a higher-numbered one: information, at its first reference', () => {
    const text = outOfOrder();
    const f = one(check(text), 'footnote-order');
    assert.equal(f.severity, 'information');
    assert.equal(f.line, lineOf(text, '$18.10 (1)'));
    assert.equal(f.column, columnOf(text, '(1)', '$18.10 (1)'));
    assert.equal(f.endColumn, f.column + 3);
    assert.equal(f.message, 'Footnote (1) is first referred to after footnote (2). Number footnotes in the order the draft first refers to them.');
  });

  test('severity settings: { "footnote-order": "error" } raises it; "off" drops it', () => {
    const text = outOfOrder();
    const raised = check(text, { 'footnote-order': 'error' }).filter((f) => f.rule === 'footnote-order');
    assert.deepEqual(raised.map((f) => f.severity), ['error']);
    none(check(text, { 'footnote-order': 'off' }), 'footnote-order');
    // Other rules keep their own severity.
    assert.deepEqual(check(text, { 'footnote-order': 'error' }).filter((f) => f.rule !== 'footnote-order'), check(text).filter((f) => f.rule !== 'footnote-order'));
  });

  test('near miss: in order of first reference, read left to right along a row, whatever comes later', () => {
    // On each row the code (1) comes before the price (2); row 2 refers to (1) again after (2).
    const inOrder = draft({ tableI: [S('$18.00 (2)', '64,500', 'S (1)'), S('$18.10 (2)', '63,500', 'S (1)')], footnotes: ['(1) Under a trading plan.', '(2) Weighted average.'] });
    assert.deepEqual(check(inOrder), []);
    // The same references numbered the other way round are out of order on the first row already.
    const swapped = draft({ tableI: [S('$18.00 (1)', '64,500', 'S (2)'), S('$18.10 (1)', '63,500', 'S (2)')], footnotes: ['(1) Weighted average.', '(2) Under a trading plan.'] });
    assert.deepEqual(check(swapped).map((f) => [f.rule, f.line]), [['footnote-order', lineOf(swapped, '$18.00 (1)')]]);
  });
});
