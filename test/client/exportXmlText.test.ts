/**
 * What the "Export EDGAR XML" command proposes and says (client/src/exportXmlText.ts), without
 * VS Code: the XML's name beside the draft, and the modal message listing what stands in the way.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { blockers, LISTED, refusalMessage, xmlFileName } from '../../client/src/exportXmlText';
import type { ExportXmlItem } from '../../server/src/lsp/protocol';

const item = (line: number, message: string, rule = 'export'): ExportXmlItem => ({ range: { start: { line, character: 0 }, end: { line, character: 5 } }, message, rule });

describe('export command text', () => {
  test('the XML is named after the draft', () => {
    assert.equal(xmlFileName('wilson.form4'), 'wilson.xml');
    assert.equal(xmlFileName('wilson.form4.md'), 'wilson.xml');
    assert.equal(xmlFileName('Untitled-1'), 'form4.xml');
    assert.equal(xmlFileName('notes.md'), 'notes.xml');
  });

  test('errors and problems together, by line; the first few listed, the rest counted', () => {
    const all = blockers({ errors: [item(30, 'Amount owned should be 57,500', 'holdings-mismatch')], problems: [item(2, 'Box 1 gives no CIK'), item(7, 'Box 2 gives no CIK')] });
    assert.deepEqual(all.map((i) => i.range.start.line), [2, 7, 30]);
    assert.deepEqual(refusalMessage('wilson.form4', all), {
      message: 'wilson.form4 has 3 problems that EDGAR would refuse. Export it anyway?',
      detail: 'Line 3: Box 1 gives no CIK\nLine 8: Box 2 gives no CIK\nLine 31: Amount owned should be 57,500 (holdings-mismatch)',
    });
    const many = Array.from({ length: LISTED + 3 }, (_, i) => item(i, `problem ${i}`));
    const { message, detail } = refusalMessage('x.form4', many);
    assert.equal(message, `x.form4 has ${LISTED + 3} problems that EDGAR would refuse. Export it anyway?`);
    assert.equal(detail.split('\n').length, LISTED + 1);
    assert.ok(detail.endsWith('…and 3 more.'));
    assert.equal(refusalMessage('x.form4', [item(0, 'one')]).message, 'x.form4 has 1 problem that EDGAR would refuse. Export it anyway?');
  });
});
