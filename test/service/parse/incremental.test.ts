/**
 * Re-reading after an edit gives exactly what reading the new text in full gives: on random
 * edits of a generated draft (characters typed, deleted, pasted, line breaks and pipes among
 * them), the model, the syntax problems, the tables, the sections and the lines are equal. And
 * typing in a row reuses every other row as it was (proportional to the edit).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { reparseDraft } from '../../../server/src/service/parse/draft/incremental';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { generateDraft } from '../../support/generate';

const base = generateDraft({ rows: 60, seed: 3 }).text;

function same(text: string, previousText: string): void {
  const previous = parseDraft(previousText);
  const again = reparseDraft(previous, text);
  const full = parseDraft(text);
  assert.deepEqual(again.filing, full.filing);
  assert.deepEqual(again.problems, full.problems);
  assert.deepEqual(again.tables, full.tables);
  assert.deepEqual(again.sections, full.sections);
  assert.deepEqual(again.lines, full.lines);
  assert.equal(again.text, text);
}

test('random edits: the re-read draft equals the draft read in full', () => {
  const insert = fc.constantFrom('1', '0', ',', '.', ' ', '|', '||', '\t', 'D', 'A', 'S', '(1)', '(9)', '$', '\\', '\n', '\r\n', 'Table II', 'Explanation of Responses:', 'Remarks:', '/s/ X', '---', '<sup>2</sup>', '');
  fc.assert(
    fc.property(fc.nat({ max: base.length }), fc.nat({ max: 6 }), insert, (at, cut, text) => {
      same(base.slice(0, at) + text + base.slice(Math.min(base.length, at + cut)), base);
    }),
    { numRuns: 1500, seed: 5 },
  );
});

test('random edits of the same draft with CRLF line breaks', () => {
  const crlf = base.replace(/\n/g, '\r\n');
  fc.assert(
    fc.property(fc.nat({ max: crlf.length }), fc.nat({ max: 3 }), fc.constantFrom('1', '', ' ', '\r', '\n', '|'), (at, cut, text) => {
      same(crlf.slice(0, at) + text + crlf.slice(Math.min(crlf.length, at + cut)), crlf);
    }),
    { numRuns: 800, seed: 6 },
  );
});

test('typing a digit into an amount owned re-reads that row only; the other rows are the same objects', () => {
  const previous = parseDraft(base);
  const rows = previous.filing.nonDerivativeTable?.rows ?? [];
  const target = rows[5];
  assert.ok(target);
  const at = previous.lines[Math.floor(target.span.start / 67_108_864)];
  assert.ok(at);
  const offset = at.offset + (target.ownedAfter.valueSpan.end % 67_108_864);
  const text = `${base.slice(0, offset)}1${base.slice(offset)}`;
  const again = reparseDraft(previous, text);
  const newRows = again.filing.nonDerivativeTable?.rows ?? [];
  assert.notEqual(newRows[5], rows[5]);
  assert.ok(newRows.every((r, i) => i === 5 || r === rows[i]), 'every other row is reused');
  assert.equal(again.filing.derivativeTable, previous.filing.derivativeTable);
  assert.equal(again.filing.footnotes, previous.filing.footnotes);
  same(text, base);
});
