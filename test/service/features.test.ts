/**
 * Editor features at the service level, on the Wilson example as EDGAR renders it: hover on
 * column titles (printed titles span columns, so they are matched by number and words), on
 * boxes, codes, dates and prices; completion in a half-typed row; footnote rename.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze, completionsAt, fromPosition, hoverAt, parseDraft, renameFootnote } from '../../server/src/service';
import { applyEdits } from '../../server/src/service/text/edits';
import { draft, rowI } from '../support/drafts';
import { sharedFile } from '../support/paths';

const wilsonPath = sharedFile('examples', 'qualys-wilson-2013.form4');

/** The first line of the hover at `needle` on the 1-based line that contains `lineNeedle`. */
function hoverFirstLine(text: string, lineNeedle: string, needle: string): string | undefined {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineNeedle));
  assert.notEqual(line, -1, `no line with ${lineNeedle}`);
  const character = (lines[line] ?? '').indexOf(needle) + 1;
  const parsed = parseDraft(text);
  return hoverAt(parsed, analyze(parsed.filing), fromPosition({ line, character }))?.contents.split('\n')[0];
}

describe('hover on the Wilson example', () => {
  const text = wilsonPath ? readFileSync(wilsonPath, 'utf8') : '';
  const skip = wilsonPath ? false : '../shared/examples is not beside the project';

  test('column titles: by number, by printed sub-heading, by words', { skip }, () => {
    assert.equal(hoverFirstLine(text, '| 1. Title of Security', '2A.'), '**Table I, column 2A: Deemed Execution Date, if any**');
    assert.equal(hoverFirstLine(text, '| | | | Code | V | Amount', 'Code'), '**Table I, column 3: Transaction Code**');
    assert.equal(hoverFirstLine(text, '| | | | Code | V | Amount', '(A) or (D)'), '**Table I, column 4: (A) or (D)**');
    // "Title" under Table II's column 7 is the underlying's title, not column 1.
    assert.equal(hoverFirstLine(text, '| | | | | Code | V | (A)', 'Title |'), '**Table II, column 7: Title of Underlying Securities**');
    assert.equal(hoverFirstLine(text, '| | | | | Code | V | (A)', '(D)'), '**Table II, column 5: Number of Derivative Securities Disposed of (D)**');
    assert.equal(hoverFirstLine(text, '| 1. Title of Derivative Security', '9. Number'), '**Table II, column 9: Number of Derivative Securities Beneficially Owned Following Reported Transaction(s)**');
  });

  test('boxes in the rendered header table', { skip }, () => {
    assert.match(hoverFirstLine(text, '5. Relationship', 'Relationship') ?? '', /^\*\*Box 5: Relationship of Reporting Person\(s\) to Issuer\*\* \(EDGAR reportingOwnerRelationship\)/);
    assert.match(hoverFirstLine(text, '3. Date of Earliest', '08/06/2013') ?? '', /^\*\*Box 3: Date of Earliest Transaction\*\* \(EDGAR periodOfReport\)/);
  });

  test('a code, a transaction date, a weighted-average price, an amount owned', { skip }, () => {
    assert.equal(hoverFirstLine(text, '| S ⁽¹⁾', 'S ⁽'), '**S**: Open market or private sale of non-derivative or derivative security');
    assert.equal(hoverFirstLine(text, '| M ⁽¹⁾ | | 10,000 | A', '08/06/2013'), '**Form 4 due by Thursday 08/08/2013**: the second business day after Tuesday 08/06/2013.');
    assert.equal(hoverFirstLine(text, '\\$18.3654', '\\$18.3654'), '**Weighted average** $18.3654, within the range $18.00 to $18.81 of footnote (2).');
    assert.equal(hoverFirstLine(text, '55,500', '55,500'), '**55,500 = 65,500 \u2212 10,000 disposed on 08/06/2013** (from Table I row 1)');
  });
});

describe('hover: deadlines across holidays', () => {
  test('a trade on Wednesday 07/03/2024 is due Monday 07/08/2024, naming Independence Day', () => {
    const text = draft({ header: ['3. Date of Earliest Transaction: 07/03/2024', 'Rule 10b5-1(c) Transaction Indication: [ ]'], tableI: [rowI('Common Stock', '07/03/2024', '', 'S', '', '100', 'D', '$18.00', '900', 'D', '')] });
    const parsed = parseDraft(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('| Common Stock'));
    const hover = hoverAt(parsed, analyze(parsed.filing), fromPosition({ line, character: (text.split('\n')[line] ?? '').indexOf('07/03') + 1 }));
    assert.equal(hover?.contents.split('\n\n')[0], '**Form 4 due by Monday 07/08/2024**: the second business day after Wednesday 07/03/2024. Federal holidays skipped: 07/04/2024 (Independence Day).');
  });
});

describe('completion', () => {
  test('in the code cell of a half-typed row: the codes, sales and purchases first in Table I', () => {
    const text = draft({ tableI: ['| Common Stock | 08/06/2013 | | '] });
    const parsed = parseDraft(text);
    const line = text.split('\n').findIndex((l) => l.startsWith('| Common Stock'));
    const items = completionsAt(parsed, analyze(parsed.filing), fromPosition({ line, character: (text.split('\n')[line] ?? '').length }));
    assert.deepEqual(items.slice(0, 3).map((c) => c.label), ['S', 'P', 'M']);
    assert.equal(items.find((c) => c.label === 'M')?.detail, 'Exercise or conversion of derivative security exempted pursuant to Rule 16b-3');
    assert.equal(items.length, 18);
  });

  test('after "(" in a cell: the footnotes, and the next number', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S (', '', '100', 'D', '$18.00 (1)', '900', 'D', '')], footnotes: ['(1) A weighted average.'] });
    const parsed = parseDraft(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('| Common Stock'));
    const items = completionsAt(parsed, analyze(parsed.filing), fromPosition({ line, character: (lines[line] ?? '').indexOf('S (') + 3 }));
    assert.deepEqual(items.map((c) => [c.label, c.detail]), [['(1)', 'A weighted average.'], ['(2)', 'a new footnote']]);
  });
});

describe('rename a footnote', () => {
  test('explicit numbers: the reference (in its notation) and the footnote change', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S ⁽¹⁾', '', '100', 'D', '$18.00 <sup>2</sup>', '900', 'D', '')], footnotes: ['(1) First.', '(2) Second.'] });
    const parsed = parseDraft(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('| Common Stock'));
    const edits = renameFootnote(parsed, analyze(parsed.filing), fromPosition({ line, character: (lines[line] ?? '').indexOf('⁽¹⁾') + 1 }), '7');
    assert.ok(Array.isArray(edits));
    const renamed = applyEdits(text, edits);
    assert.ok(renamed.includes('| S ⁽⁷⁾ |'));
    assert.ok(renamed.includes('(7) First.'));
    assert.ok(renamed.includes('$18.00 <sup>2</sup>'));
  });

  test('bare bullets get explicit numbers, so that the others keep theirs; an existing number is refused', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'S (1)', '', '100', 'D', '$18.00 (2)', '900', 'D', '')], footnotes: ['- First.', '- Second.'] });
    const parsed = parseDraft(text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('| Common Stock'));
    const at = fromPosition({ line, character: (lines[line] ?? '').indexOf('(1)') + 1 });
    const renamed = applyEdits(text, renameFootnote(parsed, analyze(parsed.filing), at, '3') as never);
    assert.ok(renamed.includes('- (3) First.'));
    assert.ok(renamed.includes('- (2) Second.'));
    assert.ok(renamed.includes('| S (3) |'));
    assert.deepEqual(renameFootnote(parsed, analyze(parsed.filing), at, '2'), { error: 'Footnote (2) already exists: rename it first, or pick another number.' });
  });
});
