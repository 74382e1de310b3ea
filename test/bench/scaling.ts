/**
 * Scaling, 1,000 → 10,000 → 100,000 rows: each size in a fresh process (scaleChild.ts), so that
 * its heap and RSS are its own and a size that takes too long can be stopped.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Results, ScalingRow } from './report';

export function scalingFigures(files: readonly { rows: number; bytes: number; path: string }[], results: Results, quick: boolean, timeoutMs: number): void {
  console.log(`\nscaling (a fresh process per size, timeout ${timeoutMs / 1000} s each):`);
  const child = join(__dirname, 'scaleChild.js');
  for (const { rows, bytes, path } of files) {
    const minRuns = quick ? 1 : rows >= 100_000 ? 3 : 5;
    const budget = quick ? 500 : rows >= 100_000 ? 1 : 3_000;
    const run = spawnSync(process.execPath, [child, path, String(minRuns), String(budget)], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1024 * 1024 });
    if (run.error || run.signal || run.status !== 0) {
      const reason = run.signal === 'SIGTERM' || (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT'
        ? `timed out after ${timeoutMs / 1000} s`
        : `failed: ${run.error?.message ?? run.stderr.trim().split('\n').slice(-3).join(' ')}`;
      results.scale({ rows, bytes, missing: reason });
      continue;
    }
    const measured = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as Omit<ScalingRow, 'rows' | 'bytes'>;
    results.scale({ rows, bytes, ...measured });
  }
}
