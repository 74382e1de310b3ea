/**
 * Pushed diagnostics, over stdio against the bundled server: what a client without the pull
 * capability sees when it opens and edits drafts.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, editsFor, EXAMPLES, HOOK, rangeOf, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

const WILSON = readFileSync(join(EXAMPLES, 'qualys-wilson-2013.form4'), 'utf8');
const POSEY = readFileSync(join(EXAMPLES, 'qualys-posey-2024-ocr.form4'), 'utf8');
const DOCS = 'https://github.com/form4-tools/form4-vscode/blob/main/docs/rules.md';

const ROW1 = '| Common Stock | 08/06/2013 | | P (1) | | 1,000 | A | $18.00 | 11,000 | D | |';
/** The line of row 2 of the small draft, whose amount owned the tests change. */
const ROW2 = '| Common Stock | 08/06/2013 | | S (2) | | 500 | D | $18.50 | 10,500 | D | |';

/** Edits as the incremental changes an editor sends: applied one after the other, last first. */
function asChanges(edits: readonly { range: Diagnostic['range']; newText: string }[]): TextDocumentContentChangeEvent[] {
  return [...edits]
    .sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character)
    .map((e) => ({ range: e.range, text: e.newText }));
}

describe('push diagnostics (client with relatedInformation support)', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } } } } });
  }, HOOK);
  after(async () => {
    const stopped = await server.stop();
    assert.deepEqual(stopped, { exitCode: 0, killed: false });
  }, HOOK);

  test('the server declares incremental sync and no diagnostic provider', () => {
    assert.deepEqual(server.initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(server.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  test('Wilson: an empty list, and a clean status', async () => {
    const uri = untitledUri('wilson');
    const published = await server.openAndWait(uri, WILSON);
    assert.deepEqual(published, { uri, version: 1, diagnostics: [] });
    const status = await server.statusFor(uri, 1);
    assert.deepEqual(status, { uri, version: 1, errors: 0, warnings: 0, information: 0, hints: 0, holdingsChecked: 1, clean: true });
  });

  test('Posey: each damage at its own line, with code, documentation link and tags', async () => {
    const uri = untitledUri('posey');
    const { diagnostics } = await server.openAndWait(uri, POSEY);
    const pick = (code: string): number[] => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line);
    assert.deepEqual(pick('row-shape'), [24, 26, 27, 28, 29]);
    assert.deepEqual(pick('footnote-unused'), [39, 40, 41]);
    for (const d of diagnostics) {
      assert.equal(d.source, 'form4');
      assert.equal(typeof d.code, 'string');
      assert.equal(d.codeDescription?.href, `${DOCS}#${String(d.code)}`);
      assert.ok(d.codeDescription.href.endsWith(`#${String(d.code)}`));
      if (d.code === 'footnote-unused') assert.deepEqual(d.tags, [1]);
      else assert.equal(d.tags, undefined, `${String(d.code)} has no tags`);
    }
    const rowShape = diagnostics.find((d) => d.code === 'row-shape');
    assert.equal(rowShape?.severity, 1);
    assert.equal(
      rowShape?.message,
      `Table I row 1 has 13 cells, not 11: cells 5 "(" and 6 "l ''" look split or extra.`,
    );
    const unused = diagnostics.filter((d) => d.code === 'footnote-unused');
    assert.deepEqual(
      unused.map((d) => d.message),
      [3, 4, 5].map((n) => `Nothing refers to footnote (${n}), and EDGAR suspends a filing with an unused footnote. Refer to it from a cell, or remove it.`),
    );
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`),
      [
        '13:missing-box',
        '15:earliest-date',
        '21:10b5-1-unchecked',
        '24:row-shape',
        '26:row-shape',
        '27:row-shape',
        '28:row-shape',
        '29:row-shape',
        '39:footnote-unused',
        '40:footnote-unused',
        '41:footnote-unused',
      ],
    );
    const status = await server.statusFor(uri, 1);
    assert.deepEqual(status, { uri, version: 1, errors: 9, warnings: 2, information: 0, hints: 0, holdingsChecked: 0, clean: false });
  });

  test('holdings-mismatch relates to the previous row', async () => {
    const uri = untitledUri('mismatch');
    const text = SMALL_DRAFT.replace('| 10,500 |', '| 10,600 |');
    const { diagnostics } = await server.openAndWait(uri, text);
    assert.deepEqual(diagnostics, [
      {
        range: rangeOf(text, '10,600'),
        severity: 1,
        source: 'form4',
        code: 'holdings-mismatch',
        codeDescription: { href: `${DOCS}#holdings-mismatch` },
        message: 'The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,600.',
        relatedInformation: [
          {
            // Row 1, the previous row of the holding: its whole line.
            location: { uri, range: { start: { line: 12, character: 0 }, end: { line: 12, character: ROW1.length } } },
            message: 'Table I row 1: the previous row of this holding, 11,000 owned',
          },
        ],
      },
    ]);
  });

  test('incremental change → holdings-mismatch at the cell; its preferred quick fix → clean again', async () => {
    const uri = untitledUri('incremental');
    let text = SMALL_DRAFT;
    assert.deepEqual((await server.openAndWait(uri, text)).diagnostics, []);

    const cell = rangeOf(text, '10,500', ROW2);
    const second = server.publishedFor(uri, 2);
    await server.change(uri, 2, [{ range: cell, text: '10,600' }]);
    text = applyTextEdits(text, [{ range: cell, newText: '10,600' }]);
    const { diagnostics } = await second;
    assert.equal(diagnostics.length, 1);
    const diagnostic = diagnostics[0] as Diagnostic;
    assert.equal(diagnostic.code, 'holdings-mismatch');
    assert.deepEqual(diagnostic.range, cell);
    assert.equal(diagnostic.message, 'The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,600.');

    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    })) as CodeAction[];
    const preferred = actions.filter((a) => a.isPreferred === true);
    assert.equal(preferred.length, 1);
    const fix = preferred[0] as CodeAction;
    assert.equal(fix.title, 'Set the amount owned to 10,500');
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.diagnostics, [diagnostic]);
    const edits = editsFor(fix.edit, uri);
    assert.ok(edits.length > 0);
    // A cursor inside the cell, with no diagnostics in the context, gets the same fix.
    const cursor = { line: cell.start.line, character: cell.start.character + 3 };
    const atCursor = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(atCursor.filter((a) => a.isPreferred === true).map((a) => [a.title, editsFor(a.edit, uri)]), [[fix.title, edits]]);
    const third = server.publishedFor(uri, 3);
    await server.change(uri, 3, asChanges(edits));
    text = applyTextEdits(text, edits);
    assert.equal(text, SMALL_DRAFT);
    assert.deepEqual(await third, { uri, version: 3, diagnostics: [] });
  });

  test('a burst of 20 changes: the last publish is the last version, each publish matches its version', async () => {
    const uri = untitledUri('burst');
    let text = SMALL_DRAFT;
    await server.openAndWait(uri, text);
    const since = server.diagnostics.received.length;
    const sends: Promise<void>[] = [];
    for (let k = 1; k <= 20; k++) {
      const current = k === 1 ? '10,500' : `10,${500 + k - 1}`;
      const cell = rangeOf(text, current, '| S (2) |');
      text = applyTextEdits(text, [{ range: cell, newText: `10,${500 + k}` }]);
      sends.push(server.change(uri, 1 + k, [{ range: cell, text: `10,${500 + k}` }]));
    }
    await Promise.all(sends);
    const last = await server.publishedFor(uri, 21);
    assert.equal(last.diagnostics.length, 1);
    assert.equal(last.diagnostics[0]?.message, 'The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,520.');
    // Closing is the barrier: the server clears a closed draft's diagnostics (a publish with no
    // version), and nothing for it may come after.
    const cleared = server.diagnostics.next((p) => p.uri === uri && p.version === undefined, `the clearing publish of ${uri}`);
    await server.close(uri);
    assert.deepEqual(await cleared, { uri, diagnostics: [] });
    const publishes = server.diagnostics.received.slice(since).filter((p) => p.uri === uri);
    const versions = publishes.map((p) => p.version);
    assert.equal(versions.at(-1), undefined);
    assert.equal(versions.at(-2), 21, `publishes: ${JSON.stringify(versions)}`);
    for (let i = 1; i < versions.length - 1; i++) assert.ok((versions[i] as number) > (versions[i - 1] as number), `versions in order: ${JSON.stringify(versions)}`);
    for (const p of publishes.slice(0, -1)) {
      const version = p.version as number;
      assert.deepEqual(p.diagnostics.map((d) => d.message), [`The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,${500 + version - 1}.`]);
    }
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('push diagnostics (client without relatedInformation, no debounce)', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: {}, initializationOptions: { form4: { diagnostics: { delay: 0 } } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('the related row is named in the message instead', async () => {
    const uri = untitledUri('mismatch');
    const text = SMALL_DRAFT.replace('| 10,500 |', '| 10,600 |');
    const { diagnostics } = await server.openAndWait(uri, text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]?.relatedInformation, undefined);
    assert.equal(diagnostics[0]?.message, 'The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,600. See line 13.');
  });

  test('opening a draft publishes its diagnostics once', async () => {
    const a = untitledUri('once-a');
    const b = untitledUri('once-b');
    await server.openAndWait(a, SMALL_DRAFT);
    // Another draft's publish, then a's clearing publish on close: a second publish of a's
    // version 1 (a debounced re-check of the open) would come before them.
    await server.openAndWait(b, SMALL_DRAFT);
    const cleared = server.diagnostics.next((p) => p.uri === a && p.version === undefined, `the clearing publish of ${a}`);
    await server.close(a);
    await cleared;
    assert.deepEqual(
      server.diagnostics.received.filter((p) => p.uri === a),
      [
        { uri: a, version: 1, diagnostics: [] },
        { uri: a, diagnostics: [] },
      ],
    );
  });

  test('a burst of 20 full-text changes with no delay: the last publish carries the last version', async () => {
    const uri = untitledUri('burst0');
    await server.openAndWait(uri, SMALL_DRAFT);
    const since = server.diagnostics.received.length;
    const sends: Promise<void>[] = [];
    for (let k = 1; k <= 20; k++) sends.push(server.replace(uri, 1 + k, SMALL_DRAFT.replace('| 10,500 |', `| 10,${500 + k} |`)));
    await Promise.all(sends);
    const last = await server.publishedFor(uri, 21);
    assert.deepEqual(last.diagnostics.map((d) => d.message), ['The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,520. See line 13.']);
    const cleared = server.diagnostics.next((p) => p.uri === uri && p.version === undefined, `the clearing publish of ${uri}`);
    await server.close(uri);
    await cleared;
    const publishes = server.diagnostics.received.slice(since).filter((p) => p.uri === uri);
    const versions = publishes.map((p) => p.version);
    assert.equal(versions.at(-2), 21, `publishes: ${JSON.stringify(versions)}`);
    for (let i = 1; i < versions.length - 1; i++) assert.ok((versions[i] as number) > (versions[i - 1] as number), `versions in order: ${JSON.stringify(versions)}`);
    for (const p of publishes.slice(0, -1)) {
      const version = p.version as number;
      assert.deepEqual(p.diagnostics.map((d) => d.message), [`The amount owned should be 10,500 (11,000 − 500 disposed on 08/06/2013), not 10,${500 + version - 1}. See line 13.`]);
    }
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
