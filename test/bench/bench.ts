/**
 * `npm run bench`: every figure of docs/performance.md in one run, each with its time, its
 * ratio and its target, plus scaling, the examples, the corpus and hostile inputs. Speed targets
 * live in docs/performance.md, not in timed tests: a loaded CI machine would make those flaky.
 *
 *   npm run bench                      all figures, then a summary of the targets
 *   npm run bench -- --markdown        … and the Markdown section of docs/performance.md
 *   npm run bench -- --update-docs     … and write that section into docs/performance.md
 *   npm run bench -- --only=server,cli only some sections: inprocess, scaling, server, cli, history
 *   npm run bench -- --quick           few runs, to check the benchmark itself (not for the docs)
 *
 * The product is used only through parseDraft/checkDraft (server/src/service/index.ts) and the
 * bundles dist/server.js and dist/cli.js; the drafts come from test/support/generate.ts, the
 * corpus through corpus.ts (the one section to port when the product imports EDGAR XML).
 * Everything runs one thing at a time: the machine may have two cores.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateDraft, type GeneratedDraft } from '../support/generate';
import { EXAMPLES, PROJECT_ROOT } from '../support/paths';
import { runCli, writePreload } from './cli';
import { historyFigures } from './history';
import { inProcessFigures } from './inProcess';
import { busy, collectGarbage, count, loadNow, machine, mb, ms, ratio, size, waitForQuiet } from './measure';
import { Results } from './report';
import { scalingFigures } from './scaling';
import { describeEdits, editFigures, rssFigures, startFigures } from './server';

const SECTIONS = ['inprocess', 'scaling', 'server', 'cli', 'history'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]): { markdown: boolean; updateDocs: boolean; quick: boolean; only: Set<Section> } {
  const only = new Set<Section>();
  for (const arg of argv) {
    if (arg.startsWith('--only=')) {
      for (const s of arg.slice('--only='.length).split(',')) {
        if (!(SECTIONS as readonly string[]).includes(s)) throw new Error(`unknown section "${s}": ${SECTIONS.join(', ')}`);
        only.add(s as Section);
      }
    } else if (!['--markdown', '--update-docs', '--quick'].includes(arg)) {
      throw new Error(`unknown option "${arg}"; see test/bench/bench.ts`);
    }
  }
  return { markdown: argv.includes('--markdown'), updateDocs: argv.includes('--update-docs'), quick: argv.includes('--quick'), only: only.size > 0 ? only : new Set(SECTIONS) };
}

const SEED = 1;
const FIVE_MB = 5_000_000;
const SCALING_TIMEOUT_MS = 300_000;
const CLI_TIMEOUT_MS = 120_000;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** A generated draft of about `target` bytes. */
function draftOfSize(target: number, bytesPerRow: number): GeneratedDraft {
  let rows = Math.round(target / bytesPerRow);
  let draft = generateDraft({ rows, seed: SEED });
  rows = Math.round((rows * target) / bytes(draft.text));
  draft = generateDraft({ rows, seed: SEED });
  return draft;
}

/** Where one character of a sale's price can be edited without leaving its range (the generator keeps prices inside). */
function editTarget(draft: GeneratedDraft): { line: number; character: number; original: string; replacement: string } {
  const sales = draft.rows.filter((r) => r.table === 'I' && r.role === 'sale');
  const row = sales[Math.floor(sales.length / 2)];
  if (!row) throw new Error('the draft has no sale row to edit');
  let character = 2; // "| " before the first cell
  for (let i = 0; i < 7; i++) character += (row.cells[i] ?? '').length + 3; // " | " after each cell
  const price = row.cells[7] ?? '';
  const refAt = price.indexOf(' (');
  const digit = (refAt === -1 ? price.length : refAt) - 1;
  const original = price[digit] ?? '0';
  return { line: row.line, character: character + digit, original, replacement: String(Number(original) ^ 1) };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const m = machine();
  const results = new Results(m, options.quick);
  console.log(`Form 4 benchmark, ${m.date}, commit ${m.commit}${options.quick ? ' (--quick: few runs)' : ''}`);
  console.log(`machine: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM, Node ${m.node}, ${m.os}, load average ${m.load}`);

  if (busy()) results.warn(`the machine is busy (load ${loadNow()} on ${m.cores} cores): other processes compete for the cores, so times are slower and noisier than on an idle machine; compare wall and CPU times`);

  const folder = mkdtempSync(join(tmpdir(), 'form4-bench-'));
  try {
    // The drafts are generated once and written out; the 100,000-row one is not kept in this
    // process, whose heap should not slow the figures measured in it.
    const t0 = performance.now();
    const files: { rows: number; bytes: number; path: string }[] = [];
    const kept = new Map<number, GeneratedDraft>();
    const described: string[] = [];
    for (const rows of [1_000, 10_000, 100_000]) {
      const draft = generateDraft({ rows, seed: SEED });
      const path = join(folder, `generated-${rows}.form4`);
      writeFileSync(path, draft.text);
      files.push({ rows, bytes: bytes(draft.text), path });
      described.push(`${count(rows)} rows ${size(bytes(draft.text))} (Table I ${count(draft.tableI.length)}, Table II ${count(draft.tableII.length)}, ${draft.footnotes.length} footnotes)`);
      if (rows < 100_000) kept.set(rows, draft);
    }
    const thousand = kept.get(1_000) as GeneratedDraft;
    const tenThousand = kept.get(10_000) as GeneratedDraft;
    console.log(`drafts: generated (seed ${SEED}) in ${ms(performance.now() - t0)}: ${described.join('; ')}`);
    collectGarbage();

    const quiet = async (section: Section): Promise<boolean> => {
      if (!options.only.has(section)) return false;
      const note = await waitForQuiet(options.quick ? 2_000 : 20_000);
      if (note) results.warn(`before ${section}: ${note}`);
      return true;
    };
    if (await quiet('inprocess')) await inProcessFigures({ thousand: thousand.text, tenThousand: tenThousand.text }, results, options.quick);
    if (await quiet('scaling')) scalingFigures(files, results, options.quick, SCALING_TIMEOUT_MS);
    if (await quiet('server')) await serverSection(results, options.quick, folder, thousand, tenThousand);
    if (await quiet('cli')) cliSection(results, options.quick, folder, bytes(tenThousand.text) / 10_000);
    if (await quiet('history')) historySection(results, options.quick, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  results.loadAtEnd = loadNow();
  console.log(`\nload average at the end: ${results.loadAtEnd}`);
  results.printSummary();
  if (options.markdown) console.log(`\n---- Markdown for docs/performance.md (between the bench markers) ----\n${results.markdown()}\n----`);
  if (options.updateDocs) {
    const docs = join(PROJECT_ROOT, 'docs', 'performance.md');
    results.updateDocs(docs);
    console.log(`\nwrote the figures into ${docs}`);
  }
}

async function serverSection(results: Results, quick: boolean, folder: string, thousand: GeneratedDraft, tenThousand: GeneratedDraft): Promise<void> {
  const serverJs = join(PROJECT_ROOT, 'dist', 'server.js');
  console.log('\nlanguage server over stdio (one server at a time):');
  const names = {
    start: 'server start → first diagnostics, Wilson example, vs `node -e 0`',
    edit: 'didChange → diagnostics, one cell edited, 1,000 rows, p95 (push, no debounce)',
    rss: 'server RSS with a 10,000-row draft open',
  };
  if (!existsSync(serverJs)) {
    for (const [name, target] of [[names.start, '≤ 1.3×'], [names.edit, '≤ 10 ms'], [names.rss, '≤ 80 MB']] as const) {
      results.target({ name, measured: '', target, bounds: [], missing: `${serverJs} is missing (npm run build)` });
    }
    return;
  }
  const wilsonPath = join(EXAMPLES, 'qualys-wilson-2013.form4');
  if (!existsSync(wilsonPath)) {
    results.target({ name: names.start, measured: '', target: '≤ 1.3×', bounds: [], missing: `${wilsonPath} is absent` });
  } else {
    await guarded(results, names.start, '≤ 1.3×', async () => {
      const s = await startFigures(serverJs, pathToFileURL(wilsonPath).href, readFileSync(wilsonPath, 'utf8'), quick ? 3 : 12);
      results.target({
        name: names.start,
        measured: `${ms(s.server)} vs ${ms(s.node)}: ${ratio(s.server / s.node)} (medians of ${s.runs}, ${s.diagnostics} diagnostics)`,
        target: '≤ 1.3×',
        bounds: [{ what: 'ratio', value: s.server / s.node, limit: 1.3, kind: 'atMost' }],
      });
    });
  }

  const uri = pathToFileURL(join(folder, 'edited-1000.form4')).href;
  const at = editTarget(thousand);
  const [warmUp, edits] = quick ? [5, 30] : [20, 200];
  await guarded(results, names.edit, '≤ 10 ms', async () => {
    const push = await editFigures(serverJs, false, uri, thousand.text, { line: at.line, character: at.character }, at.original, at.replacement, warmUp, edits);
    results.target({
      name: names.edit,
      measured: `${describeEdits(push)}, ${push.diagnostics} diagnostics`,
      target: '≤ 10 ms',
      bounds: [{ what: 'p95', value: push.p95, limit: 10, kind: 'atMost' }],
    });
  });
  try {
    const pull = await editFigures(serverJs, true, uri, thousand.text, { line: at.line, character: at.character }, at.original, at.replacement, warmUp, edits);
    results.other('didChange → pulled diagnostics (textDocument/diagnostic), 1,000 rows', ms(pull.p95), `p95; ${describeEdits(pull)}; the path VS Code takes`);
  } catch (error) {
    results.other('didChange → pulled diagnostics (textDocument/diagnostic), 1,000 rows', 'failed', (error as Error).message);
  }

  await guarded(results, names.rss, '≤ 80 MB', async () => {
    const r = await rssFigures(serverJs, pathToFileURL(join(folder, 'open-10000.form4')).href, tenThousand.text, quick ? 1 : 3);
    results.target({
      name: names.rss,
      measured: `${mb(r.rss)} VmRSS after its diagnostics (peak ${mb(r.peak)}; open → diagnostics ${ms(r.openMs)})`,
      target: '≤ 80 MB',
      bounds: [{ what: 'RSS', value: r.rss / (1024 * 1024), limit: 80, kind: 'atMost' }],
    });
  });
}

async function guarded(results: Results, name: string, target: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    results.target({ name, measured: '', target, bounds: [], missing: `failed: ${(error as Error).message}` });
  }
}

function cliSection(results: Results, quick: boolean, folder: string, bytesPerRow: number): void {
  const cliJs = join(PROJECT_ROOT, 'dist', 'cli.js');
  const name = 'a 5 MB draft through the CLI (`check --format json`), wall time and peak RSS';
  console.log('\ncommand line (dist/cli.js, a process per run):');
  if (!existsSync(cliJs)) {
    results.target({ name, measured: '', target: '≤ 2 s, ≤ 200 MB', bounds: [], missing: `${cliJs} is missing (npm run build)` });
    return;
  }
  const preload = writePreload(folder);
  const big = draftOfSize(FIVE_MB, bytesPerRow);
  const path = join(folder, 'five-mb.form4');
  writeFileSync(path, big.text);
  const drafted = `${count(big.rows.length)} rows, ${count(bytes(big.text))} bytes`;
  const run = runCli(cliJs, preload, path, ['--rule', 'too-many-rows=off'], quick ? 1 : 3, CLI_TIMEOUT_MS);
  if ('missing' in run) {
    results.target({ name: `${name} (${drafted})`, measured: '', target: '≤ 2 s, ≤ 200 MB', bounds: [], missing: run.missing });
  } else {
    results.target({
      name: `${name} (${drafted})`,
      measured: `${ms(run.ms)}, ${mb(run.peakRss)} peak RSS (medians of ${run.runs.length}; ${run.runs[0]?.findings ?? '?'} findings, exit ${run.runs[0]?.status ?? '?'})`,
      target: '≤ 2 s, ≤ 200 MB',
      bounds: [
        { what: 'time', value: run.ms / 1000, limit: 2, kind: 'atMost' },
        { what: 'memory', value: run.peakRss / (1024 * 1024), limit: 200, kind: 'atMost' },
      ],
    });
  }
  const posey = join(EXAMPLES, 'qualys-posey-2024-ocr.form4');
  if (existsSync(posey)) {
    const r = runCli(cliJs, preload, posey, [], quick ? 3 : 10, CLI_TIMEOUT_MS);
    if ('missing' in r) results.other('CLI process on the OCR-damaged example', 'failed', r.missing);
    else results.other('CLI process on the OCR-damaged example', ms(r.ms), `${mb(r.peakRss)} peak RSS, ${r.runs[0]?.findings ?? '?'} findings; earlier target < 1 s`);
  }
}

function historySection(results: Results, quick: boolean, folder: string): void {
  const cliJs = join(PROJECT_ROOT, 'dist', 'cli.js');
  if (!existsSync(cliJs)) {
    results.target({ name: 'a history of 500 filings through the CLI', measured: '', target: '≤ 2 s', bounds: [], missing: `${cliJs} is missing (npm run build)` });
    return;
  }
  historyFigures(results, quick, folder, cliJs, writePreload(folder));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
