/**
 * The two reference drafts: the correct one checks clean, the OCR-damaged one is read as far as
 * it can be and reported line by line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import { check } from '../support/drafts';
import { sharedFile } from '../support/paths';

const wilson = sharedFile('examples', 'qualys-wilson-2013.form4');
const posey = sharedFile('examples', 'qualys-posey-2024-ocr.form4');

test('qualys-wilson-2013.form4 has no finding at all', (t) => {
  if (!wilson) return t.skip('../shared/examples/qualys-wilson-2013.form4 is not beside the project');
  assert.deepEqual(check(readFileSync(wilson, 'utf8')), []);
});

test('qualys-posey-2024-ocr.form4: damaged rows reported at their own lines, the rest read', (t) => {
  if (!posey) return t.skip('../shared/examples/qualys-posey-2024-ocr.form4 is not beside the project');
  const text = readFileSync(posey, 'utf8');
  const { filing } = parseDraft(text);
  // The clean Table II tab row.
  const option = filing.derivativeTable?.rows[0];
  assert.ok(option);
  assert.equal(Math.floor(option.span.start / 67_108_864) + 1, 34);
  assert.equal(option.damaged, false);
  assert.equal(option.securityTitle.value, 'Stock Option (right to buy)');
  assert.equal(option.coding.value?.code, 'M');
  assert.equal(option.disposedShares.value?.amount.toFixed(), '1000');
  assert.equal(option.ownedAfter.value?.amount.toFixed(), '4000');
  assert.deepEqual(option.exerciseDate.refs.map((r) => r.id), [6]);
  // Footnotes 1-6 and the signature date.
  assert.deepEqual(filing.footnotes.map((f) => f.id), [1, 2, 3, 4, 5, 6]);
  assert.match(filing.footnotes[0]?.text ?? '', /^The sale transaction reported in this Form 4/);
  assert.equal(filing.signatures.length, 1);
  assert.deepEqual(filing.signatures[0]?.date?.value, { year: 2024, month: 6, day: 21 });
  // Each damaged Table I row at its own line.
  const shapes = check(text).filter((f) => f.rule === 'row-shape').map((f) => f.line);
  assert.deepEqual(shapes, [25, 27, 28, 29, 30]);
  // The footnotes whose references OCR lost.
  assert.deepEqual(check(text).filter((f) => f.rule === 'footnote-unused').map((f) => f.line), [40, 41, 42]);
});
