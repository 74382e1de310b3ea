/** Timing, statistics, memory and formatting for the benchmark. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The nearest-rank percentile (p95 of 200 samples is the 190th smallest). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/**
 * Runs `work` until the JIT has had its go: at least once, then until `minMs` have passed or
 * `maxRuns` runs (parse + check of 1,000 rows takes about ten runs to settle at a third of its
 * first run's time).
 */
export function warmUp(work: () => unknown, minMs = 1_000, maxRuns = 20): unknown {
  const start = performance.now();
  let kept = work();
  for (let runs = 1; runs < maxRuns && performance.now() - start < minMs; runs++) kept = work();
  return kept;
}

export interface Timing {
  /** Wall-clock milliseconds, the median of the runs: what the targets are about. */
  readonly median: number;
  /** CPU milliseconds of this process (all its threads, GC included), median of the runs. */
  readonly cpu: number;
  readonly runs: number;
  readonly min: number;
  readonly max: number;
}

/**
 * Times `work` after warming it up: at least `minRuns` runs and at least `minMs` of work in
 * all (so fast work is repeated enough for a stable median), at most `maxRuns`. CPU time is
 * taken too: on a busy machine the wall time grows while the process waits for a core, and
 * wall time well above CPU time says so.
 */
export function timeIt(work: () => unknown, options: { minRuns?: number; minMs?: number; maxRuns?: number; warmUp?: boolean } = {}): Timing {
  const { minRuns = 5, minMs = 1_000, maxRuns = 1_000 } = options;
  const keep: unknown[] = [];
  if (options.warmUp !== false) keep.push(warmUp(work));
  const samples: number[] = [];
  const cpu: number[] = [];
  let total = 0;
  while (samples.length < maxRuns && (samples.length < minRuns || total < minMs)) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    keep[0] = work(); // kept, so that the work cannot be optimised away
    const took = performance.now() - t0;
    const used = process.cpuUsage(c0);
    samples.push(took);
    cpu.push((used.user + used.system) / 1000);
    total += took;
  }
  return { median: median(samples), cpu: median(cpu), runs: samples.length, min: Math.min(...samples), max: Math.max(...samples) };
}

/** "937 ms (fastest 911 ms, CPU 950 ms, 10 runs)" */
export function describeTiming(t: Timing): string {
  return `fastest ${ms(t.min)}, CPU ${ms(t.cpu)}, ${t.runs} runs`;
}

export interface Comparison {
  readonly a: Timing;
  readonly b: Timing;
  /** Median of the ratios a/b of each pair (wall clock), and the same for CPU time. */
  readonly ratio: number;
  readonly cpuRatio: number;
  readonly pairs: number;
}

/**
 * Times `a` and `b` interleaved, so that both see the same machine: `pairs` rounds of one run
 * of `a` and `bRuns` runs of `b` (median), after warming both up. The ratio of each round is
 * a / b; the figure is their median. On a busy machine this is far steadier than the ratio of
 * two medians taken minutes apart. The heap is collected (untimed) before every run.
 */
export function compare(a: () => unknown, b: () => unknown, pairs: number, bRuns: number): Comparison {
  const keep: unknown[] = [warmUp(a), warmUp(b)];
  const one = (work: () => unknown): { wall: number; cpu: number } => {
    // Neither side pays for the other's garbage (markdownlint leaves hundreds of MB of it).
    collectGarbage();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    keep[0] = work();
    const wall = performance.now() - t0;
    const used = process.cpuUsage(c0);
    return { wall, cpu: (used.user + used.system) / 1000 };
  };
  const as: { wall: number; cpu: number }[] = [];
  const bs: { wall: number; cpu: number }[] = [];
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const ra = one(a);
    const round: { wall: number; cpu: number }[] = [];
    for (let j = 0; j < bRuns; j++) round.push(one(b));
    as.push(ra);
    bs.push(...round);
    ratios.push(ra.wall / median(round.map((r) => r.wall)));
    cpuRatios.push(ra.cpu / median(round.map((r) => r.cpu)));
  }
  const timing = (list: { wall: number; cpu: number }[]): Timing => ({
    median: median(list.map((r) => r.wall)),
    cpu: median(list.map((r) => r.cpu)),
    runs: list.length,
    min: Math.min(...list.map((r) => r.wall)),
    max: Math.max(...list.map((r) => r.wall)),
  });
  return { a: timing(as), b: timing(bs), ratio: median(ratios), cpuRatio: median(cpuRatios), pairs };
}

/** The share of all cores busy over `sampleMs` (from /proc/stat; undefined elsewhere). */
export async function machineBusyShare(sampleMs = 500): Promise<number | undefined> {
  const read = (): { idle: number; total: number } | undefined => {
    try {
      const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
      const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
      return { idle, total: fields.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const first = read();
  await new Promise((resolve) => setTimeout(resolve, sampleMs));
  const second = read();
  if (!first || !second || second.total === first.total) return undefined;
  return 1 - (second.idle - first.idle) / (second.total - first.total);
}

/**
 * Waits (at most `maxMs`) until other processes use less than a quarter of the cores, and says
 * how it went: the benchmark measures one thing at a time and wants the cores to itself.
 */
export async function waitForQuiet(maxMs: number): Promise<string | undefined> {
  const start = performance.now();
  let share = await machineBusyShare();
  while (share !== undefined && share > 0.25 && performance.now() - start < maxMs) share = await machineBusyShare(1_000);
  const waited = performance.now() - start;
  if (share === undefined) return undefined;
  if (share > 0.25) return `other processes kept ${(share * 100).toFixed(0)}% of the cores busy after waiting ${(waited / 1000).toFixed(0)} s`;
  return waited > 2_000 ? `waited ${(waited / 1000).toFixed(0)} s for the machine to quiet down` : undefined;
}

let gcFunction: (() => void) | undefined;

/** A full garbage collection, without needing `node --expose-gc`. */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString('--expose-gc');
    gcFunction = runInNewContext('gc') as () => void;
  }
  gcFunction();
  gcFunction();
}

export const MB = 1024 * 1024;

/** A process's resident set size and its peak, in bytes, from /proc (Linux). */
export function procMemory(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(1)} µs`;
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / MB).toFixed(1)} MB` : 'n/a';
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? `${value.toFixed(0)}×` : value >= 10 ? `${value.toFixed(1)}×` : `${value.toFixed(2)}×`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ram: string;
  readonly node: string;
  readonly os: string;
  readonly load: string;
  readonly commit: string;
  readonly date: string;
}

export function machine(): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim();
    const mhz = /^cpu MHz\s*:\s*([\d.]+)$/m.exec(info)?.[1];
    if (model) cpu = `${model}${mhz ? ` (${Number(mhz).toFixed(0)} MHz)` : ''}`;
  } catch {
    // not Linux: os.cpus() it is
  }
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim() !== '';
  return {
    cpu,
    cores: cpus().length,
    ram: `${(totalmem() / 1024 ** 3).toFixed(1)} GB (${(freemem() / 1024 ** 3).toFixed(1)} GB free)`,
    node: process.version,
    os: `${type()} ${release()}`,
    load: loadNow(),
    commit: git.status === 0 ? `${git.stdout.trim()}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown',
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

/** The 1, 5 and 15-minute load averages. */
export function loadNow(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

/** Whether other work competes for the cores (the 1-minute load average above half of them). */
export function busy(): boolean {
  return (loadavg()[0] ?? 0) > cpus().length / 2;
}

/** Draft sizes in MB of 10^6 bytes (the issue's 5 MB draft is 5,000,000 bytes); memory is in MB of 2^20. */
export function size(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1_000).toFixed(0)} KB`;
}

/** Resolves with the promise's value, or with `undefined` after `ms` milliseconds. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    }),
  ]);
}
