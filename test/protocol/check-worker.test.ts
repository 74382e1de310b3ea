/**
 * The check worker: large drafts are checked off the server's main thread, a newer job cancels
 * an older one for the same document at once, a worker that dies fails its jobs and is replaced,
 * and the worker stops when the last document it held is closed. First the runner itself (from
 * the compiled `out/` files, with the worker beside it), then the server over stdio.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DocumentDiagnosticRequest, type DocumentDiagnosticReport, type FullDocumentDiagnosticReport, HoverRequest } from 'vscode-languageserver-protocol/node';
import { CheckRunner } from '../../server/src/lsp/checkRunner';
import { checkDraft, parseDraft } from '../../server/src/service';
import { draft, rowI } from '../support/drafts';
import { HOOK, offsetAt, rangeOf, SUITE, TestServer, untitledUri } from './harness';

/** A draft of `rows` sales, each following from the one before but the last, one share off. */
function largeDraft(rows: number): string {
  const lines: string[] = [];
  let owned = 100_000_000;
  for (let i = 0; i < rows; i++) {
    owned -= 100;
    const shown = i === rows - 1 ? owned + 1 : owned;
    lines.push(rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.50', shown.toLocaleString('en-US'), 'D', ''));
  }
  return draft({ tableI: lines });
}

const RULES = { 'too-many-rows': 'off' } as const;

function full(report: DocumentDiagnosticReport): FullDocumentDiagnosticReport {
  assert.equal(report.kind, 'full', JSON.stringify(report).slice(0, 200));
  return report as FullDocumentDiagnosticReport;
}

describe('CheckRunner: checks in a worker thread', SUITE, () => {
  const text = largeDraft(20_000);

  test('a check in the worker finds what a check on this thread finds', async () => {
    const runner = new CheckRunner();
    try {
      const outcome = await runner.check('untitled:a.form4', 'draft', text, RULES);
      const here = checkDraft(parseDraft(text), { rules: RULES });
      assert.ok(outcome);
      assert.deepEqual(outcome.findings, JSON.parse(JSON.stringify(here.findings)));
      assert.deepEqual(outcome.findings.map((f) => f.rule), ['holdings-mismatch']);
      assert.equal(outcome.failures.length, 0);
      assert.ok(outcome.holdingsChecked >= 19_999, `holdings checked: ${outcome.holdingsChecked}`);
    } finally {
      runner.dispose();
    }
  });

  test('a newer job for the same document cancels the older one; other documents are not touched', async () => {
    const runner = new CheckRunner();
    try {
      const older = runner.check('untitled:a.form4', 'draft', text, RULES);
      const other = runner.check('untitled:b.form4', 'draft', text, RULES);
      const newer = runner.check('untitled:a.form4', 'draft', text.replace('| 98,000,001 |', '| 98,000,002 |'), RULES);
      assert.equal(await older, undefined, 'the older job is cancelled');
      assert.deepEqual((await other)?.findings.map((f) => f.rule), ['holdings-mismatch']);
      assert.deepEqual((await newer)?.findings.map((f) => f.rule), ['holdings-mismatch']);
    } finally {
      runner.dispose();
    }
  });

  test('a job cancelled by its caller resolves undefined, and the next job is answered', async () => {
    const runner = new CheckRunner();
    try {
      let cancel: (() => void) | undefined;
      const job = runner.check('untitled:a.form4', 'draft', text, RULES, (c) => (cancel = c));
      assert.ok(cancel);
      cancel();
      assert.equal(await job, undefined);
      assert.equal((await runner.check('untitled:a.form4', 'draft', 'not a draft', RULES))?.findings.length, 4);
    } finally {
      runner.dispose();
    }
  });

  test('the worker stops when the last document it holds is forgotten', async () => {
    const runner = new CheckRunner();
    await runner.check('untitled:a.form4', 'draft', 'x', RULES);
    await runner.check('untitled:b.form4', 'draft', 'x', RULES);
    assert.equal(runner.running, true);
    runner.forget('untitled:a.form4');
    assert.equal(runner.running, true, 'b is still held');
    runner.forget('untitled:b.form4');
    assert.equal(runner.running, false);
  });

  test('a worker that dies fails its jobs with the reason, and the next job starts a new one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'form4-worker-'));
    try {
      const script = join(folder, 'dies.js');
      writeFileSync(script, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
      const runner = new CheckRunner(script);
      await assert.rejects(runner.check('untitled:a.form4', 'draft', 'x', RULES), /exited with code 3/);
      assert.equal(runner.running, false);
      await assert.rejects(runner.check('untitled:a.form4', 'draft', 'x', RULES), /exited with code 3/);
      runner.dispose();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('the server checks large drafts in its worker', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { diagnostic: {} } }, initializationOptions: { form4: { rules: RULES } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('a hover sent after a diagnostic request on a 20,000-row draft is answered first; older checks are cancelled', async () => {
    const uri = untitledUri('large-worker');
    let text = largeDraft(20_000);
    await server.open(uri, text);
    const first = full(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.deepEqual(first.items.map((d) => d.code), ['holdings-mismatch']);
    // A hover reads this thread's parse; the first one makes it.
    const cell = rangeOf(text, '98,000,001');
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cell.start });

    let current = '98,000,001';
    const reports: Promise<DocumentDiagnosticReport | 'cancelled'>[] = [];
    // Each version asked for at once, as a client that pulls on every change: the check of
    // each cancels the one before, in the worker, while it runs.
    for (const [version, owned] of [[2, '98,000,002'], [3, '98,000,003'], [4, '98,000,000']] as const) {
      const range = rangeOf(text, current);
      text = `${text.slice(0, offsetAt(text, range.start))}${owned}${text.slice(offsetAt(text, range.end))}`;
      void server.change(uri, version, [{ range, text: owned }]);
      current = owned;
      reports.push(server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }).catch(() => 'cancelled' as const));
    }
    // Messages are handled in order: checked on the main thread, the last report would be
    // answered before this hover is even read.
    let answered = false;
    void reports[2]?.then(() => (answered = true));
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: cell.start });
    assert.equal(answered, false, 'the hover is answered while version 4 is checked');
    assert.match(JSON.stringify(hover?.contents), /98,000,000/);
    const outcomes = await Promise.all(reports);
    const last = outcomes[2];
    assert.ok(last && last !== 'cancelled');
    assert.deepEqual(full(last).items, [], 'version 4 reconciles');
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
