/**
 * Pulled diagnostics (textDocument/diagnostic), as VS Code asks for them: full reports with a
 * result id, `unchanged` when nothing changed, nothing pushed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  DocumentDiagnosticRequest,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  ResponseError,
  type UnchangedDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, HOOK, rangeOf, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

const POSEY = readFileSync(join(EXAMPLES, 'qualys-posey-2024-ocr.form4'), 'utf8');

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', `a full report: ${JSON.stringify(report).slice(0, 200)}`);
  return report as FullDocumentDiagnosticReport;
}

describe('pull diagnostics', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { diagnostic: {} } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('the server declares a diagnostic provider', () => {
    // A filing's findings depend on the earlier filings of its history; closed ones are reported by workspace/diagnostic.
    assert.deepEqual(server.initializeResult.capabilities.diagnosticProvider, { identifier: 'form4', interFileDependencies: true, workspaceDiagnostics: true });
  });

  test('a full report with items and a result id; the same result id again → unchanged', async () => {
    const uri = untitledUri('posey');
    await server.open(uri, POSEY);
    const first = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.equal(typeof first.resultId, 'string');
    assert.ok((first.resultId ?? '').length > 0);
    assert.deepEqual(
      first.items.filter((d) => d.code === 'row-shape' || d.code === 'footnote-unused').map((d) => `${d.range.start.line}:${String(d.code)}`),
      ['24:row-shape', '26:row-shape', '27:row-shape', '28:row-shape', '29:row-shape', '39:footnote-unused', '40:footnote-unused', '41:footnote-unused'],
    );
    assert.equal(first.items.length, 11);
    for (const d of first.items) assert.equal(d.source, 'form4');

    const second = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    const unchanged: UnchangedDocumentDiagnosticReport = { kind: 'unchanged', resultId: first.resultId ?? '' };
    assert.deepEqual(second, unchanged);

    // The status notification went out for the checked version, and nothing was pushed.
    const status = await server.statusFor(uri, 1);
    assert.deepEqual(status, { uri, version: 1, errors: 9, warnings: 2, information: 0, hints: 0, holdingsChecked: 0, clean: false });
    assert.deepEqual(server.diagnostics.received, []);
  });

  test('after a change the old result id gets a new full report', async () => {
    const uri = untitledUri('small');
    await server.open(uri, SMALL_DRAFT);
    const first = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(first.items, []);
    const cell = rangeOf(SMALL_DRAFT, '10,500');
    await server.change(uri, 2, [{ range: cell, text: '10,600' }]);
    const second = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId }));
    assert.notEqual(second.resultId, first.resultId);
    assert.deepEqual(second.items.map((d) => [d.code, d.range]), [['holdings-mismatch', { start: cell.start, end: { line: cell.end.line, character: cell.end.character } }]]);
    // Pull clients get related locations.
    assert.equal(second.items[0]?.relatedInformation?.length, 1);
    assert.deepEqual(server.diagnostics.received, []);
  });

  test('closed and opened again with other text at the same version: the old result id is not "unchanged"', async () => {
    const uri = untitledUri('reopen');
    await server.open(uri, SMALL_DRAFT);
    const first = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(first.items, []);
    await server.close(uri);
    await server.open(uri, SMALL_DRAFT.replace('| 10,500 |', '| 10,600 |'));
    const second = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.deepEqual(full(second).items.map((d) => d.code), ['holdings-mismatch']);
  });

  test('a report for a document that is not open is empty', async () => {
    const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'untitled:never-opened.form4' } });
    assert.deepEqual(report, { kind: 'full', items: [] });
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('pull diagnostics: a change while a report is being made', SUITE, () => {
  let server: TestServer;
  const held: ((value: unknown) => void)[] = [];
  before(async () => {
    server = await TestServer.start({
      capabilities: { textDocument: { diagnostic: {} }, workspace: { configuration: true } },
      configuration: () => new Promise((resolve) => held.push(resolve)),
    });
  }, HOOK);
  after(async () => {
    for (const answer of held) answer(null);
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('a report asked before a change and made after it describes the changed text', async () => {
    const uri = untitledUri('small');
    await server.open(uri, SMALL_DRAFT);
    const asked = server.configurationRequests.next((items) => items.some((i) => i.scopeUri === uri), `workspace/configuration for ${uri}`);
    const report = server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    await asked;
    // The settings are still being read when the draft changes.
    const cell = rangeOf(SMALL_DRAFT, '10,500');
    await server.change(uri, 2, [{ range: cell, text: '10,600' }]);
    // A request after the change: once it is answered, the server has applied the change.
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cell.start });
    held.shift()?.({});
    const made = full(await report);
    assert.deepEqual(made.items.map((d) => [d.code, d.range]), [['holdings-mismatch', cell]]);
    // Its result id names the version it describes (2, the changed text): asked again with it,
    // nothing has changed since.
    const again = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: made.resultId });
    assert.equal(again.kind, 'unchanged');
    // A further change makes the next report full again.
    await server.change(uri, 3, [{ range: cell, text: '10,500' }]);
    const fixed = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: made.resultId }));
    assert.deepEqual(fixed.items, []);
  });

  test('a report the client cancels is answered with a cancellation, and the server goes on', async () => {
    const uri = untitledUri('cancel');
    await server.open(uri, SMALL_DRAFT);
    const asked = server.configurationRequests.next((items) => items.some((i) => i.scopeUri === uri), `workspace/configuration for ${uri}`);
    const source = new CancellationTokenSource();
    const report = server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    await asked;
    source.cancel();
    // The cancellation reaches the server before this request's answer.
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    held.shift()?.({});
    await assert.rejects(report, (error: unknown) => {
      assert.ok(error instanceof ResponseError, String(error));
      assert.equal(error.code, -32800); // RequestCancelled
      assert.equal(error.data, undefined);
      return true;
    });
    const again = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(again.items, []);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
