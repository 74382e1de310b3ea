/**
 * The one-pass reader of parenthesized references (the common case) against the definition it
 * replaces: the regular expression of FORMAT.md's `(1)`, `( 12 )`, `(1, 2)`, `\(1\)` notation,
 * on random cells made of the characters that matter.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findFootnoteRefs } from '../../../server/src/service/parse/draft/footnoteRefs';
import { LINE } from '../../../server/src/service/text/position';

const PAREN = /\\?\(\s*(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*\\?\)/g;

function reference(text: string): { id: number; start: number; end: number; digits: [number, number] }[] {
  const found: { id: number; start: number; end: number; digits: [number, number] }[] = [];
  for (const m of text.matchAll(PAREN)) {
    const list = m[1] ?? '';
    const listAt = m.index + m[0].indexOf(list);
    const single = !list.includes(',');
    for (const d of list.matchAll(/\d{1,2}/g)) {
      const at = listAt + d.index;
      found.push({ id: Number(d[0]), start: single ? m.index : at, end: single ? m.index + m[0].length : at + d[0].length, digits: [at, at + d[0].length] });
    }
  }
  return found;
}

test('parenthesized references: the one-pass reader finds exactly what the regular expression finds', () => {
  const piece = fc.constantFrom('(', ')', '\\', ',', ' ', '\t', '1', '2', '12', '123', '0', 'S', '$', '.', '\u00a0', '(1)', '( 2 )', '(1, 2)', '\\(3\\)', '(1,000)');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (text) => {
      const { refs } = findFootnoteRefs(text, 0, 0, text.length);
      const got = refs.map((r) => ({ id: r.id, start: r.span.start % LINE, end: r.span.end % LINE, digits: [r.numberSpan.start % LINE, r.numberSpan.end % LINE] }));
      assert.deepEqual(got, reference(text), JSON.stringify(text));
    }),
    { numRuns: 2000, seed: 7 },
  );
});
