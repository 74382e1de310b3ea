// EDGAR ownership XML in VS Code: a filing read from XML gets the same checks as a draft, placed
// on the `<value>` element, and the hovers of codes; any other XML file gets nothing from us.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, form4Diagnostics, hoverText, openDraft, positionOf, ruleOf, summary, writeWorkspaceFile } from './helpers';

/** The Wilson filing (clean) with the second row's amount owned off by 500: 55,000 for 55,500. */
async function plantedWilson(): Promise<vscode.Uri> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('wilson.xml')));
  const planted = text.replace('<value>55500</value>', '<value>55000</value>');
  assert.notEqual(planted, text, 'the fixture holds the value to plant the error in');
  return writeWorkspaceFile(`scratch/xml-${process.pid}-${Date.now()}/planted.xml`, planted);
}

suite('EDGAR XML', () => {
  suiteTeardown(closeAllEditors);

  test('an ownership XML file gets the holdings finding on the <value> of the amount owned, and code hovers', async () => {
    const uri = await plantedWilson();
    const { editor, diagnostics } = await openDraft(uri, (d) => d.some((x) => ruleOf(x) === 'holdings-mismatch'), 'holdings-mismatch on planted.xml');
    assert.deepEqual(summary(diagnostics), ['holdings-mismatch@91'], diagnostics.map((d) => d.message).join('\n'));
    const [finding] = diagnostics;
    assert.ok(finding);
    const document = editor.document;
    assert.equal(document.lineAt(91).text.trim(), '<value>55000</value>');
    assert.deepEqual(
      [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
      [91, positionOf(document, 91, '55000').character, 91, positionOf(document, 91, '55000').character + 5],
      'the finding covers the value itself, not its tags',
    );
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
    assert.match(finding.message, /55,500/);

    // Line 40 is the first row's <transactionCode>M</transactionCode>.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, positionOf(document, 40, '>M<', 1));
    assert.match(hoverText(hovers), /Exercise or conversion of derivative security/);
  });

  test('any other XML file gets no diagnostics and no hover from the extension', async () => {
    const other = await writeWorkspaceFile(`scratch/xml-${process.pid}-${Date.now()}/pom.xml`, '<project>\n  <transactionCode>M</transactionCode>\n</project>\n');
    const document = await vscode.workspace.openTextDocument(other);
    await vscode.window.showTextDocument(document);
    // The positive control comes after it: once an ownership XML opened later has its findings,
    // the server has long had the first file, and it said nothing about it.
    await openDraft(await plantedWilson(), (d) => d.length > 0, 'the findings of an ownership XML opened after it');
    assert.deepEqual(form4Diagnostics(other), []);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', other, new vscode.Position(1, 19));
    assert.doesNotMatch(hoverText(hovers), /Exercise or conversion/);
  });
});
