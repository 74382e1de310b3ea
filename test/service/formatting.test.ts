/**
 * Formatting: the pipes of Table I and Table II aligned by display width, and nothing else
 * changed: not a cell's text, not a line outside the tables, not a tab-separated row, not a
 * line break. Formatting formatted text changes nothing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { checkDraft } from '../../server/src/service/check';
import { formatDraft } from '../../server/src/service/features/formatting';
import { isSeparatorRow, splitRow } from '../../server/src/service/parse/draft/cells';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import type { TextEdit } from '../../server/src/service/rules/types';
import { applyEdits } from '../../server/src/service/text/edits';
import { fromRange, type Range, toRange } from '../../server/src/service/text/range';
import { displayWidth } from '../../server/src/service/text/width';
import { TABLE_I_HEADER, TABLE_II_HEADER, draft, rowI, rowII } from '../support/drafts';
import { sharedFile } from '../support/paths';
import { EXERCISE_I, EXERCISE_II, SALE_I, WILSON } from './rules/common';

const wilson = sharedFile('examples', 'qualys-wilson-2013.form4');
const posey = sharedFile('examples', 'qualys-posey-2024-ocr.form4');

function format(text: string, range?: Range): { edits: TextEdit[]; text: string } {
  const edits = formatDraft(parseDraft(text), range ? { range: fromRange(range) } : undefined);
  return { edits, text: applyEdits(text, edits) };
}

/** Formats, and checks that formatting the result again changes nothing. */
function formatted(text: string): string {
  const once = format(text).text;
  assert.deepEqual(formatDraft(parseDraft(once)), [], 'formatting formatted text must make no edit');
  return once;
}

/**
 * The trimmed cells of every line (undefined for a line that is not a row), as the parser splits
 * them; in a separator row, the dashes' number does not count (`:--` is `:-`).
 */
function cellsOf(text: string): (string[] | undefined)[] {
  return text.split(/\r\n|\r|\n/).map((line) => {
    const row = splitRow(line);
    if (!row) return undefined;
    const separator = isSeparatorRow(line, row);
    return row.cells.map((c) => {
      const cell = line.slice(c.start, c.end).replace(/^[ \t]+|[ \t]+$/g, '');
      return separator ? cell.replace(/-+/g, '-') : cell;
    });
  });
}

/** Applies whole-line edits in one pass (applyEdits finds each edit's offset from the start). */
function applyLineEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of edits) {
    const line = toRange(e.span).start.line;
    assert.equal(toRange(e.span).end.line, line);
    assert.equal(toRange(e.span).start.character, 0);
    assert.equal(toRange(e.span).end.character, lines[line]?.length);
    lines[line] = e.newText;
  }
  return lines.join('\n');
}

/** Display columns of the structural pipes of a row: equal in every row of an aligned block. */
function pipeColumns(line: string): number[] {
  const row = splitRow(line);
  assert.ok(row && row.delimiter === 'pipe', `not a pipe row: ${line}`);
  const pipes = [line.indexOf('|'), ...row.cells.map((c) => c.end).filter((end) => end < line.length)];
  return pipes.map((at) => displayWidth(line.slice(0, at)));
}

function tableLines(text: string, needle: string): string[] {
  return text.split('\n').filter((l) => l.includes(needle));
}

/** Findings without their columns: formatting moves cells sideways, nothing else. */
function meaning(text: string): { rule: string; severity: string; message: string; line: number; fixes: string[] }[] {
  const result = checkDraft(parseDraft(text));
  assert.deepEqual(result.failures, []);
  return result.findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    line: toRange(f.span).start.line,
    fixes: f.fixes.map((x) => x.title),
  }));
}

describe('displayWidth', () => {
  test('ASCII, CJK ideographs, kana, Hangul and fullwidth forms', () => {
    assert.equal(displayWidth(''), 0);
    assert.equal(displayWidth('Common Stock'), 12);
    assert.equal(displayWidth('普通股'), 6);
    assert.equal(displayWidth('普通股 Common'), 13);
    assert.equal(displayWidth('カタカナ'), 8);
    assert.equal(displayWidth('ひらがな'), 8);
    assert.equal(displayWidth('보통주'), 6);
    assert.equal(displayWidth('ＡＢＣ１２３'), 12); // fullwidth
    assert.equal(displayWidth('\u3000'), 2); // ideographic space
    assert.equal(displayWidth('、。「」'), 8);
    assert.equal(displayWidth('ｶﾀｶﾅ'), 4); // halfwidth katakana
    assert.equal(displayWidth('𠀀𪚥'), 4); // plane 2 ideographs, surrogate pairs
    assert.equal(displayWidth('\u4dc0'), 2); // Yijing hexagram, W since Unicode 16
  });

  test('ambiguous and narrow symbols take 1', () => {
    assert.equal(displayWidth('±×÷°'), 4);
    assert.equal(displayWidth('⁽¹⁾'), 3);
    assert.equal(displayWidth('€$£'), 3);
    assert.equal(displayWidth('Ωé'), 2);
  });

  test('combining marks, zero width and control characters take 0', () => {
    assert.equal(displayWidth('e\u0301'), 1);
    assert.equal(displayWidth('a\u200bb'), 2); // zero width space
    assert.equal(displayWidth('\ufeffx'), 1); // byte order mark
    assert.equal(displayWidth('soft\u00adhyphen'), 10);
    assert.equal(displayWidth('か\u3099'), 2); // combining voiced mark
    assert.equal(displayWidth('\u1100\u1161\u11a8'), 2); // a Hangul syllable from Jamo
    assert.equal(displayWidth('a\u0000\u001b\u007f\u0085b'), 2);
    assert.equal(displayWidth('a\tb'), 3);
  });

  test('emoji presentation takes 2', () => {
    assert.equal(displayWidth('😀'), 2);
    assert.equal(displayWidth('✅'), 2);
    assert.equal(displayWidth('❤'), 1); // text presentation by default
    assert.equal(displayWidth('❤\ufe0f'), 2); // … unless asked for the emoji
    assert.equal(displayWidth('🇺🇸'), 2); // a flag: two regional indicators
    assert.equal(displayWidth('🇺🇸🇯🇵'), 4);
    assert.equal(displayWidth('👍🏽'), 2); // skin tone modifier
    assert.equal(displayWidth('👩\u200d💻'), 2); // ZWJ sequence
    assert.equal(displayWidth('1\ufe0f\u20e3'), 2); // keycap
  });

  test('linear in the length of the text', () => {
    const started = Date.now();
    assert.equal(displayWidth('普'.repeat(200_000)), 400_000);
    assert.equal(displayWidth('a\u0301'.repeat(200_000)), 200_000);
    assert.ok(Date.now() - started < 2000);
  });
});

describe('formatDraft: alignment', () => {
  test('a small table is aligned column by column, separators as wide as their column', () => {
    const text = [
      'Table I - Non-Derivative Securities',
      '',
      '|Title|Date|:-|',
      '|:--|--:|:-:|',
      '|Common Stock|08/06/2013|x|',
      '',
    ].join('\n');
    assert.equal(
      formatted(text),
      [
        'Table I - Non-Derivative Securities',
        '',
        '| Title        | Date       | :-  |',
        '| :----------- | ---------: | :-: |',
        '| Common Stock | 08/06/2013 | x   |',
        '',
      ].join('\n'),
    );
  });

  test('Wilson: both tables aligned on their data, every other line as it was, nothing more to do after', (t) => {
    if (!wilson) return t.skip('../shared/examples/qualys-wilson-2013.form4 is not beside the project');
    const before = readFileSync(wilson, 'utf8');
    const after = formatted(before);
    const a = before.split('\n');
    const b = after.split('\n');
    assert.equal(b.length, a.length);
    const firstTable = a.findIndex((l) => l.startsWith('Table I '));
    const explanation = a.findIndex((l) => l.startsWith('Explanation of Responses'));
    a.forEach((line, i) => {
      if (i < firstTable || i > explanation || !line.startsWith('|')) assert.equal(b[i], line, `line ${i + 1} changed`);
    });
    assert.deepEqual(cellsOf(after), cellsOf(before));
    // Below the printed column titles (too long to pad to), every row of both tables lines up.
    for (const needle of ['Title of Security (Instr. 3)', 'Title of Derivative Security']) {
      const start = b.findIndex((l) => l.includes(needle));
      const block = b.slice(start + 1, b.indexOf('', start));
      assert.ok(block.length >= 3);
      const columns = pipeColumns(block[0] ?? '');
      for (const row of block) assert.deepEqual(pipeColumns(row), columns, row);
    }
    assert.ok(b.includes('| ------------ | ---------- | --- | ----- | --- | ------ | ---------- | ------------- | ------ | --- | --- |'));
    assert.ok(b.includes('|              |            |     | Code  | V   | Amount | (A) or (D) | Price         |        |     |     |'));
    assert.ok(b.includes('| Common Stock | 08/06/2013 |     | M ⁽¹⁾ |     | 10,000 | A          | \\$4.1         | 65,500 | D   |     |'));
    assert.ok(b.includes('| Common Stock | 08/06/2013 |     | S ⁽¹⁾ |     | 10,000 | D          | \\$18.3654 ⁽²⁾ | 55,500 | D   |     |'));
    assert.ok(
      b.includes('| Stock Option (right to buy) | \\$4.1 | 08/06/2013 |     | M ⁽¹⁾ |     |     | 10,000 | (3)              | 11/05/2020      | Common Stock | 10,000 | \\$0 | 140,591 | D   |       |'),
    );
  });

  test('Wilson: data rows stay about as wide as written (77 and 85 → 108, 140 → 178), not 465 and 764', (t) => {
    if (!wilson) return t.skip('../shared/examples/qualys-wilson-2013.form4 is not beside the project');
    const before = readFileSync(wilson, 'utf8');
    const after = formatted(before);
    const widthsOf = (text: string): number[] => {
      const { filing, lines } = parseDraft(text);
      const rows = [...(filing.nonDerivativeTable?.rows ?? []), ...(filing.derivativeTable?.rows ?? [])];
      return rows.map((r) => displayWidth(lines[toRange(r.span).start.line]?.text ?? ''));
    };
    assert.deepEqual(widthsOf(before), [77, 85, 140]);
    assert.deepEqual(widthsOf(after), [108, 108, 178]);
    // The printed titles are kept word for word, with one space either side of each.
    const titles = after.split('\n').find((l) => l.startsWith('| 1. Title of Security (Instr. 3) |'));
    assert.ok(titles?.includes('| 3. Transaction Code (Instr. 8) |     | 4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) |'), titles);
  });

  test('a column title over 16 columns does not widen its column; a shorter one does', () => {
    const text = [
      'Table I - Non-Derivative Securities',
      '| 1. Title of Security (Instr. 3) | 3. Transaction Code (Instr. 8) | V | (A) or (D) | Date Exercisable | 7. Nature of Indirect Beneficial Ownership (Instr. 4) |',
      '|---|---|---|---|---|---|',
      '| Common Stock | M | | A | (3) | |',
      '| Preferred Stock, Series A | S | V | D | 11/05/2020 | By Trust |',
    ].join('\n');
    assert.equal(
      formatted(text),
      [
        'Table I - Non-Derivative Securities',
        '| 1. Title of Security (Instr. 3) | 3. Transaction Code (Instr. 8) | V   | (A) or (D) | Date Exercisable | 7. Nature of Indirect Beneficial Ownership (Instr. 4) |',
        '| ------------------------- | --- | --- | ---------- | ---------------- | -------- |',
        '| Common Stock              | M   |     | A          | (3)              |          |',
        '| Preferred Stock, Series A | S   | V   | D          | 11/05/2020       | By Trust |',
      ].join('\n'),
    );
  });

  test('Posey (OCR): tab-separated rows are left exactly as they are', (t) => {
    if (!posey) return t.skip('../shared/examples/qualys-posey-2024-ocr.form4 is not beside the project');
    const text = readFileSync(posey, 'utf8');
    assert.deepEqual(formatDraft(parseDraft(text)), []);
    assert.equal(formatted(text), text);
  });

  test('CJK cells are padded by display width, so the pipes line up on screen', () => {
    const text = draft({
      tableI: [
        rowI('普通股', '08/06/2013', '', 'M', '', '10,000', 'A', '$4.10', '65,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.37', '55,500', 'D', '配偶'),
      ],
    });
    const out = formatted(text);
    const rows = out.split('\n').filter((l) => l.startsWith('|'));
    assert.equal(rows.length, 4);
    const columns = pipeColumns(rows[0] ?? '');
    for (const row of rows) assert.deepEqual(pipeColumns(row), columns, row);
    assert.ok(rows.some((r) => r.startsWith('| 普通股       | 08/06/2013 |')), rows.join('\n'));
    assert.deepEqual(cellsOf(out), cellsOf(text));
  });

  test('tabs around cells become spaces; a tab inside a cell stays; a tab-separated row is untouched', () => {
    const tabRow = ['Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.37', '55,500', 'D', ''].join('\t');
    const text = draft({
      tableI: ['|\tCommon\tStock\t|\t08/06/2013 | | M | | 10,000 | A | $4.10 | 65,500 | D | |', tabRow],
    });
    const out = formatted(text);
    const row = out.split('\n').find((l) => l.includes('Common\tStock'));
    assert.ok(row?.startsWith('| Common\tStock | 08/06/2013 |'), row);
    assert.ok(out.split('\n').includes(tabRow));
    assert.deepEqual(cellsOf(out), cellsOf(text));
  });

  test('empty cells, and a column that is empty in every row', () => {
    const text = ['Table I', '|a||b|', '|||c|', '| ||  |'].join('\n');
    assert.equal(formatted(text), ['Table I', '| a |  | b |', '|   |  | c |', '|   |  |   |'].join('\n'));
  });

  test('ragged rows: each row keeps its own number of cells, wider rows add columns', () => {
    const text = ['Table I', '| Common Stock | 08/06/2013 |', '| x |', '| a | b | extra | more |', '|---|---|'].join('\n');
    assert.equal(
      formatted(text),
      [
        'Table I',
        '| Common Stock | 08/06/2013 |',
        '| x            |',
        '| a            | b          | extra | more |',
        '| ------------ | ---------- |',
      ].join('\n'),
    );
  });

  test('a row without a closing pipe keeps none and gets no trailing spaces; indentation is kept', () => {
    const text = ['Table I', '  | Title | Date |', '|---|---|', '|  Common Stock  |  08/06/2013', '   | a |'].join('\n');
    assert.equal(
      formatted(text),
      ['Table I', '  | Title        | Date       |', '| ------------ | ---------- |', '| Common Stock | 08/06/2013', '   | a            |'].join('\n'),
    );
  });

  test('escaped pipes and pipes in backticks stay inside their cell', () => {
    const text = ['Table I', '| a \\| b | `x|y` | c |', '| long cell text | 2 | 3 |'].join('\n');
    const out = formatted(text);
    assert.equal(out, ['Table I', '| a \\| b         | `x|y` | c |', '| long cell text | 2     | 3 |'].join('\n'));
    assert.deepEqual(cellsOf(out), cellsOf(text));
  });

  test('separator alignment markers are kept', () => {
    const text = ['Table I', '| Title | Amount | Code | D/I |', '|:---|---:|:---:|-|', '| Common Stock | 10,000 | M | D |'].join('\n');
    assert.equal(
      formatted(text).split('\n')[2],
      '| :----------- | -----: | :--: | --- |',
    );
  });

  test('\\r\\n line breaks are kept, and edits never hold a line break', () => {
    const lf = draft({ tableI: [EXERCISE_I, '| Common Stock | 08/06/2013 | | S | | 10,000 | D | $18.37 | 55,500 | D | |'], tableII: [EXERCISE_II] });
    const crlf = lf.replace(/\n/g, '\r\n');
    const { edits, text } = format(crlf);
    assert.ok(edits.length > 0);
    for (const e of edits) assert.doesNotMatch(e.newText, /[\r\n]/);
    assert.equal(text.split('\r\n').length, crlf.split('\r\n').length);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/);
    assert.equal(text.replace(/\r\n/g, '\n'), format(lf).text);
    assert.deepEqual(formatDraft(parseDraft(text)), []);
  });

  test('a non-row line between column titles and data splits the table into blocks aligned apart', () => {
    const text = [
      'Table I - Non-Derivative Securities',
      '| 1. Title of Security (Instr. 3) | 2. Transaction Date |',
      '|---|---|',
      'Continued:',
      '| Common Stock | 08/06/2013 |',
      '| Common Stock | 08/07/2013 |',
      '',
      '| Preferred | 08/06/2013 |',
    ].join('\n');
    assert.equal(
      formatted(text),
      [
        'Table I - Non-Derivative Securities',
        '| 1. Title of Security (Instr. 3) | 2. Transaction Date |',
        '| ------------------------------- | ------------------- |',
        'Continued:',
        '| Common Stock | 08/06/2013 |',
        '| Common Stock | 08/07/2013 |',
        '',
        '| Preferred | 08/06/2013 |',
      ].join('\n'),
    );
  });

  test('text after the data rows ends the table: pipe rows after it are not the table\'s', () => {
    const text = ['Table I', '| Common Stock | 08/06/2013 |', '| Common | 08/06/2013 |', 'Some note.', '| not | the table |', '|  x  |  y  |'].join('\n');
    const out = formatted(text).split('\n');
    assert.deepEqual(out.slice(1, 3), ['| Common Stock | 08/06/2013 |', '| Common       | 08/06/2013 |']);
    assert.deepEqual(out.slice(3), ['Some note.', '| not | the table |', '|  x  |  y  |']);
  });

  test('lines outside the tables are never changed, even pipe rows in the header', () => {
    const header = ['|  OMB Number:  |  3235-0287 |', '|---|---|', '| 1. Name and Address of Reporting Person |  Wilson John N |'];
    const text = draft({ header: [...header, '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]'], tableI: ['|a|b|'] });
    const lines = text.split('\n');
    const tableI = lines.indexOf(TABLE_I_HEADER[0] ?? '');
    const { edits, text: out } = format(text);
    assert.ok(edits.length > 0);
    for (const e of edits) assert.ok(toRange(e.span).start.line > tableI, `line ${toRange(e.span).start.line} is before Table I`);
    for (const row of header) assert.ok(out.split('\n').includes(row), row);
  });

  test('Table I ends where Table II\'s column titles start, even with no "Table II" line', () => {
    const text = [
      'Table I - Non-Derivative Securities',
      '| Title of Security | Date |',
      '| Common Stock | 08/06/2013 |',
      '| 1. Title of Derivative Security | 2. Conversion or Exercise Price |',
      '| Stock Option (right to buy) | $4.10 |',
    ].join('\n');
    assert.equal(parseDraft(text).tables.find((t) => t.table === 'II')?.headingLine, 3);
    assert.equal(
      formatted(text),
      [
        'Table I - Non-Derivative Securities',
        '| Title of Security | Date       |',
        '| Common Stock | 08/06/2013 |',
        '| 1. Title of Derivative Security | 2. Conversion or Exercise Price |',
        '| Stock Option (right to buy) | $4.10 |',
      ].join('\n'),
    );
  });

  test('a table that starts at its column titles leaves the header rows just above it alone', () => {
    const text = [
      '| 2. Issuer Name and Ticker or Trading Symbol | QUALYS, INC. [QLYS] |',
      '| 1. Title of Security (Instr. 3) | 2. Transaction Date |',
      '|---|---|',
      '| Common Stock | 08/06/2013 |',
    ].join('\n');
    assert.equal(parseDraft(text).tables.find((t) => t.table === 'I')?.headingLine, 1);
    assert.equal(
      formatted(text),
      [
        '| 2. Issuer Name and Ticker or Trading Symbol | QUALYS, INC. [QLYS] |',
        '| 1. Title of Security (Instr. 3) | 2. Transaction Date |',
        '| ------------ | ---------- |',
        '| Common Stock | 08/06/2013 |',
      ].join('\n'),
    );
  });

  test('a table with column titles and no data row yet is formatted up to the next section', () => {
    const text = [
      'Table I - Non-Derivative Securities',
      '',
      '|Title of Security|Transaction Date|',
      '|-|-|',
      '',
      'Explanation of Responses:',
      '|  not  |  a table |',
    ].join('\n');
    assert.equal(parseDraft(text).filing.nonDerivativeTable?.rows.length, 0);
    const out = formatted(text).split('\n');
    assert.deepEqual(out.slice(2, 4), ['| Title of Security | Transaction Date |', '| ----------------- | ---------------- |']);
    assert.equal(out[6], '|  not  |  a table |');
  });
});

describe('formatDraft: edits', () => {
  test('one edit per changed line, over the line\'s text; none for a line already aligned', () => {
    const aligned = '| Common Stock | 08/06/2013 |';
    const text = ['Table I', aligned, '| Common |  08/06/2013|', '| x | y |'].join('\n');
    const edits = formatDraft(parseDraft(text));
    assert.deepEqual(
      edits.map((e) => [toRange(e.span).start.line, toRange(e.span).start.character, toRange(e.span).end.line, toRange(e.span).end.character, e.newText]),
      [
        [2, 0, 2, '| Common |  08/06/2013|'.length, '| Common       | 08/06/2013 |'],
        [3, 0, 3, '| x | y |'.length, '| x            | y          |'],
      ],
    );
  });

  test('a draft without tables, or an empty one, gets no edit', () => {
    assert.deepEqual(formatDraft(parseDraft('')), []);
    assert.deepEqual(formatDraft(parseDraft('| a |  b |\n|---|---|\n')), []);
  });
});

describe('formatDraft: range formatting', () => {
  const text = draft({
    tableI: [EXERCISE_I, SALE_I],
    tableII: [EXERCISE_II],
    footnotes: WILSON.footnotes,
  });
  const lines = text.split('\n');
  const tableIIRow = lines.findIndex((l) => l.includes('Stock Option (right to buy)'));
  const tableIRow = lines.findIndex((l) => l.includes('$18.3654'));

  test('a range inside Table II formats Table II\'s block, whole, and nothing of Table I', () => {
    const { edits } = format(text, { start: { line: tableIIRow, character: 3 }, end: { line: tableIIRow, character: 9 } });
    const changed = edits.map((e) => toRange(e.span).start.line);
    assert.ok(changed.includes(tableIIRow));
    assert.ok(changed.length >= 2, 'the whole block: the column titles and separator too');
    for (const line of changed) assert.ok(line > tableIRow, `line ${line} is not in Table II`);
  });

  test('a cursor (empty range) in a row formats that row\'s block', () => {
    const { edits } = format(text, { start: { line: tableIRow, character: 0 }, end: { line: tableIRow, character: 0 } });
    const changed = edits.map((e) => toRange(e.span).start.line);
    assert.ok(changed.includes(tableIRow));
    for (const line of changed) assert.ok(line < tableIIRow);
  });

  test('a range over both tables formats both, as the whole document does', () => {
    const whole = format(text);
    const ranged = format(text, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } });
    assert.deepEqual(ranged.edits, whole.edits);
  });

  test('a range in the header, or whole lines ending at the start of a table row, formats nothing', () => {
    assert.deepEqual(format(text, { start: { line: 2, character: 0 }, end: { line: 4, character: 5 } }).edits, []);
    const titles = lines.findIndex((l) => l === TABLE_I_HEADER[2]);
    assert.deepEqual(format(text, { start: { line: 0, character: 0 }, end: { line: titles, character: 0 } }).edits, []);
  });
});

describe('formatDraft: meaning preserved', () => {
  test('Wilson: the same findings (none) before and after', (t) => {
    if (!wilson) return t.skip('../shared/examples/qualys-wilson-2013.form4 is not beside the project');
    const before = readFileSync(wilson, 'utf8');
    const after = formatted(before);
    assert.notEqual(after, before);
    assert.deepEqual(meaning(after), meaning(before));
    const a = parseDraft(before).filing;
    const b = parseDraft(after).filing;
    for (const table of ['nonDerivativeTable', 'derivativeTable'] as const) {
      assert.deepEqual(b[table]?.rows.map((r) => r.fields.map((c) => c.text)), a[table]?.rows.map((r) => r.fields.map((c) => c.text)));
    }
  });

  test('a draft with findings: the same rules, messages and lines before and after', () => {
    const text = draft({
      tableI: [
        '|Common Stock|08/06/2013||M||10,000|A|$4.10|65,500|D||',
        '|  普通股 | 08/06/2013 | | S | | 10,00 | D | market | 55,500 | D |',
        '| Common Stock|13/45/2013| | Q | | 1,000 | X | $1 | (58,500) | Z | |',
      ],
      tableII: [
        rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '10,000', '(3)', '11/05/2020', 'Common Stock', '10,000', '$0', '140,591', 'D', ''),
        '| Warrant | \\$5 | 08/06/2013 | | P | | 100 | | | | Common Stock | 100 | $1 | 100 | I |',
      ],
      footnotes: ['(1) unused footnote'],
    });
    const before = meaning(text);
    assert.ok(before.length >= 5, JSON.stringify(before, null, 1));
    const after = formatted(text);
    assert.notEqual(after, text);
    assert.deepEqual(meaning(after), before);
  });

  test('random tables: cells, line breaks, tab rows and other lines survive; a second pass changes nothing', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['a', 'Common Stock', '10,000', ' ', '  ', '\t', '|', '\\|', '\\', '`', '`x|y`', '普通股', '😀', 'e\u0301', ':', '-', '---', ':--:', '$4.10', '(1)', '<sup>1</sup>', '\u3000', 'Ａ', '❤\ufe0f', '🇺🇸'];
    const eols = ['\n', '\r\n', '\r'];
    for (let round = 0; round < 500; round++) {
      const parts: string[] = [random(2) ? 'Table I - Non-Derivative Securities' : 'Table II - Derivative Securities'];
      const rows = 1 + random(8);
      for (let r = 0; r < rows; r++) {
        const kind = random(10);
        if (kind === 0) parts.push('');
        else if (kind === 1) parts.push(['x', '', '10,000', 'D'].join('\t'));
        else if (kind === 2) parts.push('note');
        else {
          let line = ' '.repeat(random(3)) + '|';
          const cells = random(6);
          for (let c = 0; c < cells; c++) {
            const n = random(4);
            for (let k = 0; k < n; k++) line += pieces[random(pieces.length)] ?? '';
            line += '|';
          }
          if (random(4) === 0) line += pieces[random(pieces.length)] ?? '';
          if (random(4) === 0) line += ' ';
          parts.push(line);
        }
      }
      let text = '';
      parts.forEach((p, i) => (text += p + (i < parts.length - 1 ? eols[random(3)] : '')));
      const out = format(text).text;
      const context = JSON.stringify(text);
      assert.deepEqual(formatDraft(parseDraft(out)), [], `second pass: ${context}`);
      assert.deepEqual(cellsOf(out), cellsOf(text), context);
      assert.deepEqual(out.match(/\r\n|\r|\n/g) ?? [], text.match(/\r\n|\r|\n/g) ?? [], context);
      const a = text.split(/\r\n|\r|\n/);
      const b = out.split(/\r\n|\r|\n/);
      a.forEach((line, i) => {
        const row = splitRow(line);
        if (row?.delimiter !== 'pipe') assert.equal(b[i], line, context);
        // Only spaces changed (after the closing pipe, any whitespace: it is in no cell).
        else if (!isSeparatorRow(line, row)) assert.equal(b[i]?.replace(/\s/g, ''), line.replace(/\s/g, ''), context);
      });
    }
  });
});

describe('formatDraft: bad input', () => {
  test('a 5,000-row table is formatted in linear time', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => rowI('Common Stock', '08/06/2013', '', 'S', '', `${i + 1}`, 'D', '$1', '100', 'D', ''));
    const text = draft({ tableI: rows });
    const draftParsed = parseDraft(text);
    const started = Date.now();
    const edits = formatDraft(draftParsed);
    assert.ok(Date.now() - started < 2000);
    assert.equal(edits.length, 5000 + 2); // titles, separator and every row
    const out = applyLineEdits(text, edits);
    assert.equal(new Set(tableLines(out, 'Common Stock').map((l) => l.length)).size, 1);
  });

  test('a 100,000-character row, and one of 50,000 cells, do not hang', () => {
    const long = `| ${'x'.repeat(100_000)} | 08/06/2013 |`;
    const many = `|${'a|'.repeat(50_000)}`;
    const text = [...TABLE_II_HEADER, long, many, '| short | 1 |'].join('\n');
    const draftParsed = parseDraft(text);
    const started = Date.now();
    const out = applyEdits(text, formatDraft(draftParsed));
    assert.ok(Date.now() - started < 2000);
    // Column 2 is as wide as its title, "Exercise Price".
    assert.ok(out.includes(`| ${'x'.repeat(100_000)} | 08/06/2013${' '.repeat(4)} |`));
    // A row of more than MAX_CELLS cells is no table row to align: it stays as it is and ends
    // the block, so the row after it is aligned on its own.
    assert.ok(out.includes(`\n${many}\n| short | 1 |`));
    assert.deepEqual(formatDraft(parseDraft(out)), []);
  });
});
