// Smoke test: a .form4 draft opens in the form4 language and the packaged extension activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, screenshot, waitFor } from './helpers';

suite('smoke', () => {
  test('a .form4 draft opens in the form4 language', async () => {
    const editor = await openFixture('clean.form4');
    assert.equal(editor.document.languageId, 'form4');
  });

  test(`the extension ${EXTENSION_ID} is present and active`, async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    // Opening a .form4 file (previous test) activates it through onLanguage:form4.
    await openFixture('clean.form4');
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate`);
    assert.equal(extension.isActive, true);
    await screenshot('smoke-clean');
  });
});
