/**
 * The format's extensions for what EDGAR needs and the printed form leaves to the address block
 * (docs/format.md, "Detail lines" and "Escapes"): `CIK:` and the address parts on lines of their
 * own under box 1, `CIK:` under box 2, `L` in the V column, and numeric character references
 * (`&#40;`) for a character that would otherwise be read as syntax.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { detailLine } from '../../../server/src/service/parse/draft/details';
import { cleanText } from '../../../server/src/service/text/cleanText';
import { check, draft, rowI } from '../../support/drafts';
import { find, parseFull } from './helpers';

const OWNER_WITH_DETAILS = [
  '1. Name and Address of Reporting Person: Wilson John N',
  '   CIK: 0001234567',
  '   Street 1: C/O QUALYS, INC.',
  '   Street 2: 1600 BRIDGE PARKWAY',
  '   City: REDWOOD CITY',
  '   State: CA',
  '   ZIP: 94065',
  '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
  '   CIK: 0001107843',
  '3. Date of Earliest Transaction: 08/06/2013',
];

describe('detail lines under box 1 and box 2', () => {
  test('every label is read, "Street 1" and "Street 2" with their digit', () => {
    const kinds = ['CIK: 1', 'Street 1: a', 'Street 2: b', 'Street: c', 'Street one: c', 'City: d', 'State: CA', 'ZIP: 9', 'Zip Code: 9', '- City: x'].map((t) => detailLine(t)?.kind);
    assert.deepEqual(kinds, ['cik', 'street1', 'street2', 'street1', 'street1', 'city', 'state', 'zipCode', 'zipCode', 'city']);
    assert.equal(detailLine('Note 1: x'), undefined);
    assert.equal(detailLine('Country: JP'), undefined);
  });

  test('the owner: CIK and each address part, with the span of its value', () => {
    const parsed = parseFull(OWNER_WITH_DETAILS);
    const owner = parsed.filing.reportingOwners[0];
    assert.ok(owner);
    assert.equal(owner.name.value, 'Wilson John N');
    assert.equal(owner.cik.value, '0001234567');
    assert.deepEqual(
      [owner.address.street1.value, owner.address.street2.value, owner.address.city.value, owner.address.state.value, owner.address.zipCode.value, owner.address.text],
      ['C/O QUALYS, INC.', '1600 BRIDGE PARKWAY', 'REDWOOD CITY', 'CA', '94065', ''],
    );
    assert.deepEqual(owner.address.street1.valueSpan, find(OWNER_WITH_DETAILS, 2, 'C/O QUALYS, INC.'));
    assert.deepEqual(owner.cik.valueSpan, find(OWNER_WITH_DETAILS, 1, '0001234567'));
    assert.equal(parsed.filing.issuer?.cik.value, '0001107843');
    assert.deepEqual(parsed.details.map((d) => d.kind), ['cik', 'street1', 'street2', 'city', 'state', 'zipCode', 'cik']);
  });

  test('with the address on detail lines, box 1 is the name only: its commas are part of it', () => {
    const filing = parseDraft(['1. Name and Address of Reporting Person: Jones, Day & Co (1)', '   City: NEW YORK'].join('\n')).filing;
    const owner = filing.reportingOwners[0];
    assert.equal(owner?.name.value, 'Jones, Day & Co');
    assert.deepEqual(owner?.name.refs.map((r) => r.id), [1]);
    assert.equal(owner?.address.city.value, 'NEW YORK');
    assert.equal(owner?.address.street1.text, '');
    // A CIK line alone leaves the address on the box line, as before.
    const before = parseDraft(['1. Name and Address of Reporting Person: Wilson John N, 1 MAIN ST, SPRINGFIELD, IL 62701', '   CIK: 1'].join('\n')).filing.reportingOwners[0];
    assert.equal(before?.name.value, 'Wilson John N');
    assert.equal(before?.address.city.value, 'SPRINGFIELD');
  });

  test('blank detail lines: the address is given, and empty', () => {
    const owner = parseDraft(['1. Name and Address of Reporting Person: Acme Fund, L.P., The', '   CIK:', '   Street 1:', '   City:'].join('\n')).filing.reportingOwners[0];
    assert.equal(owner?.name.value, 'Acme Fund, L.P., The');
    assert.equal(owner?.cik.text, '');
    assert.equal(owner?.address.street1.text, '');
    assert.equal(owner?.address.text, '');
  });

  test('under box 2 only CIK is read; under other boxes none', () => {
    const parsed = parseFull(['2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]', '   City: REDWOOD CITY', '3. Date of Earliest Transaction: 08/06/2013', '   CIK: 1']);
    assert.deepEqual(parsed.details, []);
  });

  test('a draft with detail lines checks clean', () => {
    const text = draft({
      header: [...OWNER_WITH_DETAILS, '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)', '6. Individual or Joint/Group Filing: Form filed by One Reporting Person'],
    });
    assert.deepEqual(check(text), []);
  });
});

describe('the V column', () => {
  test('V is early (EDGAR timeliness E), L is late (timeliness L)', () => {
    const rows = [
      rowI('Common Stock', '08/06/2013', '', 'G', 'V', '100', 'D', '$0', '900', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', 'L', '100', 'D', '$10', '800', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$10', '700', 'D', ''),
    ];
    const filing = parseDraft(draft({ tableI: rows })).filing;
    assert.deepEqual(filing.nonDerivativeTable?.rows.map((r) => r.timeliness.value), ['E', 'L', undefined]);
  });
});

describe('numeric character references', () => {
  test('decode to their character, one source range each', () => {
    const clean = cleanText('a&#40;12)&#x2019;&#128512;b', 0, 27);
    assert.equal(clean.text, 'a(12)\u2019\u{1F600}b');
    // The two UTF-16 units of U+1F600 both come from its reference.
    assert.equal(clean.starts.length, clean.text.length);
    assert.deepEqual([clean.starts[6], clean.ends[6], clean.starts[7], clean.ends[7]], [17, 26, 17, 26]);
  });

  test('a reference to no character stays as written', () => {
    for (const text of ['&#0;', '&#xD800;', '&#1114112;', '&#;', '&#x;', '&#12345678;']) assert.equal(cleanText(text, 0, text.length).text, text);
  });

  test('"&#40;12)" in a cell is text, not a footnote reference; "(12)" is a reference', () => {
    const rows = [rowI('Series &#40;12) Notes', '08/06/2013', '', 'P', '', '100', 'A', '$10', '100', 'D', ''), rowI('Series (1) Notes', '08/06/2013', '', 'P', '', '100', 'A', '$10', '200', 'D', '')];
    const filing = parseDraft(draft({ tableI: rows, footnotes: ['(1) A footnote.'] })).filing;
    const [escaped, referring] = filing.nonDerivativeTable?.rows ?? [];
    assert.equal(escaped?.securityTitle.value, 'Series (12) Notes');
    assert.deepEqual(escaped?.securityTitle.refs, []);
    assert.equal(referring?.securityTitle.value, 'Series Notes');
    assert.deepEqual(referring?.securityTitle.refs.map((r) => r.id), [1]);
  });
});
