// The language features through VS Code's own commands (the ones its UI runs): hover, completion,
// formatting, the outline, inlay hints and go to definition, on the Wilson draft.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, freshCopy, hoverText, openDraft, positionOf, summary, wholeRange } from './helpers';

/** 0-based lines of clean.form4 (the Wilson draft). */
const M_ROW = 24; // | Common Stock | 08/06/2013 | | M ⁽¹⁾ | | 10,000 | A | \$4.1 | 65,500 | D | |
const S_ROW = 25; // | Common Stock | 08/06/2013 | | S ⁽¹⁾ | | 10,000 | D | \$18.3654 ⁽²⁾ | 55,500 | D | |
const FOOTNOTE_1 = 36; // - The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan …

function labelOf(label: string | vscode.CompletionItemLabel): string {
  return typeof label === 'string' ? label : label.label;
}

function hintLabel(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

suite('features', () => {
  let wilson: vscode.TextDocument;

  suiteSetup(async () => {
    const { editor, diagnostics } = await openDraft(await freshCopy('clean.form4'));
    assert.deepEqual(summary(diagnostics), []);
    wilson = editor.document;
  });

  suiteTeardown(closeAllEditors);

  test('hover on the M code of the first Table I row explains the code', async () => {
    const at = positionOf(wilson, M_ROW, 'M ⁽¹⁾');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', wilson.uri, at);
    const text = hoverText(hovers);
    assert.match(text, /\*\*M\*\*: Exercise or conversion of derivative security/, text);
    assert.match(text, /Rule 16b-3/, text);
    assert.match(text, /General Instruction 8/, text);
  });

  test('hover on an amount owned shows how it follows from the previous row', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', wilson.uri, positionOf(wilson, S_ROW, '55,500', 2));
    const text = hoverText(hovers);
    assert.ok(text.includes('55,500 = 65,500 − 10,000'), text);
    assert.ok(text.includes('disposed on 08/06/2013'), text);
  });

  test('completion in the empty code cell of a row being typed offers the transaction codes', async () => {
    // A copy of its own: the row being typed makes the draft incomplete.
    const { editor } = await openDraft(await freshCopy('clean.form4'));
    const typing = '| Common Stock | 08/07/2013 | |  |';
    assert.equal(await editor.edit((e) => e.insert(new vscode.Position(S_ROW + 1, 0), `${typing}\n`)), true);
    const line = S_ROW + 1;
    assert.equal(editor.document.lineAt(line).text, typing);
    const inCodeCell = new vscode.Position(line, typing.length - 2); // between the two spaces of "|  |"
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, inCodeCell);
    const labels = list.items.map((i) => labelOf(i.label));
    for (const code of ['S', 'P', 'M']) assert.ok(labels.includes(code), `completion offers ${code}: ${labels.join(' ')}`);
    const m = list.items.find((i) => labelOf(i.label) === 'M');
    assert.match(String(m?.detail), /^Exercise or conversion of derivative security/);
    // The usual Table I codes come first.
    const codes = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.deepEqual(codes.slice(0, 3).map((i) => labelOf(i.label)), ['S', 'P', 'M']);
  });

  test('format document aligns a misaligned draft; formatting again changes nothing', async () => {
    const { editor, diagnostics } = await openDraft(await freshCopy('misaligned.form4'));
    assert.deepEqual(summary(diagnostics), [], 'the misaligned draft is correct, only ragged');
    const document = editor.document;
    const before = document.getText();
    const options: vscode.FormattingOptions = { tabSize: 4, insertSpaces: true };
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', document.uri, options);
    assert.ok(edits && edits.length > 0, 'formatting a misaligned draft returns edits');
    const apply = new vscode.WorkspaceEdit();
    apply.set(document.uri, edits);
    assert.equal(await vscode.workspace.applyEdit(apply), true);
    const after = document.getText();
    assert.notEqual(after, before);
    // Nothing but spacing changes, and the dashes of the separator rows, widened with the columns.
    const essence = (text: string): string => text.replace(/\s+/g, '').replace(/-{3,}/g, '---');
    assert.equal(essence(after), essence(before), 'formatting changes nothing but spacing');
    // The pipes of each table now stand in the same columns on every line below its title row;
    // the title row keeps its words, and a title longer than its column's values runs on past
    // the column rather than widening it (README, "Formatting an EDGAR-copied draft").
    for (const heading of ['Table I -', 'Table II -']) {
      const lines = after.split('\n');
      const start = lines.findIndex((l) => l.startsWith(heading));
      const rows: string[] = [];
      for (let i = start + 2; i < lines.length && (lines[i] ?? '').startsWith('|'); i++) rows.push(lines[i] ?? '');
      assert.ok(rows.length >= 3, `${heading} has its rows`);
      const [titles, ...body] = rows;
      const pipes = (row: string): number[] => [...row].flatMap((ch, i) => (ch === '|' ? [i] : []));
      for (const row of body) assert.deepEqual(pipes(row), pipes(body[0] ?? ''), `${heading} aligned:\n${rows.join('\n')}`);
      const cells = (row: string): string[] => row.split('|').map((c) => c.trim());
      assert.equal(cells(titles ?? '').length, cells(body[0] ?? '').length, `${heading}: the title row has a title per column`);
    }
    const again = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', document.uri, options);
    assert.deepEqual(again ?? [], [], 'formatting twice changes nothing more');
  });

  test('the outline shows Header, Table I, Table II and Explanation of Responses, with rows and footnotes', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', wilson.uri);
    const names = symbols.map((s) => s.name);
    const sections = ['Header', 'Table I', 'Table II', 'Explanation of Responses'];
    assert.deepEqual(names.filter((n) => sections.includes(n)), sections, `top-level symbols: ${names.join(', ')}`);
    const byName = (name: string): vscode.DocumentSymbol | undefined => symbols.find((s) => s.name === name);
    assert.deepEqual(byName('Table I')?.children.map((c) => c.name), ['1. Common Stock', '2. Common Stock']);
    assert.deepEqual(byName('Table II')?.children.map((c) => c.name), ['1. Stock Option (right to buy)']);
    assert.deepEqual(byName('Explanation of Responses')?.children.map((c) => c.name), ['(1)', '(2)', '(3)']);
    assert.equal(byName('Table I')?.children[1]?.range.start.line, S_ROW);
  });

  test('inlay hints give the running holding at the end of each row: "55,500 = 65,500 − 10,000" after the sale row', async () => {
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', wilson.uri, wholeRange(wilson));
    const labels = hints.map((h) => `${h.position.line}: ${hintLabel(h)}`);
    const sale = hints.find((h) => hintLabel(h) === '55,500 = 65,500 − 10,000');
    assert.ok(sale, `a "55,500 = 65,500 − 10,000" hint among ${labels.join(' / ')}`);
    const rowEnd = wilson.lineAt(S_ROW).range.end;
    assert.ok(sale.position.isEqual(rowEnd), `the hint follows the row's last pipe: ${JSON.stringify(sale.position)}`);
    assert.ok(labels.includes(`${M_ROW}: held before this row: 55,500`), `the first row of the holding shows what was held before it: ${labels.join(' / ')}`);
  });

  test('go to definition on a footnote reference goes to the footnote', async () => {
    const ref = positionOf(wilson, M_ROW, '⁽¹⁾', 1);
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', wilson.uri, ref);
    assert.equal(found.length, 1, JSON.stringify(found));
    const target = found[0] as vscode.Location | vscode.LocationLink;
    const [uri, range] = 'targetUri' in target ? [target.targetUri, target.targetRange] : [target.uri, target.range];
    assert.equal(uri.toString(), wilson.uri.toString());
    assert.equal(range.start.line, FOOTNOTE_1);
    assert.match(wilson.lineAt(FOOTNOTE_1).text, /^- The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan/);
  });
});
