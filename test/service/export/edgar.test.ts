/**
 * model/edgar.ts against the SEC's schema text, read at test time with the project's XML tree
 * reader: the state codes of Appendix A, the choice lists, the lengths, the patterns and the
 * decimal facets. A table typed once by hand cannot drift from the schema unnoticed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TRANSACTION_CODES as INSTRUCTION_8 } from '../../../server/src/service/model/codes';
import { decimal } from '../../../server/src/service/model/decimal';
import {
  ACQUIRED_DISPOSED,
  CIK_PATTERN,
  FOOTNOTE_ID_PATTERN,
  isXmlCharacter,
  MAX_LENGTH,
  MAX_OCCURS,
  MIN_LENGTH,
  OWNERSHIP_FORMS,
  POSITIVE_DECIMAL,
  positiveDecimalFault,
  STATE_CODES,
  stateCodeForName,
  TIMELINESS,
  TRANSACTION_CODES,
  TRANSACTION_FORM_TYPES,
  xmlLength,
  ZIP_CODE_PATTERN,
} from '../../../server/src/service/model/edgar';
import { attributeNamed, elementsOf, readXmlTree, type XmlElement } from '../../../server/src/service/parse/xml/xmlTree';
import { NO_XSD, XSD_DIR } from '../../support/xsd';

function schema(file: string): XmlElement {
  const root = readXmlTree(readFileSync(join(XSD_DIR, file), 'utf8')).root;
  assert.ok(root);
  return root;
}

const attr = (e: XmlElement, name: string): string | undefined => attributeNamed(e, name)?.value;

/** The xs:element or xs:simpleType/xs:complexType named so, anywhere in the schema. */
function named(root: XmlElement, kind: 'element' | 'simpleType' | 'complexType', name: string): XmlElement {
  for (const e of elementsOf(root)) if (e.localName === kind && attr(e, 'name') === name) return e;
  throw new Error(`no xs:${kind} ${name}`);
}

/** A facet's value under an element (`maxLength`, `pattern`, …), the first found. */
function facet(element: XmlElement, name: string): string | undefined {
  for (const e of elementsOf(element)) if (e.localName === name) return attr(e, 'value');
  return undefined;
}

describe('model/edgar.ts matches the SEC schema', { skip: NO_XSD }, () => {
  const common = (): XmlElement => schema('ownershipDocumentCommon.xsd.xml');
  const form4 = (): XmlElement => schema('ownership4Document.X0508.xsd.xml');

  test('rptOwnerState: every code of the enumeration, in its order, and nothing else', () => {
    const values = [...elementsOf(named(common(), 'element', 'rptOwnerState'))].filter((e) => e.localName === 'enumeration').map((e) => attr(e, 'value') ?? '');
    assert.deepEqual([...STATE_CODES.keys()], values.filter((v) => v.trim() !== ''));
    assert.deepEqual(values.filter((v) => v.trim() === ''), ['', ' ', '  '], 'the blanks, which mean no state, are not codes');
    // §3.6.5: "EDGAR recognizes 309 two-character designators"; the rest are obsolete.
    assert.equal([...STATE_CODES.values()].filter((s) => !s.obsolete).length, 309);
    assert.deepEqual([...STATE_CODES.values()].filter((s) => s.obsolete).map((s) => s.code).slice(0, 3), ['C2', 'E5', 'E7']);
    assert.equal(STATE_CODES.get('CA')?.name, 'CALIFORNIA');
    assert.equal(STATE_CODES.get('X0')?.name, 'UNITED KINGDOM');
  });

  test('names to codes, for the exporter\'s advice', () => {
    assert.equal(stateCodeForName('California'), 'CA');
    assert.equal(stateCodeForName('new york'), 'NY');
    assert.equal(stateCodeForName('Ontario'), 'A6');
    assert.equal(stateCodeForName('Atlantis'), undefined);
  });

  test('the choice lists', () => {
    assert.equal(facet(named(common(), 'simpleType', 'TRANS_CODE_PICKLIST'), 'pattern'), TRANSACTION_CODES.join('|'));
    assert.deepEqual([...TRANSACTION_CODES].sort(), INSTRUCTION_8.map((c) => c.code).sort(), 'the codes of Instruction 8 are the schema\'s');
    assert.equal(facet(named(common(), 'simpleType', 'ACQ_DISP_CODE_PICKLIST'), 'pattern'), ACQUIRED_DISPOSED.join('|'));
    assert.equal(facet(named(common(), 'simpleType', 'OWNERSHIP_TYPE_PICKLIST'), 'pattern'), OWNERSHIP_FORMS.join('|'));
    assert.equal(facet(named(common(), 'simpleType', 'TRANS_TIMELY_PICKLIST'), 'pattern'), `[${TIMELINESS.join('|')}]{0,1}`);
    assert.equal(facet(named(form4(), 'simpleType', 'TRANS_FORM4_TYPE_PICKLIST'), 'pattern'), TRANSACTION_FORM_TYPES.join('|'));
    assert.equal(facet(named(form4(), 'simpleType', 'DOCUMENT_TYPE'), 'pattern'), '4');
    assert.equal(facet(named(schema('ownership4ADocument.X0508.xsd.xml'), 'simpleType', 'DOCUMENT_TYPE'), 'pattern'), '4/A');
  });

  test('the lengths', () => {
    const c = common();
    const inline = (name: string, f = 'maxLength'): number => Number(facet(named(c, 'element', name), f));
    const typed = (type: string, f = 'maxLength'): number => Number(facet(named(c, 'complexType', type), f));
    assert.equal(MAX_LENGTH.issuerName, inline('issuerName'));
    assert.equal(MAX_LENGTH.issuerTradingSymbol, inline('issuerTradingSymbol'));
    assert.equal(MIN_LENGTH.issuerTradingSymbol, inline('issuerTradingSymbol', 'minLength'));
    assert.equal(MAX_LENGTH.rptOwnerName, inline('rptOwnerName'));
    assert.equal(MAX_LENGTH.rptOwnerStreet1, inline('rptOwnerStreet1'));
    assert.equal(MAX_LENGTH.rptOwnerStreet2, inline('rptOwnerStreet2'));
    assert.equal(MAX_LENGTH.rptOwnerCity, inline('rptOwnerCity'));
    assert.equal(MAX_LENGTH.rptOwnerZipCode, inline('rptOwnerZipCode'));
    assert.equal(MAX_LENGTH.signatureName, inline('signatureName'));
    assert.equal(MIN_LENGTH.signatureName, inline('signatureName', 'minLength'));
    assert.equal(MAX_LENGTH.securityTitle, typed('SECURITY_TITLE'));
    assert.equal(MIN_LENGTH.securityTitle, typed('SECURITY_TITLE', 'minLength'));
    assert.equal(MAX_LENGTH.underlyingSecurityTitle, typed('SECURITY_TITLE'));
    assert.equal(MAX_LENGTH.natureOfOwnership, typed('INDIRECT_NATURE'));
    assert.equal(MAX_LENGTH.officerTitle, Number(facet(named(c, 'simpleType', 'STRING_30'), 'maxLength')));
    assert.equal(MAX_LENGTH.otherText, Number(facet(named(c, 'simpleType', 'STRING_30'), 'maxLength')));
    assert.equal(MAX_LENGTH.remarks, Number(facet(named(c, 'simpleType', 'STRING_2000'), 'maxLength')));
    // The schema sets no length on a footnote (mixed content); §3.5 gives 1,000.
    assert.equal(facet(named(c, 'complexType', 'FOOTNOTE'), 'maxLength'), undefined);
    assert.equal(MAX_LENGTH.footnote, 1000);
  });

  test('the patterns and the decimal facets', () => {
    const c = common();
    const cik = named(c, 'simpleType', 'CIK');
    assert.equal(CIK_PATTERN.source, `^${facet(cik, 'pattern')?.replace('+', `{${facet(cik, 'minLength')},${facet(cik, 'maxLength')}}`)}$`);
    assert.equal(ZIP_CODE_PATTERN.source, `^${facet(named(c, 'element', 'rptOwnerZipCode'), 'pattern')}$`);
    assert.equal(FOOTNOTE_ID_PATTERN.source, `^${facet(named(c, 'simpleType', 'FID'), 'pattern')}$`);
    const positive = named(c, 'simpleType', 'POSITIVE_DECIMAL');
    assert.equal(decimal(facet(positive, 'minInclusive') ?? '').toFixed(), decimal(POSITIVE_DECIMAL.min).toFixed());
    assert.equal(facet(positive, 'maxInclusive'), POSITIVE_DECIMAL.max);
    assert.equal(Number(facet(positive, 'totalDigits')), POSITIVE_DECIMAL.totalDigits);
    assert.equal(Number(facet(positive, 'fractionDigits')), POSITIVE_DECIMAL.fractionDigits);
  });

  test('the counts', () => {
    const f = form4();
    const document = named(f, 'element', 'ownershipDocument');
    const occurs = (name: string): number => Number([...elementsOf(document)].find((e) => e.localName === 'element' && attr(e, 'name') === name)?.attributes.find((a) => a.name === 'maxOccurs')?.value);
    assert.equal(MAX_OCCURS.reportingOwner, occurs('reportingOwner'));
    assert.equal(MAX_OCCURS.ownerSignature, occurs('ownerSignature'));
    const choice = [...elementsOf(named(f, 'complexType', 'NONDERIVATIVE_TABLE'))].find((e) => e.localName === 'choice');
    assert.equal(MAX_OCCURS.tableRows, Number(choice ? attr(choice, 'maxOccurs') : NaN));
    const group = [...elementsOf(named(common(), 'complexType', 'FOOTNOTE_GROUP'))].find((e) => e.localName === 'element');
    assert.equal(MAX_OCCURS.footnote, Number(group ? attr(group, 'maxOccurs') : NaN));
  });
});

describe('model/edgar.ts: the checks', () => {
  test('POSITIVE_DECIMAL: 0 to 999,999,999,999.9999, four decimals at most', () => {
    assert.equal(positiveDecimalFault(decimal('0')), undefined);
    assert.equal(positiveDecimalFault(decimal('999999999999.9999')), undefined);
    assert.equal(positiveDecimalFault(decimal('1000000000000')), 'maximum');
    assert.equal(positiveDecimalFault(decimal('18.36545')), 'fraction-digits');
    assert.equal(positiveDecimalFault(decimal('18.3650')), undefined, 'a trailing zero is not a decimal');
    assert.equal(positiveDecimalFault(decimal('-1')), 'negative');
  });

  test('lengths count characters, as XML Schema does, not UTF-16 units', () => {
    assert.equal(xmlLength('abc'), 3);
    assert.equal(xmlLength('a\u{1F600}b'), 3);
    assert.equal(xmlLength('é'), 1);
  });

  test('the characters XML 1.0 carries', () => {
    for (const c of [0x9, 0xa, 0xd, 0x20, 0xe9, 0xfffd, 0x1f600]) assert.equal(isXmlCharacter(c), true, c.toString(16));
    for (const c of [0x0, 0x7, 0x1b, 0xd800, 0xfffe, 0xffff]) assert.equal(isXmlCharacter(c), false, c.toString(16));
  });
});
