/**
 * FORMAT.md §4, remarks and signatures: the `Remarks:` section, the `/s/` line and its date (on
 * the next date-only line, on the same line, or in the next cell of a pipe row), several `/s/`
 * lines of a joint filing, and the `** Signature of Reporting Person` label.
 */
import assert from 'node:assert/strict';
import { pos } from '../../../server/src/service/text/position';
import { describe, test } from 'node:test';
import { example, find, lineOfSpan, parseView as parse, r } from './helpers';

describe('remarks', () => {
  test('text on the Remarks: line and the lines after it, up to the signature', () => {
    const lines = ['Remarks: Exhibit 24 - Power of Attorney', 'is attached.', '', '/s/ John N. Wilson', '08/07/2013'];
    const f = parse(['Table I', '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |', ...lines]);
    const at = 2;
    assert.deepEqual(f.remarks, {
      text: 'Exhibit 24 - Power of Attorney is attached.',
      span: { start: pos(at, 0), end: pos(at + 1, 'is attached.'.length) },
      textSpan: { start: pos(at, 'Remarks: '.length), end: pos(at + 1, 'is attached.'.length) },
    });
    assert.equal(f.signatures.length, 1);
    assert.deepEqual(f.sections.find((s) => s.kind === 'remarks')?.span, f.remarks?.span);
  });

  test('Remarks: alone on its line (as a Markdown heading); the text starts on a later line', () => {
    const lines = ['Explanation of Responses:', '1. A footnote.', '## **Remarks:**', '', '  The remark.', 'Reminder: Report on a separate line for each class of securities.', 'Not a remark.'];
    const f = parse(lines);
    assert.equal(f.remarks?.text, 'The remark.');
    assert.equal(f.remarks ? lineOfSpan(f.remarks.span) : undefined, 2);
    assert.deepEqual(f.remarks?.textSpan, r(4, 2, lines[4]?.length ?? -1));
    assert.deepEqual(f.remarks?.span, { start: pos(2, 0), end: pos(4, lines[4]?.length ?? 0) });
    assert.deepEqual(f.footnotes.map((n) => n.text), ['A footnote.']);
  });

  test('Markdown escapes in remarks are unescaped', () => {
    const f = parse(['Table I', '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |', 'Remarks: Price range \\$1 to \\$2 \\*approx\\*']);
    assert.equal(f.remarks?.text, 'Price range $1 to $2 *approx*');
  });

  test('a draft without remarks has none', () => {
    assert.equal(parse(['Explanation of Responses:', '1. x', '/s/ A', '01/02/2024']).remarks, undefined);
  });
});

describe('signatures', () => {
  test('a /s/ line, then the date on a line of its own (the Wilson layout)', (t) => {
    const wilson = example('qualys-wilson-2013.form4');
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    assert.equal(f.signatures.length, 1);
    const sig = f.signatures[0];
    assert.equal((sig ? lineOfSpan(sig.span) : undefined), 40);
    assert.equal(sig?.name.text, 'Bruce Posey by power of attorney for John N. Wilson');
    assert.deepEqual(sig?.span, r(40, 0, lines[40]?.length ?? -1));
    assert.deepEqual(sig?.name.valueSpan, find(lines, 40, 'Bruce Posey by power of attorney for John N. Wilson'));
    assert.deepEqual(sig?.date?.value, { year: 2013, month: 8, day: 7 });
    assert.deepEqual(sig?.date?.valueSpan, find(lines, 42, '08/07/2013'));
    assert.equal(f.signatureLabelLine, 44);
    assert.deepEqual(f.sections.find((s) => s.kind === 'signature')?.span, { start: pos(40, 0), end: pos(42, 10) });
  });

  test('the date on the /s/ line', () => {
    const lines = ['/s/ Jane Doe, attorney-in-fact   1/9/2024'];
    const sig = parse(lines).signatures[0];
    assert.equal(sig?.name.text, 'Jane Doe, attorney-in-fact');
    assert.deepEqual(sig?.name.valueSpan, find(lines, 0, 'Jane Doe, attorney-in-fact'));
    assert.deepEqual(sig?.date?.value, { year: 2024, month: 1, day: 9 });
    assert.deepEqual(sig?.date?.valueSpan, find(lines, 0, '1/9/2024'));
    assert.deepEqual(sig?.span, r(0, 0, lines[0]?.length ?? -1));
  });

  test('a pipe-row signature: | /s/ Name | 08/07/2013 |, with the label row under it', () => {
    const lines = ['| /s/ Bruce Posey by power of attorney for John N. Wilson | 08/07/2013 |', '| ** Signature of Reporting Person | Date |'];
    const f = parse(lines);
    assert.equal(f.signatures.length, 1);
    const sig = f.signatures[0];
    assert.equal(sig?.name.text, 'Bruce Posey by power of attorney for John N. Wilson');
    assert.deepEqual(sig?.name.valueSpan, find(lines, 0, 'Bruce Posey by power of attorney for John N. Wilson'));
    assert.deepEqual(sig?.date?.value, { year: 2013, month: 8, day: 7 });
    assert.deepEqual(sig?.date?.valueSpan, find(lines, 0, '08/07/2013'));
    assert.deepEqual(sig?.date?.span, find(lines, 0, ' 08/07/2013 '));
    assert.equal(f.signatureLabelLine, 1);
  });

  test('a pipe-row signature with an empty cell before the date', () => {
    const lines = ['| /s/ Jane Doe | | 9/9/2013 |'];
    const sig = parse(lines).signatures[0];
    assert.equal(sig?.name.text, 'Jane Doe');
    assert.deepEqual(sig?.date?.value, { year: 2013, month: 9, day: 9 });
    assert.deepEqual(sig?.date?.valueSpan, find(lines, 0, '9/9/2013'));
  });

  test('several /s/ lines (a joint filing) share the date that follows them', () => {
    const lines = ['/s/ Jane Doe', '/s/ Richard Roe', '', '01/10/2024'];
    const f = parse(lines);
    assert.deepEqual(f.signatures.map((s) => [lineOfSpan(s.span), s.name.text, s.date?.value]), [
      [0, 'Jane Doe', { year: 2024, month: 1, day: 10 }],
      [1, 'Richard Roe', { year: 2024, month: 1, day: 10 }],
    ]);
    assert.deepEqual(f.signatures[1]?.date?.valueSpan, r(3, 0, 10));
  });

  test('a signature dated on its own line is not given a later date', () => {
    const f = parse(['/s/ Jane Doe 01/09/2024', '/s/ Richard Roe', '01/10/2024']);
    assert.deepEqual(f.signatures.map((s) => s.date?.value), [{ year: 2024, month: 1, day: 9 }, { year: 2024, month: 1, day: 10 }]);
  });

  test('the ** Signature of Reporting Person label between the /s/ line and the date', () => {
    const lines = ['/s/ Jane Doe', '** Signature of Reporting Person', '8/7/2013', 'Date'];
    const f = parse(lines);
    assert.equal(f.signatureLabelLine, 1);
    assert.deepEqual(f.signatures[0]?.date?.value, { year: 2013, month: 8, day: 7 });
    assert.deepEqual(f.signatures[0]?.date?.valueSpan, r(2, 0, 8));
  });

  test('the label alone (an unsigned draft), escaped as in the Posey example', () => {
    const f = parse(['Explanation of Responses:', '1. A footnote.', '', '\\*\\* Signature of Reporting Person', '', 'Date']);
    assert.deepEqual(f.signatures, []);
    assert.equal(f.signatureLabelLine, 3);
    assert.deepEqual(f.footnotes.map((n) => [n.text, lineOfSpan({ start: n.span.end })]), [['A footnote.', 1]]);
  });

  test('no date after the signature; a date that is not on a line of its own is not the date', () => {
    const f = parse(['/s/ Jane Doe', 'Signed on 01/10/2024 in Boston']);
    assert.equal(f.signatures[0]?.date, undefined);
    assert.equal(f.signatures[0]?.name.text, 'Jane Doe');
  });

  test('an impossible signature date is kept with its problem', () => {
    const f = parse(['/s/ Jane Doe', '13/45/2024']);
    assert.equal(f.signatures[0]?.date?.value, undefined);
    assert.equal(f.signatures[0]?.date?.problem, '"13/45/2024" is not a date: there is no month 13');
    assert.deepEqual(f.signatures[0]?.date?.valueSpan, r(1, 0, 10));
  });

  test('the Posey signature', (t) => {
    const posey = example('qualys-posey-2024-ocr.form4');
    if (!posey) return t.skip('examples not beside the project');
    const { lines } = posey;
    const f = parse(lines);
    assert.deepEqual(f.signatures.map((s) => [lineOfSpan(s.span), s.name.text, s.date?.value]), [[45, 'Bruce K. Posey', { year: 2024, month: 6, day: 21 }]]);
    assert.deepEqual(f.signatures[0]?.date?.valueSpan, find(lines, 47, '06/21/2024'));
    assert.equal(f.signatureLabelLine, 49);
  });
});
