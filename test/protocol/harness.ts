/**
 * A test client for the bundled language server: spawns `node dist/server.js --stdio`, speaks
 * JSON-RPC to it with `vscode-languageserver-protocol`, and records what the server sends on its
 * own (published diagnostics, `form4/status`, log messages, configuration requests).
 *
 * Tests synchronise on real signals only: `diagnostics(uri, version)` resolves on the publish of
 * that version, `status(uri, version)` on the status of that version. The only timer is a
 * generous deadline that fails the test with what was received so far (and the process-exit
 * wait in `stop`, which kills a server that does not exit).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClientCapabilities,
  type ConfigurationItem,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type Message,
  type LogMessageParams,
  MessageType,
  NotificationType,
  type Position,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Range,
  type ResponseMessage,
  ShowMessageNotification,
  ShowMessageRequest,
  type ShowMessageParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import type { DraftStatus } from '../../server/src/lsp/protocol';
import { PROJECT_ROOT } from '../support/paths';

/** The wire name is part of the protocol the client relies on: pinned here, not imported. */
export const StatusNotification = new NotificationType<DraftStatus>('form4/status');

/** How long a test waits for an expected message before it fails. Not a synchronisation. */
export const DEADLINE_MS = 30_000;

/**
 * Options for the suites: a test that waits longer than this (a request the server never
 * answers) fails instead of hanging the run. Tests inherit it from their suite.
 */
export const SUITE = { timeout: 60_000 };
/** Options for the before/after hooks that start and stop the server. */
export const HOOK = { timeout: 30_000 };

export const ROOT = PROJECT_ROOT;
export const SERVER_JS = join(ROOT, 'dist', 'server.js');
export const EXAMPLES = join(ROOT, '..', 'shared', 'examples');

/** Messages of one kind as they arrive, and promises for the first one matching a predicate. */
class Inbox<T> {
  readonly received: T[] = [];
  private closed: Error | undefined;
  private waiters: { readonly match: (item: T) => boolean; readonly resolve: (item: T) => void; readonly reject: (error: Error) => void; readonly timer: NodeJS.Timeout }[] = [];

  constructor(private readonly describe: (item: T) => string) {}

  add(item: T): void {
    this.received.push(item);
    for (const waiter of [...this.waiters]) {
      if (!waiter.match(item)) continue;
      this.waiters = this.waiters.filter((w) => w !== waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(item);
    }
  }

  /** The latest item received so far that matches, or else the next one to arrive. */
  wait(match: (item: T) => boolean, what: string): Promise<T> {
    for (let i = this.received.length - 1; i >= 0; i--) {
      const item = this.received[i] as T;
      if (match(item)) return Promise.resolve(item);
    }
    return this.next(match, what);
  }

  /** The next item to arrive that matches. */
  next(match: (item: T) => boolean, what: string): Promise<T> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        const got = this.received.map(this.describe).join('\n  ') || '(nothing)';
        reject(new Error(`no ${what} within ${DEADLINE_MS} ms; received:\n  ${got}`));
      }, DEADLINE_MS);
      timer.unref();
      this.waiters.push({ match, resolve, reject, timer });
    });
  }

  /** Fails every pending wait, and every later one (the server is gone). */
  failAll(error: Error): void {
    this.closed = error;
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters = [];
  }
}

export interface StartOptions {
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /**
   * The answer to each item of a `workspace/configuration` request (default: null). A promise
   * holds the answer back until the test resolves it.
   */
  readonly configuration?: (item: ConfigurationItem) => unknown;
  readonly rootUri?: string | null;
  /** The workspace folders given at initialize (default: none). */
  readonly workspaceFolders?: readonly { readonly uri: string; readonly name: string }[] | null;
}

export class TestServer {
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>((p) => `publishDiagnostics ${p.uri} v${String(p.version)}: ${p.diagnostics.length} diagnostics`);
  readonly statuses = new Inbox<DraftStatus>((s) => `form4/status ${s.uri} v${s.version}: ${JSON.stringify(s)}`);
  readonly logs: LogMessageParams[] = [];
  readonly shownMessages: ShowMessageParams[] = [];
  readonly configurationRequests = new Inbox<ConfigurationItem[]>((items) => `workspace/configuration ${JSON.stringify(items)}`);
  /** Other requests the server sent (refresh, registration, progress), by method. */
  readonly otherRequests = new Inbox<string>((method) => method);
  initializeResult!: InitializeResult;
  /** The server process's id (to read its memory from /proc). */
  get pid(): number {
    return this.child.pid ?? -1;
  }
  private stderr = '';
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exitCode = code;
        const error = new Error(`the server exited (code ${String(code)}, signal ${String(signal)}); stderr:\n${this.stderr}`);
        this.diagnostics.failAll(error);
        this.statuses.failAll(error);
        this.configurationRequests.failAll(error);
        this.otherRequests.failAll(error);
        resolve(code);
      });
    });
    child.on('error', (error) => {
      this.stderr += `spawn failed: ${error.message}\n`;
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
  }

  static async start(options: StartOptions = {}): Promise<TestServer> {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
    const child = spawn(process.execPath, [SERVER_JS, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    if (!child.stdout || !child.stdin) throw new Error('the server process has no stdio pipes');
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new TestServer(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => server.diagnostics.add(p));
    connection.onNotification(StatusNotification, (s) => server.statuses.add(s));
    connection.onNotification(LogMessageNotification.type, (p) => {
      server.logs.push(p);
    });
    connection.onNotification(ShowMessageNotification.type, (p) => {
      server.shownMessages.push(p);
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      server.configurationRequests.add(params.items);
      return Promise.all(params.items.map(async (item) => (options.configuration ? await options.configuration(item) : null)));
    });
    // The server's messages to the user: window/showMessage, or the window/showMessageRequest
    // that `connection.window.show…Message` sends. Recorded alike; the user picks no action.
    connection.onRequest(ShowMessageRequest.type, (p) => {
      server.shownMessages.push({ type: p.type, message: p.message });
      return null;
    });
    // Other requests a server may send; recorded, and answered as a plain client would.
    for (const method of ['workspace/diagnostic/refresh', 'workspace/inlayHint/refresh', 'client/registerCapability', 'window/workDoneProgress/create']) {
      connection.onRequest(method, () => {
        server.otherRequests.add(method);
        return null;
      });
    }
    connection.listen();
    server.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: options.capabilities ?? {},
      initializationOptions: options.initializationOptions,
      workspaceFolders: options.workspaceFolders ? [...options.workspaceFolders] : null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  // ---- documents -------------------------------------------------------------------------------

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'form4', version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** A full-text change. */
  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.change(uri, version, [{ text }]);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The diagnostics published for `version` of `uri` (already received, or the next ones). */
  publishedFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.wait((p) => p.uri === uri && p.version === version, `publishDiagnostics for ${uri} version ${version}`);
  }

  /** The `form4/status` sent for `version` of `uri`. */
  statusFor(uri: string, version: number): Promise<DraftStatus> {
    return this.statuses.wait((s) => s.uri === uri && s.version === version, `form4/status for ${uri} version ${version}`);
  }

  /** Opens a document and waits for its pushed diagnostics. */
  async openAndWait(uri: string, text: string, version = 1): Promise<PublishDiagnosticsParams> {
    const published = this.publishedFor(uri, version);
    await this.open(uri, text, version);
    return published;
  }

  /** What the server logged as errors (`connection.console.error`). */
  loggedErrors(): string[] {
    return this.logs.filter((l) => l.type === MessageType.Error).map((l) => l.message);
  }

  // ---- shutdown --------------------------------------------------------------------------------

  /**
   * shutdown + exit; then the process must end within 5 s (counting the shutdown answer), and is
   * killed if it does not (a hung server fails the test elsewhere, not here).
   */
  async stop(): Promise<{ exitCode: number | null; killed: boolean }> {
    if (this.exitCode !== undefined) return { exitCode: this.exitCode, killed: false };
    const polite = (async () => {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    })();
    // The server is gone, or broke the connection: the process is dealt with below.
    polite.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const gone = await Promise.race([
      this.exited.then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), 5_000);
      }),
    ]);
    clearTimeout(timer);
    let killed = false;
    if (!gone) {
      killed = true;
      this.child.kill('SIGKILL');
      await this.exited;
    }
    this.connection.dispose();
    return { exitCode: this.exitCode ?? null, killed };
  }
}

// ---- text helpers -------------------------------------------------------------------------------

export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  return Math.min(offset + position.character, lineEnd === -1 ? text.length : lineEnd);
}

/** Applies LSP text edits (all against `text`, non-overlapping) as an editor does. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  let result = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('overlapping edits');
    result = result.slice(0, e.start) + e.newText + result.slice(e.end);
    limit = e.start;
  }
  return result;
}

/** The text edits a workspace edit makes to `uri` (from `changes` or `documentChanges`). */
export function editsFor(edit: WorkspaceEdit | null | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const edits: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) edits.push(...change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e));
  }
  return edits;
}

/** The 0-based position of `needle` in the first line that contains `lineNeedle` (default: needle). */
export function positionOf(text: string, needle: string, lineNeedle: string = needle, nth = 0): Position {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(lineNeedle));
  if (line === -1) throw new Error(`no line contains ${JSON.stringify(lineNeedle)}`);
  let character = -1;
  for (let k = 0; k <= nth; k++) {
    character = (lines[line] as string).indexOf(needle, character + 1);
    if (character === -1) throw new Error(`line ${line} has no ${JSON.stringify(needle)} (#${nth})`);
  }
  return { line, character };
}

export function rangeOf(text: string, needle: string, lineNeedle: string = needle, nth = 0): Range {
  const start = positionOf(text, needle, lineNeedle, nth);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

/** The 0-based index of the line `line` (an exact line, or the first containing the text). */
export function lineIndex(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index;
}

// ---- drafts -------------------------------------------------------------------------------------

/**
 * A small correct draft: two Table I rows with explicitly numbered footnotes. Its purchase
 * leaves 11,000 shares and its sale 10,500.
 */
export const SMALL_DRAFT = [
  'FORM 4',
  '',
  '1. Name and Address of Reporting Person: Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
  '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
  '3. Date of Earliest Transaction: 08/06/2013',
  '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
  '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
  '',
  'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  '',
  '| Title | Date | Deemed | Code | V | Amount | (A) or (D) | Price | Owned After | D/I | Nature |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  '| Common Stock | 08/06/2013 | | P (1) | | 1,000 | A | $18.00 | 11,000 | D | |',
  '| Common Stock | 08/06/2013 | | S (2) | | 500 | D | $18.50 | 10,500 | D | |',
  '',
  'Explanation of Responses:',
  '',
  '(1) Purchased in the open market.',
  '(2) Sold in the open market.',
  '',
  '/s/ John N. Wilson',
  '',
  '08/07/2013',
  '',
].join('\n');

let counter = 0;
/** A fresh `untitled:` URI (no `.form4rc.json` lookup applies to it). */
export function untitledUri(name: string): string {
  counter++;
  return `untitled:${name}-${counter}.form4`;
}

// ---- raw frames ---------------------------------------------------------------------------------

/**
 * One base-protocol frame: `Content-Length: <bytes of the body>`, CRLF CRLF, the UTF-8 body. A
 * `header` given replaces the whole header part (terminator included), to write malformed frames.
 */
export function frame(body: string | Uint8Array | object, header?: string): Buffer {
  const bytes = body instanceof Uint8Array ? Buffer.from(body) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return Buffer.concat([Buffer.from(header ?? `Content-Length: ${bytes.length}\r\n\r\n`, 'latin1'), bytes]);
}

export interface Exited {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** What the server did after it was sent something: answered the probe, or exited. */
export type Outcome = { readonly answered: ResponseMessage } | { readonly exited: Exited };

/** How long a server may take to answer a probe or exit before it counts as hung. */
export const ALIVE_OR_EXITED_MS = 5_000;

/**
 * A client that writes bytes, not messages: for what a well-behaved client library cannot send
 * (broken headers, wrong lengths, invalid JSON). It reads the server's output with the library's
 * reader, since the server's own frames are well formed.
 */
export class RawClient {
  /** Every message the server sent, in order. */
  readonly received: Message[] = [];
  readonly exited: Promise<Exited>;
  private stderrText = '';
  private nextId = 1;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcess) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrText += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      child.on('exit', (exitCode, signal) => {
        // Give the last stderr bytes (the reason) a moment to be read: 'exit' can come before them.
        const done = (): void => resolve({ exitCode, signal, stderr: this.stderrText });
        if (child.stderr && !child.stderr.readableEnded) child.stderr.once('end', done);
        else done();
      });
    });
    // Writing to a server that has exited fails with EPIPE: that is what some tests provoke.
    child.stdin?.on('error', () => undefined);
    const reader = new StreamMessageReader(child.stdout as NodeJS.ReadableStream);
    reader.listen((message) => {
      this.received.push(message);
      const request = message as { id?: number | string; method?: string; params?: unknown };
      if (request.method !== undefined && request.id !== undefined) void this.answer(request.id, request.method, request.params);
      for (const wake of [...this.waiters]) wake();
    });
  }

  private readonly handlers = new Map<string, (params: unknown) => unknown>();

  /**
   * Answers the server's requests of `method` with what `handler` returns (or resolves to).
   * Requests without a handler are answered null, as a plain client would.
   */
  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.handlers.set(method, handler);
  }

  private async answer(id: number | string, method: string, params: unknown): Promise<void> {
    const handler = this.handlers.get(method);
    let result: unknown = null;
    try {
      result = handler ? await handler(params) : null;
    } catch (error) {
      this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } });
      return;
    }
    this.send({ jsonrpc: '2.0', id, result: result ?? null });
  }

  /**
   * Spawns the server (`--stdio` unless told, after `nodeArgs` for Node itself) and, unless told
   * not to, initializes it with `capabilities`.
   */
  static async start(
    options: { readonly args?: readonly string[]; readonly nodeArgs?: readonly string[]; readonly initialize?: boolean; readonly capabilities?: ClientCapabilities } = {},
  ): Promise<RawClient> {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build`);
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, ...(options.args ?? ['--stdio'])], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new RawClient(child);
    if (options.initialize !== false) {
      const id = client.request('initialize', { processId: process.pid, rootUri: null, capabilities: options.capabilities ?? {}, workspaceFolders: null });
      const answer = await client.response(id);
      if (answer.error) throw new Error(`initialize failed: ${JSON.stringify(answer.error)}`);
      client.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    }
    return client;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Writes bytes to the server's stdin as they are. */
  write(bytes: Buffer | string): void {
    this.child.stdin?.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** Closes the server's stdin, as an editor that dies does. */
  endInput(): void {
    this.child.stdin?.end();
  }

  /** Writes one well-formed frame. */
  send(message: object): void {
    this.write(frame(message));
  }

  /** Sends a notification in a well-formed frame. */
  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request and waits for its answer: its result, or an error carrying the response's error. */
  async call(method: string, params?: unknown, deadlineMs = DEADLINE_MS): Promise<unknown> {
    const response = await this.response(this.request(method, params), deadlineMs);
    if (response.error) throw Object.assign(new Error(`${method}: ${response.error.message}`), { code: response.error.code });
    return response.result;
  }

  /** Sends a request in a well-formed frame; returns its id. */
  request(method: string, params?: unknown): number {
    const id = this.nextId++;
    this.send(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
    return id;
  }

  /** The first message received so far, or the next to arrive, that matches; rejects when the server exits or the deadline passes. */
  message(match: (message: Message) => boolean, what: string, deadlineMs = DEADLINE_MS): Promise<Message> {
    return new Promise<Message>((resolve, reject) => {
      const check = (): boolean => {
        const found = this.received.find(match);
        if (!found) return false;
        finish();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no ${what} within ${deadlineMs} ms; received:\n  ${this.received.map((m) => JSON.stringify(m).slice(0, 200)).join('\n  ') || '(nothing)'}\nstderr:\n${this.stderrText}`));
      }, deadlineMs);
      const wake = (): void => {
        check();
      };
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      if (check()) return;
      this.waiters.add(wake);
      void this.exited.then((exited) => {
        // Messages sent just before the exit are already in `received`.
        if (check()) return;
        finish();
        reject(new Error(`no ${what}: the server exited (code ${String(exited.exitCode)}); stderr:\n${exited.stderr}`));
      });
    });
  }

  /** The response to request `id`. */
  async response(id: number | string | null, deadlineMs = DEADLINE_MS): Promise<ResponseMessage> {
    return (await this.message((m) => isResponse(m) && m.id === id, `response to ${String(id)}`, deadlineMs)) as ResponseMessage;
  }

  /** Responses the server sent with id null (its answer to a message it could not read). */
  nullIdResponses(): ResponseMessage[] {
    return this.received.filter((m): m is ResponseMessage => isResponse(m) && m.id === null);
  }

  /**
   * Sends a valid request (hover on a document never opened: the answer is null) and waits for
   * whichever comes first: its answer, or the server's exit. A server that does neither within
   * `ALIVE_OR_EXITED_MS` is hung, and the test fails.
   */
  async answersOrExits(withinMs = ALIVE_OR_EXITED_MS): Promise<Outcome> {
    const id = this.request('textDocument/hover', { textDocument: { uri: 'untitled:probe.form4' }, position: { line: 0, character: 0 } });
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the server neither answered a valid request nor exited within ${withinMs} ms: it is hung; stderr:\n${this.stderrText}`)), withinMs);
    });
    try {
      return await Promise.race([
        this.response(id, withinMs).then((answered): Outcome => ({ answered })),
        this.exited.then((exited): Outcome => ({ exited })),
        hung,
      ]);
    } catch (error) {
      // The response wait rejects when the server exits: the exit is the outcome then.
      const exited = await Promise.race([this.exited, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 100))]);
      if (exited) return { exited };
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** shutdown + exit, then waits for the process; kills it if it does not exit within 5 s. */
  async stop(): Promise<Exited> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const id = this.request('shutdown');
      await this.response(id, 5_000).catch(() => undefined);
      this.send({ jsonrpc: '2.0', method: 'exit' });
    }
    return this.waitForExit();
  }

  /** The exit; kills the process if it has not exited within `withinMs`. */
  async waitForExit(withinMs = 5_000): Promise<Exited> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), withinMs);
    });
    const exited = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (exited) return exited;
    this.kill();
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

function isResponse(message: Message): message is ResponseMessage {
  return 'id' in message && !('method' in message);
}

// ---- memory -------------------------------------------------------------------------------------

/** A process's resident set and its peak so far, in MiB, from /proc (Linux). */
export function memoryOf(pid: number): { readonly rssMiB: number; readonly peakMiB: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kib = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
}
