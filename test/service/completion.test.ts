/**
 * Completion: a code's meaning beside its letter (labelDescription, LSP labelDetails), and the
 * snippets only where what they insert can start: rows at the start of a line of their table,
 * footnotes in the Explanation of Responses, the blank draft in an empty document; none inside
 * a cell.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyze, completionsAt, fromPosition, parseDraft } from '../../server/src/service';
import { placeOf } from '../../server/src/service/features/snippetCompletion';
import { readSnippets } from '../../server/src/lsp/snippets';
import { draft } from '../support/drafts';
import { PROJECT_ROOT as ROOT } from '../support/paths';
import { EXERCISE_I, EXERCISE_II, WILSON } from './rules/common';

const SNIPPETS = readSnippets(readFileSync(join(ROOT, 'snippets', 'form4.code-snippets'), 'utf8'));
const prefixes = (where: (p: ReturnType<typeof placeOf>) => boolean): string[] => SNIPPETS.filter((s) => where(placeOf(s))).map((s) => s.prefix).sort();
const TABLE_I_ROWS = prefixes((p) => p.kind === 'row' && p.table === 'I');
const TABLE_II_ROWS = prefixes((p) => p.kind === 'row' && p.table === 'II');
const FOOTNOTES = prefixes((p) => p.kind === 'line');

function completions(text: string, line: number, character: number) {
  const parsed = parseDraft(text);
  return completionsAt(parsed, analyze(parsed.filing), fromPosition({ line, character }), { snippets: SNIPPETS });
}

function snippetLabels(text: string, line: number, character: number): string[] {
  return completions(text, line, character).filter((c) => c.kind === 'snippet').map((c) => c.label).sort();
}

/** The text with an empty line inserted after the first line containing `after`; and that line's index. */
function withBlankLineAfter(text: string, after: string): [string, number] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(after)) + 1;
  lines.splice(at, 0, '');
  return [lines.join('\n'), at];
}

describe('completion: codes and choices with their meanings', () => {
  test('each code has its meaning as the label description, the usual codes of the table first', () => {
    const text = draft({ tableI: ['| Common Stock | 08/06/2013 | |  | | 10,000 | A | $4.10 | 65,500 | D | |'] });
    const line = text.split('\n').findIndex((l) => l.includes('|  |'));
    const items = completions(text, line, (text.split('\n')[line] ?? '').indexOf('|  |') + 2);
    assert.deepEqual(items.slice(0, 3).map((c) => [c.label, c.labelDescription]), [
      ['S', 'Open market or private sale of non-derivative or derivative security'],
      ['P', 'Open market or private purchase of non-derivative or derivative security'],
      ['M', 'Exercise or conversion of derivative security exempted pursuant to Rule 16b-3'],
    ]);
    assert.ok(items.every((c) => c.kind === 'code' && c.labelDescription !== undefined && c.labelDescription !== ''));
    assert.equal(items.filter((c) => c.kind === 'snippet').length, 0, 'no snippet inside a cell');
  });

  test('A/D and D/I: their meanings beside them', () => {
    const text = draft({ tableI: ['| Common Stock | 08/06/2013 | | M | | 10,000 |  | $4.10 | 65,500 | D | |'] });
    const line = text.split('\n').findIndex((l) => l.includes('10,000 |  |'));
    const items = completions(text, line, (text.split('\n')[line] ?? '').indexOf('10,000 |  |') + 9);
    assert.deepEqual(items.map((c) => [c.label, c.labelDescription]), [['A', 'Acquired'], ['D', 'Disposed of']]);
  });
});

describe('completion: snippets only where a row or footnote can start', () => {
  test('the snippets file holds rows of both tables, footnotes and the blank draft', () => {
    assert.ok(TABLE_I_ROWS.includes('form4-row') && TABLE_I_ROWS.includes('form4-exercise-sale'), TABLE_I_ROWS.join());
    assert.ok(TABLE_II_ROWS.includes('form4-deriv') && TABLE_II_ROWS.includes('form4-exercise-option'), TABLE_II_ROWS.join());
    assert.ok(FOOTNOTES.includes('form4-footnote'), FOOTNOTES.join());
    assert.deepEqual(prefixes((p) => p.kind === 'draft'), ['form4-draft']);
  });

  test('an empty line in Table I: the Table I rows; in Table II: the Table II rows', () => {
    const [textI, lineI] = withBlankLineAfter(draft(WILSON), EXERCISE_I);
    assert.deepEqual(snippetLabels(textI, lineI, 0), TABLE_I_ROWS);
    const [textII, lineII] = withBlankLineAfter(draft(WILSON), EXERCISE_II);
    assert.deepEqual(snippetLabels(textII, lineII, 0), TABLE_II_ROWS);
  });

  test('a prefix being typed at the line start: the snippet replaces it, in the snippet syntax', () => {
    const [blank, line] = withBlankLineAfter(draft(WILSON), EXERCISE_I);
    const lines = blank.split('\n');
    lines[line] = '  form4-ro';
    const items = completions(lines.join('\n'), line, '  form4-ro'.length).filter((c) => c.kind === 'snippet');
    const row = items.find((c) => c.label === 'form4-row');
    assert.ok(row?.snippet);
    assert.match(row.insertText, /^\| \$\{1:Common Stock\} \|/);
    assert.equal(row.detail, 'Form 4: Table I transaction row');
    // From the word, not the indentation.
    assert.deepEqual([row.span.start % 67_108_864, row.span.end % 67_108_864], [2, '  form4-ro'.length]);
  });

  test('inside a cell, after a pipe, or before text on the line: no snippet', () => {
    const text = draft(WILSON);
    const line = text.split('\n').indexOf(EXERCISE_I);
    assert.deepEqual(snippetLabels(text, line, 3), []);
    assert.deepEqual(snippetLabels(text, line, EXERCISE_I.length), []);
    assert.deepEqual(snippetLabels(text, line, 0), []);
  });

  test('the Explanation of Responses: the footnote snippets, no row', () => {
    const [text, line] = withBlankLineAfter(draft(WILSON), '(1) The price reported');
    assert.deepEqual(snippetLabels(text, line, 0), FOOTNOTES);
  });

  test('an empty document: the blank draft and the rows (a draft written from the top)', () => {
    assert.deepEqual(snippetLabels('form4-', 0, 'form4-'.length), [...TABLE_I_ROWS, ...TABLE_II_ROWS, 'form4-draft'].sort());
    // In a draft that has text, the blank draft is not offered.
    const [text, line] = withBlankLineAfter(draft(WILSON), '3. Date of Earliest Transaction');
    assert.ok(!snippetLabels(text, line, 0).includes('form4-draft'));
  });

  test('without snippets (a client that cannot insert them), completion offers none', () => {
    const [text, line] = withBlankLineAfter(draft(WILSON), EXERCISE_I);
    const parsed = parseDraft(text);
    assert.deepEqual(completionsAt(parsed, analyze(parsed.filing), fromPosition({ line, character: 0 })), []);
  });
});
