/**
 * The XML reader on the real filings of ../shared/corpus (read from there, never copied; skipped
 * without it): every filing reads without a problem, its root is ownershipDocument, the XML of a
 * full-submission file is found with offsets in the file's own coordinates, and sniffOwnership
 * classifies each file by its content. Eight of the files are submissions: the three `.txt` and
 * five `secform4project__*.xml`, whose names say XML but which hold the whole SGML submission.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { findOwnershipXml, sniffOwnership } from '../../../server/src/service/parse/xml/submission';
import { readXmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { CORPUS, PROJECT_ROOT, SHARED } from '../../support/paths';
import { allElements } from './fixtures';

const present = existsSync(CORPUS);
const files = present ? readdirSync(CORPUS).filter((f) => f.endsWith('.xml') || f.endsWith('.txt')).sort() : [];

const SUBMISSIONS = new Set([
  'dsgorthy-Form4__0001493152-25-015819.txt',
  'edgartools-cassette__0000320193-22-000061.txt',
  'krymer15-edgar-app__0000921895-25-001190.txt',
  'secform4project__RSU_with_disposal.xml',
  'secform4project__draftking_multi_disposal.xml',
  'secform4project__multi_standard_acquisition.xml',
  'secform4project__softbank_derivative_acquisition.xml',
  'secform4project__workday_standard_disposal.xml',
]);

function read(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

describe('the XML reader on the corpus', { skip: present ? false : `no corpus at ${CORPUS}` }, () => {
  test('the corpus has its nineteen filings', () => {
    assert.equal(files.length, 19);
  });

  for (const name of files) {
    test(name, () => {
      const text = read(name);
      const kind = sniffOwnership(text);
      assert.equal(kind, SUBMISSIONS.has(name) ? 'edgar-submission' : 'ownership-xml');
      const span = kind === 'edgar-submission' ? findOwnershipXml(text) : { start: 0, end: text.length };
      assert.ok(span, 'the submission holds ownership XML');
      if (kind === 'edgar-submission') {
        assert.equal(text.slice(span.start, span.start + 5), '<?xml');
        assert.equal(text.slice(span.end, span.end + 6), '</XML>');
      } else {
        assert.equal(findOwnershipXml(text), undefined, 'bare XML has no <XML> marker');
      }
      const tree = readXmlTree(text, span.start, span.end);
      assert.deepEqual(tree.problems, []);
      assert.ok(tree.root);
      assert.equal(tree.root.name, 'ownershipDocument');
      assert.ok(text.startsWith('<ownershipDocument', tree.root.start));
      assert.ok(text.startsWith('</ownershipDocument>', tree.root.endTagStart));
      for (const e of allElements(tree)) {
        assert.ok(e.closed);
        assert.ok(text.startsWith(`<${e.name}`, e.start));
        if (!e.selfClosing) assert.ok(text.startsWith(`</${e.name}>`, e.endTagStart), `</${e.name}> at ${e.endTagStart}`);
        if (e.textStart < e.textEnd) assert.equal(text.slice(e.textStart, e.textEnd).trim(), text.slice(e.textStart, e.textEnd));
      }
      const schemaVersion = tree.root.children.find((c) => c.name === 'schemaVersion');
      assert.match(schemaVersion?.text ?? '', /^X0[0-9]{3}$/);
    });
  }

  test("EDGAR's HTML rendering of a filing is no ownership XML", () => {
    assert.equal(sniffOwnership(read('edgartools__374WaterForm4.rendered.html')), undefined);
  });

  test('nor is package.json, an XSD of the SEC, or an XHTML page', () => {
    assert.equal(sniffOwnership(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')), undefined);
    const xsd = join(SHARED, 'refs', 'xsd', 'ownership4Document.xsd.xml');
    if (existsSync(xsd)) assert.equal(sniffOwnership(readFileSync(xsd, 'utf8')), undefined);
    const xhtml =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n' +
      '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Form 4</title></head><body><p>ownershipDocument</p></body></html>';
    assert.equal(sniffOwnership(xhtml), undefined);
  });
});
