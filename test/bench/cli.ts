/**
 * The command line's figures, run as a process against the bundle (dist/cli.js): a 5 MB draft,
 * wall time and peak RSS, and the OCR-damaged example. The peak RSS is the child's own
 * (getrusage maxrss, printed at exit by a preload script written to the temp folder), not a
 * sample: /proc polling could miss a short peak.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median } from './measure';

const MARK = 'FORM4_BENCH_MAXRSS_KB=';
/** The child's CPU time (user + system), for figures taken on a busy machine, where wall time waits for a core. */
const CPU_MARK = 'FORM4_BENCH_CPU_MS=';

export interface CliRun {
  readonly ms: number;
  readonly peakRss: number;
  readonly cpuMs: number;
  readonly findings: number;
  readonly status: number | null;
}

export type CliResult = { readonly runs: readonly CliRun[]; readonly ms: number; readonly cpuMs: number; readonly peakRss: number } | { readonly missing: string };

export function writePreload(folder: string): string {
  const path = join(folder, 'maxrss-preload.cjs');
  writeFileSync(path, `process.on('exit', () => { try { const u = process.resourceUsage(); require('fs').writeSync(2, '\\n${CPU_MARK}' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + '\\n${MARK}' + u.maxRSS + '\\n'); } catch {} });\n`);
  return path;
}

/** Runs `node [--require preload] dist/cli.js check <file> --format json <extra>` `runs` times. */
export function runCli(cliJs: string, preload: string, file: string, extra: readonly string[], runs: number, timeoutMs: number): CliResult {
  const done: CliRun[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, ['--require', preload, cliJs, 'check', file, '--format', 'json', ...extra], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
    const took = performance.now() - t0;
    if (run.error || run.signal) {
      return { missing: (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' || run.signal === 'SIGTERM' ? `timed out after ${timeoutMs / 1000} s` : `failed: ${run.error?.message ?? run.signal}` };
    }
    const kb = Number(run.stderr.split(MARK)[1]?.trim().split('\n')[0] ?? NaN);
    const cpuMs = Number(run.stderr.split(CPU_MARK)[1]?.trim().split('\n')[0] ?? NaN);
    let findings = NaN;
    try {
      findings = (JSON.parse(run.stdout) as { findings?: unknown[] }[]).reduce((n, f) => n + (f.findings?.length ?? 0), 0);
    } catch {
      // not JSON: findings stay unknown
    }
    if (run.status === 2) return { missing: `exit code 2: ${run.stderr.split(CPU_MARK)[0]?.trim().split('\n')[0] ?? ''}` };
    done.push({ ms: took, peakRss: kb * 1024, cpuMs, findings, status: run.status });
  }
  return { runs: done, ms: median(done.map((r) => r.ms)), cpuMs: median(done.map((r) => r.cpuMs)), peakRss: median(done.map((r) => r.peakRss)) };
}
