/**
 * Filing histories built from folders of filings written from facts: the chain of three Forms 4
 * and a Form 5, an amendment, joint filers, a draft next to XML filings, a Form 3, and each
 * holding's balances.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDecimal } from '../../../server/src/service/model/decimal';
import { formatDate } from '../../../server/src/service/model/calendarDate';
import { checkDocument } from '../../../server/src/service/check';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { historyBalances, holdingsBefore, unmentionedHoldings } from '../../../server/src/service/history';
import { toRange } from '../../../server/src/service/text/range';
import { documentSymbols } from '../../../server/src/service/features/symbols';
import { checkInFolder, formXml, holding, readFolder, trade, WILSON } from '../../support/history';
import { draft, rowI } from '../../support/drafts';

/** Three Forms 4 and a Form 5 where every first row follows from the figure before it. */
const CHAIN = {
  'wilson-2013-08.xml': formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('M', '2013-08-06', '10000', 'A', '65500'), trade('S', '2013-08-06', '10000', 'D', '55500')] }),
  'wilson-2013-09.xml': formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '50500')] }),
  'wilson-2013-10.xml': formXml({ period: '2013-10-01', signed: '2013-10-02', tableI: [trade('P', '2013-10-01', '1000', 'A', '51500')] }),
  // Filed after the year, the Form 5 reports a gift of 11/15/2013: the figure before a filing of
  // January 2014, not before the one of October.
  'wilson-2013-form5.xml': formXml({ form: '5', period: '2013-12-31', signed: '2014-02-10', tableI: [trade('G', '2013-11-15', '500', 'D', '51000', { coding: { code: 'G', formType: '5' } })] }),
  'wilson-2014-01.xml': formXml({ period: '2014-01-15', signed: '2014-01-16', tableI: [trade('S', '2014-01-15', '1000', 'D', '50000')] }),
};

function errorsOf(files: Readonly<Record<string, string>>, uri: string): string[] {
  return checkInFolder(files, uri).filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
}

describe('a history of three Forms 4 and a Form 5', () => {
  test('is one history, ordered by earliest transaction then signature date', () => {
    const { histories } = readFolder(CHAIN);
    assert.equal(histories.length, 1);
    const [h] = histories;
    assert.equal(h?.person, 'Wilson John N');
    assert.equal(h?.issuer, 'QUALYS, INC. [QLYS]');
    assert.deepEqual(h?.filings.map((f) => `${f.formType} ${f.uri}`), [
      '4 wilson-2013-08.xml', '4 wilson-2013-09.xml', '4 wilson-2013-10.xml', '5 wilson-2013-form5.xml', '4 wilson-2014-01.xml',
    ]);
  });

  test('where the chain holds, no Form 4 has an error, and the Form 5 is not checked as a Form 4', () => {
    for (const uri of Object.keys(CHAIN)) {
      if (uri.includes('form5')) continue;
      assert.deepEqual(errorsOf(CHAIN, uri), [], uri);
      assert.deepEqual(checkInFolder(CHAIN, uri, 'history-mismatch'), [], uri);
    }
    const form5 = checkInFolder(CHAIN, 'wilson-2013-form5.xml');
    assert.deepEqual(form5.map((f) => [f.rule, f.severity, f.message]), [
      ['xml-root', 'information', 'This is a Form 5: it is read for its holdings, as a filing of the reporting person\'s history, and not checked as a Form 4'],
    ]);
  });

  test('the figure before each filing is the latest dated before its earliest transaction', () => {
    const [h] = readFolder(CHAIN).histories;
    assert.ok(h);
    const amountBefore = (uri: string): string[] => [...holdingsBefore(h, uri).holdings.values()].map((r) => `${r.title} ${formatDecimal(r.amount)} ${r.from.uri}`);
    assert.deepEqual(amountBefore('wilson-2013-08.xml'), []);
    assert.deepEqual(amountBefore('wilson-2013-10.xml'), ['Common Stock 50,500 wilson-2013-09.xml']);
    assert.deepEqual(amountBefore('wilson-2014-01.xml'), ['Common Stock 51,000 wilson-2013-form5.xml']);
  });

  test('the balances of each holding after every filing', () => {
    const [h] = readFolder(CHAIN).histories;
    assert.ok(h);
    const balances = historyBalances(h);
    assert.equal(balances.length, 1);
    assert.deepEqual(balances[0]?.balances.map((b) => `${b.from.formType} ${b.from.date ? formatDate(b.from.date) : ''} ${formatDecimal(b.amount)}`), [
      '4 08/07/2013 55,500', '4 09/04/2013 50,500', '4 10/02/2013 51,500', '5 02/10/2014 51,000', '4 01/16/2014 50,000',
    ]);
  });

  test('a second filing whose first row does not follow is an error; the filings after it follow from its figure', () => {
    const broken = { ...CHAIN, 'wilson-2013-09.xml': formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '49500')] }) };
    assert.deepEqual(errorsOf(broken, 'wilson-2013-09.xml'), [
      'history-mismatch: The amount owned should be 50,500 (55,500 last reported, on the Form 4 of 08/07/2013, \u2212 5,000 disposed on 09/03/2013), not 49,500.',
    ]);
    assert.deepEqual(errorsOf(broken, 'wilson-2013-10.xml'), [
      'history-mismatch: The amount owned should be 50,500 (49,500 last reported, on the Form 4 of 09/04/2013, + 1,000 acquired on 10/01/2013), not 51,500.',
    ]);
  });
});

describe('an amendment', () => {
  const files = {
    'a.xml': formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('S', '2013-08-06', '10000', 'D', '55500')] }),
    'b.xml': formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '51500')] }),
    'b-amended.xml': formXml({ form: '4/A', period: '2013-09-03', signed: '2013-09-20', original: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '50500')] }),
    'c.xml': formXml({ period: '2013-10-01', signed: '2013-10-02', tableI: [trade('P', '2013-10-01', '1000', 'A', '51500')] }),
  };

  test('is compared with what came before the filing it amends, and replaces that filing\'s figures', () => {
    assert.deepEqual(errorsOf(files, 'b-amended.xml'), []);
    assert.deepEqual(errorsOf(files, 'c.xml'), [], 'c follows from the amendment, not from the original');
    assert.equal(errorsOf(files, 'b.xml').length, 1, 'the original is still wrong');
  });
});

describe('joint filers', () => {
  const TRUST = { cik: '0007654321', name: 'Wilson Family Trust', street1: '1 MAIN ST', city: 'REDWOOD CITY', state: 'CA', zipCode: '94065', tenPercentOwner: true };
  const files = {
    'joint.xml': formXml({ period: '2013-08-06', signed: '2013-08-07', owners: [WILSON, TRUST], tableI: [trade('S', '2013-08-06', '10000', 'D', '', { owned: '90000', ownership: 'I', nature: 'By Wilson Family Trust' })] }),
    'wilson.xml': formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '', { owned: '86000', ownership: 'I', nature: 'By Wilson Family Trust' })] }),
    'trust.xml': formXml({ period: '2013-09-10', signed: '2013-09-11', owners: [TRUST], tableI: [trade('S', '2013-09-10', '1000', 'D', '', { owned: '84000', ownership: 'I', nature: 'By Wilson Family Trust' })] }),
  };

  test('a joint filing is in the history of each of its reporting persons', () => {
    const { histories } = readFolder(files);
    assert.deepEqual(histories.map((h) => [h.person, h.filings.map((f) => f.uri)]), [
      ['Wilson John N', ['joint.xml', 'wilson.xml']],
      ['Wilson Family Trust', ['joint.xml', 'trust.xml']],
    ]);
  });

  test('each person\'s later filing is checked against the joint filing, in that person\'s history', () => {
    assert.deepEqual(errorsOf(files, 'wilson.xml'), [
      'history-mismatch: The amount owned should be 85,000 (90,000 last reported, on the Form 4 of 08/07/2013, \u2212 5,000 disposed on 09/03/2013), not 86,000.',
    ]);
    // The trust's history does not hold Wilson's own filing: 90,000 − 1,000 is not 84,000.
    assert.deepEqual(errorsOf(files, 'trust.xml'), [
      'history-mismatch: The amount owned should be 89,000 (90,000 last reported, on the Form 4 of 08/07/2013, \u2212 1,000 disposed on 09/10/2013), not 84,000.',
    ]);
  });
});

describe('a draft next to XML filings', () => {
  const header = [
    '1. Name and Address of Reporting Person: John N. Wilson, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
    '2. Issuer Name and Ticker or Trading Symbol: Qualys, Inc. [QLYS]',
    '3. Date of Earliest Transaction: 09/03/2013',
    '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
  ];
  const september = draft({ header, tableI: [rowI('Common Stock', '09/03/2013', '', 'S', '', '5,000', 'D', '$18.00', '51,500', 'D', '')], signature: ['/s/ John N. Wilson', '', '09/04/2013'] });
  const files = { 'wilson-2013-08.xml': CHAIN['wilson-2013-08.xml'], 'wilson-2013-09.form4': september };

  test('joins the XML history by names when it gives no CIK', () => {
    const { histories } = readFolder(files);
    assert.equal(histories.length, 1);
    assert.deepEqual(histories[0]?.filings.map((f) => f.uri), ['wilson-2013-08.xml', 'wilson-2013-09.form4']);
  });

  test('its first row is checked against the XML filing, with the related location in that file', () => {
    const [f, ...rest] = checkInFolder(files, 'wilson-2013-09.form4', 'history-mismatch');
    assert.equal(rest.length, 0);
    assert.equal(f?.message, 'The amount owned should be 50,500 (55,500 last reported, on the Form 4 of 08/07/2013, \u2212 5,000 disposed on 09/03/2013), not 51,500.');
    const at = toRange(f.span).start;
    const lines = september.split('\n');
    assert.equal(at.line + 1, lines.findIndex((l) => l.includes('51,500')) + 1);
    assert.equal(at.character, (lines[at.line] ?? '').indexOf('51,500'));
    assert.equal(f.related[0]?.uri, 'wilson-2013-08.xml');
  });

  test('a draft whose names match no filing starts a history of its own', () => {
    const other = september.replace('John N. Wilson, C/O', 'Jane Roe, C/O');
    assert.equal(readFolder({ ...files, 'wilson-2013-09.form4': other }).histories.length, 2);
  });
});

describe('a Form 3', () => {
  const form3 = formXml({ form: '3', period: '2013-01-02', signed: '2013-01-04', tableI: [holding('60000'), holding('20000', 'By Trust')] });
  const files = { 'form3.xml': form3, 'a.xml': formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('S', '2013-08-06', '4500', 'D', '55500')] }) };

  test('is read for its holdings: the first Form 4 follows from them', () => {
    assert.deepEqual(errorsOf(files, 'a.xml'), []);
    const [h] = readFolder(files).histories;
    assert.ok(h);
    assert.deepEqual(unmentionedHoldings(parseOwnershipXml(files['a.xml']).filing, holdingsBefore(h, 'a.xml')).map((r) => `${r.nature ?? ''} ${formatDecimal(r.amount)}`), ['By Trust 20,000']);
  });

  test('checked on its own, a Form 3 has only the xml-root information, not a Form 4\'s findings', () => {
    const found = checkDocument(parseOwnershipXml(form3)).findings;
    assert.deepEqual(found.map((f) => [f.rule, f.severity]), [['xml-root', 'information']]);
  });
});

describe('copies of one filing', () => {
  test('a draft beside the XML exported from it is not its own earlier filing', () => {
    const text = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });
    const xml = exportOwnershipXml(parseDraft(text).filing).xml;
    const files = { 'a.form4': text, 'a.xml': xml };
    assert.equal(readFolder(files).histories[0]?.filings.length, 2);
    assert.deepEqual(checkInFolder(files, 'a.form4', 'history-mismatch'), []);
    assert.deepEqual(checkInFolder(files, 'a.xml', 'history-mismatch'), []);
  });
});

describe('two filings of the same days', () => {
  // Two Forms 4 of one insider for trades of 08/06/2013, both signed 08/07/2013, with different
  // rows: the history orders them by file name only, so neither is the other's previous filing
  // (seen with `form4 check` of a folder holding a draft and an unrelated XML of those days).
  const files = {
    'a.xml': formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('P', '2013-08-06', '1000', 'A', '56500')] }),
    'b.xml': formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('M', '2013-08-06', '10000', 'A', '65500'), trade('S', '2013-08-06', '10000', 'D', '55500')] }),
    'c.xml': formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '50500')] }),
  };

  test('are not each other\'s previous filing: neither is checked against the other', () => {
    assert.deepEqual(checkInFolder(files, 'a.xml', 'history-mismatch'), []);
    assert.deepEqual(checkInFolder(files, 'b.xml', 'history-mismatch'), []);
    const [h] = readFolder(files).histories;
    assert.ok(h);
    assert.deepEqual([...holdingsBefore(h, 'b.xml').holdings.values()], []);
  });

  test('a later filing follows from the last of them by file name, as the history orders them', () => {
    assert.deepEqual(checkInFolder(files, 'c.xml', 'history-mismatch'), []);
  });
});

describe('the outline of a filing with a history', () => {
  // August: the direct holding and a trust's; September's draft sells from the direct one only.
  const august = formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('S', '2013-08-06', '10000', 'D', '55500'), holding('12000', 'By Trust')] });
  const september = draft({ tableI: [rowI('Common Stock', '09/03/2013', '', 'S', '', '5,000', 'D', '$18.00', '50,500', 'D', '')], signature: ['/s/ John N. Wilson', '', '09/04/2013'] })
    .replace('3. Date of Earliest Transaction: 08/06/2013', '3. Date of Earliest Transaction: 09/03/2013');
  const files = { 'wilson-2013-08.xml': august, 'wilson-2013-09.form4': september };

  test('lists, under Table I, the holding reported before that the filing does not mention', () => {
    const [h] = readFolder(files).histories;
    assert.ok(h);
    const symbols = documentSymbols(parseDraft(september), { prior: holdingsBefore(h, 'wilson-2013-09.form4') });
    const tableI = symbols.find((s) => s.name === 'Table I');
    assert.deepEqual(tableI?.children.map((c) => [c.name, c.detail, c.kind]), [
      ['1. Common Stock', 'S 5,000 D, 09/03/2013, owns 50,500', 'row'],
      ['Reported before: Common Stock (I, By Trust)', '12,000 on the Form 4 of 08/07/2013, not in this filing', 'holding'],
    ]);
    // Without a history, the outline is the draft's alone.
    assert.deepEqual(documentSymbols(parseDraft(september)).find((s) => s.name === 'Table I')?.children.map((c) => c.name), ['1. Common Stock']);
  });
});
