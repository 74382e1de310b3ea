// The snippets as VS Code inserts them: each snippet of the installed extension's
// snippets/form4.code-snippets goes where it belongs in a draft (rows into their table, footnotes
// into the Explanation of Responses, the blank draft into an empty document), with its defaults,
// through editor.insertSnippet; the editor is then in snippet mode at tab stop 1, leaves it, and
// the draft checks clean. Also the "New Draft from Template" command (form4.newDraft).
//
// Each snippet replaces a marker line, and each marker is a finding (a one-cell row is a
// row-shape error, an unreferenced footnote a footnote-unused error), so a draft is clean only
// once its last marker is gone: a report with no diagnostics cannot be about an earlier version.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expandSnippet } from '../support/snippets';
import { EXTENSION_ID, closeAllEditors, diagnosticsAfter, openDraft, summary, untitledDraft, waitFor } from './helpers';

interface SnippetEntry {
  readonly prefix: string;
  readonly body: string | readonly string[];
}

interface Installed {
  readonly name: string;
  readonly body: string;
}

/** The snippets of the installed extension, by prefix. */
function installedSnippets(): Map<string, Installed> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const file = path.join(extension.extensionPath, 'snippets', 'form4.code-snippets');
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, SnippetEntry>;
  return new Map(Object.entries(parsed).map(([name, s]) => [s.prefix, { name, body: typeof s.body === 'string' ? s.body : s.body.join('\n') }]));
}

// ── the drafts the snippets go into ─────────────────────────────────────────────────────────────

const MARK_I = '| ?I |';
const MARK_II = '| ?II |';
const MARK_F1 = '(98) ?F1';
const MARK_F2 = '(99) ?F2';

const BOX_UNCHECKED = 'Rule 10b5-1(c) Transaction Indication: [ ]';
const BOX_CHECKED = 'Rule 10b5-1(c) Transaction Indication: [x]';

interface Host {
  readonly box10b51?: string;
  readonly tableI?: readonly string[];
  readonly tableII?: readonly string[];
  readonly footnotes?: readonly string[];
}

/** A complete draft for transactions of 06/11/2024, signed the next day, around the parts given. */
function hostDraft(parts: Host): string {
  const lines = [
    'FORM 4',
    '',
    '1. Name and Address of Reporting Person: Doe Jane A, C/O EXAMPLE CORP., 100 MAIN STREET, SPRINGFIELD, IL 62701',
    '2. Issuer Name and Ticker or Trading Symbol: EXAMPLE CORP. [EXMP]',
    '3. Date of Earliest Transaction: 06/11/2024',
    '5. Relationship of Reporting Person(s) to Issuer: Officer (Chief Financial Officer)',
    '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
    parts.box10b51 ?? BOX_UNCHECKED,
    '',
  ];
  if (parts.tableI) {
    lines.push(
      'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      '',
      '| Title | Date | Deemed | Code | V | Amount | (A) or (D) | Price | Owned After | D/I | Nature |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
      ...parts.tableI,
      '',
    );
  }
  if (parts.tableII) {
    lines.push(
      'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      '',
      '| Title | Exercise Price | Date | Deemed | Code | V | (A) | (D) | Date Exercisable | Expiration Date | Underlying Title | Underlying Amount | Price | Owned After | D/I | Nature |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...parts.tableII,
      '',
    );
  }
  if (parts.footnotes) lines.push('Explanation of Responses:', '', ...parts.footnotes, '');
  lines.push('/s/ Jane A. Doe', '', '06/12/2024', '');
  return lines.join('\n');
}

interface Case {
  readonly title: string;
  readonly host: Host;
  /** Snippet prefix → the marker line it replaces, in the order they are inserted. */
  readonly insert: readonly (readonly [prefix: string, marker: string])[];
}

const CASES: readonly Case[] = [
  { title: 'form4-holding into Table I', host: { tableI: [MARK_I] }, insert: [['form4-holding', MARK_I]] },
  { title: 'form4-gift into Table I', host: { tableI: [MARK_I] }, insert: [['form4-gift', MARK_I]] },
  { title: 'form4-deriv into Table II', host: { tableII: [MARK_II] }, insert: [['form4-deriv', MARK_II]] },
  {
    title: 'form4-exercise-sale into Table I with form4-exercise-option into Table II, form4-10b5-1-footnote and form4-weighted-average-footnote into the Explanation (10b5-1 box checked)',
    host: { box10b51: BOX_CHECKED, tableI: [MARK_I], tableII: [MARK_II], footnotes: [MARK_F1, MARK_F2] },
    insert: [
      ['form4-exercise-sale', MARK_I],
      ['form4-exercise-option', MARK_II],
      ['form4-10b5-1-footnote', MARK_F1],
      ['form4-weighted-average-footnote', MARK_F2],
    ],
  },
  {
    title: 'form4-rsu-vest into Table I with form4-rsu-units into Table II, form4-rsu-footnote and form4-vesting-footnote into the Explanation',
    host: { tableI: [MARK_I], tableII: [MARK_II], footnotes: [MARK_F1, MARK_F2] },
    insert: [
      ['form4-rsu-vest', MARK_I],
      ['form4-rsu-units', MARK_II],
      ['form4-rsu-footnote', MARK_F1],
      ['form4-vesting-footnote', MARK_F2],
    ],
  },
  {
    title: 'form4-footnote into the Explanation, describing a J row',
    host: { tableI: ['| Common Stock | 06/11/2024 | | J (1) | | 1,000 | D | $0 | 9,000 | D | |'], footnotes: [MARK_F1] },
    insert: [['form4-footnote', MARK_F1]],
  },
];

/** The blank draft goes into an empty document; the command inserts it itself. */
const WHOLE_DRAFT = 'form4-draft';

// ── inserting ───────────────────────────────────────────────────────────────────────────────────

/**
 * The body with each transformed mirror of a tab stop (`${2/regex/format/}`) made a plain mirror
 * (`$2`): VS Code inserts a transformed mirror untransformed and applies the transform when the
 * cursor leaves that tab stop for the next one (not on leaveSnippet). So form4-draft's /s/ line
 * reads "Last First Middle" as inserted, and "First Middle Last" once tab stop 2 is passed.
 */
function asInserted(body: string): string {
  return body.replace(/\$\{(\d+)\/(?:[^/\\]|\\.)*\/(?:[^/\\]|\\.)*\/[a-z]*\}/g, '$$$1');
}

function sameSelection(a: vscode.Selection, b: vscode.Selection): boolean {
  return a.anchor.isEqual(b.anchor) && a.active.isEqual(b.active);
}

/**
 * Checks what insertSnippet did at `start`: the text is the snippet with its defaults, the
 * editor is in snippet mode with tab stop 1 selected (the next-placeholder command moves on),
 * then leaves snippet mode (the same command no longer moves).
 */
async function checkInsertedAndLeave(editor: vscode.TextEditor, prefix: string, body: string, start: vscode.Position): Promise<void> {
  const document = editor.document;
  const expected = expandSnippet(asInserted(body));
  const startOffset = document.offsetAt(start);
  const inserted = document.getText(new vscode.Range(start, document.positionAt(startOffset + expected.length)));
  assert.equal(inserted, expected, `${prefix}: inserted with its defaults`);
  // Tab stop 1 is selected: where the first tab stop 1 stands in the expansion.
  const mark = '\u0001';
  const at = expandSnippet(asInserted(body), { values: { 1: mark } }).indexOf(mark);
  await waitFor(() => document.offsetAt(editor.selection.start) === startOffset + at, `${prefix}: tab stop 1 selected`, 5000);
  assert.ok(!editor.selection.isEmpty, `${prefix}: tab stop 1's default is selected`);
  const atFirst = editor.selection;
  await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
  const atSecond = await waitFor(() => (sameSelection(editor.selection, atFirst) ? undefined : editor.selection), `${prefix}: in snippet mode, the next placeholder`, 5000);
  await vscode.commands.executeCommand('leaveSnippet');
  await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
  assert.ok(sameSelection(editor.selection, atSecond), `${prefix}: out of snippet mode, the next-placeholder command does nothing`);
  assert.equal(document.getText(new vscode.Range(start, document.positionAt(startOffset + expected.length))), expected, `${prefix}: moving through it changed nothing`);
}

/** Replaces the marker line with the snippet. */
async function insertAtMarker(editor: vscode.TextEditor, prefix: string, body: string, marker: string): Promise<void> {
  const document = editor.document;
  const line = [...Array(document.lineCount).keys()].find((i) => document.lineAt(i).text === marker);
  assert.ok(line !== undefined, `the draft has the marker ${marker}`);
  const range = document.lineAt(line).range;
  assert.equal(await editor.insertSnippet(new vscode.SnippetString(body), range), true, `${prefix} inserted`);
  await checkInsertedAndLeave(editor, prefix, body, range.start);
}

suite('snippets', () => {
  let snippets: Map<string, Installed>;

  suiteSetup(() => {
    snippets = installedSnippets();
  });

  // The untitled drafts stay open until the suite ends: closing one frees its name (Untitled-1)
  // for the next, and the workbench of VS Code 1.100 then sometimes logs "Model is disposed!"
  // from an editor feature still holding the old model (nothing of the extension's).
  suiteTeardown(closeAllEditors);

  function snippet(prefix: string): Installed {
    const found = snippets.get(prefix);
    assert.ok(found !== undefined, `the installed snippets have ${prefix}`);
    return found;
  }

  const body = (prefix: string): string => snippet(prefix).body;

  test('every snippet of the installed extension is inserted by a test below', () => {
    const covered = new Set([WHOLE_DRAFT, 'form4-row', ...CASES.flatMap((c) => c.insert.map(([prefix]) => prefix))]);
    assert.deepEqual([...snippets.keys()].sort(), [...covered].sort());
  });

  test('the server offers the snippets in an empty draft after "form4-": the blank draft and every row, no footnote (no Explanation yet)', async () => {
    const { editor } = await openDraft(await untitledDraft('form4-'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 'form4-'.length));
    const offered = list.items
      .filter((i) => i.kind === vscode.CompletionItemKind.Snippet)
      .map((i) => (typeof i.label === 'string' ? i.label : i.label.label))
      .sort();
    assert.deepEqual(offered, [...snippets.keys()].filter((p) => !p.endsWith('-footnote')).sort());
  });

  test('at the start of a Table I line: the Table I row snippets; inside a cell: no snippet', async () => {
    const { editor } = await openDraft(await untitledDraft(hostDraft({ tableI: [MARK_I, ''] })), (d) => d.length > 0, 'the findings of the marker');
    const marker = [...Array(editor.document.lineCount).keys()].find((i) => editor.document.lineAt(i).text === MARK_I) as number;
    const labels = async (at: vscode.Position, kind: vscode.CompletionItemKind): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at);
      return list.items.filter((i) => i.kind === kind).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).sort();
    };
    const tableI = [...snippets.entries()].filter(([, s]) => /^\|/.test(s.body) && (s.body.split('\n')[0] ?? '').replace(/\$\{\d+\|[^}]*\|\}/g, 'x').split('|').length - 2 === 11).map(([p]) => p).sort();
    assert.ok(tableI.includes('form4-row'));
    assert.deepEqual(await labels(new vscode.Position(marker + 1, 0), vscode.CompletionItemKind.Snippet), tableI);
    assert.deepEqual(await labels(new vscode.Position(marker, 3), vscode.CompletionItemKind.Snippet), []);
  });

  for (const c of CASES) {
    test(`${c.title}: checks clean`, async () => {
      const { editor, diagnostics } = await openDraft(
        await untitledDraft(hostDraft(c.host)),
        (d) => d.length > 0,
        'the findings of the markers',
      );
      assert.ok(diagnostics.length > 0, 'the markers are findings');
      const { diagnostics: after } = await diagnosticsAfter(
        editor.document.uri,
        async () => {
          for (const [prefix, marker] of c.insert) await insertAtMarker(editor, prefix, body(prefix), marker);
        },
        (d) => d.length === 0,
        'no diagnostics once every snippet is in',
      );
      assert.deepEqual(summary(after), []);
      assert.ok(!/\?I|\?F/.test(editor.document.getText()), 'every marker replaced');
    });
  }

  test('form4-row into Table I of a draft of today: only its empty amount and amount owned are reported', async () => {
    const now = new Date();
    const today = `${String(now.getMonth() + 1).padStart(2, '0')}/${String(now.getDate()).padStart(2, '0')}/${now.getFullYear()}`;
    const host = hostDraft({ tableI: [MARK_I] }).replace(/06\/1[12]\/2024/g, today);
    const { editor } = await openDraft(await untitledDraft(host), (d) => d.length > 0, 'the findings of the marker');
    const line = [...Array(editor.document.lineCount).keys()].find((i) => editor.document.lineAt(i).text === MARK_I) as number;
    const { diagnostics: after } = await diagnosticsAfter(
      editor.document.uri,
      () => insertAtMarker(editor, 'form4-row', body('form4-row'), MARK_I),
      (d) => d.length === 2,
      'the two cells left to fill',
    );
    assert.deepEqual(summary(after), [`missing-value@${line}`, `missing-value@${line}`]);
    assert.ok(editor.document.lineAt(line).text.includes(`| ${today} |`), editor.document.lineAt(line).text);
  });

  test('form4-draft into an empty untitled form4 document: checks clean', async () => {
    const { editor, diagnostics } = await openDraft(await untitledDraft(''), (d) => d.length > 0, 'the findings of an empty draft');
    assert.ok(summary(diagnostics).includes('missing-box@0'), `an empty draft lacks its boxes: ${summary(diagnostics).join(', ')}`);
    const { diagnostics: after } = await diagnosticsAfter(
      editor.document.uri,
      async () => {
        const start = new vscode.Position(0, 0);
        assert.equal(await editor.insertSnippet(new vscode.SnippetString(body(WHOLE_DRAFT)), start), true);
        await checkInsertedAndLeave(editor, WHOLE_DRAFT, body(WHOLE_DRAFT), start);
      },
      (d) => d.length === 0,
      'no diagnostics for the blank draft',
    );
    assert.deepEqual(summary(after), []);
  });

  test('form4-draft, tabbed through to the end: the /s/ line turns box 1\'s name around, and the draft checks clean', async () => {
    const { editor } = await openDraft(await untitledDraft(''), (d) => d.length > 0, 'the findings of an empty draft');
    const document = editor.document;
    const draft = body(WHOLE_DRAFT);
    const stops = new Set([...draft.matchAll(/\$\{?(\d+)/g)].map((m) => m[1])).size; // 1 … 26
    await diagnosticsAfter(
      document.uri,
      async () => {
        assert.equal(await editor.insertSnippet(new vscode.SnippetString(draft), new vscode.Position(0, 0)), true);
        // Tab through every placeholder, each keeping its default, to the end of the snippet.
        for (let i = 0; i < stops; i++) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      },
      (d) => d.length === 0 && document.getText().includes('/s/ First Middle Last'),
      'no diagnostics for the blank draft, tabbed through',
    );
    assert.equal(document.getText(), expandSnippet(draft), 'every tab stop left with its default, transforms applied');
    const cursor = editor.selection;
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.ok(sameSelection(editor.selection, cursor), 'past the last tab stop, snippet mode is over');
  });

  test('Form 4: New Draft from Template (form4.newDraft) opens an untitled form4 draft that checks clean', async () => {
    const before = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    let editor: vscode.TextEditor | undefined;
    // An empty document has findings (no boxes, no signature): a clean report is the template's.
    const { diagnostics } = await diagnosticsAfter(
      () => {
        assert.ok(editor);
        return editor.document.uri;
      },
      async () => {
        await vscode.commands.executeCommand('form4.newDraft');
        editor = vscode.window.activeTextEditor;
      },
      (d) => d.length === 0,
      'no diagnostics for the new draft',
    );
    assert.ok(editor);
    const document = editor.document;
    assert.equal(before.has(document.uri.toString()), false, 'a new document');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'form4');
    assert.deepEqual(summary(diagnostics), []);
    await checkInsertedAndLeave(editor, 'form4.newDraft', body(WHOLE_DRAFT), new vscode.Position(0, 0));
  });
});
