/**
 * `form4/importXml` over the protocol, on the bundled server: an open XML document is imported
 * from the server's own parse, a file the server does not have open from the text the client
 * sends, and a file with no Form 4 ownership document is refused with the reason.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DidOpenTextDocumentNotification, RequestType } from 'vscode-languageserver-protocol/node';
import type { ImportXmlParams, ImportXmlResult } from '../../server/src/lsp/protocol';
import { importOwnershipXml } from '../../server/src/service';
import { ownershipXml } from '../support/xml';
import { HOOK, SUITE, TestServer } from './harness';

/** The wire name is part of the protocol the client relies on: pinned here, not imported. */
const ImportXml = new RequestType<ImportXmlParams, ImportXmlResult, void>('form4/importXml');

const WILSON = ownershipXml();
const expected = importOwnershipXml(WILSON);

describe('form4/importXml', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: {} });
  }, HOOK);
  after(async () => {
    assert.deepEqual(server.loggedErrors(), []);
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('an open XML document: the draft and its notes, with their ranges in the XML', async () => {
    assert.equal(expected.kind, 'draft');
    const uri = 'file:///tmp/form4-import-test/wilson.xml';
    const published = server.publishedFor(uri, 1);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'xml', version: 1, text: WILSON } });
    await published;
    const result = await server.connection.sendRequest(ImportXml, { uri });
    assert.ok('draft' in result);
    assert.equal(result.draft, expected.kind === 'draft' ? expected.draft : '');
    assert.deepEqual(result.notes, [
      { message: 'The schema version (schemaVersion "X0508") is not carried. EDGAR sets it, and an export writes the version it follows.', range: { start: { line: 2, character: 2 }, end: { line: 2, character: 38 } } },
    ]);
  });

  test('a file the server does not have open: read from the text sent', async () => {
    const result = await server.connection.sendRequest(ImportXml, { uri: 'file:///tmp/form4-import-test/closed.xml', text: WILSON });
    assert.ok('draft' in result);
    assert.match(result.draft, /^1\. Name and Address of Reporting Person: Wilson John N$/m);
  });

  test('no ownership document, or no text: refused, with the reason', async () => {
    assert.deepEqual(await server.connection.sendRequest(ImportXml, { uri: 'file:///tmp/page.xml', text: '<html><body/></html>' }), {
      refused: 'it holds <html>, not an EDGAR ownership document (<ownershipDocument>)',
    });
    assert.deepEqual(await server.connection.sendRequest(ImportXml, { uri: 'file:///tmp/never-opened.xml' }), {
      refused: 'the server does not have the file open, and its text was not sent',
    });
  });
});
