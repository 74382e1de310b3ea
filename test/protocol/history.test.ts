/**
 * The filing history in the language server, over stdio: a workspace folder holding an
 * insider's EDGAR XML filing (the Wilson Form 4 of 08/07/2013: 55,500 shares after the sale) and
 * the next Form 4 drafted by hand, whose first row does not follow from it (51,500 after selling
 * 5,000 of 55,500). Workspace diagnostics report the draft while it is closed, with the related
 * location in the XML; they update when the XML changes on disk; the open draft's diagnostics,
 * hover and inlay hint show the earlier figure; `form4/nextDraft` starts the next draft.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  type FullDocumentDiagnosticReport,
  FileChangeType,
  HoverRequest,
  InlayHintRequest,
  type MarkupContent,
  WorkspaceDiagnosticRequest,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
  type WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { importOwnershipXml } from '../../server/src/service';
import { DEFAULT_HEADER, draft, rowI } from '../support/drafts';
import { EXERCISE_XML, ownershipXml, SALE_XML } from '../support/xml';
import { HOOK, lineIndex, rangeOf, SUITE, TestServer } from './harness';

const XML = ownershipXml();
const SECOND = draft({
  header: [...DEFAULT_HEADER.slice(0, 2), '3. Date of Earliest Transaction: 09/03/2013', ...DEFAULT_HEADER.slice(3)],
  tableI: [rowI('Common Stock', '09/03/2013', '', 'S', '', '5,000', 'D', '$19.00', '51,500', 'D', '')],
  signature: ['/s/ John N. Wilson', '', '09/04/2013'],
});

const COPY = (importOwnershipXml(XML) as { draft: string }).draft;

type Report = WorkspaceDocumentDiagnosticReport;

function byUri(report: WorkspaceDiagnosticReport): Map<string, Report> {
  return new Map(report.items.map((r) => [r.uri, r]));
}

function full(report: Report | undefined): WorkspaceFullDocumentDiagnosticReport {
  assert.equal(report?.kind, 'full', `a full report: ${JSON.stringify(report)?.slice(0, 300)}`);
  return report as WorkspaceFullDocumentDiagnosticReport;
}

describe('filing history in the server', SUITE, () => {
  let folder: string;
  let server: TestServer;
  let xmlUri: string;
  let secondUri: string;
  let xmlPath: string;
  let firstPull: WorkspaceDiagnosticReport;

  const pull = (previous: WorkspaceDiagnosticReport | undefined): Promise<WorkspaceDiagnosticReport> =>
    server.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      previousResultIds: (previous?.items ?? []).filter((r) => r.resultId !== undefined).map((r) => ({ uri: r.uri, value: r.resultId as string })),
    });

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'form4-history-'));
    xmlPath = join(folder, 'wilson-2013-08-07.xml');
    writeFileSync(xmlPath, XML);
    writeFileSync(join(folder, 'wilson-2013-09-04.form4'), SECOND);
    // The draft the XML was filed from, kept beside it: the same filing, not an earlier one.
    writeFileSync(join(folder, 'wilson-2013-08-07.form4'), COPY);
    // Not filings: read no further than their start, and never reported.
    writeFileSync(join(folder, 'notes.txt'), 'Call the broker about the September sale.\n');
    writeFileSync(join(folder, 'other.xml'), '<?xml version="1.0"?>\n<invoice><total>12</total></invoice>\n');
    xmlUri = pathToFileURL(xmlPath).href;
    secondUri = pathToFileURL(join(folder, 'wilson-2013-09-04.form4')).href;
    server = await TestServer.start({
      capabilities: {
        textDocument: { diagnostic: {} },
        workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
      },
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'wilson' }],
    });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
    assert.deepEqual(server.loggedErrors(), []);
    rmSync(folder, { recursive: true, force: true });
  }, HOOK);

  test('declares workspace diagnostics and inter-file dependencies, and watches the filings', async () => {
    assert.deepEqual(server.initializeResult.capabilities.diagnosticProvider, { identifier: 'form4', interFileDependencies: true, workspaceDiagnostics: true });
    assert.equal(await server.otherRequests.wait((m) => m === 'client/registerCapability', 'the watcher registration'), 'client/registerCapability');
  });

  test('a closed draft whose first row does not follow from the XML filing before it: reported, with the related location in the XML', async () => {
    firstPull = await pull(undefined);
    const reports = byUri(firstPull);
    const copyUri = pathToFileURL(join(folder, 'wilson-2013-08-07.form4')).href;
    assert.deepEqual([...reports.keys()].sort(), [copyUri, xmlUri, secondUri].sort(), 'the filings, not notes.txt nor other.xml');
    assert.deepEqual(full(reports.get(xmlUri)).items, []);
    // The draft and its XML are one filing: neither is checked against the other.
    assert.deepEqual(full(reports.get(copyUri)).items, []);
    const second = full(reports.get(secondUri));
    assert.equal(second.version, null);
    assert.deepEqual(second.items.map((d) => [d.code, d.severity, d.range, d.message]), [[
      'history-mismatch',
      1,
      rangeOf(SECOND, '51,500'),
      'The amount owned should be 50,500 (55,500 last reported, on the Form 4 of 08/07/2013, \u2212 5,000 disposed on 09/03/2013), not 51,500.',
    ]]);
    const sale = lineIndex(XML, '<value>55500</value>');
    assert.deepEqual(second.items[0]?.relatedInformation, [{
      location: { uri: xmlUri, range: rangeOf(XML, '55500', '<value>55500</value>') },
      message: '55,500 reported here, on the Form 4 of 08/07/2013',
    }]);
    assert.ok(sale > 0);
  });

  test('the draft opened: its own diagnostics, hover and inlay hint show the earlier figure and where it came from', async () => {
    await server.open(secondUri, SECOND);
    const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: secondUri } })) as FullDocumentDiagnosticReport;
    assert.deepEqual(report.items.map((d) => [d.code, d.range.start.line, d.relatedInformation?.[0]?.location.uri]), [['history-mismatch', lineIndex(SECOND, '51,500'), xmlUri]]);

    const cell = rangeOf(SECOND, '51,500');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: secondUri }, position: { line: cell.start.line, character: cell.start.character + 2 } });
    const text = (hover?.contents as MarkupContent).value;
    const line = lineIndex(XML, '<value>55500</value>') + 1;
    assert.ok(text.startsWith(`**Last reported: 55,500** on the [Form 4 of 08/07/2013](${xmlUri}#L${line}) (\`wilson-2013-08-07.xml\`, line ${line}), as of 08/06/2013`), text);
    assert.match(text, /The first row of this holding should say 50,500 \(55,500 − 5,000 = 50,500\); it says 51,500\./);
    // The row's own hover (its column) still follows.
    assert.match(text, /\n---\n/);
    assert.deepEqual(hover?.range, cell);

    const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: secondUri }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } });
    assert.deepEqual(hints?.map((h) => [h.label, h.position.line]), [['held before this row: 55,500 (Form 4 of 08/07/2013)', cell.start.line]]);
  });

  test('the XML changed on disk: the open draft is refreshed, and a held workspace pull answers with the new reports', async () => {
    // Asked before the change, about the state already reported: held until something changes.
    const held = pull(firstPull);
    const refreshes = server.otherRequests.received.filter((m) => m === 'workspace/diagnostic/refresh').length;
    const refreshed = server.otherRequests.next((m) => m === 'workspace/diagnostic/refresh', 'a diagnostics refresh');
    // The earlier filing now says 56,500 after the sale: the draft's 51,500 follows from it.
    const changed = ownershipXml({ tableI: `${EXERCISE_XML.replace('65500', '66500')}\n${SALE_XML.replace('55500', '56500')}` });
    writeFileSync(xmlPath, changed);
    // The draft it was filed from, corrected the same way.
    const copyUri = pathToFileURL(join(folder, 'wilson-2013-08-07.form4')).href;
    writeFileSync(join(folder, 'wilson-2013-08-07.form4'), (importOwnershipXml(changed) as { draft: string }).draft);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: xmlUri, type: FileChangeType.Changed }, { uri: copyUri, type: FileChangeType.Changed }] });

    const answer = byUri(await held);
    assert.deepEqual([...answer.keys()].sort(), [copyUri, xmlUri].sort(), 'the open draft is left to its document pull');
    assert.deepEqual(full(answer.get(xmlUri)).items, []);
    assert.deepEqual(full(answer.get(copyUri)).items, []);
    await refreshed;
    assert.ok(server.otherRequests.received.filter((m) => m === 'workspace/diagnostic/refresh').length > refreshes);
    const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: secondUri } })) as FullDocumentDiagnosticReport;
    assert.deepEqual(report.items, []);

    // Closed again: the workspace pull reports it, now clean.
    await server.close(secondUri);
    const closed = byUri(await pull(firstPull));
    assert.deepEqual(full(closed.get(secondUri)).items, []);
  });

  test('form4/nextDraft: the next draft from the XML filing, its holdings checked against it', async () => {
    const result = (await server.connection.sendRequest('form4/nextDraft', { uri: xmlUri })) as { text: string };
    assert.match(result.text, /^1\. Name and Address of Reporting Person: Wilson John N\n {3}CIK: 0001234567\n {3}Street 1: C\/O QUALYS, INC\.\n {3}Street 2: 1600 BRIDGE PARKWAY\n {3}City: REDWOOD CITY\n {3}State: CA\n {3}ZIP: 94065$/m);
    assert.match(result.text, /^2\. Issuer Name and Ticker or Trading Symbol: QUALYS, INC\. \[QLYS\]$/m);
    const holding = result.text.split('\n').find((l) => l.startsWith('| Common Stock'));
    assert.deepEqual(holding?.split('|').map((c) => c.trim()), ['', 'Common Stock', '', '', '', '', '', '', '', '56,500', 'D', '', '']);

    // Opened as an untitled draft to be saved beside the others, it joins the history (by the names and CIKs) as its latest
    // filing: its holdings are checked against the latest figure, the 09/04/2013 draft's.
    const uri = `untitled:${pathToFileURL(join(folder, 'wilson-next.form4')).pathname}`;
    await server.open(uri, result.text.replace('56,500', '54,500'));
    const report = (await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    const mismatch = report.items.filter((d) => d.code === 'history-mismatch');
    assert.deepEqual(mismatch.map((d) => [d.message, d.relatedInformation?.[0]?.location.uri]), [['The amount owned should be 51,500 (51,500 last reported, on the Form 4 of 09/04/2013), not 54,500.', secondUri]]);
    await server.close(uri);

    const refused = (await server.connection.sendRequest('form4/nextDraft', { uri: pathToFileURL(join(folder, 'notes.txt')).href })) as { refused: string };
    assert.match(refused.refused, /not a Form 4 draft/);
  });

  test('the XML deleted: its diagnostics are cleared, and the draft has no earlier filing any more', async () => {
    const before = await pull(undefined);
    unlinkSync(xmlPath);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: xmlUri, type: FileChangeType.Deleted }] });
    const answer = byUri(await pull(before));
    assert.deepEqual(full(answer.get(xmlUri)).items, [], JSON.stringify([...answer.values()]));
    assert.equal(answer.get(xmlUri)?.resultId, 'gone');
    assert.deepEqual(full(answer.get(secondUri)).items, []);
  });
});
