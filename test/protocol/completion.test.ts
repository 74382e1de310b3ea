/**
 * Completion over stdio: each code's meaning in `labelDetails`; the snippets (read by the
 * server from snippets/form4.code-snippets) offered as snippet items at the start of a row's
 * line, and never inside a cell; none for a client without snippet support.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CompletionItem, CompletionItemKind, CompletionRequest, InsertTextFormat } from 'vscode-languageserver-protocol/node';
import { HOOK, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

const TYPING = '| Common Stock | 08/06/2013 | |  | | 100 | D | $1 | 55,400 | D | |';

/** SMALL_DRAFT with, after its first Table I row, the row being typed and an empty line. */
function withTyping(): { text: string; typing: number } {
  const lines = SMALL_DRAFT.split('\n');
  const firstRow = lines.findIndex((l) => l.startsWith('| Common Stock'));
  assert.notEqual(firstRow, -1);
  lines.splice(firstRow + 1, 0, TYPING, '');
  return { text: lines.join('\n'), typing: firstRow + 1 };
}

async function complete(server: TestServer, uri: string, line: number, character: number): Promise<CompletionItem[]> {
  return (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } })) as CompletionItem[];
}

describe('completion over stdio', SUITE, () => {
  let server: TestServer;
  let plain: TestServer;
  const uri = untitledUri('completion');
  const { text, typing } = withTyping();
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } } } } });
    plain = await TestServer.start({ capabilities: {} });
    await server.openAndWait(uri, text);
    await plain.openAndWait(uri, text);
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
    assert.deepEqual(await plain.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('a code cell: the codes with their meanings in labelDetails, and no snippet', async () => {
    const items = await complete(server, uri, typing, TYPING.indexOf('|  |') + 2);
    const s = items.find((i) => i.label === 'S');
    assert.deepEqual(s?.labelDetails, { description: 'Open market or private sale of non-derivative or derivative security' });
    assert.ok(items.every((i) => i.kind === CompletionItemKind.EnumMember && i.labelDetails?.description), JSON.stringify(items.map((i) => i.label)));
    assert.ok(items.every((i) => i.insertTextFormat === InsertTextFormat.PlainText));
  });

  test('the empty line under a Table I row: the Table I row snippets, as snippets', async () => {
    const items = await complete(server, uri, typing + 1, 0);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('form4-row') && labels.includes('form4-exercise-sale'), labels.join());
    assert.ok(!labels.includes('form4-deriv') && !labels.includes('form4-footnote') && !labels.includes('form4-draft'), labels.join());
    const row = items.find((i) => i.label === 'form4-row');
    assert.equal(row?.kind, CompletionItemKind.Snippet);
    assert.equal(row?.insertTextFormat, InsertTextFormat.Snippet);
    assert.match((row?.textEdit as { newText: string } | undefined)?.newText ?? '', /^\| \$\{1:Common Stock\} \| \$\{2:\$CURRENT_MONTH\/\$CURRENT_DATE\/\$CURRENT_YEAR\} \|/);
  });

  test('a client without snippet support gets no snippet', async () => {
    assert.deepEqual(await complete(plain, uri, typing + 1, 0), []);
  });
});
