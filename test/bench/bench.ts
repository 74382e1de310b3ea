/**
 * Speed figures (`npm run bench`): prints medians, asserts nothing. Speed targets live here, not
 * in timed tests, because a loaded CI machine would make timed tests flaky.
 *
 * - the two examples: parse + check;
 * - the real filings of ../shared/corpus, converted to drafts once (not timed): parse + check of all;
 * - a 30-row draft (the editor's everyday case): parse + check, hover, inlay hints, formatting;
 * - large and hostile drafts: 1,000 rows, 2 MB, a 200,000-character line, 10,000 unclosed tags;
 * - the command line on the OCR-damaged example, as a process (target: under a second);
 * - the language server over stdio: from a change to its diagnostics, for the 30-row draft.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as rpc from 'vscode-languageserver-protocol/node';
import { analyze, checkDraft, formatDraft, hoverAt, inlayHints, parseDraft } from '../../server/src/service';
import { draft, rowI } from '../support/drafts';
import { importOwnershipXml } from '../../server/src/service/import/importXml';
import { CORPUS, EXAMPLES, PROJECT_ROOT } from '../support/paths';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function time(runs: number, work: () => void): number {
  work(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

function report(name: string, ms: number, extra = ''): void {
  console.log(`${name.padEnd(58)} ${ms.toFixed(2).padStart(9)} ms${extra ? `  ${extra}` : ''}`);
}

function rows(n: number): string[] {
  const out: string[] = [];
  let owned = 1_000_000;
  for (let i = 0; i < n; i++) {
    owned -= 100;
    out.push(rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.50', owned.toLocaleString('en-US'), 'D', ''));
  }
  return out;
}

function checkAll(text: string): number {
  return checkDraft(parseDraft(text)).findings.length;
}

async function serverRoundTrip(text: string): Promise<number> {
  const server = join(PROJECT_ROOT, 'dist', 'server.js');
  if (!existsSync(server)) return NaN;
  const child = spawn(process.execPath, [server, '--stdio']);
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiting = new Map<number, () => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => {
    if (p.version !== undefined) waiting.get(p.version)?.();
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { form4: { diagnostics: { delay: 0 } } } });
  connection.sendNotification('initialized', {});
  const uri = 'file:///bench/thirty-rows.form4';
  const opened = new Promise<void>((resolve) => waiting.set(1, resolve));
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'form4', version: 1, text } });
  await opened;
  const samples: number[] = [];
  for (let version = 2; version < 22; version++) {
    const done = new Promise<void>((resolve) => waiting.set(version, resolve));
    const t0 = performance.now();
    connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: text.replace('999,900', version % 2 === 0 ? '999,800' : '999,900') }] });
    await done;
    samples.push(performance.now() - t0);
  }
  await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return median(samples);
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  for (const name of ['qualys-wilson-2013.form4', 'qualys-posey-2024-ocr.form4']) {
    const path = join(EXAMPLES, name);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    report(`parse + check ${name}`, time(200, () => checkAll(text)), `${checkAll(text)} findings`);
  }

  if (existsSync(CORPUS)) {
    // Imported once, outside the timed part: the line times parse + check only.
    const drafts = readdirSync(CORPUS)
      .filter((f) => /\.(?:xml|txt)$/i.test(f))
      .map((f) => importOwnershipXml(readFileSync(join(CORPUS, f), 'utf8')))
      .flatMap((imported) => (imported.kind === 'draft' ? [imported.draft] : []));
    const checkCorpus = (): number => drafts.reduce((n, d) => n + checkAll(d), 0);
    report(`corpus: parse + check of ${drafts.length} imported filings`, time(50, checkCorpus), `${checkCorpus()} findings`);
  }

  const thirty = draft({ tableI: rows(30) });
  const parsed = parseDraft(thirty);
  const analysis = analyze(parsed.filing);
  report('30-row draft: parse + check', time(200, () => checkAll(thirty)), `${checkAll(thirty)} findings`);
  report('30-row draft: hover on an amount owned (parse included)', time(200, () => {
    const p = parseDraft(thirty);
    hoverAt(p, analyze(p.filing), 30 * 67_108_864 + 80);
  }));
  report('30-row draft: inlay hints', time(200, () => inlayHints(parsed.filing, analysis)));
  report('30-row draft: formatting', time(200, () => formatDraft(parsed)));

  const thousand = draft({ tableI: rows(1000) });
  report('1,000-row draft: parse + check', time(10, () => checkAll(thousand)), `${(thousand.length / 1024).toFixed(0)} KB`);
  const big = draft({ tableI: rows(20000) });
  report('20,000-row draft: parse + check', time(3, () => checkAll(big)), `${(big.length / 1048576).toFixed(1)} MB`);
  report('200,000-character line of pipes', time(5, () => checkAll(`Table I\n${'|'.repeat(200_000)}\n`)));
  report('10,000 unclosed <sup> tags in a cell', time(5, () => checkAll(draft({ tableI: [`| ${'<sup>('.repeat(10_000)} | 1 |`] }))));
  report('100,000 "(" on a box line', time(5, () => checkAll(`2. Issuer Name and Ticker or Trading Symbol: ${'('.repeat(100_000)}`)));

  const cli = join(PROJECT_ROOT, 'dist', 'cli.js');
  const posey = join(EXAMPLES, 'qualys-posey-2024-ocr.form4');
  if (existsSync(cli) && existsSync(posey)) {
    const samples: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      spawnSync(process.execPath, [cli, 'check', posey], { encoding: 'utf8' });
      samples.push(performance.now() - t0);
    }
    report('CLI process: form4 check on the OCR-damaged example', median(samples), 'target < 1000 ms');
  }
  const roundTrip = await serverRoundTrip(thirty);
  if (!Number.isNaN(roundTrip)) report('server: 30-row draft, didChange to publishDiagnostics', roundTrip);
}

void main();
