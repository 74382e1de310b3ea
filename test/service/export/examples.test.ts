/**
 * The two reference drafts through the exporter. Wilson's filing is correct but gives no CIKs
 * (the printed form has none): the export asks for exactly those two. With CIK lines added (any
 * ten digits for the owner: Wilson's is not in the example) it exports and validates. Its header
 * is EDGAR's rendering, boxes side by side in a Markdown table, where a detail line cannot stand
 * under a box: the test lifts box 1 and box 2 out of the table, as they are, and adds the CIK
 * lines under them. Posey's OCR-damaged draft is refused with its errors, and its forced XML is
 * still well formed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkDraft } from '../../../server/src/service/check';
import { exportChecked, isBlocked } from '../../../server/src/service/export/exportCheck';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { toRange } from '../../../server/src/service/text/range';
import { check } from '../../support/drafts';
import { EXAMPLES } from '../../support/paths';
import { facts, readXml, rows, textAt } from '../../support/xmlFacts';
import { NO_XSD, validateOwnershipXml } from '../../support/xsd';

const read = (name: string): string | undefined => {
  try {
    return readFileSync(join(EXAMPLES, name), 'utf8');
  } catch {
    return undefined;
  }
};
const WILSON = read('qualys-wilson-2013.form4');
const POSEY = read('qualys-posey-2024-ocr.form4');
const NO_EXAMPLES = WILSON === undefined || POSEY === undefined ? `the examples are not at ${EXAMPLES}` : false;

/** Wilson's draft with box 1 and box 2 on lines of their own, each with its CIK line. */
function wilsonWithCiks(text: string): string {
  const lines = text.split('\n');
  const row = lines.findIndex((l) => l.includes('1. Name and Address of Reporting Person'));
  const cells = (lines[row] ?? '').split('|').slice(1, -1).map((c) => c.trim());
  const [box1, box2, box5] = cells;
  assert.ok(box1?.startsWith('1. Name') && box2?.startsWith('2. Issuer') && box5?.startsWith('5. Relationship'));
  lines.splice(row, 1, `| | | ${box5} |`);
  const table = lines.findIndex((l, i) => i < row && l === '| | | |');
  lines.splice(table, 0, box1 as string, '   CIK: 0001234567', box2 as string, '   CIK: 0001107843', '');
  return lines.join('\n');
}

describe('export: the reference drafts', { skip: NO_EXAMPLES }, () => {
  test('Wilson as it is: clean for the checker, and the export asks for the two CIKs only', () => {
    const text = WILSON as string;
    assert.deepEqual(check(text), []);
    const problems = exportOwnershipXml(parseDraft(text).filing).problems.map((p) => [toRange(p.span).start.line + 1, p.message.slice(0, 40)]);
    assert.deepEqual(problems, [
      [16, 'Box 1 gives no CIK for Wilson John N, an'],
      [16, 'Box 2 gives no CIK for QUALYS, INC., and'],
    ]);
  });

  test('Wilson with CIK lines: still clean, the same facts, no export problem, valid XML', { skip: NO_XSD }, async () => {
    const text = wilsonWithCiks(WILSON as string);
    assert.deepEqual(check(text), []);
    const original = readXml(exportOwnershipXml(parseDraft(WILSON as string).filing).xml);
    const { xml, problems } = exportOwnershipXml(parseDraft(text).filing);
    assert.deepEqual(problems, []);
    assert.deepEqual(await validateOwnershipXml(xml), []);
    const root = readXml(xml);
    assert.equal(textAt(root, 'issuer/issuerCik'), '0001107843');
    assert.equal(textAt(root, 'reportingOwner/reportingOwnerId/rptOwnerCik'), '0001234567');
    // Everything but the CIKs is what the example itself gives.
    for (const table of ['nonDerivativeTable', 'derivativeTable'] as const) assert.deepEqual(rows(root, table), rows(original, table));
    assert.deepEqual(facts(root.children.find((c) => c.name === 'footnotes') ?? root), facts(original.children.find((c) => c.name === 'footnotes') ?? original));
    assert.deepEqual(
      { ...facts(root.children.find((c) => c.name === 'reportingOwner') ?? root), 'reportingOwnerId/rptOwnerCik': '' },
      facts(original.children.find((c) => c.name === 'reportingOwner') ?? original),
    );
    assert.equal(textAt(root, 'ownerSignature/signatureDate'), '2013-08-07');
  });

  test('Posey (OCR-damaged): refused with its errors; the forced XML is well formed', () => {
    const parsed = parseDraft(POSEY as string);
    const checked = exportChecked(parsed.filing, checkDraft(parsed).findings);
    assert.equal(isBlocked(checked), true);
    assert.ok(checked.errors.length > 0);
    readXml(checked.xml);
  });
});
