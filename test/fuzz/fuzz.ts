/**
 * `npm run fuzz`: runs the robustness properties (test/support/properties.ts) on generated and
 * mutated inputs (test/support/fuzzInputs.ts), 100,000 cases by default, and prints cases per
 * second, the failing cases by kind and, for each kind, a counterexample shrunk by fast-check.
 * Exits 1 when any case fails.
 *
 *   node out/test/fuzz/fuzz.js [--cases N] [--seed S] [--timeout-ms MS] [--shrink-ms MS] [--time-limit-s T]
 *
 * Case i is fast-check's first run with seed S + i: each case stands alone and is replayed from
 * its number. The cases run in a worker thread watched by this one: a case that has not
 * finished after --timeout-ms (default 20,000) is a hang; the worker is ended and a new one goes
 * on from the next case. Shrinking runs in a worker too, --shrink-ms (default 60,000) per kind.
 * With --time-limit-s, the scan stops after that many seconds and reports the cases it ran.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { type AnyCase, anyCase, describeCase, failuresOf } from './cases';
import type { Failure } from '../support/properties';

const INPUTS = { megabyte: true };

interface ScanJob {
  readonly mode: 'scan';
  readonly from: number;
  readonly to: number;
  readonly seed: number;
}
interface ShrinkJob {
  readonly mode: 'shrink';
  readonly seed: number;
  readonly items: readonly { readonly kind: string; readonly index: number }[];
  readonly shrinkMs: number;
}
type Message =
  | { readonly type: 'start'; readonly index: number }
  | { readonly type: 'case'; readonly index: number; readonly failures: readonly Failure[] }
  | { readonly type: 'shrunk'; readonly kind: string; readonly index: number; readonly example: string; readonly detail: string; readonly steps: number }
  | { readonly type: 'end' };

/** The case of a seed, and what the properties say of it (fast-check's first run, no shrinking). */
function runCase(seed: number, arbitrary: fc.Arbitrary<AnyCase>): Failure[] {
  let failures: Failure[] = [];
  fc.check(
    fc.property(arbitrary, (c) => {
      failures = failuresOf(c);
      return true;
    }),
    { seed, numRuns: 1 },
  );
  return failures;
}

/** The case of a seed, without running it. */
function caseOf(seed: number, arbitrary: fc.Arbitrary<AnyCase>): AnyCase | undefined {
  let found: AnyCase | undefined;
  fc.check(
    fc.property(arbitrary, (c) => {
      found = c;
      return true;
    }),
    { seed, numRuns: 1 },
  );
  return found;
}

function work(job: ScanJob | ShrinkJob): void {
  const post = (m: Message): void => parentPort?.postMessage(m);
  const arbitrary = anyCase(INPUTS);
  if (job.mode === 'scan') {
    for (let i = job.from; i < job.to; i++) {
      post({ type: 'start', index: i });
      post({ type: 'case', index: i, failures: runCase(job.seed + i, arbitrary) });
    }
  } else {
    for (const { kind, index } of job.items) {
      let detail = '';
      const details = (c: AnyCase): Failure | undefined => failuresOf(c).find((f) => f.kind === kind);
      const result = fc.check(
        fc.property(arbitrary, (c) => {
          const f = details(c);
          if (f) detail = f.detail;
          return f === undefined;
        }),
        { seed: job.seed + index, numRuns: 1, interruptAfterTimeLimit: job.shrinkMs },
      );
      const example = result.counterexample?.[0];
      // The detail of the shrunk case itself (the property ran on other candidates since).
      const last = example ? details(example) : undefined;
      post({ type: 'shrunk', kind, index, example: example ? describeCase(example) : '(not reproduced)', detail: last?.detail ?? detail, steps: result.numShrinks });
    }
  }
  post({ type: 'end' });
}

// ---- the watcher -------------------------------------------------------------------------------

function option(name: string, fallback: number): number {
  // The last one counts: `npm run fuzz -- --cases 1000` overrides the script's own --cases.
  const i = process.argv.lastIndexOf(`--${name}`);
  const value = i === -1 ? undefined : Number(process.argv[i + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

function startWorker(job: ScanJob | ShrinkJob, onMessage: (m: Message) => void): Worker {
  const worker = new Worker(__filename, { workerData: job });
  worker.on('message', onMessage);
  return worker;
}

async function main(): Promise<void> {
  const cases = option('cases', 100_000);
  const seed = option('seed', 20260802);
  const timeoutMs = option('timeout-ms', 20_000);
  const shrinkMs = option('shrink-ms', 60_000);
  const timeLimitMs = option('time-limit-s', Infinity) * 1000;
  const byKind = new Map<string, { count: number; first: number; detail: string }>();
  const record = (index: number, failures: readonly Failure[]): void => {
    for (const kind of new Set(failures.map((f) => f.kind))) {
      const entry = byKind.get(kind);
      if (entry) entry.count++;
      else byKind.set(kind, { count: 1, first: index, detail: failures.find((f) => f.kind === kind)?.detail ?? '' });
    }
  };
  let failing = 0;
  const started = Date.now();
  let done = 0;
  let next = 0;
  while (next < cases) {
    // One worker runs the cases from `next` on; a hang ends it and the next worker starts after it.
    next = await new Promise<number>((resolve) => {
      let current = next;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          void worker.terminate();
          record(current, [{ kind: 'hang', detail: `no answer within ${timeoutMs} ms` }]);
          failing++;
          done++;
          resolve(current + 1);
        }, timeoutMs);
      };
      const worker = startWorker({ mode: 'scan', from: next, to: cases, seed }, (m) => {
        if (m.type === 'start') {
          current = m.index;
          arm();
        } else if (m.type === 'case') {
          done++;
          if (m.failures.length > 0) failing++;
          record(m.index, m.failures);
          if (Date.now() - started > timeLimitMs) {
            clearTimeout(timer);
            void worker.terminate();
            resolve(cases);
          }
          if (done % 5000 === 0) process.stderr.write(`fuzz: ${done} cases, ${failing} failing, ${Math.round(done / ((Date.now() - started) / 1000))} cases/s\n`);
        } else if (m.type === 'end') {
          clearTimeout(timer);
          void worker.terminate();
          resolve(cases);
        }
      });
      worker.on('error', (error) => {
        clearTimeout(timer);
        record(current, [{ kind: 'worker-crash', detail: String(error) }]);
        failing++;
        done++;
        resolve(current + 1);
      });
    });
  }
  const seconds = (Date.now() - started) / 1000;
  const stopped = done < cases ? ` (stopped at the time limit, of ${cases})` : '';
  console.log(`fuzz: ${done} cases${stopped} in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} cases/s), seed ${seed}: ${failing} failing`);
  if (byKind.size === 0) return;

  const kinds = [...byKind.entries()].sort((a, b) => b[1].count - a[1].count);
  console.log('\nfailing cases by kind:');
  for (const [kind, { count }] of kinds) console.log(`  ${String(count).padStart(7)}  ${kind}`);
  console.log('\nshrunk counterexamples (replay: --seed S --cases 1 with S the seed plus the case number):');
  const arbitrary = anyCase(INPUTS);
  const shrinkable = kinds.filter(([kind]) => kind !== 'hang' && kind !== 'worker-crash');
  for (const [kind, { first }] of kinds.filter(([kind]) => kind === 'hang' || kind === 'worker-crash')) {
    const c = caseOf(seed + first, arbitrary);
    console.log(`\n[${kind}] case ${first} (not shrunk)\n  ${c ? describeCase(c) : '?'}`);
  }
  for (const [kind, { first, detail }] of shrinkable) {
    const shrunk = await new Promise<Extract<Message, { type: 'shrunk' }> | undefined>((resolve) => {
      const timer = setTimeout(() => {
        void worker.terminate();
        resolve(undefined);
      }, shrinkMs + timeoutMs);
      const worker = startWorker({ mode: 'shrink', seed, items: [{ kind, index: first }], shrinkMs }, (m) => {
        if (m.type === 'shrunk') {
          clearTimeout(timer);
          void worker.terminate();
          resolve(m);
        }
      });
    });
    if (shrunk) console.log(`\n[${kind}] case ${first}, ${shrunk.steps} shrink steps\n  ${shrunk.detail.split('\n')[0] ?? ''}\n  ${shrunk.example}`);
    else {
      const c = caseOf(seed + first, arbitrary);
      console.log(`\n[${kind}] case ${first} (shrinking timed out)\n  ${detail.split('\n')[0] ?? ''}\n  ${c ? describeCase(c) : '?'}`);
    }
  }
  process.exitCode = 1;
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
} else {
  work(workerData as ScanJob | ShrinkJob);
}
