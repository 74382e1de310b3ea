/**
 * The transports other than stdio keep vscode-languageserver's own readers: `--node-ipc` (what
 * VS Code's client uses) and `--socket=N`. Each serves a draft and shuts down cleanly.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  createProtocolConnection,
  DocumentSymbolRequest,
  ExitNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageReader,
  type MessageWriter,
  DidOpenTextDocumentNotification,
  ShutdownRequest,
  SocketMessageReader,
  SocketMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, ROOT, SERVER_JS, SUITE } from './harness';

const WILSON = readFileSync(join(EXAMPLES, 'qualys-wilson-2013.form4'), 'utf8');

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

/** initialize, open Wilson, ask for its outline, shutdown and exit: the process must end with 0. */
async function serves(child: ChildProcess, reader: MessageReader, writer: MessageWriter): Promise<void> {
  const exited = exitOf(child);
  const connection = createProtocolConnection(reader, writer);
  connection.listen();
  try {
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.equal(init.serverInfo?.name, 'form4-language-server');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:wilson.form4', languageId: 'form4', version: 1, text: WILSON } });
    const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'untitled:wilson.form4' } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0, 'Wilson has an outline');
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), 5_000)))]);
    clearTimeout(timer);
    assert.equal(code, 0);
  } finally {
    connection.dispose();
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}

describe('the other transports', SUITE, () => {
  test('--node-ipc (VS Code)', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    await serves(child, new IPCMessageReader(child), new IPCMessageWriter(child));
  });

  test('--socket=N', async () => {
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const address = listener.address();
    assert.ok(address !== null && typeof address === 'object');
    const connected = new Promise<Socket>((resolve) => listener.once('connection', resolve));
    const child = spawn(process.execPath, [SERVER_JS, `--socket=${address.port}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const socket = await connected;
      await serves(child, new SocketMessageReader(socket), new SocketMessageWriter(socket));
    } finally {
      listener.close();
    }
  });
});
