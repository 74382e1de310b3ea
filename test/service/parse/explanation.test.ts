/**
 * FORMAT.md §3, the Explanation of Responses: the heading, the item notations `(1) text`,
 * `1. text`, `- 1. text`, `- (1) text` and bare `- text` bullets (numbered 1, 2, 3 … in order),
 * continuation lines, and where the last item ends (Remarks, the signature block, the form's
 * boilerplate). Each footnote is checked for its id, text, marker, digits and text ranges.
 */
import assert from 'node:assert/strict';
import { pos } from '../../../server/src/service/text/position';
import { describe, test } from 'node:test';
import type { Footnote } from '../../../server/src/service/model/filing';
import type { Span } from '../../../server/src/service/text/position';
import { col, example, find, lineOfSpan, parse, parseFull, r, wholeLine } from './helpers';

interface Seen {
  id: number;
  text: string;
  line: number;
  lastLine: number;
  range: Span;
  markerRange: Span;
  numberRange: Span | undefined;
  textRange: Span;
}

function seen(f: Footnote): Seen {
  return { id: f.id, text: f.text, line: lineOfSpan(f.span), lastLine: lineOfSpan({ start: f.span.end }), range: f.span, markerRange: f.markerSpan, numberRange: f.numberSpan, textRange: f.textSpan };
}

/** The expected footnote on one line: `marker` starts the line, the text follows it. */
function oneLine(lines: readonly string[], line: number, id: number, marker: string, digits: string | undefined, text: string): Seen {
  const full = lines[line] ?? '';
  const markerRange = find(lines, line, marker);
  const textRange = find(lines, line, text);
  return {
    id,
    text,
    line,
    lastLine: line,
    range: r(line, col(markerRange.start), full.trimEnd().length),
    markerRange,
    numberRange: digits === undefined ? undefined : find(lines, line, digits),
    textRange,
  };
}

describe('the item notations', () => {
  const lines = [
    'Explanation of Responses:',
    '(1) Paren item.',
    '2. Numbered item.',
    '- 3. Bulleted numbered item.',
    '- (4) Bulleted paren item.',
    '- Bare bullet item.',
  ];
  const f = parse(lines);

  test('(1), 1., - 1., - (1) and a bare bullet, with exact ranges', () => {
    assert.deepEqual(parseFull(lines).explanation, { line: 0, span: wholeLine(lines, 0) });
    assert.deepEqual(f.footnotes.map(seen), [
      oneLine(lines, 1, 1, '(1)', '1', 'Paren item.'),
      oneLine(lines, 2, 2, '2.', '2', 'Numbered item.'),
      oneLine(lines, 3, 3, '- 3.', '3', 'Bulleted numbered item.'),
      oneLine(lines, 4, 4, '- (4)', '4', 'Bulleted paren item.'),
      // A bare bullet: the marker is the dash, no digits; it takes the next number.
      oneLine(lines, 5, 5, '-', undefined, 'Bare bullet item.'),
    ]);
  });

  test('the explanation section runs from the heading to the last footnote', () => {
    const section = parseFull(lines).sections.find((s) => s.kind === 'explanation');
    assert.deepEqual(section?.span, { start: pos(0, 0), end: pos(5, lines[5]?.length ?? 0) });
  });
});

describe('numbering', () => {
  test('bare bullets are numbered 1, 2, 3 in order', () => {
    const f = parse(['Explanation of Responses:', '- First.', '- Second.', '* Third, with a star bullet.']);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text, n.numberSpan]), [
      [1, 'First.', undefined],
      [2, 'Second.', undefined],
      [3, 'Third, with a star bullet.', undefined],
    ]);
  });

  test('mixed: a bare bullet takes the number after the previous item\'s', () => {
    const f = parse(['Explanation of Responses:', '(1) One.', '- Two.', '5. Five.', '- Six.']);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text]), [[1, 'One.'], [2, 'Two.'], [5, 'Five.'], [6, 'Six.']]);
  });

  test('two-digit numbers', () => {
    const lines = ['Explanation of Responses:', '12. Twelve.', '(13) Thirteen.'];
    const f = parse(lines);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.numberSpan]), [[12, find(lines, 1, '12')], [13, find(lines, 2, '13')]]);
  });

  test('near miss: a continuation line starting with a year is not an item', () => {
    const f = parse(['Explanation of Responses:', '1. The plan was adopted on February 21,', '2013. It was amended later.']);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text]), [[1, 'The plan was adopted on February 21, 2013. It was amended later.']]);
  });
});

describe('multi-line footnotes', () => {
  test('continuation lines join the item, blank lines between them included; ranges span the lines', () => {
    const lines = [
      '## **Explanation of Responses:**',
      '',
      '1. The sale price represents the weighted average price',
      '   of the shares sold, ranging from \\$18.00 to \\$18.81.',
      '',
      '   Full information is available on request.',
      '2. Second.',
    ];
    const f = parse(lines);
    assert.equal(parseFull(lines).explanation?.line, 0);
    assert.deepEqual(parseFull(lines).explanation?.span, wholeLine(lines, 0));
    const [first, second] = f.footnotes.map(seen);
    assert.deepEqual(first, {
      id: 1,
      text: 'The sale price represents the weighted average price of the shares sold, ranging from $18.00 to $18.81. Full information is available on request.',
      line: 2,
      lastLine: 5,
      range: { start: pos(2, 0), end: pos(5, lines[5]?.length ?? 0) },
      markerRange: r(2, 0, 2),
      numberRange: r(2, 0, 1),
      textRange: { start: pos(2, 3), end: pos(5, lines[5]?.length ?? 0) },
    });
    assert.equal(second?.id, 2);
    assert.equal(second?.line, 6);
  });
});

describe('where the last footnote ends', () => {
  const items = ['Explanation of Responses:', '1. First.', '2. Second,', 'continued.'];

  test('at a Remarks: line', () => {
    const f = parse([...items, 'Remarks: Some remark.', 'More remark.']);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text, lineOfSpan({ start: n.span.end })]), [[1, 'First.', 1], [2, 'Second, continued.', 3]]);
    assert.equal(f.remarks?.text, 'Some remark. More remark.');
  });

  test('at the signature, with or without a blank line before it', () => {
    for (const signature of [['/s/ John N. Wilson', '08/07/2013'], ['', '/s/ John N. Wilson'], ['** Signature of Reporting Person']]) {
      const f = parse([...items, ...signature]);
      assert.deepEqual(f.footnotes.map((n) => [n.id, lineOfSpan({ start: n.span.end })]), [[1, 1], [2, 3]], signature.join('|'));
      assert.equal(f.footnotes[1]?.text, 'Second, continued.', signature.join('|'));
    }
  });

  test('at the form\'s boilerplate, when the draft has no signature yet', () => {
    for (const boilerplate of [
      'Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.',
      '* If the form is filed by more than one reporting person, see Instruction 4 (b)(v).',
      '- \\*\\* Intentional misstatements or omissions of facts constitute Federal Criminal Violations See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).',
      'Note: File three copies of this Form, one of which must be manually signed.',
      'Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.',
    ]) {
      const f = parse([...items, '', boilerplate, 'More text.']);
      assert.deepEqual(f.footnotes.map((n) => [n.id, n.text]), [[1, 'First.'], [2, 'Second, continued.']], boilerplate);
    }
  });

  test('after the boilerplate, a "Table II" mention does not start a table', () => {
    const f = parse([
      ...items,
      'Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.',
      'Table II continues on the next page',
      '| Stock Option | $1 | 01/05/2024 | | M | | | 10 | | 1/5/2030 | Common Stock | 10 | $0 | 90 | D | |',
    ]);
    assert.equal(f.derivativeTable, undefined);
    assert.equal(f.footnotes.length, 2);
  });
});

describe('what is not a footnote', () => {
  test('list items before the Explanation of Responses heading', () => {
    const f = parse(['FORM 4', '- a note at the top', '1. Name and Address of Reporting Person: Doe Jane', 'Explanation of Responses:', '- The footnote.']);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text, lineOfSpan(n.span)]), [[1, 'The footnote.', 4]]);
  });

  test('text between the heading and the first item', () => {
    const f = parse(['Explanation of Responses:', 'These notes explain the responses above.', '(1) The footnote.']);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text]), [[1, 'The footnote.']]);
  });

  test('no heading, no footnotes', () => {
    const lines = ['(1) Looks like a footnote.', '- So does this.'];
    const f = parse(lines);
    assert.deepEqual(f.footnotes, []);
    assert.equal(parseFull(lines).explanation, undefined);
  });
});

describe('the examples', () => {
  test('Wilson: three bare bullets numbered 1, 2, 3, escapes unescaped', (t) => {
    const wilson = example('qualys-wilson-2013.form4');
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    assert.deepEqual(parseFull(lines).explanation, { line: 34, span: wholeLine(lines, 34) });
    assert.deepEqual(f.footnotes.map((n) => [n.id, lineOfSpan(n.span), lineOfSpan({ start: n.span.end })]), [[1, 36, 36], [2, 37, 37], [3, 38, 38]]);
    assert.match(f.footnotes[1]?.text ?? '', /ranging from \$18\.00 to \$18\.81 per share\./);
    assert.deepEqual(f.footnotes[0]?.markerSpan, r(36, 0, 1));
    assert.deepEqual(f.footnotes[0]?.textSpan, r(36, 2, lines[36]?.length ?? -1));
  });

  test('Posey: "- 1." … "- 5." under a ## **…** heading, then "6." after a blank line', (t) => {
    const posey = example('qualys-posey-2024-ocr.form4');
    if (!posey) return t.skip('examples not beside the project');
    const { lines } = posey;
    const f = parse(lines);
    assert.equal(parseFull(lines).explanation?.line, 35);
    assert.deepEqual(f.footnotes.map((n) => [n.id, lineOfSpan(n.span)]), [[1, 37], [2, 38], [3, 39], [4, 40], [5, 41], [6, 43]]);
    assert.deepEqual(f.footnotes[0]?.markerSpan, find(lines, 37, '- 1.'));
    assert.deepEqual(f.footnotes[0]?.numberSpan, find(lines, 37, '1'));
    assert.deepEqual(f.footnotes[5]?.markerSpan, find(lines, 43, '6.'));
    assert.equal(f.footnotes[5]?.text, 'The option is fully vested and immediately exercisable.');
  });
});
