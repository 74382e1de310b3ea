/**
 * Settings over the protocol: `workspace/configuration` answers from the client (section
 * form4), `.form4rc.json` beside a file: draft, the editor's setting winning over the file, and
 * re-reading both when the client says they changed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  type ConfigurationItem,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  InlayHintRequest,
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, HOOK, SUITE, TestServer, untitledUri } from './harness';

const POSEY = readFileSync(join(EXAMPLES, 'qualys-posey-2024-ocr.form4'), 'utf8');

/** A temporary folder holding a copy of Posey and a `.form4rc.json`. */
function folderWithConfig(config: unknown): { dir: string; uri: string; rc: string } {
  const dir = mkdtempSync(join(tmpdir(), 'form4-protocol-'));
  const draftPath = join(dir, 'posey.form4');
  writeFileSync(draftPath, POSEY);
  const rc = join(dir, '.form4rc.json');
  writeFileSync(rc, JSON.stringify(config));
  return { dir, uri: pathToFileURL(draftPath).href, rc };
}

describe('configuration pulled with workspace/configuration', SUITE, () => {
  let server: TestServer;
  const folders: string[] = [];
  /** What the "editor" answers for section form4, by document URI (default: the one below). */
  const answers = new Map<string, unknown>();
  let fallback: unknown = { rules: { 'footnote-unused': 'off' } };
  before(async () => {
    server = await TestServer.start({
      capabilities: { workspace: { configuration: true } },
      configuration: (item: ConfigurationItem) => {
        if (item.section !== 'form4') return null;
        return answers.get(item.scopeUri ?? '') ?? fallback;
      },
    });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }, HOOK);

  test('footnote-unused off: gone from Posey, the other findings stay', async () => {
    const uri = untitledUri('posey');
    const { diagnostics } = await server.openAndWait(uri, POSEY);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'footnote-unused'), []);
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line}:${String(d.code)}`),
      ['13:missing-box', '15:earliest-date', '21:10b5-1-unchecked', '24:row-shape', '26:row-shape', '27:row-shape', '28:row-shape', '29:row-shape'],
    );
    assert.ok(server.configurationRequests.received.some((items) => items.some((i) => i.scopeUri === uri && i.section === 'form4')));
  });

  test('didChangeConfiguration: the settings are asked again and the diagnostics pushed again', async () => {
    const uri = untitledUri('posey-again');
    const first = await server.openAndWait(uri, POSEY);
    assert.equal(first.diagnostics.filter((d) => d.code === 'footnote-unused').length, 0);
    const previous = fallback;
    fallback = { rules: {} };
    try {
      const again = server.diagnostics.next((p) => p.uri === uri && p.diagnostics.some((d) => d.code === 'footnote-unused'), `diagnostics of ${uri} with footnote-unused`);
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      const { diagnostics, version } = await again;
      assert.equal(version, 1);
      assert.deepEqual(diagnostics.filter((d) => d.code === 'footnote-unused').map((d) => d.range.start.line), [39, 40, 41]);
    } finally {
      fallback = previous;
      // Leave the other documents as the other tests expect them.
      const restored = server.diagnostics.next((p) => p.uri === uri && !p.diagnostics.some((d) => d.code === 'footnote-unused'), `diagnostics of ${uri} without footnote-unused`);
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await restored;
    }
  });

  test('the editor setting wins over .form4rc.json', async () => {
    const { dir, uri } = folderWithConfig({ rules: { 'row-shape': 'warning' } });
    folders.push(dir);
    answers.set(uri, { rules: { 'row-shape': 'information' } });
    const { diagnostics } = await server.openAndWait(uri, POSEY);
    const rowShape = diagnostics.filter((d) => d.code === 'row-shape');
    assert.equal(rowShape.length, 5);
    for (const d of rowShape) assert.equal(d.severity, 3);
    // The file's rules still apply where the editor says nothing: footnote-unused is back on.
    assert.equal(diagnostics.filter((d) => d.code === 'footnote-unused').length, 3);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('configuration from .form4rc.json (client without workspace/configuration)', SUITE, () => {
  let server: TestServer;
  const folders: string[] = [];
  before(async () => {
    server = await TestServer.start({ capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }, HOOK);

  test('row-shape: warning in .form4rc.json → severity 2 on a file: draft beside it', async () => {
    const { dir, uri, rc } = folderWithConfig({ rules: { 'row-shape': 'warning' } });
    folders.push(dir);
    const { diagnostics } = await server.openAndWait(uri, POSEY);
    const rowShape = diagnostics.filter((d) => d.code === 'row-shape');
    assert.deepEqual(rowShape.map((d) => [d.range.start.line, d.severity]), [[24, 2], [26, 2], [27, 2], [28, 2], [29, 2]]);
    // The other rules keep their defaults.
    assert.deepEqual(diagnostics.filter((d) => d.code === 'footnote-unused').map((d) => d.severity), [1, 1, 1]);

    // The file changes on disk: the client reports it and the draft is checked again.
    writeFileSync(rc, JSON.stringify({ rules: { 'row-shape': 'off' } }));
    const again = server.diagnostics.next((p) => p.uri === uri, `diagnostics of ${uri} after the config file changed`);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(rc).href, type: FileChangeType.Changed }] });
    const { diagnostics: after } = await again;
    assert.deepEqual(after.filter((d) => d.code === 'row-shape'), []);
    assert.equal(after.filter((d) => d.code === 'footnote-unused').length, 3);
  });

  test('the same draft as untitled: has no folder, so the defaults apply', async () => {
    const { diagnostics } = await server.openAndWait(untitledUri('posey'), POSEY);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'row-shape').map((d) => d.severity), [1, 1, 1, 1, 1]);
  });

  test('a broken .form4rc.json is reported, and the defaults apply', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'form4-protocol-'));
    folders.push(dir);
    writeFileSync(join(dir, '.form4rc.json'), '{ "rules": { "row-shape": "loud" } }');
    writeFileSync(join(dir, 'posey.form4'), POSEY);
    const uri = pathToFileURL(join(dir, 'posey.form4')).href;
    const { diagnostics } = await server.openAndWait(uri, POSEY);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'row-shape').map((d) => d.severity), [1, 1, 1, 1, 1]);
    const rc = join(dir, '.form4rc.json');
    assert.deepEqual(
      server.shownMessages.filter((m) => m.message.includes(rc)),
      [{ type: 2, message: `Form 4 settings: ${rc}: rule "row-shape" has severity "loud"; use one of error, warning, information, hint, off` }],
    );
    assert.ok(server.logs.some((l) => l.type === 2 && l.message === `form4: ${rc}: rule "row-shape" has severity "loud"; use one of error, warning, information, hint, off`));
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('a settings change while the settings are still being read', SUITE, () => {
  let server: TestServer;
  /** The answers the server is waiting for, in the order it asked. */
  const held: ((value: unknown) => void)[] = [];
  before(async () => {
    server = await TestServer.start({
      capabilities: { workspace: { configuration: true } },
      configuration: () => new Promise((resolve) => held.push(resolve)),
    });
  }, HOOK);
  after(async () => {
    for (const answer of held) answer(null);
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('the diagnostics pushed last follow the new settings', async () => {
    const uri = untitledUri('posey');
    const forUri = (items: ConfigurationItem[]): boolean => items.some((i) => i.scopeUri === uri);
    const firstAsk = server.configurationRequests.next(forUri, `workspace/configuration for ${uri}`);
    await server.open(uri, POSEY);
    await firstAsk;
    // The editor's settings change before it has answered the first request.
    const secondAsk = server.configurationRequests.next(forUri, `a second workspace/configuration for ${uri}`);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await secondAsk;
    assert.equal(held.length, 2);
    // The first answer (the old settings) arrives, then the second (footnote-unused off).
    const old = server.diagnostics.next((p) => p.uri === uri, `the diagnostics of ${uri} under the old settings`);
    held[0]?.({ rules: {} });
    assert.equal((await old).diagnostics.filter((d) => d.code === 'footnote-unused').length, 3);
    const current = server.diagnostics.next((p) => p.uri === uri, `the diagnostics of ${uri} under the new settings`);
    held[1]?.({ rules: { 'footnote-unused': 'off' } });
    const { diagnostics, version } = await current;
    assert.equal(version, 1);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'footnote-unused'), []);
    assert.equal(diagnostics.filter((d) => d.code === 'row-shape').length, 5);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('settings pushed by the client (initializationOptions, didChangeConfiguration)', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({
      capabilities: { workspace: { inlayHint: { refreshSupport: true } } },
      initializationOptions: { form4: { rules: { 'row-shape': 'off' }, inlayHints: { enabled: false } } },
    });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('initializationOptions apply; didChangeConfiguration replaces them and refreshes inlay hints', async () => {
    const uri = untitledUri('posey');
    const first = await server.openAndWait(uri, POSEY);
    assert.deepEqual(first.diagnostics.filter((d) => d.code === 'row-shape'), []);
    const whole = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
    assert.deepEqual(await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: whole }), []);

    const again = server.diagnostics.next((p) => p.uri === uri, `diagnostics of ${uri} after the settings changed`);
    const refresh = server.otherRequests.next((m) => m === 'workspace/inlayHint/refresh', 'workspace/inlayHint/refresh');
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { form4: { rules: { 'row-shape': 'hint' } } } });
    const { diagnostics } = await again;
    assert.deepEqual(diagnostics.filter((d) => d.code === 'row-shape').map((d) => d.severity), [4, 4, 4, 4, 4]);
    await refresh;
    // Inlay hints are on again (the new settings do not turn them off): Posey's option row has one.
    const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: whole });
    assert.deepEqual(hints?.map((h) => [h.position.line, h.label]), [[33, 'held before this row: 5,000']]);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});

describe('pull client with refresh support: a settings change asks it to pull again', SUITE, () => {
  let server: TestServer;
  before(async () => {
    server = await TestServer.start({ capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true } } } });
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('workspace/diagnostic/refresh, then a pull gets the new severities', async () => {
    const uri = untitledUri('posey');
    await server.open(uri, POSEY);
    const first = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    const refresh = server.otherRequests.next((m) => m === 'workspace/diagnostic/refresh', 'workspace/diagnostic/refresh');
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { form4: { rules: { 'footnote-unused': 'warning' } } } });
    await refresh;
    const second = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: 'resultId' in first ? first.resultId : undefined });
    assert.equal(second.kind, 'full');
    assert.deepEqual(second.kind === 'full' ? second.items.filter((d) => d.code === 'footnote-unused').map((d) => d.severity) : [], [2, 2, 2]);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
