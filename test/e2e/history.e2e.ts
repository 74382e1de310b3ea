// The filing history in a real VS Code. The workspace holds the Wilson Form 4 of 08/07/2013
// (wilson.xml, and the drafts it was filed from) and, in history/, the next Form 4 of the same
// insider (a sale of 5,000 on 09/03/2013, 55,500 → 50,500). Hover on its amount owned shows the
// figure last reported and where; "Form 4: New Draft from Previous Filing" opens the next draft
// beside it, untitled with its name chosen, holding the 50,500 to continue from, and the
// history-mismatch rule checks the draft's first row against it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, diagnosticsAfter, freshCopy, hoverText, openDraft, positionOf, ruleOf, waitFor } from './helpers';

const NEXT = 'history/wilson-2013-09-04.form4';

suite('Filing history', () => {
  teardown(closeAllEditors);

  test('hover on an amount owned: the figure last reported for the holding, and the filing it came from', async () => {
    const uri = await freshCopy(NEXT, 'wilson-2013-09-04.form4');
    const { editor, diagnostics } = await openDraft(uri);
    assert.deepEqual(diagnostics.map((d) => ruleOf(d)), []);
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('| Common Stock | 09/03/2013'));
    const at = positionOf(editor.document, line, '50,500', 2);
    // The workspace's filings are read once, in the background: the hover has them from then on.
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      const shown = hoverText(hovers);
      return shown.includes('Last reported') ? shown : undefined;
    }, 'a hover with the history');
    assert.match(text, /\*\*Last reported: 55,500\*\* on the \[Form 4 of 08\/07\/2013\]\(file:\/\/\/[^)]+#L\d+\) \(`[^`]+`, line \d+\), as of 08\/06\/2013/);
    assert.match(text, /The first row of this holding follows from it: 55,500 − 5,000 = 50,500\./);
    // The row's own hover still follows.
    assert.match(text, /Table I, column 5/);
  });

  test('New Draft from Previous Filing: an untitled draft beside the filing, named after it, holding its holdings; its first row is checked against them', async () => {
    const previous = await freshCopy(NEXT, 'wilson-2013-09-04.form4');
    const draft = (await vscode.commands.executeCommand('form4.newDraftFromPrevious', previous)) as vscode.TextDocument | undefined;
    assert.ok(draft, 'the command opened a document');
    assert.equal(draft.isUntitled, true);
    assert.equal(draft.languageId, 'form4');
    assert.equal(draft.uri.scheme, 'untitled');
    assert.equal(draft.uri.path, previous.path.replace(/wilson-2013-09-04\.form4$/, 'wilson-2013-09-04-next.form4'));
    assert.equal(vscode.window.activeTextEditor?.document, draft);
    const text = draft.getText();
    assert.match(text, /^1\. Name and Address of Reporting Person: Wilson John N, C\/O QUALYS, INC\., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065$/m);
    assert.match(text, /^2\. Issuer Name and Ticker or Trading Symbol: QUALYS, INC\. \[QLYS\]$/m);
    assert.match(text, /^5\. Relationship of Reporting Person\(s\) to Issuer: Officer \(EVP, Worldwide Field Ops\)$/m);
    const lines = text.split('\n');
    const holding = lines.findIndex((l) => l.startsWith('| Common Stock'));
    assert.deepEqual(lines[holding]?.split('|').map((c) => c.trim()), ['', 'Common Stock', '', '', '', '', '', '', '', '50,500', 'D', '', '']);
    // The cursor waits in box 3.
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, lines.findIndex((l) => l.startsWith('3. ')));

    // A holdings figure that does not follow from the previous filing's: found, pointing at it.
    const cell = new vscode.Range(holding, (lines[holding] ?? '').indexOf('50,500'), holding, (lines[holding] ?? '').indexOf('50,500') + 6);
    const { diagnostics } = await diagnosticsAfter(
      draft.uri,
      async () => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(draft.uri, cell, '49,500');
        assert.ok(await vscode.workspace.applyEdit(edit));
      },
      (ds) => ds.some((d) => ruleOf(d) === 'history-mismatch'),
      'the history-mismatch finding on the new draft',
    );
    const mismatch = diagnostics.find((d) => ruleOf(d) === 'history-mismatch');
    assert.equal(mismatch?.message, 'The amount owned should be 50,500 (50,500 last reported, on the Form 4 of 09/04/2013), not 49,500.');
    assert.deepEqual(mismatch?.range, cell);
    assert.ok(mismatch?.relatedInformation?.[0]?.location.uri.path.endsWith('/wilson-2013-09-04.form4'), JSON.stringify(mismatch?.relatedInformation));
  });

  test('the command and its explorer context menu (drafts, XML, full submissions) are contributed', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributes = extension.packageJSON.contributes as {
      commands: { command: string; title: string }[];
      menus: Record<string, { command: string; when?: string }[]>;
    };
    assert.ok(contributes.commands.some((c) => c.command === 'form4.newDraftFromPrevious' && c.title === 'New Draft from Previous Filing'));
    assert.match(contributes.menus['explorer/context']?.find((m) => m.command === 'form4.newDraftFromPrevious')?.when ?? '', /form4\|xml\|txt/);
  });
});
