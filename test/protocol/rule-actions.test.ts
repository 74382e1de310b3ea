/**
 * The quick-fix menu over stdio: beside its fix, a finding offers "Show documentation for rule X"
 * (a server command that has the client open the rule's documentation, window/showDocument) and
 * "Turn rule X off in .form4rc.json" (a WorkspaceEdit creating the file beside the draft, or
 * editing the nearest one and keeping the rest of it).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  ExecuteCommandRequest,
  ShowDocumentRequest,
  type ShowDocumentParams,
  type TextDocumentEdit,
  type CreateFile,
} from 'vscode-languageserver-protocol/node';
import { applyTextEdits, HOOK, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

const RULE = 'holdings-mismatch';
const DOC_URL = `https://github.com/form4-tools/form4-vscode/blob/main/docs/rules.md#${RULE}`;
/** SMALL_DRAFT with row 2's amount owned off by 100: one holdings-mismatch, with its fix. */
const DRAFT = SMALL_DRAFT.replace('| 10,500 | D |', '| 10,400 | D |');
const CAPABILITIES = {
  workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create' as const] } },
  window: { showDocument: { support: true } },
};

async function actionsFor(server: TestServer, uri: string): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
  const published = await server.openAndWait(uri, DRAFT);
  const diagnostic = published.diagnostics.find((d) => d.code === RULE);
  assert.ok(diagnostic, JSON.stringify(published.diagnostics));
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  })) as CodeAction[];
  return { actions, diagnostic };
}

describe('rule actions in the quick-fix menu', SUITE, () => {
  let server: TestServer;
  let plain: TestServer;
  let dir: string;
  const shown: ShowDocumentParams[] = [];
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'form4-rule-actions-'));
    server = await TestServer.start({ capabilities: CAPABILITIES });
    server.connection.onRequest(ShowDocumentRequest.type, (params) => {
      shown.push(params);
      return { success: true };
    });
    plain = await TestServer.start({ capabilities: {} });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
    assert.deepEqual(await plain.stop(), { exitCode: 0, killed: false });
    rmSync(dir, { recursive: true, force: true });
  }, HOOK);

  test('no config yet: the fix, then the documentation and a new .form4rc.json beside the draft', async () => {
    const folder = join(dir, 'new');
    mkdirSync(folder);
    const uri = pathToFileURL(join(folder, 'draft.form4')).toString();
    const { actions, diagnostic } = await actionsFor(server, uri);
    assert.deepEqual(actions.map((a) => a.title), ['Set the amount owned to 10,500', `Show documentation for rule ${RULE}`, `Turn rule ${RULE} off in .form4rc.json`]);
    const [, docs, off] = actions;
    assert.deepEqual(docs?.command, { title: `Show documentation for rule ${RULE}`, command: 'form4.openRuleDocumentation', arguments: [DOC_URL] });
    assert.equal(docs?.kind, 'quickfix');
    assert.deepEqual(docs?.diagnostics, [diagnostic]);
    const config = pathToFileURL(join(folder, '.form4rc.json')).toString();
    const [create, write] = (off?.edit?.documentChanges ?? []) as [CreateFile, TextDocumentEdit];
    assert.deepEqual(create, { kind: 'create', uri: config });
    assert.equal(write.textDocument.uri, config);
    assert.deepEqual(write.edits.map((e) => ('newText' in e ? e.newText : '')), [`{\n  "rules": {\n    "${RULE}": "off"\n  }\n}\n`]);
    await server.close(uri);
  });

  test('the documentation command: the client is asked to open the rule\'s page, outside the editor', async () => {
    shown.length = 0;
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'form4.openRuleDocumentation', arguments: [DOC_URL] });
    assert.deepEqual(shown, [{ uri: DOC_URL, external: true }]);
    // Only the rules' documentation: any other address is ignored.
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'form4.openRuleDocumentation', arguments: ['https://example.com/'] });
    assert.equal(shown.length, 1);
  });

  test('an existing .form4rc.json one folder up: edited in place, the rest kept', async () => {
    const folder = join(dir, 'existing');
    mkdirSync(join(folder, 'drafts'), { recursive: true });
    const before = '{\n  "$schema": "https://example.com/form4rc.schema.json",\n  "rules": {\n    "footnote-order": "hint"\n  }\n}\n';
    writeFileSync(join(folder, '.form4rc.json'), before);
    const uri = pathToFileURL(join(folder, 'drafts', 'draft.form4')).toString();
    const { actions } = await actionsFor(server, uri);
    const off = actions.find((a) => a.title === `Turn rule ${RULE} off in .form4rc.json`);
    const config = pathToFileURL(join(folder, '.form4rc.json')).toString();
    const edits = off?.edit?.changes?.[config];
    assert.ok(edits, JSON.stringify(off?.edit));
    assert.equal(
      applyTextEdits(before, edits),
      `{\n  "$schema": "https://example.com/form4rc.schema.json",\n  "rules": {\n    "footnote-order": "hint",\n    "${RULE}": "off"\n  }\n}\n`,
    );
    await server.close(uri);
  });

  test('a client that cannot create files, and an untitled draft: the documentation only', async () => {
    const folder = join(dir, 'plain');
    mkdirSync(folder);
    const file = await actionsFor(plain, pathToFileURL(join(folder, 'draft.form4')).toString());
    assert.deepEqual(file.actions.map((a) => a.title), ['Set the amount owned to 10,500', `Show documentation for rule ${RULE}`]);
    const untitled = await actionsFor(server, untitledUri('rule-actions'));
    assert.deepEqual(untitled.actions.map((a) => a.title), ['Set the amount owned to 10,500', `Show documentation for rule ${RULE}`]);
  });
});
