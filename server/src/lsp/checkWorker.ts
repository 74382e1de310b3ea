/**
 * The check worker: parses and checks large documents off the server's main thread, so that
 * hover, completion and formatting keep answering while a long draft is checked. It keeps each
 * document's last parse, so an edit is re-read in proportion to its size (`reparseDraft`), as on
 * the main thread. A job is abandoned between rules as soon as its slot in the shared
 * cancellation array is set: a newer version of the document, or the client, cancelled it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze, checkDocument, parseSource, reparseDraft, type SourceDocument } from '../service';
import { CANCEL_SLOTS, type CheckRequest, type WorkerReply, type WorkerRequest } from './checkProtocol';

const port = parentPort;
const flags = new Int32Array((workerData as { cancel: SharedArrayBuffer }).cancel);
const sources = new Map<string, SourceDocument>();

function run(request: CheckRequest): WorkerReply {
  const cancelled = (): boolean => Atomics.load(flags, request.job % CANCEL_SLOTS) !== 0;
  if (cancelled()) return { job: request.job, status: 'cancelled' };
  const previous = sources.get(request.uri);
  const source = request.kind === 'draft' && previous?.kind === 'draft' ? reparseDraft(previous, request.text) : parseSource(request.kind, request.text);
  sources.set(request.uri, source);
  const analysis = analyze(source.filing);
  const result = checkDocument(source, { rules: request.rules, isCancelled: cancelled, analysis });
  if (cancelled()) return { job: request.job, status: 'cancelled' };
  let holdingsChecked = 0;
  for (const step of analysis.holdings.steps.values()) if (step.expected !== undefined) holdingsChecked++;
  return {
    job: request.job,
    status: 'done',
    findings: result.findings,
    failures: result.failures.map((f) => ({ rule: f.rule, error: (f.error as Error)?.stack ?? String(f.error) })),
    holdingsChecked,
  };
}

port?.on('message', (request: WorkerRequest) => {
  if (request.type === 'forget') {
    sources.delete(request.uri);
    return;
  }
  let reply: WorkerReply;
  try {
    reply = run(request);
  } catch (error) {
    // The service does not throw by design; if it does, the server logs it and the worker goes on.
    sources.delete(request.uri);
    reply = { job: request.job, status: 'failed', error: (error as Error)?.stack ?? String(error) };
  }
  port.postMessage(reply);
});
