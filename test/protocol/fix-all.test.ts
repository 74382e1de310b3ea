/**
 * `source.fixAll.form4`: one code action that applies every preferred fix, asked for the way
 * VS Code asks on save (context.only = ['source.fixAll']).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CodeAction, CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, editsFor, HOOK, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

/** A wrong amount owned (10,600 for 10,500) and a reference to a footnote (3) that is missing. */
const BROKEN = SMALL_DRAFT.replace('| 10,500 |', '| 10,600 |').replace('| $18.50 |', '| $18.50 (3) |');
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('fix all', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('the server offers the fix-all kind', () => {
    assert.deepEqual(server.initializeResult.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.form4'] });
  });

  test('one action whose edit fixes the amount owned, and leaves the missing footnote to write', async () => {
    const uri = untitledUri('fix-all');
    const opened = await server.openAndWait(uri, BROKEN);
    assert.deepEqual(opened.diagnostics.map((d) => d.code), ['footnote-undefined', 'holdings-mismatch']);

    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: WHOLE,
      context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 2 },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    const action = actions[0] as CodeAction;
    assert.equal(action.kind, 'source.fixAll.form4');
    // The stub footnote is a quick fix of its own, not part of fix-all: on save it would turn a
    // missing footnote into an empty one that nothing flags but EDGAR rejects.
    assert.equal(action.title, 'Fix all auto-fixable Form 4 problems (1)');
    const fixed = applyTextEdits(BROKEN, editsFor(action.edit, uri));
    assert.equal(fixed, SMALL_DRAFT.replace('| $18.50 |', '| $18.50 (3) |'));

    const second = server.publishedFor(uri, 2);
    await server.replace(uri, 2, fixed);
    const { diagnostics } = await second;
    assert.deepEqual(diagnostics.map((d) => d.code), ['footnote-undefined']);

    // Nothing left to fix: no action.
    const none = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: WHOLE, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(none, []);
  });

  test('only source.fixAll: no quick fixes; only quickfix: no fix-all', async () => {
    const uri = untitledUri('kinds');
    const opened = await server.openAndWait(uri, BROKEN);
    const mismatch = opened.diagnostics.find((d) => d.code === 'holdings-mismatch');
    assert.ok(mismatch);
    const range = mismatch.range;
    const fixAllOnly = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [mismatch], only: ['source.fixAll.form4'] } })) as CodeAction[];
    assert.deepEqual(fixAllOnly.map((a) => a.kind), ['source.fixAll.form4']);
    const quickOnly = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [mismatch], only: ['quickfix'] } })) as CodeAction[];
    assert.ok(quickOnly.length > 0);
    assert.deepEqual([...new Set(quickOnly.map((a) => a.kind))], ['quickfix']);
    // Another source kind is not ours.
    const organize = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [mismatch], only: ['source.organizeImports'] } });
    assert.deepEqual(organize, []);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
