/**
 * `form4/preview` over the protocol, against the bundled server: the page of the version open, its
 * Content Security Policy built from the client's nonce and source, its values carrying their
 * ranges in the document, the document's findings marked (under its settings, as its
 * diagnostics), an edit giving a new page for the new version, EDGAR XML and `.txt` submissions
 * rendered from their own parse, and null for a document that holds no Form 4 or is not open.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ConfigurationItem, DidOpenTextDocumentNotification, RequestType } from 'vscode-languageserver-protocol/node';
import { rowI } from '../support/drafts';
import { fullSubmission, ownershipXml } from '../support/xml';
import { fixture } from '../service/export/fixtures';
import { byTag, readPage, select, text } from '../support/html';
import { HOOK, lineIndex, SUITE, TestServer, untitledUri } from './harness';

interface Params {
  readonly textDocument: { readonly uri: string };
  readonly nonce: string;
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri?: string;
}
interface Result {
  readonly html: string;
  readonly version: number;
}

/** The wire name is part of the protocol the client relies on: pinned here, not imported. */
const Preview = new RequestType<Params, Result | null, void>('form4/preview');

const PAGE = { nonce: 'n0nce-AbC_123', cspSource: 'https://webview.test', scriptUri: 'https://webview.test/media/preview.js', styleUri: 'https://webview.test/media/preview.css' };

const PURCHASE = rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '');
const CLEAN = fixture({ tableI: [PURCHASE] });
const MISMATCH = fixture({ tableI: [PURCHASE, rowI('Common Stock', '08/07/2013', '', 'P', '', '1,000', 'A', '$18.10', '58,000', 'D', '')] });

/** The elements with a data-span: `[span, class, title, text]`, the text as a browser shows it. */
function spans(html: string): [string, string, string, string][] {
  return select(readPage(html), (e) => e.attributes['data-span'] !== undefined).map((e) => [
    e.attributes['data-span'] ?? '',
    e.attributes['class'] ?? '',
    e.attributes['title'] ?? '',
    text(e).trim(),
  ]);
}

/** The span of the element that shows `value` (its text, footnote marks aside). */
function spanOf(html: string, value: string): [string, string, string, string] {
  const hit = spans(html).find((s) => s[3] === value);
  assert.ok(hit, `the page shows ${value}`);
  return hit;
}

describe('form4/preview', SUITE, () => {
  let server: TestServer;
  let rules: Record<string, string> = {};
  before(async () => {
    server = await TestServer.start({
      capabilities: { workspace: { configuration: true } },
      configuration: (item: ConfigurationItem) => (item.section === 'form4' ? { rules } : null),
    });
  }, HOOK);
  after(async () => {
    assert.deepEqual(server.loggedErrors(), []);
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  const previewOf = (uri: string, page: Omit<Params, 'textDocument'> = PAGE): Promise<Result | null> => server.connection.sendRequest(Preview, { textDocument: { uri }, ...page });

  test('a draft: the page of the version open, its CSP from the nonce and source given, one script', async () => {
    const uri = untitledUri('preview-clean');
    await server.openAndWait(uri, CLEAN);
    const result = await previewOf(uri);
    assert.ok(result);
    assert.equal(result.version, 1);
    const page = readPage(result.html);
    const csp = byTag(page, 'meta').find((m) => m.attributes['http-equiv'] === 'Content-Security-Policy')?.attributes['content'];
    assert.equal(csp, "default-src 'none'; style-src https://webview.test 'nonce-n0nce-AbC_123'; script-src 'nonce-n0nce-AbC_123'; img-src https://webview.test data:; font-src https://webview.test");
    assert.deepEqual(byTag(page, 'script').map((e) => e.attributes), [{ nonce: 'n0nce-AbC_123', src: 'https://webview.test/media/preview.js' }]);
    assert.deepEqual(byTag(page, 'link').map((e) => e.attributes), [{ rel: 'stylesheet', href: 'https://webview.test/media/preview.css' }]);
    assert.match(text(byTag(page, 'title')[0] ?? page), /^preview-clean-\d+\.form4$/);
  });

  test('every value carries its range in the draft; a clean draft has nothing marked', async () => {
    const uri = untitledUri('preview-spans');
    await server.openAndWait(uri, CLEAN);
    const result = await previewOf(uri);
    assert.ok(result);
    const row = lineIndex(CLEAN, '56,500');
    const line = CLEAN.split('\n')[row] ?? '';
    const [span, cls] = spanOf(result.html, '56,500');
    const [startLine, startChar, endLine, endChar] = span.split(',').map(Number) as [number, number, number, number];
    assert.deepEqual([startLine, endLine], [row, row]);
    assert.equal(line.slice(startChar, endChar).trim(), '56,500');
    assert.doesNotMatch(cls, /finding/);
    assert.deepEqual(spans(result.html).filter((s) => /\bfinding\b/.test(s[1])), []);
  });

  test('an edit: the page of the new version, the finding marked at its cell with its message; form4.rules applies', async () => {
    const uri = untitledUri('preview-mismatch');
    await server.openAndWait(uri, CLEAN);
    await server.replace(uri, 2, MISMATCH);
    const result = await previewOf(uri);
    assert.equal(result?.version, 2);
    const [span, cls, title] = spanOf(result?.html ?? '', '58,000');
    assert.ok(span.startsWith(`${lineIndex(MISMATCH, '58,000')},`), span);
    assert.match(cls, /\bfinding finding-error\b/);
    assert.match(title, /^error holdings-mismatch: The amount owned should be 57,500/);
    rules = { 'holdings-mismatch': 'warning' };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const relaxed = await previewOf(uri);
    assert.match(spanOf(relaxed?.html ?? '', '58,000')[1], /\bfinding finding-warning\b/);
    rules = {};
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  });

  test('EDGAR XML and a .txt submission: rendered from their parse, spans in the XML', async () => {
    const xml = ownershipXml();
    const xmlUri = 'file:///tmp/form4-preview-test/wilson.xml';
    const txtUri = 'file:///tmp/form4-preview-test/0001234567-13-000001.txt';
    const published = Promise.all([server.publishedFor(xmlUri, 1), server.publishedFor(txtUri, 1)]);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: xmlUri, languageId: 'xml', version: 1, text: xml } });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: txtUri, languageId: 'plaintext', version: 1, text: fullSubmission(xml) } });
    await published;
    const fromXml = await previewOf(xmlUri);
    assert.ok(fromXml);
    assert.equal(text(byTag(readPage(fromXml.html), 'title')[0] ?? readPage('<x/>')), 'wilson.xml');
    const name = spanOf(fromXml.html, 'Wilson John N')[0];
    const nameLine = lineIndex(xml, '<rptOwnerName>');
    assert.ok(name.startsWith(`${nameLine},`), name);
    const fromTxt = await previewOf(txtUri);
    assert.ok(fromTxt);
    const inTxt = spanOf(fromTxt.html, 'Wilson John N')[0];
    assert.ok(inTxt.startsWith(`${lineIndex(fullSubmission(xml), '<rptOwnerName>')},`), inTxt);
  });

  test('a document with no Form 4, and one the server does not have: null', async () => {
    const uri = 'file:///tmp/form4-preview-test/page.xml';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version: 1, text: '<html><body/></html>' } });
    assert.equal(await previewOf(uri), null);
    assert.equal(await previewOf(untitledUri('never-opened')), null);
  });
});
