// "Form 4: Open EDGAR XML as Draft" (form4.importXml) in a real VS Code: on an XML file given as
// the explorer gives it (its URI), and on the active editor's XML file, the command opens an
// untitled form4 draft of the filing, which the server then checks (the Wilson filing: clean).
// The command and its menus are contributed by the installed extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, diagnosticsAfter, freshCopy } from './helpers';

/** Runs the command and waits for the server's first report on the draft it opened. */
async function importAndCheck(run: () => Thenable<unknown>): Promise<{ draft: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  let draft: vscode.TextDocument | undefined;
  const { diagnostics } = await diagnosticsAfter(
    () => {
      assert.ok(draft, 'the command opened a document');
      return draft.uri;
    },
    async () => {
      draft = (await run()) as vscode.TextDocument | undefined;
    },
    () => true,
    'the first diagnostics of the imported draft',
  );
  assert.ok(draft);
  return { draft, diagnostics };
}

suite('Open EDGAR XML as Draft', () => {
  teardown(closeAllEditors);

  test('on a file given by URI (the explorer): an untitled form4 draft of the filing, checked clean', async () => {
    const xml = await freshCopy('wilson.xml');
    const { draft, diagnostics } = await importAndCheck(() => vscode.commands.executeCommand('form4.importXml', xml));
    assert.equal(draft.languageId, 'form4');
    assert.equal(draft.isUntitled, true);
    assert.equal(vscode.window.activeTextEditor?.document, draft);
    const text = draft.getText();
    assert.match(text, /^1\. Name and Address of Reporting Person: Wilson John N$/m);
    assert.match(text, /^ {3}CIK: 0001234567$/m);
    assert.match(text, /^2\. Issuer Name and Ticker or Trading Symbol: QUALYS, INC\. \[QLYS\]$/m);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
  });

  test('on the active editor\'s XML file, with no argument (the command palette, the editor title)', async () => {
    const xml = await freshCopy('wilson.xml', 'active.xml');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(xml));
    const { draft } = await importAndCheck(() => vscode.commands.executeCommand('form4.importXml'));
    assert.match(draft.getText(), /^\/s\/ John N\. Wilson$/m);
  });

  test('the command, its explorer context menu (*.xml, *.txt) and its XML editor title button are contributed', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributes = extension.packageJSON.contributes as {
      commands: { command: string; title: string }[];
      menus: Record<string, { command: string; when?: string }[]>;
    };
    assert.ok(contributes.commands.some((c) => c.command === 'form4.importXml' && c.title === 'Open EDGAR XML as Draft'));
    assert.match(contributes.menus['explorer/context']?.find((m) => m.command === 'form4.importXml')?.when ?? '', /xml\|txt/);
    assert.equal(contributes.menus['editor/title']?.find((m) => m.command === 'form4.importXml')?.when, 'resourceLangId == xml');
  });
});
