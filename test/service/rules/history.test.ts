/**
 * history-mismatch: the first row of a holding against what the filing history last reported,
 * on folders of filings written from facts (test/support/history.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDraft } from '../../../server/src/service/check';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { toRange } from '../../../server/src/service/text/range';
import { checkInFolder, formXml, trade } from '../../support/history';
import { draft, rowI } from '../../support/drafts';

const AUGUST = formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('M', '2013-08-06', '10000', 'A', '65500'), trade('S', '2013-08-06', '10000', 'D', '55500')] });

function september(owned: string, more: Parameters<typeof formXml>[0] extends infer F ? Partial<F> : never = {}): string {
  return formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', owned)], ...more });
}

/** 1-based line and column of the first `<value>${text}` in an XML text. */
function valueAt(text: string, value: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(`<value>${value}</value>`));
  return { line: line + 1, column: (lines[line] ?? '').indexOf(`<value>${value}</value>`) + 8 };
}

describe('history-mismatch', () => {
  test('a first row that does not follow from the previous filing is an error at its amount owned, naming that filing', () => {
    const files = { 'a.xml': AUGUST, 'b.xml': september('51500') };
    const [f, ...rest] = checkInFolder(files, 'b.xml', 'history-mismatch');
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, 'The amount owned should be 50,500 (55,500 last reported, on the Form 4 of 08/07/2013, \u2212 5,000 disposed on 09/03/2013), not 51,500.');
    const at = valueAt(files['b.xml'], '51500');
    assert.deepEqual([toRange(f.span).start.line + 1, toRange(f.span).start.character + 1], [at.line, at.column]);
    const [related] = f.related;
    assert.equal(related?.uri, 'a.xml');
    const there = valueAt(AUGUST, '55500');
    assert.deepEqual([toRange(related.span).start.line + 1, toRange(related.span).start.character + 1], [there.line, there.column]);
    assert.equal(related.message, '55,500 reported here, on the Form 4 of 08/07/2013');
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0]?.title, 'Set the amount owned to 50,500, as the earlier figure gives');
  });

  test('a first row that follows, and the earliest filing, have no finding', () => {
    const files = { 'a.xml': AUGUST, 'b.xml': september('50500') };
    assert.deepEqual(checkInFolder(files, 'b.xml', 'history-mismatch'), []);
    assert.deepEqual(checkInFolder(files, 'a.xml', 'history-mismatch'), []);
  });

  test('checked on its own, without a history, the filing has no finding', () => {
    const text = draft({ tableI: [rowI('Common Stock', '09/03/2013', '', 'S', '', '5,000', 'D', '$18.00', '51,500', 'D', '')], signature: ['/s/ John N. Wilson', '', '09/04/2013'], header: ['1. Name and Address of Reporting Person: Wilson John N', '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]', '3. Date of Earliest Transaction: 09/03/2013', '5. Relationship of Reporting Person(s) to Issuer: Director'] });
    assert.deepEqual(checkDraft(parseDraft(text)).findings.filter((f) => f.rule === 'history-mismatch'), []);
  });

  test('a footnote on the amount owned makes it information', () => {
    const files = { 'a.xml': AUGUST, 'b.xml': formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '', { owned: { value: '51500', footnotes: ['F1'] } })], footnotes: [['F1', 'Includes 1,000 shares acquired under the Employee Stock Purchase Plan on 08/30/2013.']] }) };
    const [f] = checkInFolder(files, 'b.xml', 'history-mismatch');
    assert.equal(f?.severity, 'information');
    assert.match(f?.message ?? '', /\. Footnote \(1\) on the row may explain the difference\.$/);
    assert.deepEqual(f?.fixes, []);
  });

  test('a stock split footnote anywhere in the filing makes it information', () => {
    const split = formXml({
      period: '2013-09-03',
      signed: '2013-09-04',
      tableI: [trade('S', '2013-09-03', '5000', 'D', '106000', { price: { value: '9.00', footnotes: ['F1'] } })],
      footnotes: [['F1', 'The price reflects the 2-for-1 stock split effected on 08/20/2013.']],
    });
    const [f] = checkInFolder({ 'a.xml': AUGUST, 'b.xml': split }, 'b.xml', 'history-mismatch');
    assert.equal(f?.severity, 'information');
    assert.match(f?.message ?? '', /^The amount owned should be 50,500 .*, not 106,000\. Footnote \(1\) speaks of a stock split, which may explain it\.$/);
  });

  test('more than six months since the earlier figure: a filing may be missing, information', () => {
    const march = formXml({ period: '2014-03-03', signed: '2014-03-04', tableI: [trade('S', '2014-03-03', '5000', 'D', '40000')] });
    const [f] = checkInFolder({ 'a.xml': AUGUST, 'b.xml': march }, 'b.xml', 'history-mismatch');
    assert.equal(f?.severity, 'information');
    assert.match(f?.message ?? '', /\. 209 days separate it from the earlier figure: is a filing missing from the folder\?$/);
  });

  test('a year end with no Form 5 of that year in the folder: information; with one, an error', () => {
    const january = formXml({ period: '2014-01-10', signed: '2014-01-13', tableI: [trade('S', '2014-01-10', '5000', 'D', '40000')] });
    const [f] = checkInFolder({ 'a.xml': AUGUST, 'b.xml': january }, 'b.xml', 'history-mismatch');
    assert.equal(f?.severity, 'information');
    assert.match(f?.message ?? '', /\. A Form 5 for the year ended 12\/31\/2013, not in the folder, may report the difference\.$/);
    const form5 = formXml({ form: '5', period: '2013-12-31', signed: '2014-02-10', tableI: [] });
    const [g] = checkInFolder({ 'a.xml': AUGUST, 'b.xml': january, 'c.xml': form5 }, 'b.xml', 'history-mismatch');
    assert.equal(g?.severity, 'error');
  });

  test('a holdings row is checked against the earlier figure as it stands; a holding not mentioned is not reported', () => {
    const trust = formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('S', '2013-08-06', '10000', 'D', '55500'), { holding: true, title: 'Common Stock', owned: '20000', ownership: 'I', nature: 'By Trust' }] });
    const later = formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [{ holding: true, title: 'Common Stock.', owned: '21000', ownership: 'I', nature: 'by trust' }] });
    const [f, ...rest] = checkInFolder({ 'a.xml': trust, 'b.xml': later }, 'b.xml', 'history-mismatch');
    assert.equal(rest.length, 0, 'the direct holding, not mentioned, is not reported');
    assert.equal(f?.message, 'The amount owned should be 20,000 (20,000 last reported, on the Form 4 of 08/07/2013), not 21,000.');
  });
});
