/**
 * `form4/exportXml` over the protocol, against the bundled server: the XML of the open version,
 * what stands in the way of filing it (errors, export problems) at their ranges, the document's
 * settings applied as for its diagnostics, and null for a document the server does not have.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type ConfigurationItem, type Range, RequestType } from 'vscode-languageserver-protocol/node';
import { rowI } from '../support/drafts';
import { readXml, textAt } from '../support/xmlFacts';
import { NO_XSD, validateOwnershipXml } from '../support/xsd';
import { fixture, header } from '../service/export/fixtures';
import { HOOK, lineIndex, SUITE, TestServer, untitledUri } from './harness';

interface Item {
  readonly range: Range;
  readonly message: string;
  readonly rule: string;
}
interface Result {
  readonly xml: string;
  readonly errors: readonly Item[];
  readonly problems: readonly Item[];
}

/** The wire name is part of the protocol the client relies on: pinned here, not imported. */
const ExportXml = new RequestType<{ textDocument: { uri: string } }, Result | null, void>('form4/exportXml');

const PURCHASE = rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '');
const CLEAN = fixture({ tableI: [PURCHASE] });
const NO_CIK = fixture({ header: header({ cik: false }), tableI: [PURCHASE] });
const MISMATCH = fixture({ tableI: [PURCHASE, rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.10', '58,000', 'D', '')] });

describe('form4/exportXml', SUITE, () => {
  let server: TestServer;
  let rules: Record<string, string> = {};
  before(async () => {
    server = await TestServer.start({
      capabilities: { workspace: { configuration: true } },
      configuration: (item: ConfigurationItem) => (item.section === 'form4' ? { rules } : null),
    });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  const exportOf = (uri: string): Promise<Result | null> => server.connection.sendRequest(ExportXml, { textDocument: { uri } });

  test('a clean draft: the XML, no error, no problem; it validates', async () => {
    const uri = untitledUri('export-clean');
    await server.openAndWait(uri, CLEAN);
    const result = await exportOf(uri);
    assert.ok(result);
    assert.deepEqual([result.errors, result.problems], [[], []]);
    assert.equal(textAt(readXml(result.xml), 'issuer/issuerCik'), '0001107843');
    if (!NO_XSD) assert.deepEqual(await validateOwnershipXml(result.xml), []);
  });

  test('a draft without CIKs: the two problems at box 1 and box 2, and the XML all the same', async () => {
    const uri = untitledUri('export-no-cik');
    await server.openAndWait(uri, NO_CIK);
    const result = await exportOf(uri);
    assert.ok(result);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.problems.map((p) => [p.range.start.line, p.range.start.character, p.rule, p.message.slice(0, 22)]), [
      [lineIndex(NO_CIK, '1. Name'), 0, 'export', 'Box 1 gives no CIK for'],
      [lineIndex(NO_CIK, '2. Issuer'), 0, 'export', 'Box 2 gives no CIK for'],
    ]);
    assert.equal(textAt(readXml(result.xml), 'issuer/issuerCik'), '');
  });

  test('the version the editor has now, and its settings: an error, then gone with form4.rules', async () => {
    const uri = untitledUri('export-mismatch');
    await server.openAndWait(uri, CLEAN);
    await server.replace(uri, 2, MISMATCH);
    const result = await exportOf(uri);
    assert.deepEqual(result?.errors.map((e) => [e.rule, e.range.start.line]), [['holdings-mismatch', lineIndex(MISMATCH, '58,000')]]);
    rules = { 'holdings-mismatch': 'warning' };
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const relaxed = await exportOf(uri);
    assert.deepEqual(relaxed?.errors, []);
    rules = {};
  });

  test('a document the server does not have: null', async () => {
    assert.equal(await exportOf(untitledUri('never-opened')), null);
  });
});
