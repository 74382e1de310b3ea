/**
 * The next draft started from the previous filing: its header, an empty transaction area, and a
 * holdings row per holding with the amount last reported, so that the first new row of each
 * holding is checked against it.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDraft } from '../../../server/src/service/check';
import { nextDraft } from '../../../server/src/service/history';
import { formatDecimal } from '../../../server/src/service/model/decimal';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { checkInFolder, formXml, holding, trade } from '../../support/history';
import type { RowXml } from '../../support/xml';

const OPTION: RowXml = {
  title: 'Stock Option (right to buy)',
  exercisePrice: '4.10',
  date: '2013-08-06',
  coding: { code: 'M' },
  shares: '10000',
  price: '0',
  acquiredDisposed: 'D',
  exerciseDate: '2010-11-05',
  expirationDate: '2020-11-05',
  underlyingTitle: 'Common Stock',
  underlyingShares: '10000',
  owned: '140591',
  ownership: 'D',
};

const PREVIOUS = formXml({
  period: '2013-08-06',
  signed: '2013-08-07',
  tableI: [
    trade('M', '2013-08-06', '10000', 'A', '65500'),
    trade('S', '2013-08-06', '10000', 'D', '', { owned: '55500', price: { value: '18.3654', footnotes: ['F1'] } }),
    holding('20000', 'By Trust'),
  ],
  tableII: [OPTION],
  footnotes: [['F1', 'The price reported is a weighted average.']],
});

const NEXT = nextDraft(parseOwnershipXml(PREVIOUS).filing);
const lines = NEXT.split('\n');

describe('nextDraft', () => {
  test('carries the header: names, CIKs, address in parts, relationship, individual filing', () => {
    for (const line of [
      '1. Name and Address of Reporting Person: Wilson John N',
      '   CIK: 0001234567',
      '   Street 1: C/O QUALYS, INC.',
      '   ZIP: 94065',
      '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
      '   CIK: 0001107843',
      '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
      '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
    ]) assert.ok(lines.includes(line), line);
  });

  test('leaves box 3, box 4, the footnotes and the signature date to fill', () => {
    assert.ok(lines.includes('3. Date of Earliest Transaction (Month/Day/Year):'));
    assert.ok(lines.includes('4. If Amendment, Date of Original Filed (Month/Day/Year):'));
    assert.ok(!NEXT.includes('weighted average'));
    assert.ok(!NEXT.includes('(1)'), 'no reference to a footnote of the previous filing');
    const findings = checkDraft(parseDraft(NEXT)).findings;
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.severity}`), ['missing-box error'], 'only the signature date is missing');
  });

  test('has one holdings row per holding, with the amount last reported', () => {
    const draft = parseDraft(NEXT);
    const rows = [...(draft.filing.nonDerivativeTable?.rows ?? []), ...(draft.filing.derivativeTable?.rows ?? [])];
    assert.deepEqual(rows.map((r) => [r.kind, r.securityTitle.value, formatDecimal(r.ownedAfter.value?.amount ?? (null as never)), r.directOrIndirect.value, r.nature.value ?? '']), [
      ['holding', 'Common Stock', '55,500', 'D', ''],
      ['holding', 'Common Stock', '20,000', 'I', 'By Trust'],
      ['holding', 'Stock Option (right to buy)', '140,591', 'D', ''],
    ]);
    const option = draft.filing.derivativeTable?.rows[0];
    assert.equal(option?.exercisePrice.value?.toFixed(), '4.1');
    assert.equal(option?.underlyingShares.value?.amount.toFixed(), '140591', 'the underlying of the holding, not of the exercise');
  });

  test('the first transaction written under a holdings row is checked against it', () => {
    const withRow = (owned: string): string => NEXT.replace(
      /^(\| Common Stock +\|[^\n]*\| 55,500 [^\n]*)$/m,
      (row) => `${row}\n| Common Stock | 09/03/2013 | | S | | 5,000 | D | $19.00 | ${owned} | D | |`,
    );
    const wrong = checkDraft(parseDraft(withRow('51,500'))).findings.filter((f) => f.rule === 'holdings-mismatch');
    assert.deepEqual(wrong.map((f) => f.message), ['The amount owned should be 50,500 (55,500 \u2212 5,000 disposed on 09/03/2013), not 51,500.']);
    assert.deepEqual(checkDraft(parseDraft(withRow('50,500'))).findings.filter((f) => f.rule === 'holdings-mismatch'), []);
  });

  test('beside the previous filing, its holdings rows follow from it', () => {
    assert.deepEqual(checkInFolder({ 'previous.xml': PREVIOUS, 'next.form4': NEXT }, 'next.form4', 'history-mismatch'), []);
  });

  test('a Form 3\'s holdings start the first Form 4', () => {
    const form3 = formXml({ form: '3', period: '2013-01-02', signed: '2013-01-04', tableI: [holding('60000')] });
    const next = nextDraft(parseOwnershipXml(form3).filing);
    assert.match(next, /^\| Common Stock +\|[ |]*60,000 +\| D +\|/m);
    assert.match(next, /^FORM 4$/m);
  });
});
