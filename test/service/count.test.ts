/** Counts in messages and summaries: the noun agrees with the number, thousands are grouped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, grouped } from '../../server/src/service/text/count';

test('1 row, 2 rows, 0 rows; an irregular plural when given', () => {
  assert.deepEqual([count(1, 'row'), count(2, 'row'), count(0, 'row'), count(3, 'reporting person', 'reporting persons')], ['1 row', '2 rows', '0 rows', '3 reporting persons']);
});

test('a comma every three digits: 59,524 rows', () => {
  assert.deepEqual([grouped(999), grouped(1000), grouped(59524), grouped(1234567), grouped(-1000)], ['999', '1,000', '59,524', '1,234,567', '-1,000']);
  assert.equal(count(59524, 'row'), '59,524 rows');
});
