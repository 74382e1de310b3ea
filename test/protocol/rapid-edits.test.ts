/**
 * Edits faster than the server checks, over stdio: 200 didChange notifications sent without
 * waiting, then the diagnostics must describe the last version (compared with a fresh check of
 * the final text, opened as a second document). And a diagnostic request cancelled while a large
 * draft is being checked: answered RequestCancelled or with a full report, and the server goes on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  type Diagnostic,
  DocumentDiagnosticRequest,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  HoverRequest,
  ResponseError,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { draft, rowI } from '../support/drafts';
import { applyTextEdits, HOOK, rangeOf, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

/** The row whose amount owned the edits change, found by its code cell. */
const ROW2_CODE = '| S (2) |';

/**
 * 200 edits of the small draft, as an editor sends them: mostly incremental (the amount owned of
 * row 2 retyped, a footnote's text appended to and trimmed), every 25th a full-text change. The
 * last leaves row 2's amount owned at 10,600 (a holdings mismatch: 10,500 follows).
 */
function edits(): { changes: TextDocumentContentChangeEvent[][]; final: string } {
  let text = SMALL_DRAFT;
  let owned = '10,500';
  const changes: TextDocumentContentChangeEvent[][] = [];
  for (let i = 1; i <= 200; i++) {
    if (i % 25 === 0 && i < 200) {
      text = `${text}\n`;
      changes.push([{ text }]);
      continue;
    }
    if (i % 3 === 0 && i < 200) {
      // Type a character after footnote (1), or take it away again.
      const range = rangeOf(text, 'market.', '(1) Purchased');
      const edit = i % 6 === 0 ? { range: { start: range.end, end: { line: range.end.line, character: range.end.character + 1 } }, newText: '' } : { range: { start: range.end, end: range.end }, newText: 'x' };
      text = applyTextEdits(text, [edit]);
      changes.push([{ range: edit.range, text: edit.newText }]);
      continue;
    }
    const next = i === 200 ? '10,600' : (10_000 + i * 7).toLocaleString('en-US');
    const range = rangeOf(text, ` ${owned} `, ROW2_CODE);
    const edit = { range, newText: ` ${next} ` };
    text = applyTextEdits(text, [edit]);
    changes.push([{ range: edit.range, text: edit.newText }]);
    owned = next;
  }
  return { changes, final: text };
}

/** A diagnostic without the document it belongs to (related locations name it). */
function portable(d: Diagnostic): unknown {
  return { ...d, relatedInformation: d.relatedInformation?.map((r) => ({ message: r.message, range: r.location.range })) };
}

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', JSON.stringify(report).slice(0, 200));
  return report as FullDocumentDiagnosticReport;
}

describe('200 rapid edits, pushed diagnostics', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('the last diagnostics published describe the last version, as a fresh check of its text does', async () => {
    const uri = untitledUri('rapid');
    const { changes, final } = edits();
    assert.ok(final.includes('| 10,600 |'));
    await server.openAndWait(uri, SMALL_DRAFT);
    // All 200 at once: nothing awaited between them.
    await Promise.all(changes.map((contentChanges, i) => server.change(uri, i + 2, contentChanges)));
    const last = await server.publishedFor(uri, 201);

    const fresh = untitledUri('fresh');
    const expected = await server.openAndWait(fresh, final);
    assert.deepEqual(expected.diagnostics.map((d) => d.code), ['holdings-mismatch']);
    assert.deepEqual(last.diagnostics.map(portable), expected.diagnostics.map(portable));

    // Nothing older was published after it (the fresh draft's check came after its push, and
    // this answer after that): the versions published for the draft only ever go up.
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    const forUri = server.diagnostics.received.filter((p) => p.uri === uri);
    assert.equal(forUri.at(-1)?.version, 201, `published versions: ${forUri.map((p) => p.version).join(', ')}`);
    const versions = forUri.map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions are published in order');
    assert.equal((await server.statusFor(uri, 201)).errors, 1);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('200 rapid edits, pulled diagnostics; cancellation while a large draft is checked', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { diagnostic: {} } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('a report pulled after 200 changes describes the last version', async () => {
    const uri = untitledUri('rapid-pull');
    const { changes, final } = edits();
    await server.open(uri, SMALL_DRAFT);
    const first = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(first.items, []);
    void Promise.all(changes.map((contentChanges, i) => server.change(uri, i + 2, contentChanges)));
    const report = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId }));
    const fresh = untitledUri('fresh-pull');
    await server.open(fresh, final);
    const expected = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: fresh } }));
    assert.deepEqual(expected.items.map((d) => d.code), ['holdings-mismatch']);
    assert.deepEqual(report.items.map(portable), expected.items.map(portable));
    assert.equal((await server.statusFor(uri, 201)).errors, 1);
  });

  test('a report cancelled while a 20,000-row draft is checked: RequestCancelled or a full report, and the server goes on', async (t) => {
    const rows: string[] = [];
    let owned = 10_000_000;
    for (let i = 0; i < 20_000; i++) {
      owned -= 100;
      rows.push(rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.50', owned.toLocaleString('en-US'), 'D', ''));
    }
    const text = draft({ tableI: rows });
    const outcomes: string[] = [];
    // Cancelled before the server reads the request, and a little after it started on it.
    for (const wait of [0, 1, 100]) {
      const uri = untitledUri(`large-${wait}`);
      await server.open(uri, text);
      const source = new CancellationTokenSource();
      const report = server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      source.cancel();
      try {
        const answered = full(await report);
        assert.ok(answered.items.length > 0, 'a full report of the large draft');
        outcomes.push(`${wait} ms: full report`);
      } catch (error) {
        assert.ok(error instanceof ResponseError, String(error));
        assert.equal(error.code, -32800); // RequestCancelled
        outcomes.push(`${wait} ms: cancelled`);
      }
      // The server goes on: it answers, and the report asked again is complete.
      assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:none.form4' }, position: { line: 0, character: 0 } }), null);
      const again = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
      assert.deepEqual(again.items.map((d) => d.code), ['too-many-rows']);
      await server.close(uri);
    }
    t.diagnostic(outcomes.join('; '));
    assert.equal(outcomes[0], '0 ms: cancelled', 'a request cancelled before it is read is never checked');
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
