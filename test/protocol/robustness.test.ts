/**
 * The server under abuse: a megabyte of garbage, a 20,000-character line, requests for a
 * document that was never opened. It must keep answering, and answer harmlessly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  type MarkupContent,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, HOOK, positionOf, SUITE, TestServer, untitledUri } from './harness';

const WILSON = readFileSync(join(EXAMPLES, 'qualys-wilson-2013.form4'), 'utf8');

/** Deterministic garbage: pieces of drafts (pipes, tabs, section titles, dates, footnotes) shuffled with noise. */
function garbage(size: number, seed: number): string {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pieces = [
    '|', '|', '|', '\t', '\t', ' ', ' ', '\n', '\n', '\r\n', '(', ')', '(1)', '⁽²⁾', '<sup>3</sup>', '$', '\\$', '\\', '`', '*', '-', '- ',
    'Table I', 'Table II', 'Explanation of Responses:', 'Remarks:', '/s/ ', '08/06/2013', '13/45/2020', '02/29/2024', '1,000', '10,500.25',
    'Common Stock', 'M', 'S', 'A', 'D', 'I', 'V', '1. Name and Address of Reporting Person', '2. Issuer Name and Ticker or Trading Symbol ', '[QLYS]',
    '3. Date of Earliest Transaction', '<u>', '</u>', '<input checked="" type="checkbox"/>', '[x]', '普通股', '\u0000', '\uFEFF', '😀', '\u2028',
    'ranging from $1.00 to $99.00', 'Rule 10b5-1', '---', ':--:', '99999999999999999999999999999999', '-5', '0.0000001', 'e', 'NaN',
  ];
  const out: string[] = [];
  let length = 0;
  while (length < size) {
    const piece = random() < 0.7 ? (pieces[Math.floor(random() * pieces.length)] as string) : String.fromCharCode(32 + Math.floor(random() * 95));
    out.push(piece);
    length += piece.length;
  }
  return out.join('');
}

describe('robustness', SUITE, () => {
  let server: TestServer;
  const wilson = untitledUri('wilson');
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
    await server.openAndWait(wilson, WILSON);
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  async function wilsonStillAnswers(): Promise<void> {
    const position = positionOf(WILSON, 'M ⁽¹⁾', '| Common Stock | 08/06/2013 | | M');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: wilson }, position });
    assert.match((hover?.contents as MarkupContent).value, /^\*\*M\*\*: Exercise or conversion of derivative security/);
  }

  test('a 1 MB garbage document is checked, and the server still answers', async () => {
    const uri = untitledUri('garbage');
    const text = garbage(1024 * 1024, 4);
    assert.ok(text.length >= 1024 * 1024);
    const published = await server.openAndWait(uri, text);
    assert.ok(Array.isArray(published.diagnostics));
    for (const d of published.diagnostics) assert.equal(d.source, 'form4');
    // Every feature on it answers something well-formed.
    const middle = { line: 200, character: 3 };
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: middle });
    assert.ok(Array.isArray(await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: middle })));
    assert.ok(Array.isArray(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })));
    assert.ok(Array.isArray(await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })));
    assert.ok(Array.isArray(await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })));
    const everything = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };
    assert.ok(Array.isArray(await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: everything })));
    assert.ok(Array.isArray(await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: everything, context: { diagnostics: [] } })));
    assert.ok(Array.isArray(await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: everything, context: { diagnostics: [], only: ['source.fixAll'] } })));
    // An edit in the middle is checked too.
    const second = server.publishedFor(uri, 2);
    await server.change(uri, 2, [{ range: { start: { line: 100, character: 0 }, end: { line: 100, character: 0 } }, text: '| Common Stock | 08/06/2013 | | S | | 1 | D | $1 | 1 | D | |\n' }]);
    await second;
    await server.close(uri);
    await wilsonStillAnswers();
  });

  test('a 20,000-character single line', async () => {
    const uri = untitledUri('long-line');
    const cells = Array.from({ length: 2000 }, (_, i) => ` ${String(i % 97).padStart(4, '0')} `).join('|');
    const line = `|${cells}|`.padEnd(20_000, '(');
    assert.equal(line.length, 20_000);
    const text = `Table I\n${line}`;
    const published = await server.openAndWait(uri, text);
    assert.ok(published.diagnostics.length > 0, 'the long row is reported');
    const position = { line: 1, character: 10_000 };
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    assert.ok(Array.isArray(await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })));
    assert.ok(Array.isArray(await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })));
    const plain = untitledUri('plain-line');
    await server.openAndWait(plain, 'x'.repeat(20_000));
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: plain }, position: { line: 0, character: 19_999 } });
    await wilsonStillAnswers();
  });

  test('requests on a document that was never opened get harmless empty answers', async () => {
    const textDocument = { uri: 'file:///nowhere/never-opened.form4' };
    const position = { line: 3, character: 4 };
    const range = { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } };
    const c = server.connection;
    assert.equal(await c.sendRequest(HoverRequest.type, { textDocument, position }), null);
    assert.deepEqual(await c.sendRequest(CompletionRequest.type, { textDocument, position }), []);
    assert.deepEqual(await c.sendRequest(DocumentSymbolRequest.type, { textDocument }), []);
    assert.deepEqual(await c.sendRequest(FoldingRangeRequest.type, { textDocument }), []);
    assert.deepEqual(await c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } }), []);
    assert.deepEqual(await c.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range, options: { tabSize: 2, insertSpaces: true } }), []);
    assert.deepEqual(await c.sendRequest(DefinitionRequest.type, { textDocument, position }), []);
    assert.deepEqual(await c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }), []);
    assert.deepEqual(await c.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), []);
    assert.deepEqual(await c.sendRequest(InlayHintRequest.type, { textDocument, range }), []);
    assert.equal(await c.sendRequest(PrepareRenameRequest.type, { textDocument, position }), null);
    assert.equal(await c.sendRequest(RenameRequest.type, { textDocument, position, newName: '3' }), null);
    await wilsonStillAnswers();
  });

  test('positions past the end of a line or of the document are harmless', async () => {
    const c = server.connection;
    const textDocument = { uri: wilson };
    for (const position of [{ line: 24, character: 5000 }, { line: 5000, character: 0 }, { line: 0, character: 0 }]) {
      await c.sendRequest(HoverRequest.type, { textDocument, position });
      assert.ok(Array.isArray(await c.sendRequest(CompletionRequest.type, { textDocument, position })));
      assert.ok(Array.isArray(await c.sendRequest(DefinitionRequest.type, { textDocument, position })));
    }
    await wilsonStillAnswers();
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
