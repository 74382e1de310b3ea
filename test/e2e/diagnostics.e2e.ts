// Diagnostics in VS Code: the correct Wilson draft has none; the OCR-damaged Posey draft has them
// at the damaged lines, with the rule id as the code and its documentation as the code's link.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, form4Diagnostics, freshCopy, openDraft, ruleOf, summary } from './helpers';

suite('diagnostics', () => {
  suiteTeardown(closeAllEditors);

  test('the OCR-damaged draft (ocr.form4) has diagnostics at the damaged lines: row-shape and footnote-unused', async () => {
    const uri = await freshCopy('ocr.form4');
    // The first report for the draft is complete (the server checks the whole draft at once);
    // waiting for a row-shape finding only makes the failure message say what was missing.
    const { diagnostics } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'row-shape'), 'row-shape diagnostics on ocr.form4');
    assert.ok(diagnostics.length > 0);
    for (const d of diagnostics) {
      assert.equal(d.source, 'form4', `source of ${d.message}`);
      assert.equal(typeof d.code, 'object', 'the code carries the documentation link: { value, target }');
      const code = d.code as { value: string | number; target: vscode.Uri };
      assert.match(String(code.value), /^[a-z0-9]+(-[a-z0-9]+)*$/, `a rule id: ${String(code.value)}`);
      assert.ok(code.target instanceof vscode.Uri, 'the code has a target URI');
      assert.ok(code.target.toString().includes(String(code.value)), `the link ${code.target.toString()} names the rule ${String(code.value)}`);
    }
    const at = (rule: string): number[] => diagnostics.filter((d) => ruleOf(d) === rule).map((d) => d.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(at('row-shape'), [24, 26, 27, 28, 29], `row-shape lines; all: ${summary(diagnostics).join(', ')}`);
    assert.deepEqual(at('footnote-unused'), [39, 40, 41], `footnote-unused lines; all: ${summary(diagnostics).join(', ')}`);
    for (const d of diagnostics.filter((x) => ruleOf(x) === 'row-shape')) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.range.start.character, 0, 'a row-shape finding covers the row from its start');
      assert.match(d.message, /^Table I row \d has 13 cells, not 11: /);
    }
    for (const d of diagnostics.filter((x) => ruleOf(x) === 'footnote-unused')) {
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.deepEqual(d.tags, [vscode.DiagnosticTag.Unnecessary], 'an unused footnote is faded');
      assert.match(d.message, /^Nothing refers to footnote \([345]\)/);
    }
  });

  test('the correct seed draft (clean.form4, the Wilson example) has no diagnostics once the server has answered', async () => {
    // How we know the server has answered for a draft with nothing to report: the LSP client
    // pulls diagnostics for a document once an editor shows it and stores the server's report in
    // its collection even when the report is empty; storing fires onDidChangeDiagnostics for the
    // document's URI. So openDraft waits for the first such event of a URI that no editor has
    // shown before (a fresh copy, byte for byte, named clean.form4: no earlier report and no
    // clear-on-close event can be pending for it), and only then reads the diagnostics. Before
    // that event getDiagnostics would also say [], which is why it is not polled. The previous
    // test is the positive control: the same path delivers the OCR draft's findings.
    const uri = await freshCopy('clean.form4');
    const { editor, diagnostics } = await openDraft(uri);
    assert.equal(editor.document.languageId, 'form4');
    assert.deepEqual(summary(diagnostics), [], diagnostics.map((d) => d.message).join('\n'));
    assert.deepEqual(form4Diagnostics(uri), []);
    assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'no other source reports anything either');
  });
});
