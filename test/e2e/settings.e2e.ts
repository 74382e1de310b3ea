// Rule severities from the editor's settings (form4.rules) and from a .form4rc.json in the
// workspace folder change what VS Code shows, without reopening the draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticsAfter, fixtureUri, freshCopy, openDraft, ruleOf, summary } from './helpers';

const RC_FILE = '.form4rc.json';

/** The severities of one rule's diagnostics, deduplicated. */
function severities(diagnostics: readonly vscode.Diagnostic[], rule: string): vscode.DiagnosticSeverity[] {
  return [...new Set(diagnostics.filter((d) => ruleOf(d) === rule).map((d) => d.severity))];
}

const count = (diagnostics: readonly vscode.Diagnostic[], rule: string): number => diagnostics.filter((d) => ruleOf(d) === rule).length;

suite('settings', () => {
  let uri: vscode.Uri;
  let defaults: vscode.Diagnostic[];

  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('form4');

  /** Sets form4.rules in the workspace settings and waits for diagnostics that satisfy `accept`. */
  async function setRules(rules: Record<string, string> | undefined, accept: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
    const hit = await diagnosticsAfter(uri, () => config().update('rules', rules, vscode.ConfigurationTarget.Workspace), accept, what);
    return hit.diagnostics;
  }

  /** Back to the defaults: 5 row-shape errors and 3 footnote-unused errors. */
  const isDefault = (d: vscode.Diagnostic[]): boolean =>
    count(d, 'row-shape') === 5 &&
    count(d, 'footnote-unused') === 3 &&
    severities(d, 'row-shape').join() === String(vscode.DiagnosticSeverity.Error) &&
    severities(d, 'footnote-unused').join() === String(vscode.DiagnosticSeverity.Error);

  suiteSetup(async () => {
    uri = await freshCopy('ocr.form4');
    ({ diagnostics: defaults } = await openDraft(uri, (d) => count(d, 'row-shape') > 0, 'the OCR draft\'s findings'));
    assert.ok(isDefault(defaults), `default severities: ${summary(defaults).join(', ')}`);
  });

  suiteTeardown(async () => {
    // Leave the workspace as it was, even after a failure: no form4.rules, no .form4rc.json.
    if (config().inspect('rules')?.workspaceValue !== undefined) await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.workspace.fs.delete(fixtureUri(RC_FILE));
    } catch {
      // not there
    }
    await closeAllEditors();
  });

  test('form4.rules { "footnote-unused": "off" } hides the unused footnotes; restoring the setting brings them back', async () => {
    // The other findings stay: the report is the server's, with the setting, not an empty one.
    const off = await setRules({ 'footnote-unused': 'off' }, (d) => count(d, 'footnote-unused') === 0 && count(d, 'row-shape') === 5, 'footnote-unused to disappear');
    assert.deepEqual(summary(off), summary(defaults).filter((s) => !s.startsWith('footnote-unused@')));
    const back = await setRules(undefined, isDefault, 'the default severities again');
    assert.deepEqual(summary(back), summary(defaults));
  });

  test('form4.rules { "row-shape": "warning" } shows the row-shape findings as warnings', async () => {
    const warned = await setRules({ 'row-shape': 'warning' }, (d) => count(d, 'row-shape') === 5 && severities(d, 'row-shape').join() === String(vscode.DiagnosticSeverity.Warning), 'row-shape as warnings');
    assert.deepEqual(severities(warned, 'footnote-unused'), [vscode.DiagnosticSeverity.Error], 'the other rules keep their severity');
    assert.deepEqual(summary(warned), summary(defaults));
    await setRules(undefined, isDefault, 'the default severities again');
  });

  test('a .form4rc.json in the workspace folder changes a severity; form4.rules overrides it; deleting it restores the default', async () => {
    const rcUri = fixtureUri(RC_FILE);
    const rc = JSON.stringify({ rules: { 'row-shape': 'information', 'footnote-unused': 'hint' } }, null, 2);
    const fromFile = await diagnosticsAfter(
      uri,
      () => vscode.workspace.fs.writeFile(rcUri, new TextEncoder().encode(rc)),
      (d) => severities(d, 'row-shape').join() === String(vscode.DiagnosticSeverity.Information),
      'row-shape as information from .form4rc.json',
    );
    assert.deepEqual(severities(fromFile.diagnostics, 'footnote-unused'), [vscode.DiagnosticSeverity.Hint]);
    assert.deepEqual(summary(fromFile.diagnostics), summary(defaults));

    // The editor's setting wins over the file, rule by rule.
    const both = await setRules({ 'row-shape': 'warning' }, (d) => severities(d, 'row-shape').join() === String(vscode.DiagnosticSeverity.Warning), 'form4.rules over .form4rc.json');
    assert.deepEqual(severities(both, 'footnote-unused'), [vscode.DiagnosticSeverity.Hint], 'the file still sets the rules the setting leaves alone');
    await setRules(undefined, (d) => severities(d, 'row-shape').join() === String(vscode.DiagnosticSeverity.Information), 'the file\'s severity again');

    await diagnosticsAfter(uri, () => vscode.workspace.fs.delete(rcUri), isDefault, 'the default severities once .form4rc.json is deleted');
  });
});
