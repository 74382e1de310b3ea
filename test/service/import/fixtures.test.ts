/**
 * The import on filings written from facts (test/support/xml.ts), one for each kind of Form 4 a
 * drafter meets. Each is imported, the draft is read back, and the two readings must hold the
 * same facts and the same findings (test/support/importing.ts). The facts are made up; each
 * document is a correct Form 4 unless its test says otherwise.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatDraft } from '../../../server/src/service/features/formatting';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { filingFacts } from '../../support/facts';
import { findingsOf, roundTrip, SCHEMA_NOTE } from '../../support/importing';
import {
  derivativeXml,
  footnotesXml,
  fullSubmission,
  issuerXml,
  nonDerivativeXml,
  ownerXml,
  ownershipXml,
  signatureXml,
} from '../../support/xml';

const ISSUER = issuerXml('0001107843', 'QUALYS, INC.', 'QLYS');
const OWNER = ownerXml({
  cik: '0001234567',
  name: 'Wilson John N',
  street1: 'C/O QUALYS, INC.',
  street2: '1600 BRIDGE PARKWAY',
  city: 'REDWOOD CITY',
  state: 'CA',
  zipCode: '94065',
  director: false,
  officer: true,
  tenPercentOwner: false,
  other: false,
  officerTitle: 'EVP, Worldwide Field Ops',
});
const SIGNED = signatureXml('/s/ John N. Wilson', '2024-03-19');
const HEADER = '  <periodOfReport>2024-03-15</periodOfReport>';
const NO_PLAN = '  <aff10b5One>0</aff10b5One>';

/** A 2024 filing: box 3 03/15/2024, signed 03/19/2024 (two business days after), 10b5-1 box unchecked. */
function filing(parts: { tableI?: string[]; tableII?: string[]; footnotes?: [string, string][]; header?: string; owners?: string; signatures?: string; documentType?: string; remarks?: string }): string {
  return ownershipXml({
    documentType: parts.documentType,
    header: parts.header ?? HEADER,
    issuer: ISSUER,
    owners: parts.owners ?? OWNER,
    aff10b5One: NO_PLAN,
    tableI: (parts.tableI ?? []).join('\n'),
    tableII: (parts.tableII ?? []).join('\n'),
    footnotes: footnotesXml(parts.footnotes ?? []),
    remarks: parts.remarks,
    signatures: parts.signatures ?? SIGNED,
  });
}

/** The round trip, and: the draft has no finding the XML does not, and only the schema note. */
function clean(xml: string): ReturnType<typeof roundTrip> {
  const trip = roundTrip(xml);
  assert.deepEqual(findingsOf(trip.back), [], 'a correct filing imports as a draft with no finding');
  assert.deepEqual(trip.notes, [SCHEMA_NOTE]);
  // Already formatted: Format Document changes nothing.
  assert.deepEqual(formatDraft(trip.back), []);
  return trip;
}

const common = (title = 'Common Stock') => ({ title, date: '2024-03-15', ownership: 'D' });

describe('the import on filings written from facts', () => {
  test('an option exercise and a same-day sale (the Wilson filing)', () => {
    const trip = roundTrip(ownershipXml());
    assert.deepEqual(findingsOf(trip.back), []);
    const lines = trip.imported.draft.split('\n');
    assert.ok(lines.includes('1. Name and Address of Reporting Person: Wilson John N'));
    assert.ok(lines.includes('   CIK: 0001234567'));
    assert.ok(lines.includes('   Street 1: C/O QUALYS, INC.'));
    assert.ok(lines.includes('2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]'));
    assert.ok(lines.includes('5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)'));
    assert.ok(lines.some((l) => /^\| Common Stock +\| 08\/06\/2013 +\| +\| S +\| +\| 10,000 +\| D +\| \$18\.3654 \(1\) +\| 55,500 +\| D +\| +\|$/.test(l)));
    assert.ok(lines.some((l) => /^\| Stock Option \(right to buy\) +\| \$4\.10 +\| 08\/06\/2013 +\| +\| M +\| +\| +\| 10,000 +\| 11\/05\/2010 +\| 11\/05\/2020 /.test(l)));
    assert.ok(lines.includes('/s/ John N. Wilson'));
    assert.ok(lines.includes('08/07/2013'));
    assert.deepEqual(trip.notes, [SCHEMA_NOTE]);
  });

  test('an RSU vest with tax withholding: price and dates only by footnote', () => {
    clean(
      filing({
        tableI: [
          nonDerivativeXml({ ...common(), coding: { code: 'M' }, shares: '2500', price: '0', acquiredDisposed: 'A', owned: '12500' }),
          nonDerivativeXml({ ...common(), coding: { code: 'F', footnotes: ['F1'] }, shares: '984', price: '25.40', acquiredDisposed: 'D', owned: '11516' }),
        ],
        tableII: [
          derivativeXml({
            ...common('Restricted Stock Units'),
            exercisePrice: { footnotes: ['F2'] },
            coding: { code: 'M' },
            shares: '2500',
            price: '0',
            acquiredDisposed: 'D',
            exerciseDate: { footnotes: ['F3'] },
            expirationDate: { footnotes: ['F3'] },
            underlyingTitle: 'Common Stock',
            underlyingShares: '2500',
            owned: '7500',
          }),
        ],
        footnotes: [
          ['F1', 'Shares withheld by the Issuer to satisfy the tax withholding obligation on the vesting of restricted stock units.'],
          ['F2', "Each restricted stock unit represents a contingent right to receive one share of the Issuer's common stock."],
          ['F3', 'The restricted stock units vest in four equal annual installments beginning on March 15, 2023. Restricted stock units have no expiration date.'],
        ],
      }),
    );
  });

  test('a gift into a trust: G out of the direct holding, G into the trust', () => {
    const trip = clean(
      filing({
        tableI: [
          nonDerivativeXml({ ...common(), coding: { code: 'G' }, shares: '1000', price: '0', acquiredDisposed: 'D', owned: '9000' }),
          nonDerivativeXml({ ...common(), coding: { code: 'G' }, shares: '1000', price: '0', acquiredDisposed: 'A', owned: '1000', ownership: 'I', nature: { value: 'By Trust', footnotes: ['F1'] } }),
        ],
        footnotes: [['F1', 'Held by the Wilson Family Trust, of which the Reporting Person is a trustee.']],
      }),
    );
    assert.equal(trip.back.filing.nonDerivativeTable?.rows[1]?.nature.text, 'By Trust');
  });

  test('a conversion: C in Table II (D), C in Table I (A)', () => {
    clean(
      filing({
        tableI: [nonDerivativeXml({ ...common('Class A Common Stock'), coding: { code: 'C' }, shares: '25000', price: '0', acquiredDisposed: 'A', owned: '25000' })],
        tableII: [
          derivativeXml({
            ...common('Class B Common Stock'),
            exercisePrice: { footnotes: ['F1'] },
            coding: { code: 'C' },
            shares: '25000',
            price: '0',
            acquiredDisposed: 'D',
            exerciseDate: { footnotes: ['F1'] },
            expirationDate: { footnotes: ['F1'] },
            underlyingTitle: 'Class A Common Stock',
            underlyingShares: '25000',
            owned: '475000',
          }),
        ],
        footnotes: [['F1', 'Each share of Class B Common Stock converts into one share of Class A Common Stock at any time at the holder\'s option and has no expiration date.']],
      }),
    );
  });

  test('joint filers: three owners, each with its box 1, detail lines, box 5 and signature', () => {
    const owners = [
      ownerXml({ cik: '0001000001', name: 'Acme Capital Partners, L.P.', street1: '1 MAIN ST', city: 'NEW YORK', state: 'NY', zipCode: '10001', tenPercentOwner: true }),
      ownerXml({ cik: '0001000002', name: 'Acme GP LLC', street1: '1 MAIN ST', city: 'NEW YORK', state: 'NY', zipCode: '10001', other: true, otherText: 'Member of 13(d) group' }),
      ownerXml({ cik: '0001000003', name: 'Roe Richard', street1: '1 MAIN ST', street2: 'SUITE 100', city: 'NEW YORK', state: 'NY', zipCode: '10001', director: true, tenPercentOwner: true }),
    ].join('\n');
    const signatures = [
      signatureXml('Acme Capital Partners, L.P., By: Acme GP LLC, its general partner, By: /s/ Richard Roe, Managing Member', '2024-03-19'),
      signatureXml('Acme GP LLC, By: /s/ Richard Roe, Managing Member', '2024-03-19'),
      signatureXml('/s/ Richard Roe', '2024-03-19'),
    ].join('\n');
    const trip = clean(
      filing({
        owners,
        signatures,
        tableI: [nonDerivativeXml({ ...common(), coding: { code: 'P' }, shares: '100000', price: '12.5', acquiredDisposed: 'A', owned: '5100000', ownership: 'I', nature: { value: 'See footnote', footnotes: ['F1'] } })],
        footnotes: [['F1', 'Held directly by Acme Capital Partners, L.P.; Acme GP LLC is its general partner and Richard Roe its managing member.']],
      }),
    );
    const filingBack = trip.back.filing;
    assert.deepEqual(filingBack.reportingOwners.map((o) => o.name.value), ['Acme Capital Partners, L.P.', 'Acme GP LLC', 'Roe Richard']);
    assert.equal(filingBack.filingMode?.value, true);
    assert.equal(filingBack.signatures.length, 3);
  });

  test('holdings only: a Table I and a Table II holding, no transaction', () => {
    const trip = clean(
      filing({
        tableI: [nonDerivativeXml({ holding: true, title: 'Common Stock', owned: { value: '250000', footnotes: ['F1'] }, ownership: 'I', nature: 'By Trust' })],
        tableII: [
          derivativeXml({ holding: true, title: 'Stock Option (right to buy)', exercisePrice: '4.10', exerciseDate: '2011-11-05', expirationDate: '2020-11-05', underlyingTitle: 'Common Stock', underlyingShares: '40000', owned: '40000', ownership: 'D' }),
        ],
        footnotes: [['F1', 'Held by the Wilson Family Trust.']],
      }),
    );
    assert.deepEqual([...(trip.back.filing.nonDerivativeTable?.rows ?? []), ...(trip.back.filing.derivativeTable?.rows ?? [])].map((r) => r.kind), ['holding', 'holding']);
  });

  test('values given only by footnote: exercise price, date exercisable, expiration date', () => {
    const trip = clean(
      filing({
        tableI: [nonDerivativeXml({ ...common(), coding: { code: 'A' }, shares: '5000', price: { value: '0', footnotes: ['F1'] }, acquiredDisposed: 'A', owned: '5000' })],
        tableII: [
          derivativeXml({
            ...common('Performance Stock Units'),
            exercisePrice: { footnotes: ['F1'] },
            coding: { code: 'A' },
            shares: '5000',
            price: '0',
            acquiredDisposed: 'A',
            exerciseDate: { footnotes: ['F2'] },
            expirationDate: { footnotes: ['F2', 'F3'] },
            underlyingTitle: 'Common Stock',
            underlyingShares: '5000',
            owned: '5000',
          }),
        ],
        footnotes: [
          ['F1', 'Each performance stock unit represents the right to receive one share of common stock; no price was paid.'],
          ['F2', 'The units vest on March 15, 2027 if the performance goals are met.'],
          ['F3', 'The units have no expiration date.'],
        ],
      }),
    );
    const option = trip.back.filing.derivativeTable?.rows[0];
    assert.equal(option?.exercisePrice.text, '');
    assert.deepEqual(option?.expirationDate.refs.map((r) => r.id), [2, 3]);
  });

  test('dollar values: transactionTotalValue, valueOwnedFollowingTransaction, underlyingSecurityValue', () => {
    const trip = clean(
      filing({
        tableII: [
          derivativeXml({
            ...common('6.00% Convertible Senior Notes due 2029'),
            exercisePrice: '42.25',
            coding: { code: 'P' },
            totalValue: '1000000',
            price: '100.5',
            acquiredDisposed: 'A',
            exerciseDate: '2024-03-15',
            expirationDate: '2029-03-15',
            underlyingTitle: 'Common Stock',
            underlyingValue: '1000000',
            ownedValue: '1000000',
          }),
        ],
      }),
    );
    const notes = trip.back.filing.derivativeTable?.rows[0];
    assert.deepEqual([notes?.shares.value?.dollars, notes?.ownedAfter.value?.dollars, notes?.underlyingShares.value?.dollars], [true, true, true]);
    assert.ok(trip.imported.draft.includes('$1,000,000'));
  });

  test('an amendment (4/A) with the date of the original filing in box 4', () => {
    const trip = roundTrip(
      filing({
        documentType: '4/A',
        header: '  <periodOfReport>2024-03-15</periodOfReport>\n  <dateOfOriginalSubmission>2024-03-19</dateOfOriginalSubmission>',
        signatures: signatureXml('/s/ John N. Wilson', '2024-03-21'),
        tableI: [nonDerivativeXml({ ...common(), coding: { code: 'S' }, shares: '100', price: '30', acquiredDisposed: 'D', owned: '900' }), nonDerivativeXml({ holding: true, title: 'Common Stock', owned: '1000', ownership: 'I', nature: 'By Spouse' })],
      }),
    );
    // Signed after the original's deadline, but the original (box 4, 03/19/2024) was on time
    // for the sale of Friday 03/15/2024, and that is the date late-filing counts: no finding.
    assert.deepEqual(findingsOf(trip.back), []);
    assert.deepEqual(trip.notes, [SCHEMA_NOTE]);
    assert.equal(trip.back.filing.documentType, '4/A');
    assert.ok(trip.imported.draft.startsWith('FORM 4/A\n'));
  });

  test('an early row: a Form 5 transaction (form type 5) reported on this Form 4 is V', () => {
    const trip = clean(
      filing({
        tableI: [
          nonDerivativeXml({ ...common(), date: '2024-01-10', coding: { code: 'G', formType: '5' }, timeliness: 'E', shares: '500', price: '0', acquiredDisposed: 'D', owned: '9500' }),
          nonDerivativeXml({ ...common(), coding: { code: 'S' }, shares: '500', price: '30', acquiredDisposed: 'D', owned: '9000' }),
        ],
      }),
    );
    const rows = trip.back.filing.nonDerivativeTable?.rows ?? [];
    assert.deepEqual(rows.map((r) => r.timeliness.text), ['V', '']);
  });

  test('an early row without transactionTimeliness: form type 5 alone is early', () => {
    const trip = roundTrip(filing({ tableI: [nonDerivativeXml({ ...common(), coding: { code: 'G', formType: '5' }, shares: '500', price: '0', acquiredDisposed: 'D', owned: '9500' })] }));
    assert.equal(trip.back.filing.nonDerivativeTable?.rows[0]?.timeliness.value, 'E');
  });

  test('a late row: timeliness L is L in the V column', () => {
    const trip = roundTrip(
      filing({ tableI: [nonDerivativeXml({ ...common(), date: '2024-03-01', coding: { code: 'S' }, timeliness: 'L', shares: '500', price: '30', acquiredDisposed: 'D', owned: '9500' })], header: '  <periodOfReport>2024-03-01</periodOfReport>' }),
    );
    assert.equal(trip.back.filing.nonDerivativeTable?.rows[0]?.timeliness.value, 'L');
    // It is late, and the row says so itself: late-filing does not repeat it, on both readings.
    assert.deepEqual(findingsOf(trip.back), []);
  });

  test('an equity swap: equitySwapInvolved is (K) after the code', () => {
    const trip = clean(
      filing({
        tableI: [nonDerivativeXml({ ...common(), coding: { code: 'J', swap: true, footnotes: ['F1'] }, shares: '10000', price: '31.2', acquiredDisposed: 'D', owned: '90000' })],
        footnotes: [['F1', 'The Reporting Person entered into a cash-settled equity swap with an unaffiliated bank covering 10,000 shares.']],
      }),
    );
    const coding = trip.back.filing.nonDerivativeTable?.rows[0]?.coding;
    assert.deepEqual(coding?.value, { code: 'J', equitySwap: true });
    assert.equal(coding?.text, 'J(K)');
  });

  test('a full-submission .txt: the same draft as its XML', () => {
    const xml = ownershipXml();
    const trip = roundTrip(fullSubmission(xml));
    assert.equal(trip.imported.draft, roundTrip(xml).imported.draft);
    assert.deepEqual(filingFacts(parseDraft(trip.imported.draft).filing), filingFacts(trip.imported.source.filing));
  });

  test('remarks, an unchecked exit box, and footnotes numbered out of order', () => {
    const xml = filing({
      header: `${HEADER}\n  <notSubjectToSection16>0</notSubjectToSection16>`,
      tableI: [
        nonDerivativeXml({ ...common(), coding: { code: 'S', footnotes: ['F2'] }, shares: '100', price: { value: '30.1', footnotes: ['F1'] }, acquiredDisposed: 'D', owned: '900' }),
      ],
      footnotes: [
        ['F1', 'The price reported is a weighted average of prices ranging from $30.00 to $30.25. The Reporting Person undertakes to provide full information regarding the number of shares sold at each separate price upon request by the Commission staff, the Issuer or a security holder.'],
        ['F2', 'Sold to cover taxes.'],
      ],
      remarks: '  <remarks>Exhibit 24 - Power of Attorney.</remarks>',
    });
    const trip = roundTrip(xml);
    assert.deepEqual(findingsOf(trip.back).map((f) => f.split(':')[0]), ['footnote-order information']);
    assert.equal(trip.back.filing.notSubjectToSection16?.value, false);
    assert.equal(trip.back.filing.remarks?.text, 'Exhibit 24 - Power of Attorney.');
  });
});
