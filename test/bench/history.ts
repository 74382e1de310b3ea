/**
 * The filing history's figures: a generated history of 500 filings of one insider (Forms 4 in
 * EDGAR XML, a Form 5 after each year, drafts among them), read and checked through the CLI
 * (`form4 check <folder>`, a process) and in this process; and a keystroke's re-check in one draft
 * of that history, with the holdings before it (computed once, as a host keeps them between
 * keystrokes of the same file) against the same re-check without a history.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildHistories,
  checkDocument,
  checkDraft,
  historyFiling,
  type HistoryFiling,
  parseDraft,
  parseSource,
  priorHoldingsFor,
  sourceKindOf,
} from '../../server/src/service';
import { addDays, calendarDate, type CalendarDate, formatDate, formatIsoDate } from '../../server/src/service/model/calendarDate';
import { draft, rowI } from '../support/drafts';
import { formXml, trade } from '../support/history';
import { runCli } from './cli';
import { compare, count, describeTiming, ms, ratio, timeIt } from './measure';
import type { Results } from './report';

export const HISTORY_FILINGS = 500;

const HEADER = (date: CalendarDate): string[] => [
  '1. Name and Address of Reporting Person: Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
  '   CIK: 0001234567',
  '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
  '   CIK: 0001107843',
  `3. Date of Earliest Transaction: ${formatDate(date)}`,
  '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
  'Rule 10b5-1(c) Transaction Indication: [ ]',
];

/**
 * The files of a history of `filings` filings where every chain holds: a filing a week, a sale
 * and a purchase in each; every tenth filing a draft; a Form 5 with a gift after each year.
 */
export function generateHistory(filings: number): Map<string, string> {
  const files = new Map<string, string>();
  let owned = 1_000_000;
  let date = calendarDate(2005, 1, 3) as CalendarDate;
  let year = date.year;
  for (let i = 0; i < filings; i++) {
    if (date.year !== year) {
      // The Form 5 of the year that ended: a gift on its last day, filed in February.
      const gift = calendarDate(year, 12, 31) as CalendarDate;
      owned -= 100;
      files.set(`form5-${year}.xml`, formXml({ form: '5', period: `${year}-12-31`, signed: `${year + 1}-02-10`, tableI: [trade('G', formatIsoDate(gift), '100', 'D', String(owned), { coding: { code: 'G', formType: '5' } })] }));
      year = date.year;
      i++;
      if (i >= filings) break;
    }
    const sold = 1_000 + (i % 7) * 100;
    const bought = 500 + (i % 5) * 100;
    const afterSale = owned - sold;
    owned = afterSale + bought;
    const signed = addDays(date, 1);
    const name = `form4-${formatIsoDate(date)}`;
    if (i % 10 === 9) {
      files.set(`${name}.form4`, draft({
        header: HEADER(date),
        tableI: [
          rowI('Common Stock', formatDate(date), '', 'S', '', count(sold), 'D', '$18.00', count(afterSale), 'D', ''),
          rowI('Common Stock', formatDate(date), '', 'P', '', count(bought), 'A', '$17.50', count(owned), 'D', ''),
        ],
        signature: ['/s/ John N. Wilson', '', formatDate(signed)],
      }));
    } else {
      files.set(`${name}.xml`, formXml({
        period: formatIsoDate(date),
        signed: formatIsoDate(signed),
        tableI: [trade('S', formatIsoDate(date), String(sold), 'D', String(afterSale)), trade('P', formatIsoDate(date), String(bought), 'A', String(owned))],
      }));
    }
    date = addDays(date, 7);
  }
  return files;
}

/** Reads and checks every file as `form4 check` does: parse all, build the histories, check each with its holdings before. */
function readAndCheck(files: ReadonlyMap<string, string>): number {
  const parsed: { uri: string; document: ReturnType<typeof parseSource> }[] = [];
  for (const [uri, text] of files) {
    const kind = sourceKindOf(uri, text);
    if (kind) parsed.push({ uri, document: parseSource(kind, text) });
  }
  const histories = buildHistories(parsed.map((p) => historyFiling(p.uri, p.document)).filter((f): f is HistoryFiling => f !== undefined));
  let findings = 0;
  for (const p of parsed) findings += checkDocument(p.document, { history: priorHoldingsFor(histories, p.uri) }).findings.filter((f) => f.severity === 'error').length;
  return findings;
}

export function historyFigures(results: Results, quick: boolean, folder: string, cliJs: string, preload: string): void {
  console.log(`\nfiling history (${HISTORY_FILINGS} filings of one insider):`);
  const files = generateHistory(HISTORY_FILINGS);
  const dir = join(folder, 'history');
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  const drafts = [...files.keys()].filter((n) => n.endsWith('.form4')).length;
  const described = `${count(files.size)} files: ${count(files.size - drafts)} XML (Forms 4 and 5), ${count(drafts)} drafts`;

  const name = `read and check a history of ${HISTORY_FILINGS} filings through the CLI (\`check <folder> --format json\`)`;
  const run = runCli(cliJs, preload, dir, [], quick ? 1 : 3, 120_000);
  if ('missing' in run) {
    results.target({ name, measured: '', target: '≤ 2 s', bounds: [], missing: run.missing });
  } else {
    results.target({
      name,
      measured: `${ms(run.ms)} wall, ${ms(run.cpuMs)} CPU, ${Math.round(run.peakRss / (1024 * 1024))} MB peak RSS (medians of ${run.runs.length}; ${described}; ${run.runs[0]?.findings ?? '?'} findings, exit ${run.runs[0]?.status ?? '?'})`,
      target: '≤ 2 s',
      bounds: [{ what: 'time', value: run.ms / 1000, limit: 2, kind: 'atMost' }],
    });
  }
  const inProcess = timeIt(() => readAndCheck(files), { minRuns: quick ? 2 : 5, minMs: quick ? 500 : 3_000 });
  results.other(`the same in this process (parse ${count(files.size)} files, histories, check each)`, ms(inProcess.median), `${describeTiming(inProcess)}; ${readAndCheck(files)} errors`);

  // A keystroke in the last draft of the history: its text edited, parsed and checked again.
  const last = [...files.keys()].filter((n) => n.endsWith('.form4')).pop() as string;
  const text = files.get(last) as string;
  const edited = text.replace('$18.00', '$18.01');
  const parsed = [...files].map(([uri, t]) => ({ uri, kind: sourceKindOf(uri, t) })).filter((p) => p.kind !== undefined);
  const histories = buildHistories(parsed.map((p) => historyFiling(p.uri, parseSource(p.kind as 'draft' | 'xml', files.get(p.uri) as string))).filter((f): f is HistoryFiling => f !== undefined));
  const prior = priorHoldingsFor(histories, last);
  const withHistory = (): number => checkDraft(parseDraft(edited), { history: prior }).findings.length;
  const without = (): number => checkDraft(parseDraft(edited)).findings.length;
  const keystroke = compare(withHistory, without, quick ? 20 : 200, 3);
  results.target({
    name: `a keystroke's re-check (parse + check) in one draft of that history, with the holdings before it vs without the history`,
    measured: `${ms(keystroke.a.median)} vs ${ms(keystroke.b.median)}: ${ratio(keystroke.ratio)} (CPU ${ratio(keystroke.cpuRatio)}; ${keystroke.pairs} pairs; ${withHistory()} findings with, ${without()} without)`,
    target: '≤ 1.1× (no slower, within noise)',
    bounds: [{ what: 'ratio', value: keystroke.ratio, limit: 1.1, kind: 'atMost' }],
  });
  const rebuild = timeIt(() => priorHoldingsFor(buildHistories(histories.flatMap((h) => h.filings)), last), { minRuns: quick ? 5 : 20, minMs: quick ? 200 : 1_000 });
  results.other(`the holdings before that draft, from the ${count(files.size)} filings' models (when another file changes)`, ms(rebuild.median), describeTiming(rebuild));
}
