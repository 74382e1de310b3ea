/**
 * Inlay hints: one at the end of each row with an amount owned, so that a formatted table keeps
 * its pipes in line; a first row says what was held before that row, the next rows how their
 * amount owned follows from the previous row.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze, applyEdits, formatDraft, inlayHints, parseDraft, toPosition } from '../../server/src/service';
import { draft, rowI } from '../support/drafts';
import { sharedFile } from '../support/paths';
import { EXERCISE_I, EXERCISE_II, SALE_I, WILSON } from './rules/common';

const MINUS = '\u2212';
const wilsonPath = sharedFile('examples', 'qualys-wilson-2013.form4');

interface Shown {
  /** 0-based line and character. */
  readonly line: number;
  readonly character: number;
  readonly label: string;
}

function hintsOf(text: string): Shown[] {
  const parsed = parseDraft(text);
  return inlayHints(parsed.filing, analyze(parsed.filing)).map((h) => ({ ...toPosition(h.position), label: h.label }));
}

function tooltipsOf(text: string): string[] {
  const parsed = parseDraft(text);
  return inlayHints(parsed.filing, analyze(parsed.filing)).map((h) => h.tooltip);
}

function lineWith(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.notEqual(line, -1, needle);
  return line;
}

/** Where a hint at the end of the line stands: after its last character. */
function endOf(text: string, needle: string): { line: number; character: number } {
  const line = lineWith(text, needle);
  return { line, character: (text.split('\n')[line] ?? '').length };
}

describe('inlay hints: where they stand', () => {
  const text = draft(WILSON);

  test('at the end of each row, after its closing pipe', () => {
    assert.deepEqual(hintsOf(text), [
      { ...endOf(text, EXERCISE_I), label: 'held before this row: 55,500' },
      { ...endOf(text, SALE_I), label: `55,500 = 65,500 ${MINUS} 10,000` },
      { ...endOf(text, EXERCISE_II), label: 'held before this row: 150,591' },
    ]);
  });

  test('in a formatted table too: every hint follows the last pipe, none stands between two cells', () => {
    const formatted = applyEdits(text, formatDraft(parseDraft(text)));
    assert.notEqual(formatted, text);
    const lines = formatted.split('\n');
    const hints = hintsOf(formatted);
    assert.equal(hints.length, 3);
    for (const h of hints) {
      const row = lines[h.line] ?? '';
      assert.equal(h.character, row.length, row);
      assert.ok(row.endsWith('|'), row);
    }
  });

  test('a row without a closing pipe, and a tab-separated row: at the end of the line', () => {
    const open = '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.10 | 65,500 | I | By Trust';
    const tabs = ['Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.3654 (1)', '55,500', 'I', 'By Trust'].join('\t');
    const t = draft({ tableI: [open, tabs], footnotes: WILSON.footnotes });
    const hints = hintsOf(t);
    assert.deepEqual(
      hints.map((h) => [h.line, h.character, h.label]),
      [
        [lineWith(t, '| Common Stock'), open.length, 'held before this row: 55,500'],
        [lineWith(t, 'Common Stock\t'), tabs.length, `55,500 = 65,500 ${MINUS} 10,000`],
      ],
    );
  });
});

describe('inlay hints: wording', () => {
  test('a first row names what was held before that row, and its tooltip how that is worked back', () => {
    const text = draft({ tableI: [EXERCISE_I] });
    assert.deepEqual(hintsOf(text).map((h) => h.label), ['held before this row: 55,500']);
    assert.deepEqual(tooltipsOf(text), [
      'The first row of this holding in the draft. Before it, the holding was 55,500: the amount owned after it, 65,500, \u2212 the 10,000 it acquired.',
    ]);
  });

  test('a row that does not follow from the previous one: its amount, what it should be', () => {
    const wrong = rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.3654 (1)', '54,500', 'D', '');
    const text = draft({ tableI: [EXERCISE_I, wrong], footnotes: WILSON.footnotes });
    assert.deepEqual(hintsOf(text).map((h) => h.label), ['held before this row: 55,500', `54,500 \u2260 65,500 ${MINUS} 10,000 = 55,500`]);
    assert.equal(tooltipsOf(text)[1], `Amount owned 54,500 does not follow from Table I row 1: expected 55,500 (65,500 ${MINUS} 10,000 disposed on 08/06/2013).`);
  });

  test('Wilson as EDGAR renders it', (t) => {
    if (!wilsonPath) return t.skip('../shared/examples is not beside the project');
    const text = readFileSync(wilsonPath, 'utf8');
    assert.deepEqual(hintsOf(text), [
      { ...endOf(text, '| Common Stock | 08/06/2013 | | M'), label: 'held before this row: 55,500' },
      { ...endOf(text, '| Common Stock | 08/06/2013 | | S'), label: `55,500 = 65,500 ${MINUS} 10,000` },
      { ...endOf(text, '| Stock Option (right to buy)'), label: 'held before this row: 150,591' },
    ]);
  });
});
