/**
 * The reading of a cell without tags or entities (references and escapes cut out by hand)
 * against the general cleaning it short-cuts, on random cells of the characters that matter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readCell } from '../../../server/src/service/parse/draft/cells';
import { findFootnoteRefs } from '../../../server/src/service/parse/draft/footnoteRefs';
import { cleanText, trimmedSpan } from '../../../server/src/service/text/cleanText';
import { LINE } from '../../../server/src/service/text/position';

test('a cell without tags or entities reads as the general cleaning reads it', () => {
  const piece = fc.constantFrom('S', ' ', '  ', '\t', '\u00a0', '(1)', '(1, 2)', '( 3 )', '\\$', '\\(4\\)', '$18.3654', '10,000', '\\', '\\*', '(', ')', '1', '\u00b2', '\u207d\u00b3\u207e', 'x');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
      const cell = readCell(text, 0, { start: 0, end: text.length });
      const { cuts } = findFootnoteRefs(text, 0, 0, text.length);
      const expected = trimmedSpan(cleanText(text, 0, text.length, cuts));
      assert.equal(cell.text, expected.text, JSON.stringify(text));
      if (expected.text !== '') assert.deepEqual([cell.valueStart % LINE, cell.valueEnd % LINE], [expected.start, expected.end], JSON.stringify(text));
    }),
    { numRuns: 3000, seed: 11 },
  );
});
