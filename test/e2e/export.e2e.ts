// "Form 4: Export EDGAR XML" in VS Code: the command is contributed to the palette and the editor
// title of a draft, writes the XML the server makes for the draft in the editor (given a target,
// as a task or keybinding would), and a forced export of a draft without CIKs puts the export
// problems into the Problems panel beside the diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, fixtureUri, freshCopy, openDraft, waitFor } from './helpers';

interface Manifest {
  readonly contributes: {
    readonly commands: readonly { command: string; title: string; category?: string }[];
    readonly menus: Readonly<Record<string, readonly { command: string; when?: string }[]>>;
  };
}

suite('export EDGAR XML', () => {
  suiteTeardown(closeAllEditors);

  test('the command is registered, in the palette and the editor title menu for form4 files', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    assert.deepEqual(manifest.contributes.commands.find((c) => c.command === 'form4.exportXml'), { command: 'form4.exportXml', title: 'Export EDGAR XML', category: 'Form 4', icon: '$(export)' });
    assert.equal(manifest.contributes.menus['editor/title']?.find((m) => m.command === 'form4.exportXml')?.when, 'resourceLangId == form4');
    assert.equal(manifest.contributes.menus['commandPalette']?.find((m) => m.command === 'form4.exportXml')?.when, 'editorLangId == form4');
    await openDraft(await freshCopy('export.form4'));
    assert.ok((await vscode.commands.getCommands(true)).includes('form4.exportXml'));
  });

  test('a clean draft with its CIKs: the XML written to the target, with the draft\'s facts', async () => {
    const uri = await freshCopy('export.form4');
    await openDraft(uri);
    const target = vscode.Uri.joinPath(uri, '..', 'export.xml');
    await vscode.commands.executeCommand('form4.exportXml', uri, { target });
    const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(xml.startsWith('<?xml version="1.0"?>\n<ownershipDocument>\n  <schemaVersion>X0508</schemaVersion>'));
    assert.ok(xml.includes('<issuerCik>0001107843</issuerCik>'));
    assert.ok(xml.includes('<rptOwnerCik>0001234567</rptOwnerCik>'));
  });

  test('forced, a draft without CIKs: written, and its two export problems in the Problems panel', async () => {
    const uri = await freshCopy('export-no-cik.form4');
    await openDraft(uri);
    const target = vscode.Uri.joinPath(fixtureUri('scratch'), 'forced.xml');
    await vscode.commands.executeCommand('form4.exportXml', uri, { target, force: true });
    assert.ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)).includes('<issuerCik></issuerCik>'));
    const problems = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'form4 export');
      return found.length === 2 ? found : undefined;
    }, 'the export problems in the Problems panel');
    assert.deepEqual(problems.map((d) => [d.range.start.line, d.code, d.message.slice(0, 22)]), [
      [2, 'export', 'Box 1 gives no CIK for'],
      [7, 'export', 'Box 2 gives no CIK for'],
    ]);
  });
});
