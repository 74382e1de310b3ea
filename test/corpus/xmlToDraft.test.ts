/**
 * The XML-to-draft converter of the corpus tests, on small hand-written ownership XML: the reader
 * (entities, CDATA, comments, stray tags), the full-submission wrapper, and each part of the
 * draft it writes. The snippets are made up for these tests; the converted drafts check clean.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../support/drafts';
import {
  childElement,
  childElements,
  findElement,
  formatXmlDate,
  formatXmlNumber,
  ownershipXmlOf,
  parseXml,
  textContent,
  valueOf,
  xmlToDraft,
} from './xmlToDraft';

describe('parseXml', () => {
  test('elements, attributes in both quotes, self-closing tags, text', () => {
    const root = parseXml(`<?xml version="1.0"?><a x="1" y='two'><b>text</b><c id="F3"/><b>more</b></a>`);
    const a = childElement(root, 'a');
    assert.ok(a);
    assert.deepEqual(a.attributes, { x: '1', y: 'two' });
    assert.deepEqual(childElements(a, 'b').map(textContent), ['text', 'more']);
    assert.equal(childElement(a, 'c')?.attributes.id, 'F3');
    assert.deepEqual(childElement(a, 'c')?.children, []);
  });

  test('entities, numeric references, CDATA and comments', () => {
    const root = parseXml('<t>Smith &amp; Jones &lt;b&gt; &quot;q&quot; it&#39;s it&#x27;s &apos;a&apos; &unknown; <!-- gone --><![CDATA[<raw> & stuff]]></t>');
    assert.equal(textContent(childElement(root, 't')), 'Smith & Jones <b> "q" it\'s it\'s \'a\' &unknown; <raw> & stuff');
  });

  test('tolerant: a stray closing tag is ignored, an unclosed element is closed by its parent, a bare < is text', () => {
    const root = parseXml('<a><b>one</c></b><d><e>two</d><f>x < y</f></a>');
    const a = childElement(root, 'a');
    assert.equal(textContent(childElement(a, 'b')), 'one');
    assert.equal(textContent(childElement(childElement(a, 'd'), 'e')), 'two');
    assert.equal(textContent(childElement(a, 'f')), 'x < y');
  });

  test('a namespace prefix is dropped; an unterminated document ends without throwing', () => {
    const root = parseXml('<edgar:doc><edgar:value>7</edgar:value><open');
    assert.equal(valueOf(findElement(root, 'doc')), '7');
    assert.doesNotThrow(() => parseXml('<a><![CDATA[never closed'));
    assert.doesNotThrow(() => parseXml('<!-- never closed'));
  });
});

describe('formatting values', () => {
  test('numbers get thousands separators and keep their decimals; dates become MM/DD/YYYY', () => {
    assert.equal(formatXmlNumber('1234567.25'), '1,234,567.25');
    assert.equal(formatXmlNumber('0.00'), '0.00');
    assert.equal(formatXmlNumber('999'), '999');
    assert.equal(formatXmlNumber('12 shares'), '12 shares');
    assert.equal(formatXmlDate('2024-06-20'), '06/20/2024');
    assert.equal(formatXmlDate('2024-06-20-05:00'), '06/20/2024');
    assert.equal(formatXmlDate('June 20'), 'June 20');
  });

  test('the XML of a full-submission text is the part between <XML> and </XML>', () => {
    const text = '<SEC-DOCUMENT>x\n<SEC-HEADER>h\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n<ownershipDocument>1</ownershipDocument>\n</XML>\n</TEXT>\n';
    assert.equal(ownershipXmlOf(text).trim(), '<ownershipDocument>1</ownershipDocument>');
    assert.equal(ownershipXmlOf('<ownershipDocument/>'), '<ownershipDocument/>');
  });
});

const v = (value: string, ...footnotes: number[]): string => `<value>${value}</value>${footnotes.map((n) => `<footnoteId id="F${n}"/>`).join('')}`;

function owner(name: string, relationship: string): string {
  return `<reportingOwner>
    <reportingOwnerId><rptOwnerCik>0000000001</rptOwnerCik><rptOwnerName>${name}</rptOwnerName></reportingOwnerId>
    <reportingOwnerAddress><rptOwnerStreet1>1 MAIN ST</rptOwnerStreet1><rptOwnerStreet2></rptOwnerStreet2>
      <rptOwnerCity>SPRINGFIELD</rptOwnerCity><rptOwnerState>IL</rptOwnerState><rptOwnerZipCode>62701</rptOwnerZipCode></reportingOwnerAddress>
    <reportingOwnerRelationship>${relationship}</reportingOwnerRelationship>
  </reportingOwner>`;
}

/** A made-up filing: an option exercise with its sale, a holding, and footnotes. */
const EXERCISE_AND_SALE = `<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0508</schemaVersion>
  <documentType>4</documentType>
  <periodOfReport>2024-06-20</periodOfReport>
  <notSubjectToSection16>0</notSubjectToSection16>
  <issuer><issuerCik>0000000002</issuerCik><issuerName>EXAMPLE &amp; SONS, INC.</issuerName><issuerTradingSymbol>EXS</issuerTradingSymbol></issuer>
  ${owner('Doe Jane', '<isDirector>0</isDirector><isOfficer>1</isOfficer><isTenPercentOwner>0</isTenPercentOwner><isOther>0</isOther><officerTitle>EVP, Sales</officerTitle>')}
  <aff10b5One>1</aff10b5One>
  <nonDerivativeTable>
    <nonDerivativeTransaction>
      <securityTitle>${v('Common Stock')}</securityTitle>
      <transactionDate>${v('2024-06-20')}</transactionDate>
      <deemedExecutionDate></deemedExecutionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>M</transactionCode><equitySwapInvolved>0</equitySwapInvolved><footnoteId id="F1"/></transactionCoding>
      <transactionTimeliness><value></value></transactionTimeliness>
      <transactionAmounts>
        <transactionShares>${v('10000')}</transactionShares>
        <transactionPricePerShare>${v('4.10')}</transactionPricePerShare>
        <transactionAcquiredDisposedCode>${v('A')}</transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts><sharesOwnedFollowingTransaction>${v('65500')}</sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership>${v('D')}</directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction>
    <nonDerivativeTransaction>
      <securityTitle>${v('Common Stock')}</securityTitle>
      <transactionDate>${v('2024-06-20')}</transactionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode><equitySwapInvolved>0</equitySwapInvolved><footnoteId id="F1"/></transactionCoding>
      <transactionAmounts>
        <transactionShares>${v('10000')}</transactionShares>
        <transactionPricePerShare>${v('18.3654', 2)}</transactionPricePerShare>
        <transactionAcquiredDisposedCode>${v('D')}</transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts><sharesOwnedFollowingTransaction>${v('55500')}</sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership>${v('D')}</directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction>
    <nonDerivativeHolding>
      <securityTitle>${v('Common Stock')}</securityTitle>
      <postTransactionAmounts><sharesOwnedFollowingTransaction>${v('1200')}</sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership>${v('I')}</directOrIndirectOwnership><natureOfOwnership>${v('By Trust', 3)}</natureOfOwnership></ownershipNature>
    </nonDerivativeHolding>
  </nonDerivativeTable>
  <derivativeTable>
    <derivativeTransaction>
      <securityTitle>${v('Stock Option (right to buy)')}</securityTitle>
      <conversionOrExercisePrice>${v('4.10')}</conversionOrExercisePrice>
      <transactionDate>${v('2024-06-20')}</transactionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>M</transactionCode><equitySwapInvolved>0</equitySwapInvolved><footnoteId id="F1"/></transactionCoding>
      <transactionAmounts>
        <transactionShares>${v('10000')}</transactionShares>
        <transactionPricePerShare>${v('0')}</transactionPricePerShare>
        <transactionAcquiredDisposedCode>${v('D')}</transactionAcquiredDisposedCode>
      </transactionAmounts>
      <exerciseDate><footnoteId id="F4"/></exerciseDate>
      <expirationDate>${v('2030-11-05')}</expirationDate>
      <underlyingSecurity><underlyingSecurityTitle>${v('Common Stock')}</underlyingSecurityTitle><underlyingSecurityShares>${v('10000')}</underlyingSecurityShares></underlyingSecurity>
      <postTransactionAmounts><sharesOwnedFollowingTransaction>${v('140591')}</sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership>${v('D')}</directOrIndirectOwnership></ownershipNature>
    </derivativeTransaction>
  </derivativeTable>
  <footnotes>
    <footnote id="F1">The transactions were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on February 21, 2024.</footnote>
    <footnote id="F2">The price is a weighted average; the shares were sold at prices ranging from $18.00 to $18.81, inclusive.
      The Reporting Person undertakes to provide, upon request, full information regarding the number of shares sold at each separate price.</footnote>
    <footnote id="F3">Held by the Doe Family Trust.</footnote>
    <footnote id="F4">The option is fully vested &amp; exercisable.</footnote>
  </footnotes>
  <remarks>Exhibit 24 - Power of Attorney</remarks>
  <ownerSignature><signatureName>/s/ Jane Doe</signatureName><signatureDate>2024-06-21</signatureDate></ownerSignature>
</ownershipDocument>`;

const TITLES_I = '| 1. Title of Security (Instr. 3) | 2. Transaction Date (Month/Day/Year) | 2A. Deemed Execution Date, if any (Month/Day/Year) | 3. Transaction Code (Instr. 8) | V | 4. Amount | (A) or (D) | Price | 5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4) | 6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4) | 7. Nature of Indirect Beneficial Ownership (Instr. 4) |';

describe('xmlToDraft', () => {
  test('the whole draft: header boxes, both tables, footnotes, remarks, signature', () => {
    const lines = xmlToDraft(EXERCISE_AND_SALE).split('\n');
    const at = (needle: string): number => lines.findIndex((l) => l.startsWith(needle));
    assert.deepEqual(lines.slice(at('1. '), at('Rule 10b5-1') + 1), [
      '1. Name and Address of Reporting Person: Doe Jane, 1 MAIN ST, SPRINGFIELD, IL 62701',
      '2. Issuer Name and Ticker or Trading Symbol: EXAMPLE & SONS, INC. [EXS]',
      '3. Date of Earliest Transaction: 06/20/2024',
      '4. If Amendment, Date of Original Filed:',
      '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Sales)',
      '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
      '[ ] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.',
      'Rule 10b5-1(c) Transaction Indication: [x]',
    ]);
    const tableI = at('Table I -');
    assert.deepEqual(lines.slice(tableI, tableI + 7), [
      'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      '',
      TITLES_I,
      '|---|---|---|---|---|---|---|---|---|---|---|',
      '| Common Stock | 06/20/2024 | | M (1) | | 10,000 | A | $4.10 | 65,500 | D | |',
      '| Common Stock | 06/20/2024 | | S (1) | | 10,000 | D | $18.3654 (2) | 55,500 | D | |',
      '| Common Stock | | | | | | | | 1,200 | I | By Trust (3) |',
    ]);
    const tableII = at('Table II -');
    assert.equal(lines[tableII + 3], '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    assert.equal(lines[tableII + 4], '| Stock Option (right to buy) | $4.10 | 06/20/2024 | | M (1) | | | 10,000 | (4) | 11/05/2030 | Common Stock | 10,000 | $0 | 140,591 | D | |');
    const explanation = at('Explanation of Responses:');
    assert.deepEqual(lines.slice(explanation, explanation + 6), [
      'Explanation of Responses:',
      '',
      '(1) The transactions were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on February 21, 2024.',
      '(2) The price is a weighted average; the shares were sold at prices ranging from $18.00 to $18.81, inclusive. The Reporting Person undertakes to provide, upon request, full information regarding the number of shares sold at each separate price.',
      '(3) Held by the Doe Family Trust.',
      '(4) The option is fully vested & exercisable.',
    ]);
    assert.deepEqual(lines.slice(at('Remarks:')), ['Remarks: Exhibit 24 - Power of Attorney', '', '/s/ Jane Doe', '', '06/21/2024', '']);
  });

  test('the converted draft of a correct filing checks clean', () => {
    assert.deepEqual(check(xmlToDraft(EXERCISE_AND_SALE)), []);
  });

  test('inside a full-submission text it converts the same', () => {
    const wrapped = `<SEC-DOCUMENT>0000000000-24-000001.txt : 20240621\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t4\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n${EXERCISE_AND_SALE}\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n`;
    assert.equal(xmlToDraft(wrapped), xmlToDraft(EXERCISE_AND_SALE));
  });

  test('joint filers: one box 1 and one box 5 line per owner, box 6 joint, one /s/ line and date per signature', () => {
    const xml = `<ownershipDocument><periodOfReport>2024-06-20</periodOfReport>
      <issuer><issuerName>EXAMPLE INC</issuerName><issuerTradingSymbol>EXI</issuerTradingSymbol></issuer>
      ${owner('Fund One LP', '<isTenPercentOwner>1</isTenPercentOwner>')}
      ${owner('Roe Richard', '<isDirector>true</isDirector><isOther>true</isOther><otherText>Member of 13(d) group</otherText>')}
      <ownerSignature><signatureName>Fund One LP, By: /s/ Richard Roe</signatureName><signatureDate>2024-06-21</signatureDate></ownerSignature>
      <ownerSignature><signatureName>/s/ Richard Roe</signatureName><signatureDate>2024-06-22</signatureDate></ownerSignature>
    </ownershipDocument>`;
    const lines = xmlToDraft(xml).split('\n');
    assert.deepEqual(lines.filter((l) => /^[156]\. /.test(l)), [
      '1. Name and Address of Reporting Person: Fund One LP, 1 MAIN ST, SPRINGFIELD, IL 62701',
      '1. Name and Address of Reporting Person: Roe Richard, 1 MAIN ST, SPRINGFIELD, IL 62701',
      '5. Relationship of Reporting Person(s) to Issuer: 10% Owner',
      '5. Relationship of Reporting Person(s) to Issuer: Director, Other (Member of 13(d) group)',
      '6. Individual or Joint/Group Filing: Form filed by More than One Reporting Person',
    ]);
    // No aff10b5One, no notSubjectToSection16: neither line.
    assert.equal(lines.some((l) => /10b5-1|Section 16/.test(l)), false);
    const signatures = lines.slice(lines.findIndex((l) => l.startsWith('/s/')));
    assert.deepEqual(signatures, ['/s/ Fund One LP, By: /s/ Richard Roe', '', '06/21/2024', '', '/s/ Richard Roe', '', '06/22/2024', '']);
  });

  test('V for timeliness E, (K) for an equity swap, $ for dollar values, references on every annotated element', () => {
    const xml = `<ownershipDocument>
      <nonDerivativeTable><nonDerivativeTransaction>
        <securityTitle>${v('Common Stock', 1)}</securityTitle>
        <transactionDate>${v('2024-06-20', 2)}</transactionDate>
        <deemedExecutionDate>${v('2024-06-21', 3)}</deemedExecutionDate>
        <transactionCoding><transactionFormType>5</transactionFormType><transactionCode>J</transactionCode><equitySwapInvolved>true</equitySwapInvolved></transactionCoding>
        <transactionTimeliness>${v('E', 4)}</transactionTimeliness>
        <transactionAmounts>
          <transactionTotalValue>${v('1500000', 5)}</transactionTotalValue>
          <transactionPricePerShare><footnoteId id="F6"/></transactionPricePerShare>
          <transactionAcquiredDisposedCode>${v('A', 7)}</transactionAcquiredDisposedCode>
        </transactionAmounts>
        <postTransactionAmounts><valueOwnedFollowingTransaction>${v('2500000.50', 8)}</valueOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership>${v('I', 9)}</directOrIndirectOwnership><natureOfOwnership>${v('By LLC | Partners &lt;GP&gt;', 10)}</natureOfOwnership></ownershipNature>
      </nonDerivativeTransaction></nonDerivativeTable>
      <derivativeTable><derivativeHolding>
        <securityTitle>${v('Convertible Notes')}</securityTitle>
        <conversionOrExercisePrice>${v('12.5')}</conversionOrExercisePrice>
        <exerciseDate><footnoteId id="F11"/></exerciseDate>
        <expirationDate>${v('2029-01-31')}</expirationDate>
        <underlyingSecurity><underlyingSecurityTitle>${v('Common Stock')}</underlyingSecurityTitle><underlyingSecurityValue>${v('1000000')}</underlyingSecurityValue></underlyingSecurity>
        <postTransactionAmounts><sharesOwnedFollowingTransaction>${v('1')}</sharesOwnedFollowingTransaction></postTransactionAmounts>
        <ownershipNature><directOrIndirectOwnership>${v('D')}</directOrIndirectOwnership></ownershipNature>
      </derivativeHolding></derivativeTable>
    </ownershipDocument>`;
    const lines = xmlToDraft(xml).split('\n');
    const rowI = lines[lines.findIndex((l) => l.startsWith('Table I -')) + 4];
    assert.equal(rowI, '| Common Stock (1) | 06/20/2024 (2) | 06/21/2024 (3) | J(K) | V (4) | $1,500,000 (5) | A (7) | (6) | $2,500,000.50 (8) | I (9) | By LLC \\| Partners \\<GP> (10) |');
    const rowII = lines[lines.findIndex((l) => l.startsWith('Table II -')) + 4];
    assert.equal(rowII, '| Convertible Notes | $12.5 | | | | | | | (11) | 01/31/2029 | Common Stock | $1,000,000 | | 1 | D | |');
  });

  test('a Table II disposal goes into column 5 (D), an acquisition into 5 (A), with the references of both amount elements', () => {
    const row = (direction: string): string => `<ownershipDocument><derivativeTable><derivativeTransaction>
        <securityTitle>${v('Warrant')}</securityTitle>
        <transactionDate>${v('2024-06-20')}</transactionDate>
        <transactionCoding><transactionCode>X</transactionCode></transactionCoding>
        <transactionAmounts><transactionShares>${v('2500', 1)}</transactionShares><transactionAcquiredDisposedCode>${v(direction, 2)}</transactionAcquiredDisposedCode></transactionAmounts>
      </derivativeTransaction></derivativeTable></ownershipDocument>`;
    const dataRow = (xml: string): string[] => (xmlToDraft(xml).split('\n').find((l) => l.startsWith('| Warrant')) ?? '').split('|').map((c) => c.trim());
    const disposed = dataRow(row('D'));
    assert.deepEqual([disposed[7], disposed[8]], ['', '2,500 (1) (2)']);
    const acquired = dataRow(row('A'));
    assert.deepEqual([acquired[7], acquired[8]], ['2,500 (1) (2)', '']);
  });

  test('the Table I title row is read as a header row, not data', () => {
    const text = xmlToDraft('<ownershipDocument/>');
    assert.ok(text.includes(TITLES_I));
    assert.equal(check(text).some((f) => f.rule === 'row-shape' || f.rule === 'missing-value'), false);
  });
});
