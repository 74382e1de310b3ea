/**
 * One size of the scaling figures, in a process of its own (started by scaling.ts): reads a
 * draft, times parse + check, and measures the heap the result keeps and the process's memory.
 * The first run is timed and its result kept for the memory figures; the others run without it.
 * Prints one line of JSON. Usage: node scaleChild.js <draft file> <min runs> <time budget ms>
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { checkDraft, parseDraft } from '../../server/src/service';
import { collectGarbage, median } from './measure';

const [file, minRunsArg, budgetArg] = process.argv.slice(2);
const text = readFileSync(file ?? '', 'utf8');
const minRuns = Number(minRunsArg ?? 3);
const budget = Number(budgetArg ?? 10_000);
const rules = { 'too-many-rows': 'off' } as const;

collectGarbage();
const before = process.memoryUsage().heapUsed;
// The first run is timed too (a large draft warms the code up on its own) and its result kept.
let t0 = performance.now();
let kept: unknown[] | undefined = [];
{
  const parsed = parseDraft(text);
  const result = checkDraft(parsed, { rules });
  kept.push(parsed, result);
}
const samples = [performance.now() - t0];
// The peak of one parse + check (the runs after it would add their garbage to it).
const peakRss = process.resourceUsage().maxRSS * 1024;
collectGarbage();
const memory = process.memoryUsage(); // with the first result still alive
const findings = (kept[1] as ReturnType<typeof checkDraft>).findings.length;
kept = undefined; // the runs below are timed without it: a kept 700 MB result slows every GC
let total = samples[0] as number;
let sink = 0;
while (samples.length < 50 && (samples.length < minRuns || total < budget)) {
  t0 = performance.now();
  sink += checkDraft(parseDraft(text), { rules }).findings.length;
  const took = performance.now() - t0;
  samples.push(took);
  total += took;
}
process.stdout.write(`${JSON.stringify({
  median: median(samples),
  runs: samples.length,
  findings,
  retainedHeap: memory.heapUsed - before,
  rss: memory.rss,
  peakRss,
  sink,
})}\n`);
