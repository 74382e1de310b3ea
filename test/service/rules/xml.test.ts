/**
 * The rules of EDGAR XML, each both ways: a document that breaks it (the finding, at the exact
 * element, with its message) and a near miss that does not. The fixtures are the correct Wilson
 * filing of test/support/xml.ts with one thing changed.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineOf } from '../../support/drafts';
import { checkXml, EXERCISE_XML, ISSUER, OWNER, ownershipXml, SALE_XML, transactionI } from '../../support/xml';

function only(text: string, rule: string): { line: number; column: number; message: string }[] {
  return checkXml(text)
    .filter((f) => f.rule === rule)
    .map((f) => ({ line: f.line, column: f.column, message: f.message }));
}

/** The 1-based column of `needle` on its first line. */
function col(text: string, needle: string): number {
  const line = text.split('\n')[lineOf(text, needle) - 1] ?? '';
  return line.indexOf(needle) + 1;
}

describe('xml-malformed', () => {
  test('an end tag that does not match, a bare &, a DOCTYPE: each at its markup, and the rest still checked', () => {
    const text = ownershipXml({ remarks: '  <remarks>Tom & Jerry</remarks>' }).replace('<?xml version="1.0"?>', '<?xml version="1.0"?>\n<!DOCTYPE ownershipDocument>');
    const found = only(text, 'xml-malformed');
    assert.deepEqual(found.map((f) => f.line), [lineOf(text, '<!DOCTYPE'), lineOf(text, 'Tom & Jerry')]);
    assert.match(found[0]?.message ?? '', /DOCTYPE/);
    assert.match(found[1]?.message ?? '', /&/);
    // The model is still read: no other finding on the correct filing.
    assert.deepEqual(checkXml(text).filter((f) => !f.rule.startsWith('xml-')), []);
  });

  test('near miss: entities and CDATA written right', () => {
    assert.deepEqual(only(ownershipXml({ remarks: '  <remarks>Tom &amp; Jerry <![CDATA[<b>]]></remarks>' }), 'xml-malformed'), []);
  });
});

describe('xml-root', () => {
  test('another root element; a documentType that is no ownership form', () => {
    assert.deepEqual(only('<html><body/></html>', 'xml-root'), [{ line: 1, column: 1, message: 'The root element is <html>, but an EDGAR ownership document (Form 4) is an <ownershipDocument>.' }]);
    const other = ownershipXml({ documentType: '13G' });
    assert.deepEqual(only(other, 'xml-root'), [{ line: lineOf(other, '<documentType>'), column: 3, message: 'The documentType is "13G", but this checker reads only Form 4 (4) and its amendments (4/A), and Forms 3 and 5 for the filing history.' }]);
  });

  test('a Form 3 or 5 is read for the history: one information, and no Form 4 finding', () => {
    for (const type of ['3', '3/A', '5', '5/A']) {
      const text = ownershipXml({ documentType: type });
      const found = checkXml(text);
      assert.deepEqual(found.map((f) => [f.rule, f.severity, f.line, f.column]), [['xml-root', 'information', lineOf(text, '<documentType>'), 3]], type);
      assert.equal(found[0]?.message, `This is a Form ${type}: it is read for its holdings, as a filing of the reporting person's history, and not checked as a Form 4`);
    }
  });

  test('near miss: 4/A with the date of the original', () => {
    assert.deepEqual(only(ownershipXml({ documentType: '4/A', header: '  <periodOfReport>2013-08-06</periodOfReport>\n  <dateOfOriginalSubmission>2013-08-07</dateOfOriginalSubmission>' }).replace('2013-08-07</signatureDate>', '2013-08-09</signatureDate>'), 'xml-root'), []);
  });
});

describe('xml-schema', () => {
  test('an element out of order, a required one missing, one unknown: each placed on the element', () => {
    const swapped = ownershipXml({ issuer: '  <issuer>\n    <issuerTradingSymbol>QLYS</issuerTradingSymbol>\n    <issuerCik>0001107843</issuerCik>\n  </issuer>' });
    assert.deepEqual(only(swapped, 'xml-schema'), [
      { line: lineOf(swapped, '<issuerCik>'), column: 5, message: 'The element <issuerCik> is out of order in <issuer>: the schema puts it before <issuerTradingSymbol>.' },
    ]);
    const unknown = ownershipXml({ issuer: ISSUER.replace('</issuer>', '  <issuerWebsite>qualys.com</issuerWebsite>\n  </issuer>') });
    assert.deepEqual(only(unknown, 'xml-schema'), [{ line: lineOf(unknown, '<issuerWebsite>'), column: 5, message: "The element <issuerWebsite> is not in EDGAR's ownership schema (X0508)." }]);
    const noDate = ownershipXml({ tableI: EXERCISE_XML.replace(/ {6}<transactionDate>[\s\S]*?<\/transactionDate>\n/, '') + '\n' + SALE_XML });
    const missing = only(noDate, 'xml-schema');
    assert.equal(missing.length, 1);
    assert.equal(missing[0]?.line, lineOf(noDate, '<nonDerivativeTransaction>'));
    assert.match(missing[0]?.message ?? '', /has no <transactionDate>/);
  });

  test('a CIK that is not one to ten digits', () => {
    const text = ownershipXml({ issuer: ISSUER.replace('0001107843', 'QLYS-1') });
    assert.deepEqual(only(text, 'xml-schema'), [{ line: lineOf(text, 'QLYS-1'), column: col(text, 'QLYS-1'), message: 'The issuerCik "QLYS-1" is not a CIK, which is one to ten digits.' }]);
  });

  test('near miss: optional elements left out, a price given by footnote only', () => {
    const footnoted = SALE_XML.replace('<value>18.3654</value>\n          <footnoteId id="F1"/>', '<footnoteId id="F1"/>');
    assert.deepEqual(only(ownershipXml({ tableI: `${EXERCISE_XML}\n${footnoted}` }), 'xml-schema'), []);
  });
});

describe('xml-choice', () => {
  test('a yes/no written N; a form type 6; an early timeliness on a form type 4 transaction', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML.replace('<equitySwapInvolved>0<', '<equitySwapInvolved>N<')}\n${transactionI({ code: 'S', shares: '10000', price: '18.3654', ad: 'D', owned: '55500', priceFootnote: 'F1', timeliness: 'E' })}` });
    const found = only(text, 'xml-choice');
    assert.deepEqual(found.map((f) => f.message), [
      'The value of equitySwapInvolved is "N", but EDGAR\'s XML writes a no as 0 or false.',
      'A transaction of form type 4 is on time by definition: an early one (E) has transactionFormType 5.',
    ]);
    const six = ownershipXml({ tableI: `${EXERCISE_XML.replace('<transactionFormType>4<', '<transactionFormType>6<')}\n${SALE_XML}` });
    assert.deepEqual(only(six, 'xml-choice').map((f) => f.line), [lineOf(six, '<transactionFormType>6')]);
  });

  test('near miss: true and false, a form type 5 transaction reported early', () => {
    const early = transactionI({ code: 'G', shares: '100', price: '0', ad: 'D', owned: '55400', formType: '5', timeliness: 'E', date: '2013-06-01' });
    const text = ownershipXml({ tableI: `${EXERCISE_XML.replace('<equitySwapInvolved>0<', '<equitySwapInvolved>false<')}\n${SALE_XML}\n${early}` });
    assert.deepEqual(only(text, 'xml-choice'), []);
  });
});

describe('xml-date', () => {
  test('a date written MM/DD/YYYY is read (so the other rules run) and reported', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML.replace('<value>2013-08-06</value>', '<value>08/06/2013</value>')}\n${SALE_XML}` });
    assert.deepEqual(only(text, 'xml-date'), [
      { line: lineOf(text, '<transactionDate>'), column: 7, message: 'The transactionDate "08/06/2013" is written as on paper. EDGAR\'s XML writes dates YYYY-MM-DD.' },
    ]);
    assert.deepEqual(checkXml(text).filter((f) => !f.rule.startsWith('xml-')), []);
  });

  test('a blank date; a date that does not exist is an invalid-date instead', () => {
    const blank = ownershipXml({ header: '  <periodOfReport></periodOfReport>' });
    assert.equal(only(blank, 'xml-date')[0]?.line, lineOf(blank, '<periodOfReport>'));
    const impossible = ownershipXml({ header: '  <periodOfReport>2013-02-30</periodOfReport>' });
    assert.deepEqual(only(impossible, 'xml-date'), []);
    assert.equal(checkXml(impossible).find((f) => f.rule === 'invalid-date')?.line, lineOf(impossible, '<periodOfReport>'));
  });

  test('near miss: a date with a time zone, as XML Schema allows', () => {
    assert.deepEqual(only(ownershipXml({ header: '  <periodOfReport>2013-08-06-05:00</periodOfReport>' }), 'xml-date'), []);
  });
});

describe('xml-decimal', () => {
  test('10,000 and $4.10 are read and reported; five decimals; over the maximum', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML.replace('<value>10000</value>', '<value>10,000</value>').replace('<value>4.10</value>', '<value>$4.10</value>')}\n${SALE_XML.replace('18.3654', '18.36541')}` });
    const found = only(text, 'xml-decimal');
    assert.deepEqual(found.map((f) => f.message), [
      'The amount "10,000" is written as on paper. EDGAR\'s XML takes digits and a period only: write 10000.',
      'The price "$4.10" is written as on paper. EDGAR\'s XML takes digits and a period only: write 4.1.',
      'The price 18.36541 has 5 decimals, and EDGAR takes at most 4.',
    ]);
    assert.deepEqual(checkXml(text).filter((f) => !f.rule.startsWith('xml-') && f.rule !== 'weighted-average'), []);
    const big = ownershipXml({ tableI: `${EXERCISE_XML}\n${SALE_XML.replace('<value>55500</value>', '<value>1000000000000</value>')}` });
    assert.match(only(big, 'xml-decimal')[0]?.message ?? '', /over EDGAR's maximum/);
  });

  test('near miss: 0.00, .5 and 0.0001', () => {
    const text = ownershipXml({ tableII: '' , tableI: `${transactionI({ code: 'P', shares: '.5', price: '0.0001', ad: 'A', owned: '0.5' })}` }).replace('<derivativeTable>\n\n  </derivativeTable>', '<derivativeTable>\n  </derivativeTable>');
    assert.deepEqual(only(text, 'xml-decimal'), []);
  });
});

describe('xml-footnote-id', () => {
  test('F01 in a reference, f1 on a footnote: reported, and still matched', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML}\n${SALE_XML.replace('id="F1"', 'id="F01"')}`, footnotes: '    <footnote id="f1">The price reported is the weighted average sale price, ranging from $18.00 to $18.81 per share. Full information regarding the number of shares sold at each separate price will be provided upon request.</footnote>' });
    const found = only(text, 'xml-footnote-id');
    assert.deepEqual(found.map((f) => [f.line, f.column]), [[lineOf(text, 'id="F01"'), col(text, 'F01')], [lineOf(text, 'id="f1"'), col(text, 'f1"')]]);
    assert.equal(found[0]?.message, 'The footnote id "F01" is not F1 to F99: EDGAR suspends a filing with any other form ("F01", "f3", "1").');
    assert.deepEqual(checkXml(text).filter((f) => f.rule.startsWith('footnote-')), []);
  });

  test('near miss: F1 … F99', () => {
    assert.deepEqual(only(ownershipXml(), 'xml-footnote-id'), []);
  });
});

describe('xml-length', () => {
  test('an officer title of 48 characters, a title of 61', () => {
    const long = 'Executive Vice President, Worldwide Field Operations'.slice(0, 48);
    const title = 'C'.repeat(61);
    const text = ownershipXml({ owners: OWNER.replace('EVP, Worldwide Field Ops', long), tableI: `${EXERCISE_XML.replace(/Common Stock/g, title)}\n${SALE_XML.replace(/Common Stock/g, title)}` });
    assert.deepEqual(only(text, 'xml-length').map((f) => f.message), [
      'The officerTitle has 48 characters, and EDGAR stores at most 30.',
      'The securityTitle has 61 characters, and EDGAR stores at most 60.',
      'The securityTitle has 61 characters, and EDGAR stores at most 60.',
    ]);
  });

  test('characters, not UTF-16 units: 30 emoji are 30 characters', () => {
    assert.deepEqual(only(ownershipXml({ owners: OWNER.replace('EVP, Worldwide Field Ops', '😀'.repeat(30)) }), 'xml-length'), []);
  });

  test('near miss: 30 and 60 characters', () => {
    const text = ownershipXml({ owners: OWNER.replace('EVP, Worldwide Field Ops', 'E'.repeat(30)) });
    assert.deepEqual(only(text, 'xml-length'), []);
  });
});

describe('xml-schema: the state code', () => {
  test("a state written by its name, and a code Appendix A does not have", () => {
    const named = ownershipXml({ owners: OWNER.replace('<rptOwnerState>CA</rptOwnerState>', '<rptOwnerState>California</rptOwnerState>') });
    assert.deepEqual(only(named, 'xml-schema'), [
      { line: lineOf(named, '<rptOwnerState>'), column: col(named, 'California'), message: `The rptOwnerState "California" is not one of EDGAR's state or country codes (Appendix A): its code is CA.` },
    ]);
    const unknown = ownershipXml({ owners: OWNER.replace('<rptOwnerState>CA</rptOwnerState>', '<rptOwnerState>QQ</rptOwnerState>') });
    assert.match(only(unknown, 'xml-schema')[0]?.message ?? '', /"QQ" is not one of EDGAR's state or country codes \(Appendix A\), which are two letters or a letter and a digit, such as CA\./);
  });

  test('near miss: CA, A6 (Ontario), and an obsolete code still listed', () => {
    for (const code of ['CA', 'A6', 'U2']) {
      assert.deepEqual(only(ownershipXml({ owners: OWNER.replace('<rptOwnerState>CA</rptOwnerState>', `<rptOwnerState>${code}</rptOwnerState>`) }), 'xml-schema'), [], code);
    }
  });
});

describe('xml-amendment', () => {
  test('4/A without the date of the original; 4 with one', () => {
    const amendment = ownershipXml({ documentType: '4/A' });
    assert.deepEqual(only(amendment, 'xml-amendment'), [{ line: lineOf(amendment, '<ownershipDocument>'), column: 1, message: 'The documentType is 4/A but there is no dateOfOriginalSubmission. An amendment gives the date the original was filed.' }]);
    const original = ownershipXml({ header: '  <periodOfReport>2013-08-06</periodOfReport>\n  <dateOfOriginalSubmission>2013-08-07</dateOfOriginalSubmission>' });
    assert.equal(only(original, 'xml-amendment')[0]?.line, lineOf(original, '<dateOfOriginalSubmission>'));
  });

  test('near miss: 4/A with its date', () => {
    const text = ownershipXml({ documentType: '4/A', header: '  <periodOfReport>2013-08-06</periodOfReport>\n  <dateOfOriginalSubmission>2013-08-07</dateOfOriginalSubmission>' });
    assert.deepEqual(only(text, 'xml-amendment'), []);
  });
});

describe('xml-owner-cik', () => {
  test('the same owner twice, the CIK once with its leading zeros', () => {
    const twice = OWNER.replace('0001234567', '1234567');
    const text = ownershipXml({ owners: `${OWNER}\n${twice}` });
    assert.deepEqual(only(text, 'xml-owner-cik'), [{ line: lineOf(text, '<rptOwnerCik>1234567'), column: col(text, '<rptOwnerCik>1234567') + '<rptOwnerCik>'.length, message: 'The reporting owner with CIK 1234567 is listed twice, and EDGAR suspends a filing that names an owner more than once (Technical Specification §4.3).' }]);
  });

  test('near miss: two owners with their own CIKs', () => {
    assert.deepEqual(only(ownershipXml({ owners: `${OWNER}\n${OWNER.replace('0001234567', '0007654321')}` }), 'xml-owner-cik'), []);
  });
});
