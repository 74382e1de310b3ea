/**
 * The preview's pure part (client/src/previewModel.ts), without VS Code: the spans the webview's
 * script posts, the messages it may send, which documents can be previewed, the panel's title,
 * newest-wins among renders in flight, and the debounce of updates.
 */
import assert from 'node:assert/strict';
import { describe, mock, test } from 'node:test';
import { Debounce, isPreviewable, NewestWins, panelTitle, parseSpan, parseWebviewMessage, trimSpan, UPDATE_DELAY_MS } from '../../client/src/previewModel';

describe('preview: spans and messages', () => {
  test('a data-span value is a range of 0-based lines and characters', () => {
    assert.deepEqual(parseSpan('12,4,12,10'), { start: { line: 12, character: 4 }, end: { line: 12, character: 10 } });
    assert.deepEqual(parseSpan(' 3,0,5,2 '), { start: { line: 3, character: 0 }, end: { line: 5, character: 2 } });
    assert.deepEqual(parseSpan('0,0,0,0'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });

  test('anything else is no span: wrong count, signs, fractions, an end before its start, not a string', () => {
    for (const bad of ['', '1,2,3', '1,2,3,4,5', '-1,0,0,0', '1.5,0,2,0', '1,2,3,a', '2,0,1,0', '4,9,4,8', '1, 2,3,4', '1234567890,0,1234567890,1']) {
      assert.equal(parseSpan(bad), undefined, bad);
    }
    for (const bad of [undefined, null, 7, [1, 2, 3, 4], { start: 1 }]) assert.equal(parseSpan(bad), undefined, String(bad));
  });

  test('the script posts { type: "reveal", span } and { type: "ready" }; every other message is ignored', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', span: '7,2,7,9' }), { type: 'reveal', span: { start: { line: 7, character: 2 }, end: { line: 7, character: 9 } } });
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.equal(parseWebviewMessage({ type: 'reveal', span: 'nowhere' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'reveal' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'open', span: '7,2,7,9' }), undefined);
    assert.equal(parseWebviewMessage('reveal'), undefined);
    assert.equal(parseWebviewMessage(null), undefined);
  });
});

describe('preview: the range a click selects', () => {
  const span = (a: number, b: number, c: number, d: number) => ({ start: { line: a, character: b }, end: { line: c, character: d } });

  test('a cell is selected without its padding', () => {
    // `| 55,500 |` on line 25: the cell's span runs from after one bar to the next.
    assert.deepEqual(trimSpan(span(25, 70, 25, 78), ' 55,500 '), span(25, 71, 25, 77));
    assert.deepEqual(trimSpan(span(3, 0, 3, 6), '10,000'), span(3, 0, 3, 6));
    assert.deepEqual(trimSpan(span(3, 4, 3, 12), '\t $4.10 '), span(3, 6, 3, 11));
  });

  test('an empty cell and a span over several lines are kept as they are', () => {
    assert.deepEqual(trimSpan(span(25, 29, 25, 30), ' '), span(25, 29, 25, 30));
    assert.deepEqual(trimSpan(span(25, 29, 25, 29), ''), span(25, 29, 25, 29));
    assert.deepEqual(trimSpan(span(90, 8, 92, 42), '<sharesOwned>\n  <value>55500</value>\n </sharesOwned>'), span(90, 8, 92, 42));
  });
});

describe('preview: documents and title', () => {
  test('drafts, XML files and .txt submissions can be previewed; other files cannot', () => {
    assert.equal(isPreviewable('form4', '/w/wilson.form4'), true);
    assert.equal(isPreviewable('form4', '/w/wilson.form4.md'), true);
    assert.equal(isPreviewable('xml', '/w/wilson.xml'), true);
    assert.equal(isPreviewable('plaintext', '/w/0001234567-13-000001.txt'), true);
    assert.equal(isPreviewable('plaintext', '/w/notes'), false);
    assert.equal(isPreviewable('markdown', '/w/README.md'), false);
    assert.equal(isPreviewable('json', '/w/.form4rc.json'), false);
  });

  test('the panel is named after the file, as the Markdown preview names its own', () => {
    assert.equal(panelTitle('/work/drafts/wilson.form4'), 'Preview wilson.form4');
    assert.equal(panelTitle('Untitled-1'), 'Preview Untitled-1');
  });
});

describe('preview: newest wins', () => {
  test('only the answer to the latest request is shown', () => {
    const newest = new NewestWins();
    const first = newest.take();
    const second = newest.take();
    assert.equal(newest.accept(first, 'a', 2), false);
    assert.equal(newest.current, undefined);
    assert.equal(newest.accept(second, 'a', 3), true);
    assert.deepEqual(newest.current, { key: 'a', version: 3 });
  });

  test('an answer for an older version of the document shown is not shown, one for another document is', () => {
    const newest = new NewestWins();
    assert.equal(newest.accept(newest.take(), 'a', 5), true);
    assert.equal(newest.accept(newest.take(), 'a', 4), false);
    assert.equal(newest.accept(newest.take(), 'a', 5), true, 'the same version again (the settings changed): shown');
    assert.equal(newest.accept(newest.take(), 'b', 1), true);
    assert.deepEqual(newest.current, { key: 'b', version: 1 });
  });
});

describe('preview: newest wins, forgotten', () => {
  test('after forget, version 1 of a document opened again is shown', () => {
    const newest = new NewestWins();
    assert.equal(newest.accept(newest.take(), 'a', 15), true);
    assert.equal(newest.accept(newest.take(), 'a', 1), false);
    newest.forget();
    assert.equal(newest.current, undefined);
    assert.equal(newest.accept(newest.take(), 'a', 1), true);
  });
});

describe('preview: debounce', () => {
  test(`runs the last function scheduled, ${UPDATE_DELAY_MS} ms after the last call`, (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const runs: string[] = [];
    const debounce = new Debounce();
    debounce.schedule(() => runs.push('first'));
    t.mock.timers.tick(UPDATE_DELAY_MS - 1);
    debounce.schedule(() => runs.push('second'));
    t.mock.timers.tick(UPDATE_DELAY_MS - 1);
    assert.deepEqual(runs, []);
    assert.equal(debounce.pending, true);
    t.mock.timers.tick(1);
    assert.deepEqual(runs, ['second']);
    assert.equal(debounce.pending, false);
  });

  test('cancel drops what was scheduled', (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const run = mock.fn();
    const debounce = new Debounce(10);
    debounce.schedule(run);
    debounce.cancel();
    t.mock.timers.tick(100);
    assert.equal(run.mock.callCount(), 0);
  });
});
