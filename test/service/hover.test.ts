/**
 * Hover with a finding under the cursor: the editor shows the finding's message in the same
 * hover, and that message gives the computation; the hover adds nothing that says it again, and
 * no column description.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, checkDraft, fromPosition, hoverAt, parseDraft } from '../../server/src/service';
import { draft, rowI } from '../support/drafts';
import { EXERCISE_I, WILSON } from './rules/common';

const MINUS = '\u2212';
const WRONG = rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.3654 (1)', '54,500', 'D', '');

/** The hover at the middle of `needle` on the line `row`, with or without the draft's findings. */
function hover(text: string, row: string, needle: string, withFindings: boolean): string | undefined {
  const parsed = parseDraft(text);
  const line = text.split('\n').indexOf(row);
  assert.notEqual(line, -1, row);
  const character = row.indexOf(needle) + Math.floor(needle.length / 2);
  const findings = withFindings ? checkDraft(parsed).findings : undefined;
  return hoverAt(parsed, analyze(parsed.filing), fromPosition({ line, character }), { findings })?.contents;
}

describe('hover where a finding stands', () => {
  const text = draft({ tableI: [EXERCISE_I, WRONG], footnotes: WILSON.footnotes });

  test('a mismatched amount owned: the finding gives the computation once, the hover nothing more', () => {
    const findings = checkDraft(parseDraft(text)).findings.filter((f) => f.rule === 'holdings-mismatch');
    assert.equal(findings.length, 1);
    // What the editor shows at the cell, with the computation in it.
    assert.match(findings[0]?.message ?? '', new RegExp(`55,500 \\(65,500 ${MINUS} 10,000 disposed on 08/06/2013\\)`));
    assert.equal(hover(text, WRONG, '54,500', true), undefined);
  });

  test('without the findings (a client that does not pass them), the same cell explains itself in full', () => {
    const contents = hover(text, WRONG, '54,500', false) ?? '';
    assert.ok(contents.startsWith(`**Expected 55,500 = 65,500 ${MINUS} 10,000 disposed on 08/06/2013** (from Table I row 1); the row says 54,500.`), contents);
    assert.ok(contents.includes('Table I, column 5'), contents);
  });

  test('a code against its direction: no code or column description under the finding', () => {
    const against = rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'A', '$18.00', '75,500', 'D', '');
    const t = draft({ tableI: [EXERCISE_I, against] });
    assert.ok(checkDraft(parseDraft(t)).findings.some((f) => f.rule === 'code-direction'));
    assert.equal(hover(t, against, '| A |', true), undefined);
    // The code cell of the same row has no finding: it still explains the code.
    assert.match(hover(t, against, '| S |', true) ?? '', /^\*\*S\*\*: Open market or private sale/);
  });

  test('a late transaction: the late-filing finding gives the deadline, so the hover does not', () => {
    // The transaction date 08/06/2013 is reported late (signed 08/12/2013): the late-filing
    // message gives the deadline, so the deadline is not repeated.
    const late = draft({ tableI: [EXERCISE_I], signature: ['/s/ John N. Wilson', '', '08/12/2013'] });
    const parsed = parseDraft(late);
    assert.ok(checkDraft(parsed).findings.some((f) => f.rule === 'late-filing'));
    assert.equal(hover(late, EXERCISE_I, '08/06/2013', true), undefined);
    assert.match(hover(late, EXERCISE_I, '08/06/2013', false) ?? '', /^\*\*Form 4 due by Thursday 08\/08\/2013\*\*/);
  });

  test('a finding that does not give the cell\'s fact: the fact stays, the column description goes', () => {
    // A deemed execution date of 08/01 for a trade of 08/06 is before it: a deemed-date finding,
    // whose message does not give the filing deadline.
    const row = rowI('Common Stock', '08/06/2013', '08/01/2013', 'M', '', '10,000', 'A', '$4.10', '65,500', 'D', '');
    const t = draft({ tableI: [row] });
    const found = checkDraft(parseDraft(t)).findings.filter((f) => f.rule === 'deemed-date');
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
    const contents = hover(t, row, '08/01/2013', true) ?? '';
    assert.match(contents, /^\*\*Form 4 due by/);
    assert.doesNotMatch(contents, /column 2A/);
  });

  test('a finding on the whole row (row-shape) is not on the cell: the column is still described', () => {
    const short = '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.10 | 65,500 | D |';
    const t = draft({ tableI: [short] });
    assert.ok(checkDraft(parseDraft(t)).findings.some((f) => f.rule === 'row-shape'));
    assert.match(hover(t, short, 'Common Stock', true) ?? '', /^\*\*Table I, column 1: Title of Security\*\*/);
  });

  test('a cell without a finding: the fact first, then the column description, as before', () => {
    const clean = draft(WILSON);
    const row = WILSON.tableI[1];
    const contents = hover(clean, row, '55,500', true) ?? '';
    assert.ok(contents.startsWith(`**55,500 = 65,500 ${MINUS} 10,000 disposed on 08/06/2013** (from Table I row 1)`), contents);
    assert.ok(contents.includes('**Table I, column 5'), contents);
  });
});
