/**
 * EDGAR full-submission text files: findOwnershipXml finds the ownership XML among the documents
 * (its span in the file's own coordinates), and sniffOwnership tells an ownership XML file and a
 * submission holding one from anything else, cheaply. Fixtures written for these tests.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findOwnershipXml, SNIFF_LIMIT, sniffOwnership } from '../../../server/src/service/parse/xml/submission';
import { readXmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { FORM4_XML } from './fixtures';

const HEADER = `<SEC-DOCUMENT>0000000000-24-000001.txt : 20240318
<SEC-HEADER>0000000000-24-000001.hdr.sgml : 20240318
ACCESSION NUMBER:\t\t0000000000-24-000001
CONFORMED SUBMISSION TYPE:\t4
PUBLIC DOCUMENT COUNT:\t\t2
</SEC-HEADER>
`;

function document(type: string, filename: string, body: string): string {
  return `<DOCUMENT>\n<TYPE>${type}\n<SEQUENCE>1\n<FILENAME>${filename}\n<TEXT>\n${body}\n</TEXT>\n</DOCUMENT>\n`;
}

function submission(...documents: string[]): string {
  return `${HEADER}${documents.join('')}</SEC-DOCUMENT>\n`;
}

const POWER_OF_ATTORNEY = document(
  'EX-24',
  'poa.htm',
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><xml><o:DocumentProperties/></xml></head><body>POWER OF ATTORNEY</body></html>',
);
const OTHER_XML = document('EX-99', 'other.xml', '<XML>\n<?xml version="1.0"?>\n<edgarSubmission><x/></edgarSubmission>\n</XML>');
const FORM4 = document('4', 'form4.xml', `<XML>\n${FORM4_XML}</XML>`);

describe('findOwnershipXml', () => {
  test('the span starts at <?xml (not at the line break after <XML>) and ends before </XML>, in the file\'s coordinates', () => {
    const text = submission(FORM4);
    const span = findOwnershipXml(text);
    assert.ok(span);
    assert.equal(span.start, text.indexOf('<?xml'));
    assert.equal(span.end, text.indexOf('</XML>'));
    assert.equal(text.slice(span.start, span.end), FORM4_XML);
    const tree = readXmlTree(text, span.start, span.end);
    assert.deepEqual(tree.problems, []);
    assert.ok(tree.root);
    assert.ok(text.startsWith('<ownershipDocument', tree.root.start));
    assert.equal(tree.declaration?.start, span.start);
  });

  test('among several documents, the one whose XML root is ownershipDocument (not an exhibit, not an HTML <xml> island)', () => {
    const text = submission(POWER_OF_ATTORNEY, OTHER_XML, FORM4);
    const span = findOwnershipXml(text);
    assert.ok(span);
    assert.equal(span.start, text.indexOf('<?xml', text.indexOf('<TYPE>4')));
    assert.equal(readXmlTree(text, span.start, span.end).root?.name, 'ownershipDocument');
  });

  test('without a declaration the span starts at the root; a truncated file runs to its end', () => {
    const body = FORM4_XML.slice(FORM4_XML.indexOf('<ownershipDocument>'), 400);
    const text = `${HEADER}<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\r\n  ${body}`;
    const span = findOwnershipXml(text);
    assert.deepEqual(span, { start: text.indexOf('<ownershipDocument>'), end: text.length });
  });

  test('none: no <XML>, another root, <XML> not at the start of a line', () => {
    assert.equal(findOwnershipXml(submission(POWER_OF_ATTORNEY, OTHER_XML)), undefined);
    assert.equal(findOwnershipXml(FORM4_XML), undefined);
    assert.equal(findOwnershipXml(`text <XML>${FORM4_XML}</XML>`), undefined);
    assert.equal(findOwnershipXml(''), undefined);
  });
});

describe('sniffOwnership', () => {
  test('ownership XML: bare, with a BOM, comments, PIs, a DOCTYPE or a prefix before or on the root', () => {
    for (const text of [
      FORM4_XML,
      `\uFEFF${FORM4_XML}`,
      '<ownershipDocument/>',
      '  \r\n<ownershipDocument>',
      '<?xml version="1.0"?><!-- a comment --><?xml-stylesheet href="x"?>\n<ownershipDocument>',
      '<!DOCTYPE ownershipDocument [ <!ENTITY a "<b>"> ]><ownershipDocument>',
      '<edgar:ownershipDocument xmlns:edgar="urn:x">',
    ]) {
      assert.equal(sniffOwnership(text), 'ownership-xml', JSON.stringify(text.slice(0, 50)));
    }
  });

  test('an EDGAR submission that holds an ownershipDocument', () => {
    assert.equal(sniffOwnership(submission(POWER_OF_ATTORNEY, FORM4)), 'edgar-submission');
    assert.equal(sniffOwnership(`-----BEGIN PRIVACY-ENHANCED MESSAGE-----\nProc-Type: 2001,MIC-CLEAR\n\n${submission(FORM4)}`), 'edgar-submission');
  });

  test('anything else: undefined', () => {
    for (const text of [
      '',
      '   ',
      '{ "name": "form4" }',
      '<html><body>ownershipDocument</body></html>',
      '<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><ownershipDocument/></body></html>',
      '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="ownershipDocument"/></xs:schema>',
      '<ownershipDocuments>',
      '<ownershipDocumentX/>',
      '<ownershipDocument',
      '<!-- unterminated comment <ownershipDocument>',
      'FORM 4\n<ownershipDocument>',
      submission(POWER_OF_ATTORNEY, OTHER_XML),
      submission(document('10-K', 'k.htm', '<html>10-K</html>')),
    ]) {
      assert.equal(sniffOwnership(text), undefined, JSON.stringify(text.slice(0, 50)));
    }
  });

  test(`it looks no further than the first ${SNIFF_LIMIT.toLocaleString('en-US')} characters`, () => {
    const comment = `<!--${'x'.repeat(SNIFF_LIMIT)}-->`;
    assert.equal(sniffOwnership(`${comment}<ownershipDocument>`), undefined);
    assert.equal(sniffOwnership(`${HEADER}${'\n'.repeat(SNIFF_LIMIT)}${FORM4}`), undefined);
    assert.equal(sniffOwnership(`<!--${'x'.repeat(SNIFF_LIMIT - 100)}--><ownershipDocument>`), 'ownership-xml');
  });

  test('it costs microseconds, whatever the size of the file', (t) => {
    const big = `<?xml version="1.0"?>\n<ownershipDocument>${'<a>x</a>'.repeat(2_000_000)}</ownershipDocument>`;
    const other = `{"a": "${'x'.repeat(16_000_000)}"}`;
    const sub = submission(POWER_OF_ATTORNEY, FORM4) + 'x'.repeat(16_000_000);
    const runs = 1000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) {
      assert.equal(sniffOwnership(big), 'ownership-xml');
      assert.equal(sniffOwnership(other), undefined);
      assert.equal(sniffOwnership(sub), 'edgar-submission');
    }
    const each = ((performance.now() - started) * 1000) / (3 * runs);
    t.diagnostic(`sniffOwnership: ${each.toFixed(1)} µs a call on 16 MB files`);
    assert.ok(each < 500, `${each} µs`);
  });
});
