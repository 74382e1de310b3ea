/**
 * The language server's figures, measured over stdio against the bundle (dist/server.js), one
 * server at a time: start to first diagnostics, didChange to diagnostics, RSS with a large draft.
 * The client is a push client with `form4.diagnostics.delay` 0 (no debounce), or a pull client
 * (textDocument.diagnostic) for the figure VS Code users see.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import * as rpc from 'vscode-languageserver-protocol/node';
import { BENCH_RULES } from './inProcess';
import { median, ms, percentile, procMemory, withTimeout } from './measure';

/** How long to wait for one answer of the server before calling the figure timed out. */
export const ANSWER_TIMEOUT_MS = 60_000;

interface Diagnostics {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly unknown[];
}

export class TimedOut extends Error {}

/** A language server process and the client end of its connection. */
export class Server {
  private readonly waiting = new Map<string, (d: Diagnostics) => void>();
  readonly exited: Promise<void>;
  private constructor(readonly child: ChildProcess, readonly connection: rpc.ProtocolConnection, readonly pull: boolean) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    connection.onNotification('textDocument/publishDiagnostics', (p: Diagnostics) => {
      this.waiting.get(`${p.uri}@${p.version ?? ''}`)?.(p);
    });
    // The server logs and may ask the client to show messages; a bench client ignores them.
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onRequest('workspace/configuration', () => []);
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  /** Spawns `node dist/server.js --stdio` (not timed here) and returns at once. */
  static spawn(serverJs: string, pull: boolean): Server {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin?.on('error', () => undefined); // a write after the exit must not end the bench
    child.stderr?.resume();
    const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout as NodeJS.ReadableStream), new rpc.StreamMessageWriter(child.stdin as NodeJS.WritableStream));
    connection.onError(() => undefined);
    return new Server(child, connection, pull);
  }

  async initialize(rules: Readonly<Record<string, string>>): Promise<void> {
    const capabilities = this.pull
      ? { textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } }
      : { textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } } };
    await this.answer(this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions: { form4: { rules, diagnostics: { delay: 0 } } },
    }));
    await this.connection.sendNotification('initialized', {});
  }

  private async answer<T>(promise: Promise<T>): Promise<T> {
    const result = await withTimeout(promise, ANSWER_TIMEOUT_MS);
    if (result === undefined) throw new TimedOut(`no answer within ${ANSWER_TIMEOUT_MS / 1000} s`);
    return result;
  }

  /** Resolves when the diagnostics of `version` are there (pushed, or pulled right away). */
  private diagnosticsOf(uri: string, version: number): Promise<number> {
    if (this.pull) {
      return this.answer(this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items?: unknown[] }>).then((r) => r.items?.length ?? 0);
    }
    return this.answer(new Promise<Diagnostics>((resolve) => this.waiting.set(`${uri}@${version}`, resolve))).then((d) => {
      this.waiting.delete(`${uri}@${version}`);
      return d.diagnostics.length;
    });
  }

  /** Opens a draft; resolves with its number of diagnostics. */
  async open(uri: string, text: string): Promise<number> {
    // A push waiter is set before the notification; a pull is asked after it.
    const pushed = this.pull ? undefined : this.diagnosticsOf(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'form4', version: 1, text } });
    return pushed ?? this.diagnosticsOf(uri, 1);
  }

  /** Sends one incremental change; resolves with the milliseconds until its diagnostics and their number. */
  async change(uri: string, version: number, range: rpc.Range, text: string): Promise<{ ms: number; diagnostics: number }> {
    const t0 = performance.now();
    const pushed = this.pull ? undefined : this.diagnosticsOf(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const diagnostics = await (pushed ?? this.diagnosticsOf(uri, version));
    return { ms: performance.now() - t0, diagnostics };
  }

  /** shutdown, exit, and the process gone (killed after 5 s). */
  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 5_000);
      await this.connection.sendNotification('exit');
    } catch {
      // it may be gone already
    }
    if ((await withTimeout(this.exited, 5_000)) === undefined) this.child.kill('SIGKILL');
    await this.exited;
    this.connection.dispose();
  }
}

/** Milliseconds from spawning `node -e 0` to its exit. */
function nodeStartup(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return new Promise((resolve) => child.once('exit', () => resolve(performance.now() - t0)));
}

/** Milliseconds from spawning the server to the first diagnostics of `text`. */
async function serverStartup(serverJs: string, uri: string, text: string): Promise<{ ms: number; diagnostics: number }> {
  const t0 = performance.now();
  const server = Server.spawn(serverJs, false);
  try {
    await server.initialize({});
    const diagnostics = await server.open(uri, text);
    return { ms: performance.now() - t0, diagnostics };
  } finally {
    await server.stop();
  }
}

export interface StartFigures {
  readonly server: number;
  readonly node: number;
  readonly runs: number;
  readonly diagnostics: number;
}

/** Medians of `runs` alternating runs of each, after two warm-up runs of each. */
export async function startFigures(serverJs: string, uri: string, text: string, runs: number): Promise<StartFigures> {
  const server: number[] = [];
  const node: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < runs + 2; i++) {
    const n = await nodeStartup();
    const s = await serverStartup(serverJs, uri, text);
    diagnostics = s.diagnostics;
    if (i >= 2) {
      node.push(n);
      server.push(s.ms);
    }
  }
  return { server: median(server), node: median(node), runs, diagnostics };
}

export interface EditFigures {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly edits: number;
  readonly diagnostics: number;
}

/**
 * Opens `text`, then edits one character at `position` `edits` times (after `warmUp` edits),
 * alternating between `original` and `replacement`, timing each change to its diagnostics.
 */
export async function editFigures(serverJs: string, pull: boolean, uri: string, text: string, at: rpc.Position, original: string, replacement: string, warmUp: number, edits: number): Promise<EditFigures> {
  const server = Server.spawn(serverJs, pull);
  try {
    await server.initialize(BENCH_RULES);
    await server.open(uri, text);
    const samples: number[] = [];
    let diagnostics = 0;
    const range = { start: at, end: { line: at.line, character: at.character + original.length } };
    for (let i = 0; i < warmUp + edits; i++) {
      const version = i + 2;
      const r = await server.change(uri, version, range, i % 2 === 0 ? replacement : original);
      diagnostics = Math.max(diagnostics, r.diagnostics);
      if (i >= warmUp) samples.push(r.ms);
    }
    return { p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples), edits, diagnostics };
  } finally {
    await server.stop();
  }
}

export interface RssFigures {
  readonly rss: number;
  readonly peak: number;
  readonly openMs: number;
  readonly diagnostics: number;
}

/** The server's VmRSS (and VmHWM) right after the diagnostics of `text` arrived; medians of `runs`. */
export async function rssFigures(serverJs: string, uri: string, text: string, runs: number): Promise<RssFigures> {
  const rss: number[] = [];
  const peak: number[] = [];
  const open: number[] = [];
  let diagnostics = 0;
  for (let i = 0; i < runs; i++) {
    const server = Server.spawn(serverJs, false);
    try {
      await server.initialize(BENCH_RULES);
      const t0 = performance.now();
      diagnostics = await server.open(uri, text);
      open.push(performance.now() - t0);
      const memory = procMemory(server.child.pid ?? -1);
      if (memory) {
        rss.push(memory.rss);
        peak.push(memory.peak);
      }
    } finally {
      await server.stop();
    }
  }
  return { rss: median(rss), peak: median(peak), openMs: median(open), diagnostics };
}

export function describeEdits(e: EditFigures): string {
  return `p50 ${ms(e.p50)}, p95 ${ms(e.p95)}, max ${ms(e.max)} over ${e.edits} edits`;
}
