/**
 * The exporter on drafts written for it (fixtures.ts): each checks without error, exports with no
 * problem, validates against the SEC's schema X0508 (the 4/A one for an amendment) with libxml2,
 * and its XML, read back with the project's XML tree reader, carries the draft's facts.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { check } from '../../support/drafts';
import { all, at, childNames, facts, footnotes, readXml, rows, textAt } from '../../support/xmlFacts';
import { kindOf, NO_XSD, validateMany } from '../../support/xsd';
import {
  AMENDMENT,
  CONVERSION,
  DOLLAR_VALUES,
  EARLY,
  EQUITY_SWAP,
  EXERCISE_AND_SALE,
  FIXTURES,
  GIFT_INTO_TRUST,
  HOLDINGS_BESIDE_TRANSACTIONS,
  HOLDINGS_ONLY,
  HOLDINGS_ONLY_EXIT,
  ISSUER_CIK,
  JOINT_FILERS,
  LATE,
  OWNER_CIK,
  RSU_VEST,
} from './fixtures';

function exported(text: string) {
  const result = exportOwnershipXml(parseDraft(text).filing);
  assert.deepEqual(result.problems.map((p) => p.message), [], 'no export problem');
  return { xml: result.xml, root: readXml(result.xml) };
}

/** The columns every Table I transaction of the fixtures shares unless a test says otherwise. */
function transactionI(o: { date?: string; code: string; formType?: string; swap?: string; shares: string; price?: string; ad: string; owned: string; form?: string }): Record<string, string> {
  return {
    securityTitle: 'Common Stock',
    transactionDate: o.date ?? '2013-08-06',
    'transactionCoding/transactionFormType': o.formType ?? '4',
    'transactionCoding/transactionCode': o.code,
    'transactionCoding/equitySwapInvolved': o.swap ?? '0',
    'transactionAmounts/transactionShares': o.shares,
    ...(o.price !== undefined ? { 'transactionAmounts/transactionPricePerShare': o.price } : {}),
    'transactionAmounts/transactionAcquiredDisposedCode': o.ad,
    'postTransactionAmounts/sharesOwnedFollowingTransaction': o.owned,
    'ownershipNature/directOrIndirectOwnership': o.form ?? 'D',
  };
}

describe('export: the fixtures check clean, export with no problem and validate', () => {
  const errors = new Map<string, string[]>();
  before(async () => {
    if (NO_XSD) return;
    const documents = Object.entries(FIXTURES).map(([name, text]) => ({ name: `${name.replace(/[^A-Za-z0-9]+/g, '-')}.xml`, xml: exportOwnershipXml(parseDraft(text).filing).xml }));
    for (const [name, messages] of await validateMany(documents)) errors.set(name, messages);
  });

  for (const [name, text] of Object.entries(FIXTURES)) {
    test(`${name}: no error, no export problem`, () => {
      assert.deepEqual(check(text).filter((f) => f.severity === 'error'), []);
      assert.deepEqual(exportOwnershipXml(parseDraft(text).filing).problems, []);
    });
    test(`${name}: valid against the schema`, { skip: NO_XSD }, () => {
      assert.deepEqual(errors.get(`${name.replace(/[^A-Za-z0-9]+/g, '-')}.xml`), []);
    });
  }

  test('the validator is real: it reports what the schema refuses, one document at a time', { skip: NO_XSD }, async () => {
    const xml = exportOwnershipXml(parseDraft(EXERCISE_AND_SALE).filing).xml;
    const broken = {
      'order.xml': xml.replace('<documentType>4</documentType>\n  <periodOfReport>2024-06-20</periodOfReport>', '<periodOfReport>2024-06-20</periodOfReport>\n  <documentType>4</documentType>'),
      'decimals.xml': xml.replace('<value>132.9362</value>', '<value>132.93625</value>'),
      'cik.xml': xml.replace(`<issuerCik>${ISSUER_CIK}</issuerCik>`, '<issuerCik></issuerCik>'),
      'footnote.xml': xml.replace('<footnoteId id="F3"/>', '<footnoteId id="F9"/>'),
      'twice.xml': xml.replace('<footnote id="F3">', '<footnote id="F2">'),
      'fine.xml': xml,
    };
    const results = await validateMany(Object.entries(broken).map(([name, text]) => ({ name, xml: text })));
    assert.match(results.get('order.xml')?.join('\n') ?? '', /Element 'periodOfReport': This element is not expected\. Expected is \( documentType \)/);
    assert.match(results.get('decimals.xml')?.join('\n') ?? '', /\[facet 'fractionDigits'\]/);
    assert.match(results.get('cik.xml')?.join('\n') ?? '', /Element 'issuerCik': \[facet 'minLength'\]/);
    // A second footnote F2: libxml2 refuses the duplicate ID (as it words it, not a valid FID).
    assert.match(results.get('twice.xml')?.join('\n') ?? '', /attribute 'id': 'F2' is not a valid value of the atomic type 'FID'/);
    // libxml2 does not resolve an IDREF against the IDs: a reference to a footnote the document
    // does not define validates. EDGAR suspends it; the exporter reports it itself (problems.test.ts).
    assert.deepEqual(results.get('footnote.xml'), []);
    assert.deepEqual(results.get('fine.xml'), []);
  });

  test('the fixtures check with no finding at all (the late row is marked L, so late-filing says nothing)', () => {
    for (const [name, text] of Object.entries(FIXTURES)) {
      const found = check(text).map((f) => f.rule);
      assert.deepEqual(found, [], name);
    }
  });

  test('an amendment is validated against the 4/A schema, the others against the Form 4 one', () => {
    for (const [name, text] of Object.entries(FIXTURES)) assert.equal(kindOf(exportOwnershipXml(parseDraft(text).filing).xml), name === 'amendment' ? '4/A' : '4', name);
  });
});

describe('export: the facts in the XML', () => {
  test('the document: schema version, type, period, issuer and owner with CIKs, address in parts, relationship', () => {
    const { xml, root } = exported(EXERCISE_AND_SALE);
    assert.ok(xml.startsWith('<?xml version="1.0"?>\n<ownershipDocument>\n'));
    assert.deepEqual(childNames(root), ['schemaVersion', 'documentType', 'periodOfReport', 'issuer', 'reportingOwner', 'aff10b5One', 'nonDerivativeTable', 'derivativeTable', 'footnotes', 'ownerSignature']);
    assert.equal(textAt(root, 'schemaVersion'), 'X0508');
    assert.equal(textAt(root, 'documentType'), '4');
    assert.equal(textAt(root, 'periodOfReport'), '2024-06-20');
    assert.equal(textAt(root, 'aff10b5One'), '1');
    assert.deepEqual(facts(at(root, 'issuer') ?? root), { issuerCik: ISSUER_CIK, issuerName: 'QUALYS, INC.', issuerTradingSymbol: 'QLYS' });
    assert.deepEqual(facts(at(root, 'reportingOwner') ?? root), {
      'reportingOwnerId/rptOwnerCik': OWNER_CIK,
      'reportingOwnerId/rptOwnerName': 'Wilson John N',
      'reportingOwnerAddress/rptOwnerStreet1': '1600 BRIDGE PARKWAY',
      'reportingOwnerAddress/rptOwnerCity': 'REDWOOD CITY',
      'reportingOwnerAddress/rptOwnerState': 'CA',
      'reportingOwnerAddress/rptOwnerZipCode': '94065',
      'reportingOwnerRelationship/isDirector': '0',
      'reportingOwnerRelationship/isOfficer': '1',
      'reportingOwnerRelationship/isTenPercentOwner': '0',
      'reportingOwnerRelationship/isOther': '0',
      'reportingOwnerRelationship/officerTitle': 'EVP, Worldwide Field Ops',
    });
    assert.deepEqual(all(root, '', 'ownerSignature').map(facts), [{ signatureName: 'Bruce Posey, by power of attorney for John N. Wilson', signatureDate: '2024-06-21' }]);
  });

  test('an exercise and a sale: footnotes inside the elements they annotate, a date given by footnote only', () => {
    const { root } = exported(EXERCISE_AND_SALE);
    assert.deepEqual(rows(root, 'nonDerivativeTable'), [
      { kind: 'nonDerivativeTransaction', facts: transactionI({ date: '2024-06-20', code: 'M', shares: '1000', price: '25.56', ad: 'A', owned: '60616' }) },
      {
        kind: 'nonDerivativeTransaction',
        facts: { ...transactionI({ date: '2024-06-20', code: 'S', shares: '1000', price: '132.9362', ad: 'D', owned: '59616' }), 'transactionCoding#': 'F1', 'transactionAmounts/transactionPricePerShare#': 'F2' },
      },
    ]);
    assert.deepEqual(rows(root, 'derivativeTable'), [
      {
        kind: 'derivativeTransaction',
        facts: {
          securityTitle: 'Stock Option (right to buy)',
          conversionOrExercisePrice: '25.56',
          transactionDate: '2024-06-20',
          'transactionCoding/transactionFormType': '4',
          'transactionCoding/transactionCode': 'M',
          'transactionCoding/equitySwapInvolved': '0',
          'transactionAmounts/transactionShares': '1000',
          'transactionAmounts/transactionPricePerShare': '0',
          'transactionAmounts/transactionAcquiredDisposedCode': 'D',
          'exerciseDate#': 'F3',
          expirationDate: '2026-04-28',
          'underlyingSecurity/underlyingSecurityTitle': 'Common Stock',
          'underlyingSecurity/underlyingSecurityShares': '1000',
          'postTransactionAmounts/sharesOwnedFollowingTransaction': '4000',
          'ownershipNature/directOrIndirectOwnership': 'D',
        },
      },
    ]);
    // A footnote-only value is a footnoteId without <value> (cm(8)).
    assert.deepEqual(childNames(at(root, 'derivativeTable/derivativeTransaction/exerciseDate') ?? root), ['footnoteId']);
    const notes = footnotes(root);
    assert.deepEqual(Object.keys(notes), ['F1', 'F2', 'F3']);
    assert.match(notes['F2'] ?? '', /^The price reported is a weighted average price; .* from \$132\.65 to \$133\.23, inclusive\. Upon request/);
  });

  test('an RSU vest: no exercise price and a vesting schedule, given only by footnotes; the withholding row', () => {
    const { root } = exported(RSU_VEST);
    const [vest, withheld] = rows(root, 'nonDerivativeTable');
    assert.deepEqual(vest?.facts, transactionI({ code: 'M', shares: '1000', price: '0', ad: 'A', owned: '56500' }));
    assert.deepEqual(withheld?.facts, { ...transactionI({ code: 'F', shares: '350', price: '18', ad: 'D', owned: '56150' }), 'transactionCoding#': 'F1' });
    const rsu = rows(root, 'derivativeTable')[0]?.facts ?? {};
    assert.equal(rsu['conversionOrExercisePrice#'], 'F2');
    assert.equal(rsu['conversionOrExercisePrice'], undefined);
    assert.equal(rsu['exerciseDate#'], 'F3');
    assert.equal(rsu['expirationDate#'], 'F3');
    assert.equal(rsu['exerciseDate'], undefined);
    for (const name of ['conversionOrExercisePrice', 'exerciseDate', 'expirationDate']) {
      assert.deepEqual(childNames(at(root, `derivativeTable/derivativeTransaction/${name}`) ?? root), ['footnoteId'], name);
    }
  });

  test('a gift into a trust: the trust holds indirectly, by trust, with its footnote; & escaped and read back', () => {
    const { xml, root } = exported(GIFT_INTO_TRUST);
    assert.deepEqual(rows(root, 'nonDerivativeTable').map((r) => r.facts), [
      transactionI({ code: 'G', shares: '500', price: '0', ad: 'D', owned: '55000' }),
      { ...transactionI({ code: 'G', shares: '500', price: '0', ad: 'A', owned: '10500', form: 'I' }), 'ownershipNature/natureOfOwnership': 'By Trust', 'ownershipNature/natureOfOwnership#': 'F1' },
    ]);
    assert.equal(footnotes(root)['F1'], 'The shares are held by the Wilson Family Trust, of which the Reporting Person & his spouse are the trustees.');
    assert.ok(xml.includes('Reporting Person &amp; his spouse'));
  });

  test('a conversion: Table II C disposed, Table I C acquired, the price and the terms by footnote', () => {
    const { root } = exported(CONVERSION);
    const classA = rows(root, 'nonDerivativeTable')[0]?.facts ?? {};
    assert.equal(classA['securityTitle'], 'Class A Common Stock');
    assert.equal(classA['transactionCoding/transactionCode'], 'C');
    assert.equal(classA['transactionAmounts/transactionAcquiredDisposedCode'], 'A');
    assert.equal(classA['transactionAmounts/transactionPricePerShare#'], 'F1');
    assert.equal(classA['transactionAmounts/transactionPricePerShare'], undefined);
    const classB = rows(root, 'derivativeTable')[0]?.facts ?? {};
    assert.equal(classB['transactionCoding/transactionCode'], 'C');
    assert.equal(classB['transactionAmounts/transactionAcquiredDisposedCode'], 'D');
    assert.equal(classB['transactionAmounts/transactionShares'], '1000');
    assert.equal(classB['underlyingSecurity/underlyingSecurityTitle'], 'Class A Common Stock');
    assert.equal(classB['postTransactionAmounts/sharesOwnedFollowingTransaction'], '9000');
  });

  test('joint filers: two reporting owners, each with its relationship, and two signatures', () => {
    const { root } = exported(JOINT_FILERS);
    const owners = all(root, '', 'reportingOwner').map(facts);
    assert.deepEqual(owners.map((o) => [o['reportingOwnerId/rptOwnerCik'], o['reportingOwnerId/rptOwnerName'], o['reportingOwnerRelationship/isOfficer'], o['reportingOwnerRelationship/isOther']]), [
      [OWNER_CIK, 'Wilson John N', '1', '0'],
      ['0007654321', 'Wilson Family Trust', '0', '1'],
    ]);
    assert.equal(owners[0]?.['reportingOwnerRelationship/officerTitle'], 'EVP, Worldwide Field Ops');
    assert.equal(owners[1]?.['reportingOwnerRelationship/otherText'], 'Trust of an officer');
    assert.deepEqual(all(root, '', 'ownerSignature').map(facts), [
      { signatureName: 'John N. Wilson', signatureDate: '2013-08-07' },
      { signatureName: 'John N. Wilson, Trustee of the Wilson Family Trust', signatureDate: '2013-08-07' },
    ]);
  });

  test('holdings only: holding elements without coding, timeliness or amounts; no exit box stated, none written', () => {
    const { root } = exported(HOLDINGS_ONLY);
    assert.equal(at(root, 'notSubjectToSection16'), undefined);
    assert.deepEqual(rows(root, 'nonDerivativeTable'), [
      { kind: 'nonDerivativeHolding', facts: { securityTitle: 'Common Stock', 'postTransactionAmounts/sharesOwnedFollowingTransaction': '55500', 'ownershipNature/directOrIndirectOwnership': 'D' } },
      { kind: 'nonDerivativeHolding', facts: { securityTitle: 'Common Stock', 'postTransactionAmounts/sharesOwnedFollowingTransaction': '10000', 'ownershipNature/directOrIndirectOwnership': 'I', 'ownershipNature/natureOfOwnership': 'By Spouse' } },
    ]);
    assert.deepEqual(rows(root, 'derivativeTable'), [
      {
        kind: 'derivativeHolding',
        facts: {
          securityTitle: 'Stock Option (right to buy)',
          conversionOrExercisePrice: '4.1',
          exerciseDate: '2011-11-05',
          expirationDate: '2020-11-05',
          'underlyingSecurity/underlyingSecurityTitle': 'Common Stock',
          'underlyingSecurity/underlyingSecurityShares': '140591',
          'postTransactionAmounts/sharesOwnedFollowingTransaction': '140591',
          'ownershipNature/directOrIndirectOwnership': 'D',
        },
      },
    ]);
  });

  test('holdings only with the exit box checked: notSubjectToSection16 is 1, right after the period', () => {
    const { root } = exported(HOLDINGS_ONLY_EXIT);
    assert.equal(textAt(root, 'notSubjectToSection16'), '1');
    assert.deepEqual(childNames(root).slice(0, 5), ['schemaVersion', 'documentType', 'periodOfReport', 'notSubjectToSection16', 'issuer']);
  });

  test('holdings beside transactions, in both tables and in the draft\'s order; a footnote on a holding', () => {
    const { root } = exported(HOLDINGS_BESIDE_TRANSACTIONS);
    assert.deepEqual(rows(root, 'nonDerivativeTable').map((r) => r.kind), ['nonDerivativeTransaction', 'nonDerivativeHolding']);
    assert.deepEqual(rows(root, 'derivativeTable').map((r) => r.kind), ['derivativeHolding', 'derivativeTransaction']);
    const plan = rows(root, 'nonDerivativeTable')[1]?.facts ?? {};
    assert.equal(plan['postTransactionAmounts/sharesOwnedFollowingTransaction#'], 'F1');
    assert.equal(plan['ownershipNature/natureOfOwnership'], 'By 401(k) Plan');
    const grant = rows(root, 'derivativeTable')[1]?.facts ?? {};
    assert.equal(grant['transactionCoding/transactionCode'], 'A');
    assert.equal(grant['transactionAmounts/transactionAcquiredDisposedCode'], 'A');
    assert.equal(grant['exerciseDate#'], 'F2');
  });

  test('dollar values: transactionTotalValue, underlyingSecurityValue, valueOwnedFollowingTransaction; the amount cell\'s footnotes on the amount', () => {
    const { root } = exported(DOLLAR_VALUES);
    const [notes, swap] = rows(root, 'derivativeTable').map((r) => r.facts);
    assert.equal(notes?.['transactionAmounts/transactionTotalValue'], '1000000');
    assert.equal(notes?.['transactionAmounts/transactionShares'], undefined);
    assert.equal(notes?.['transactionAmounts/transactionPricePerShare'], '1020.5');
    assert.equal(notes?.['underlyingSecurity/underlyingSecurityShares'], '40000');
    assert.equal(notes?.['postTransactionAmounts/valueOwnedFollowingTransaction'], '1000000');
    assert.equal(notes?.['securityTitle'], '6.00% Convertible Senior Notes due 2028');
    assert.equal(swap?.['transactionAmounts/transactionTotalValue'], '250000.5');
    assert.equal(swap?.['underlyingSecurity/underlyingSecurityValue'], '250000.5');
    assert.equal(swap?.['postTransactionAmounts/valueOwnedFollowingTransaction'], '0');
    assert.equal(swap?.['transactionCoding/equitySwapInvolved'], '1');
    assert.equal(swap?.['transactionCoding#'], 'F2');
    // The (A)/(D) code carries no footnote of its own in Table II: the amount cell's go to the amount.
    assert.equal(swap?.['transactionAmounts/transactionAcquiredDisposedCode#'], undefined);
  });

  test('a 4/A: documentType 4/A and dateOfOriginalSubmission right after the period; remarks', () => {
    const { root } = exported(AMENDMENT);
    assert.equal(textAt(root, 'documentType'), '4/A');
    assert.deepEqual(childNames(root).slice(0, 4), ['schemaVersion', 'documentType', 'periodOfReport', 'dateOfOriginalSubmission']);
    assert.equal(textAt(root, 'dateOfOriginalSubmission'), '2013-08-07');
    assert.equal(textAt(root, 'remarks'), 'This amendment corrects the amount owned reported on the original Form 4.');
  });

  test('an early (V) row: form type 5 and timeliness E; the on-time row has neither', () => {
    const { root } = exported(EARLY);
    const [gift, purchase] = all(root, 'nonDerivativeTable', 'nonDerivativeTransaction');
    assert.deepEqual(facts(gift ?? root), { ...transactionI({ date: '2013-06-03', code: 'G', formType: '5', shares: '500', price: '0', ad: 'D', owned: '55000' }), transactionTimeliness: 'E' });
    assert.deepEqual(childNames(gift ?? root).slice(2, 4), ['transactionCoding', 'transactionTimeliness']);
    assert.equal(at(purchase ?? root, 'transactionTimeliness'), undefined);
    assert.equal(textAt(purchase ?? root, 'transactionCoding/transactionFormType'), '4');
  });

  test('a late (L) row: form type 4 and timeliness L', () => {
    const { root } = exported(LATE);
    assert.deepEqual(rows(root, 'nonDerivativeTable')[0]?.facts, { ...transactionI({ date: '2013-07-30', code: 'P', shares: '1000', price: '18', ad: 'A', owned: '56500' }), transactionTimeliness: 'L' });
  });

  test('an equity swap (K): the code without K, equitySwapInvolved 1, the code cell\'s footnote on the coding', () => {
    const { xml, root } = exported(EQUITY_SWAP);
    assert.deepEqual(rows(root, 'nonDerivativeTable')[0]?.facts, { ...transactionI({ code: 'J', swap: '1', shares: '10000', price: '18', ad: 'D', owned: '45500' }), 'transactionCoding#': 'F1' });
    assert.equal(footnotes(root)['F1'], 'Shares delivered on settlement of a prepaid variable forward ("equity swap") contract entered into on August 6, 2011.');
    assert.ok(xml.includes('&quot;equity swap&quot;'), 'quotes escaped as the specification asks (§3.2)');
  });

  test('§4.1: one element a line, begin tag, value and end tag on one line, indented by depth', () => {
    const { xml } = exported(EXERCISE_AND_SALE);
    const lines = xml.split('\n').slice(1, -1);
    for (const line of lines) {
      assert.match(line, /^( {2})*<(\/?[A-Za-z0-9]+(?: id="F\d+")?\/?|[A-Za-z0-9]+(?: id="F\d+")?>[^<]*<\/[A-Za-z0-9]+)>$/, line);
    }
    assert.ok(xml.endsWith('</ownershipDocument>\n'));
  });

  test('omitEdgarFilled leaves out schemaVersion, issuerName and rptOwnerName (§4.3) and still validates', { skip: NO_XSD }, async () => {
    const xml = exportOwnershipXml(parseDraft(JOINT_FILERS).filing, { omitEdgarFilled: true }).xml;
    const root = readXml(xml);
    assert.equal(at(root, 'schemaVersion'), undefined);
    assert.equal(at(root, 'issuer/issuerName'), undefined);
    assert.deepEqual(all(root, '', 'reportingOwner').map((o) => at(o, 'reportingOwnerId/rptOwnerName')), [undefined, undefined]);
    assert.deepEqual((await validateMany([{ name: 'reduced.xml', xml }])).get('reduced.xml'), []);
  });
});
