// The Form 4 preview in VS Code: the commands, the editor title button and the keys are
// contributed; "Open Preview to the Side" opens the form beside the draft; typing into a cell
// changes the page (the cell marked with its finding); a click on a value in the page selects it
// in the draft; the scroll position survives an update and the panel hidden and shown; the
// preview follows the active editor to an EDGAR XML file.
//
// The page is inside the webview's iframes, out of reach of the extension host: the runner looks
// into it and clicks in it with Playwright (driveWebview, scripts/e2e/webview.mjs), so what is
// asserted is what the browser shows, and a click goes through the page's own script
// (media/preview.js) and its message to the extension, as the user's does. Under
// `npm run test:vscode` nothing can look into a webview, and those tests are skipped.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { canDriveWebviews, closeAllEditors, driveWebview, EXTENSION_ID, freshCopy, openDraft, rangeOf, waitFor, type WebviewRequest, writeWorkspaceFile } from './helpers';

interface Manifest {
  readonly contributes: {
    readonly commands: readonly { command: string; title: string; category?: string; icon?: string }[];
    readonly menus: Readonly<Record<string, readonly { command: string; when?: string; alt?: string; group?: string }[]>>;
    readonly keybindings: readonly { command: string; key: string; mac?: string; when?: string }[];
  };
}

/** Wilson's S row (0-based line 25): `| Common Stock | 08/06/2013 | | S ⁽¹⁾ | | 10,000 | D | \$18.3654 ⁽²⁾ | 55,500 | D | |`. */
const SALE_LINE = 25;

/** An element of the page that shows a value: its span, its text, and the finding mark around it. */
interface Shown {
  readonly span: string;
  readonly text: string;
  readonly mark: string | null;
  readonly title: string | null;
}

const PAGE = '[data-span]';

async function inPreview(request: WebviewRequest): Promise<unknown> {
  const answer = await driveWebview({ has: PAGE, ...request });
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/** The elements with a data-span whose text starts with `text`, as the page shows them now; [] when no preview page is there yet. */
async function shown(text: string): Promise<Shown[]> {
  const answer = await driveWebview({
    action: 'evaluate',
    has: PAGE,
    expression: `[...document.querySelectorAll('[data-span]')]
      .filter((e) => e.textContent.replace(/\\s+/g, ' ').trim().startsWith(${JSON.stringify(text)}))
      .map((e) => ({ span: e.getAttribute('data-span'), text: e.textContent.replace(/\\s+/g, ' ').trim(), mark: e.closest('.finding')?.className ?? null, title: e.closest('[title]')?.getAttribute('title') ?? null }))`,
  });
  lastError = answer.ok ? undefined : answer.error;
  return answer.ok ? (answer.value as Shown[]) : [];
}

/** Why the last look into the page found nothing, if it failed. */
let lastError: string | undefined;

/** Waits until the page shows a value starting with `text` at a span starting on `line`. */
async function waitShown(text: string, line: number, accept: (s: Shown) => boolean = () => true): Promise<Shown> {
  let last: Shown[] = [];
  try {
    return await waitFor(async () => {
      last = await shown(text);
      return last.find((s) => s.span.startsWith(`${line},`) && accept(s));
    }, `the preview to show ${text} from line ${line}`);
  } catch (error) {
    const line25 = await driveWebview({ action: 'evaluate', has: PAGE, expression: `[...document.querySelectorAll('[data-span^="${line},"]')].map((e) => e.textContent.trim()).join(' | ')` });
    throw new Error(`${(error as Error).message}; it shows ${JSON.stringify(last)}${lastError ? ` (${lastError})` : ''}; line ${line} in the page: ${JSON.stringify(line25)}`);
  }
}

function spanRange(span: string): vscode.Range {
  const [a, b, c, d] = span.split(',').map(Number) as [number, number, number, number];
  return new vscode.Range(a, b, c, d);
}

function previewTab(): { tab: vscode.Tab; group: vscode.TabGroup } | undefined {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('form4.preview')) return { tab, group };
    }
  }
  return undefined;
}

/** The amount-owned cell (the 9th) of the row on `line`, without its padding. */
function ownedCell(document: vscode.TextDocument, line: number): vscode.Range {
  const text = document.lineAt(line).text;
  const bars = [...text.matchAll(/(?<!\\)\|/g)].map((m) => m.index);
  const from = (bars[8] ?? 0) + 1;
  const to = bars[9] ?? text.length;
  const value = text.slice(from, to);
  const start = from + (value.length - value.trimStart().length);
  return new vscode.Range(line, start, line, start + value.trim().length);
}

/** Replaces the range with `text` typed one character at a time, as a user types it: one version per keystroke. */
async function typeInto(editor: vscode.TextEditor, range: vscode.Range, text: string): Promise<void> {
  assert.ok(await editor.edit((b) => b.delete(range)));
  let at = range.start;
  for (const ch of text) {
    const where = at;
    assert.ok(await editor.edit((b) => b.insert(where, ch)));
    at = at.translate(0, ch.length);
  }
}

suite('preview', () => {
  suiteTeardown(closeAllEditors);

  test('the commands, the editor title button and the keys are contributed', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as Manifest;
    const command = (id: string) => manifest.contributes.commands.find((c) => c.command === id);
    assert.deepEqual(command('form4.openPreview'), { command: 'form4.openPreview', title: 'Open Preview', category: 'Form 4', icon: '$(open-preview)' });
    assert.deepEqual(command('form4.openPreviewToSide'), { command: 'form4.openPreviewToSide', title: 'Open Preview to the Side', category: 'Form 4', icon: '$(open-preview)' });
    const button = manifest.contributes.menus['editor/title']?.find((m) => m.command === 'form4.openPreviewToSide');
    assert.deepEqual(button, { command: 'form4.openPreviewToSide', alt: 'form4.openPreview', when: 'editorLangId == form4 || editorLangId == xml', group: 'navigation' });
    assert.deepEqual(
      manifest.contributes.keybindings.filter((k) => k.command.startsWith('form4.openPreview')).map((k) => [k.command, k.key, k.when]),
      [
        ['form4.openPreview', 'ctrl+shift+v', 'editorLangId == form4 && !notebookEditorFocused'],
        ['form4.openPreviewToSide', 'ctrl+k v', 'editorLangId == form4 && !notebookEditorFocused'],
      ],
    );
    await openDraft(await freshCopy('clean.form4'));
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('form4.openPreview') && commands.includes('form4.openPreviewToSide'));
    await closeAllEditors();
  });

  test('"Open Preview" opens it in the draft\'s own group, as a tab in front', async () => {
    const { editor } = await openDraft(await freshCopy('clean.form4'));
    await vscode.commands.executeCommand('form4.openPreview');
    const { tab, group } = await waitFor(() => previewTab(), 'the preview tab');
    assert.equal(group.viewColumn, editor.viewColumn);
    assert.equal(tab.isActive, true);
    assert.equal(tab.label, `Preview ${editor.document.uri.path.split('/').pop()}`);
    await closeAllEditors();
    await waitFor(() => previewTab() === undefined, 'the preview closed with the other editors');
  });

  test('an XML file that holds no Form 4 gets no preview', async () => {
    const uri = await writeWorkspaceFile(`scratch/${Date.now()}/page.xml`, '<html><body/></html>\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('form4.openPreviewToSide');
    // The panel opened for the answer is closed when the answer is that there is nothing to show.
    await waitFor(() => previewTab() === undefined, 'no preview tab left');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await closeAllEditors();
  });

  suite('beside a draft', function () {
    let editor: vscode.TextEditor;

    suiteSetup(async function () {
      if (!canDriveWebviews()) {
        console.log('    (skipped: this runner cannot look into webviews; npm run test:e2e can)');
        this.skip();
      }
      editor = (await openDraft(await freshCopy('clean.form4'))).editor;
      await vscode.commands.executeCommand('form4.openPreviewToSide');
    });

    test('opens beside the draft, which keeps the focus, and shows the draft\'s values', async () => {
      const { tab, group } = await waitFor(() => previewTab(), 'the preview tab');
      assert.equal(tab.label, `Preview ${editor.document.uri.path.split('/').pop()}`);
      assert.equal(group.viewColumn, vscode.ViewColumn.Two);
      assert.equal(editor.viewColumn, vscode.ViewColumn.One);
      assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'the draft keeps the focus');
      const cell = rangeOf(editor.document, SALE_LINE, '55,500');
      const owned = await waitShown('55,500', SALE_LINE);
      assert.ok(spanRange(owned.span).contains(cell), `the value's data-span holds its cell in the draft (${owned.span})`);
      assert.equal(owned.mark, null, 'the clean draft has no finding marked');
      // VS Code adds its own inline script (acquireVsCodeApi) to every webview page; the page's own
      // is the extension's, and the CSP admits scripts by its nonce only.
      const page = await inPreview({
        action: 'evaluate',
        expression: `({
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
          scripts: [...document.scripts].filter((s) => s.src).map((s) => ({ file: new URL(s.src).pathname.split('/').slice(-2).join('/'), nonce: s.nonce })),
        })`,
      }) as { csp: string; scripts: { file: string; nonce: string }[] };
      assert.equal(page.scripts.length, 1, JSON.stringify(page.scripts));
      const [script] = page.scripts as [{ file: string; nonce: string }];
      assert.equal(script.file, 'media/preview.js');
      assert.ok(script.nonce.length >= 16, 'a nonce');
      assert.ok(page.csp.split('; ').includes(`script-src 'nonce-${script.nonce}'`), page.csp);
      assert.match(page.csp, /^default-src 'none'/);
    });

    test('typing into a cell changes the page: the new value, marked with its finding and message', async () => {
      const cell = rangeOf(editor.document, SALE_LINE, '55,500');
      await typeInto(editor, cell, '54,500');
      const owned = await waitShown('54,500', SALE_LINE, (s) => s.mark !== null);
      assert.match(owned.mark ?? '', /\bfinding\b.*\bfinding-error\b|\bfinding-error\b.*\bfinding\b/);
      assert.match(owned.title ?? '', /The amount owned should be 55,500/);
    });

    test('a click on a value in the page selects it in the draft, in the draft\'s column', async () => {
      const price = await waitShown('$ 18.3654', SALE_LINE);
      await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
      await inPreview({ action: 'click', selector: `[data-span="${price.span}"]` });
      // The value is selected: without the cell's padding, and without its footnote mark, which
      // is a link of its own in the page (to the reference it shows).
      const cell = rangeOf(editor.document, SALE_LINE, '\\$18.3654');
      assert.ok(spanRange(price.span).isEqual(cell), `${price.span} is the price's value`);
      const active = await waitFor(() => {
        const e = vscode.window.activeTextEditor;
        return e && e.document === editor.document && e.selection.isEqual(new vscode.Selection(cell.start, cell.end)) ? e : undefined;
      }, `the draft's selection to be the price, ${JSON.stringify(cell)}`);
      assert.equal(active.viewColumn, vscode.ViewColumn.One);
    });

    test('the scroll position stays where the reader left it: across an update, and the panel hidden and shown', async () => {
      const scrolled = await inPreview({
        action: 'evaluate',
        // Half way down; the webview's state is written on the next animation frame.
        expression: `new Promise((done) => {
          const max = document.documentElement.scrollHeight - window.innerHeight;
          window.scrollTo(0, Math.floor(max / 2));
          requestAnimationFrame(() => requestAnimationFrame(() => done({ max, y: window.scrollY })));
        })`,
      }) as { max: number; y: number };
      assert.ok(scrolled.max > 0 && scrolled.y > 0, `the page is taller than the panel (${JSON.stringify(scrolled)})`);
      await typeInto(editor, ownedCell(editor.document, SALE_LINE), '55,400');
      await waitShown('55,400', SALE_LINE);
      assert.equal(await inPreview({ action: 'evaluate', expression: 'window.scrollY' }), scrolled.y, 'after the update');
      // Hidden behind another editor in its group, then shown again.
      const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not a Form 4' });
      await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Two });
      await waitFor(() => previewTab()?.tab.isActive === false, 'the preview hidden');
      await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
      await vscode.commands.executeCommand('form4.openPreviewToSide');
      await waitFor(() => previewTab()?.tab.isActive, 'the preview shown again');
      // The page is loaded again when the panel is shown: wait for it to be back where it was.
      let y: unknown;
      await waitFor(async () => {
        const answer = await driveWebview({ action: 'evaluate', has: PAGE, expression: 'window.scrollY' });
        y = answer.ok ? answer.value : answer.error;
        return y === scrolled.y;
      }, `the preview shown again at ${scrolled.y}`).catch((error: Error) => assert.fail(`${error.message}; it is at ${String(y)}`));
    });

    test('follows the active editor: an EDGAR XML file in front is previewed, and a click lands in the XML', async () => {
      const xml = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(await freshCopy('wilson.xml')), { viewColumn: vscode.ViewColumn.One });
      await waitFor(() => previewTab()?.tab.label === `Preview wilson.xml`, 'the preview to follow to wilson.xml');
      const line = xml.document.getText().split('\n').findIndex((l) => l.includes('<rptOwnerName>'));
      const name = await waitShown('Wilson John N', line);
      await inPreview({ action: 'click', selector: `[data-span="${name.span}"]` });
      const range = spanRange(name.span);
      await waitFor(() => {
        const e = vscode.window.activeTextEditor;
        return e?.document === xml.document && e.selection.isEqual(new vscode.Selection(range.start, range.end));
      }, `the XML's selection to be ${name.span}`);
      // The value is selected, inside its element, as a draft's value is inside its cell.
      assert.equal(xml.document.getText(range), 'Wilson John N');
    });
  });
});
