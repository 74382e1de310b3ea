/**
 * What `npm run fuzz` found, kept as plain tests: each states the input and the exact outcome.
 * - late-filing and deemed-date counted business days one day at a time (a holiday look-up per
 *   day, up to ten years of them per row): a draft dated years from its signature took seconds
 *   to check, more with every fix the fuzz re-checked;
 * - completion and hover at a column past the end of a line (LSP allows it: it means the end)
 *   returned ranges outside the line;
 * - a line of a megabyte of pipes was read, and formatted, as half a million cells (seconds).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/service/analysis/analysis';
import { checkDocument } from '../../server/src/service/check';
import { completionsAt } from '../../server/src/service/features/completion';
import { formatDraft } from '../../server/src/service/features/formatting';
import { hoverAt } from '../../server/src/service/features/hover';
import { businessDaysBetween, isBusinessDay } from '../../server/src/service/model/businessDays';
import { type CalendarDate, dayNumber, fromDayNumber } from '../../server/src/service/model/calendarDate';
import { MAX_CELLS, splitRow } from '../../server/src/service/parse/draft/cells';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import { pos } from '../../server/src/service/text/position';
import { toRange } from '../../server/src/service/text/range';

const d = (month: number, day: number, year: number): CalendarDate => ({ year, month, day });

/** Business days counted one by one, as the rules once did: the reference. */
function countDayByDay(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  const last = Math.min(dayNumber(to), dayNumber(from) + 3660);
  for (let n = dayNumber(from) + 1; n <= last; n++) if (isBusinessDay(fromDayNumber(n))) count++;
  return count;
}

describe('business days, counted by weeks', () => {
  test('known spans: a week, a holiday observed on a Friday, a reversed span, the ten-year cap', () => {
    assert.equal(businessDaysBetween(d(8, 6, 2013), d(8, 12, 2013)), 4);
    // January 1, 2022 was a Saturday: New Year's Day was observed on Friday, December 31, 2021.
    assert.equal(businessDaysBetween(d(12, 30, 2021), d(1, 3, 2022)), 1);
    assert.equal(businessDaysBetween(d(7, 3, 2024), d(7, 5, 2024)), 1);
    assert.equal(businessDaysBetween(d(8, 12, 2013), d(8, 6, 2013)), 0);
    assert.equal(businessDaysBetween(d(8, 6, 2013), d(8, 6, 2013)), 0);
    assert.equal(businessDaysBetween(d(8, 6, 2013), d(8, 6, 2931)), businessDaysBetween(d(8, 6, 2013), fromDayNumber(dayNumber(d(8, 6, 2013)) + 3660)));
  });

  test('the same count as day by day, for 400 seeded spans of up to twelve years', () => {
    let state = 17;
    const random = (n: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let k = 0; k < 400; k++) {
      const from = fromDayNumber(dayNumber(d(1, 1, 1990)) + random(16_000));
      const to = fromDayNumber(dayNumber(from) + random(k % 4 === 0 ? 4400 : 40) - 3);
      assert.equal(businessDaysBetween(from, to), countDayByDay(from, to), `${JSON.stringify(from)} to ${JSON.stringify(to)}`);
    }
  });

  test('a draft signed nine years after its transactions: late-filing gives the count, from a few week steps', () => {
    const text = [
      '3. Date of Earliest Transaction: 08/06/2013',
      'Table I',
      '| Common Stock | 08/06/2013 | | P | | 100 | A | $1.00 | 100 | D | |',
      '/s/ John Wilson',
      '08/08/2022',
    ].join('\n');
    const late = checkDocument(parseDraft(text)).findings.filter((f) => f.rule === 'late-filing');
    assert.equal(late.length, 1);
    assert.match(late[0]?.message ?? '', new RegExp(`signed 08/08/2022, ${countDayByDay(d(8, 6, 2013), d(8, 8, 2022)).toLocaleString('en-US')} business days after`.replace(/,/g, ',?')));
  });
});

describe('positions past the end of a line', () => {
  test('completion after "(" at column 1000 of a 35-character line replaces the "(" at its real place', () => {
    const draft = parseDraft('Table I\n| Common Stock | 08/06/2013 | | S (');
    const analysis = analyze(draft.filing);
    const at = (column: number): unknown => completionsAt(draft, analysis, pos(1, column)).map((c) => [c.label, toRange(c.span)]);
    const expected = [['(1)', { start: { line: 1, character: 34 }, end: { line: 1, character: 35 } }]];
    assert.deepEqual(at(35), expected);
    assert.deepEqual(at(1000), expected);
  });

  test('hover at column 4 and 1003 of "| 0" (a row without its closing pipe) is the hover of its last cell, columns 2 to 3', () => {
    const draft = parseDraft('Table I\n| 0');
    const analysis = analyze(draft.filing);
    for (const column of [3, 4, 1003]) {
      const hover = hoverAt(draft, analysis, pos(1, column));
      assert.deepEqual(hover && toRange(hover.span), { start: { line: 1, character: 2 }, end: { line: 1, character: 3 } }, `column ${column}`);
      assert.match(hover?.contents ?? '', /^\*\*Table I, column 1: Title of Security\*\*/);
    }
  });
});

describe(`rows of more than MAX_CELLS (${MAX_CELLS}) cells`, () => {
  const ROW = '| Common Stock | 08/06/2013 | | P | | 100 | A | $1.00 | 100 | D | |';

  test('the rest of the line is one cell; the row-shape message gives the true count', () => {
    const line = `${'| x '.repeat(100)}|`;
    const raw = splitRow(line);
    assert.equal(raw?.count, 100);
    assert.equal(raw?.cells.length, MAX_CELLS + 1);
    assert.deepEqual(raw?.cells[MAX_CELLS], { start: 4 * MAX_CELLS + 1, end: line.length });
    assert.deepEqual(parseDraft(`Table I\n${line}`).problems.map((p) => p.message), [
      'Table I row 1 has 100 cells, not 11: cells 12 "x", 13 "x" and 52 more look split or extra.',
    ]);
    const tabs = Array.from({ length: 100 }, () => 'x').join('\t');
    assert.deepEqual([splitRow(tabs)?.count, splitRow(tabs)?.cells.length, splitRow(tabs)?.cells[MAX_CELLS]?.end], [100, MAX_CELLS + 1, tabs.length]);
  });

  test('a row followed by a megabyte of "a|": one damaged row of 524,299 cells, read and formatted in linear time', () => {
    const text = `Table I\n${ROW}${'a|'.repeat(1 << 19)}`;
    const draft = parseDraft(text);
    assert.equal(draft.filing.nonDerivativeTable?.rows.length, 1);
    assert.deepEqual(draft.problems.map((p) => p.message), [
      'Table I row 1 has 524,299 cells, not 11: cells 12 "a", 13 "a" and 52 more look split or extra.',
    ]);
    // The cut row is no table row to align: formatting leaves it.
    assert.deepEqual(formatDraft(draft), []);
  });

  test('a line of only pipes and spaces past the cut is still no row', () => {
    assert.equal(parseDraft(`Table I\n${'| '.repeat(100_000)}`).filing.nonDerivativeTable?.rows.length ?? 0, 0);
    assert.equal(parseDraft(`Table I\n${'\t'.repeat(100_000)}`).filing.nonDerivativeTable?.rows.length ?? 0, 0);
  });
});

describe('a cell of a megabyte of one footnote reference', () => {
  // The fuzz's slowest case: about 350,000 "(1)" in one cell took 0.8 s to check, as 349,999
  // footnote-duplicate findings and a sort of the references they were already in.
  test('one footnote-duplicate finding with the count, at the second reference; the footnote is used', () => {
    const refs = '(1)'.repeat(350_000);
    const text = [
      '1. Name and Address of Reporting Person: Wilson John N',
      '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
      '3. Date of Earliest Transaction: 08/06/2013',
      '5. Relationship of Reporting Person(s) to Issuer: Director',
      '',
      'Table I',
      `| Common Stock | 08/06/2013 | | P ${refs} | | 100 | A | $1.00 | 100 | D | |`,
      '',
      'Explanation of Responses:',
      '(1) The purchase was made in the open market.',
      '',
      '/s/ John N. Wilson',
      '08/07/2013',
    ].join('\n');
    const found = checkDocument(parseDraft(text)).findings;
    assert.deepEqual(found.map((f) => [f.rule, f.message]), [['footnote-duplicate', 'This cell refers to footnote (1) 350,000 times. Keep one of the references.']]);
    const column = text.split('\n')[6]?.indexOf('(1)') ?? -1;
    assert.equal(toRange(found[0]?.span ?? { start: 0, end: 0 }).start.character, column + 3);
  });
});
