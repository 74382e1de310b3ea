// Pictures of the extension at work, for people: the OCR-damaged draft with its squiggles, the
// Problems panel and a hover on a finding (test-results/ocr-draft.png), and the same kind of view
// framed for the README (test-results/readme.png). The runner takes them (see README.md).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, form4Diagnostics, hoverText, isInTab, openDraft, positionOf, ruleOf, screenshot, waitFor } from './helpers';

/** Shows the draft (opened once; later calls just bring it to the front) with its findings. */
async function showDraft(name: string): Promise<vscode.TextEditor> {
  const uri = fixtureUri(name);
  if (!isInTab(uri)) {
    await openDraft(uri, (d) => d.length > 0, `the findings of ${name}`);
  }
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await waitFor(() => form4Diagnostics(uri).length > 0, `the findings of ${name}`);
  return editor;
}

/**
 * The Problems panel open, the editor focused with the cursor at `at` (scrolled so that the line
 * stands at `topLine` or below), and the hover shown there.
 */
async function problemsAndHover(editor: vscode.TextEditor, at: vscode.Position, topLine: number): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(editor.document, { preview: false, preserveFocus: false });
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(topLine, 0, topLine, 0), vscode.TextEditorRevealType.AtTop);
  await vscode.commands.executeCommand('editor.action.showHover');
}

/** Editor settings for clearer pictures (user settings of the throwaway profile), undone after. */
const PICTURE_SETTINGS: Readonly<Record<string, unknown>> = {
  'minimap.enabled': false,
  'stickyScroll.enabled': false,
};

suite('screenshots', () => {
  suiteSetup(async () => {
    await closeAllEditors();
    const editorConfig = vscode.workspace.getConfiguration('editor');
    for (const [key, value] of Object.entries(PICTURE_SETTINGS)) await editorConfig.update(key, value, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    const editorConfig = vscode.workspace.getConfiguration('editor');
    for (const key of Object.keys(PICTURE_SETTINGS)) await editorConfig.update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await closeAllEditors();
  });

  test('ocr-draft: the OCR draft with its squiggles, the Problems panel and a hover on a damaged row', async () => {
    const editor = await showDraft('ocr.form4');
    // The first Table I row (0-based line 26 holds "Common Stock … Code M(1) …") is a row-shape error.
    const at = positionOf(editor.document, 26, 'Common Stock', 3);
    const onRow = form4Diagnostics(editor.document.uri).filter((d) => d.range.contains(at)).map(ruleOf);
    assert.deepEqual(onRow, ['row-shape'], 'the hover shows a finding');
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at));
    assert.match(hover, /Title of Security/, 'and what the cell is');
    await problemsAndHover(editor, at, 14);
    const file = await screenshot('ocr-draft');
    console.log(`    (screenshot: ${file ?? 'not taken by this runner'})`);
  });

  test('readme: a finding explained in place, with the Problems panel', async () => {
    const editor = await showDraft('ocr.form4');
    // An unused footnote (0-based line 39): faded, listed, and explained in the hover.
    const at = positionOf(editor.document, 39, '3. The sale price', 3);
    assert.deepEqual(form4Diagnostics(editor.document.uri).filter((d) => d.range.contains(at)).map(ruleOf), ['footnote-unused']);
    await problemsAndHover(editor, at, 20);
    const file = await screenshot('readme');
    console.log(`    (screenshot: ${file ?? 'not taken by this runner'})`);
  });
});
