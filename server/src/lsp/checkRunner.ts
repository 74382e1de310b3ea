/**
 * Runs checks in the check worker (`checkWorker.ts`) and hands back their results as promises.
 * The worker starts with the first large document and stops when the last one it checked is
 * closed (its memory goes with it). Cancelling is a flag in shared memory that the worker reads
 * between rules: a newer job for the same document cancels the older one at once, even while the
 * worker is busy with it. If the worker dies (a bug, out of memory), its jobs fail with the reason
 * and the next job starts a new worker.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RuleSeverities } from '../service';
import { CANCEL_SLOTS, type CheckRequest, type WorkerReply } from './checkProtocol';

export type WorkerOutcome = Extract<WorkerReply, { status: 'done' }>;

interface Pending {
  readonly uri: string;
  resolve(outcome: WorkerOutcome | undefined): void;
  reject(error: Error): void;
}

/** The worker's young generation, in MB (see `start`). */
const WORKER_YOUNG_GENERATION_MB = 4;

export class CheckRunner {
  private worker: Worker | undefined;
  private readonly cancel = new SharedArrayBuffer(4 * CANCEL_SLOTS);
  private readonly flags = new Int32Array(this.cancel);
  private nextJob = 1;
  private readonly pending = new Map<number, Pending>();
  /** The latest job of each document, cancelled by the next one. */
  private readonly latest = new Map<string, number>();
  /** Documents the worker holds a parse of. */
  private readonly held = new Set<string>();

  /** `script`: the worker's file; beside the server's own (dist/ or out/…/lsp/) by default. */
  constructor(private readonly script = join(__dirname, 'checkWorker.js')) {}

  /**
   * The findings of `text`, checked in the worker; undefined when the job was cancelled (by a
   * newer job for the same document, by `isCancelled`, or because the document was closed).
   */
  check(uri: string, kind: 'draft' | 'xml', text: string, rules: RuleSeverities, onCancel?: (cancel: () => void) => void): Promise<WorkerOutcome | undefined> {
    const job = this.nextJob++;
    const previous = this.latest.get(uri);
    if (previous !== undefined) this.cancelJob(previous);
    this.latest.set(uri, job);
    Atomics.store(this.flags, job % CANCEL_SLOTS, 0);
    const worker = this.start();
    this.held.add(uri);
    const promise = new Promise<WorkerOutcome | undefined>((resolve, reject) => this.pending.set(job, { uri, resolve, reject }));
    const request: CheckRequest = { type: 'check', job, uri, kind, text, rules };
    // A job under way keeps the process alive until it is answered; an idle worker does not.
    worker.ref();
    worker.postMessage(request);
    onCancel?.(() => this.cancelJob(job));
    return promise;
  }

  /** The document was closed: cancel its job, drop its parse, and stop an idle worker. */
  forget(uri: string): void {
    const job = this.latest.get(uri);
    if (job !== undefined) this.cancelJob(job);
    this.latest.delete(uri);
    if (!this.held.delete(uri) || !this.worker) return;
    this.worker.postMessage({ type: 'forget', uri });
    if (this.held.size === 0 && this.pending.size === 0) this.stop();
  }

  /** Whether a worker is running (for tests and the status). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  dispose(): void {
    this.stop();
  }

  private cancelJob(job: number): void {
    if (this.pending.has(job)) Atomics.store(this.flags, job % CANCEL_SLOTS, 1);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // A small young generation: the worker's check allocates in bursts of short-lived objects, and
    // V8's default let the semi-spaces grow and stay grown. Measured with a 10,000-row draft open:
    // server RSS 155 MB with the default, 132 MB with 4 MB, the time to its diagnostics unchanged
    // (docs/performance.md).
    const worker = new Worker(this.script, { workerData: { cancel: this.cancel }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    // The server's exit must not wait for an idle worker.
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the check worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.job);
    if (!pending) return;
    this.pending.delete(reply.job);
    if (this.latest.get(pending.uri) === reply.job && reply.status !== 'done') this.latest.delete(pending.uri);
    if (reply.status === 'failed') pending.reject(new Error(reply.error));
    else pending.resolve(reply.status === 'done' ? reply : undefined);
    if (this.pending.size === 0) this.worker?.unref();
    if (this.held.size === 0 && this.pending.size === 0) this.stop();
  }

  /** The worker died: every job it had fails, and its parses are gone. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.held.clear();
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const p of jobs) p.reject(error);
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.held.clear();
    void worker.terminate();
  }
}
