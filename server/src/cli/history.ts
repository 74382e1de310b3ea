/**
 * `form4 history <folders or files…> [--format json]`: per reporting person and issuer, each
 * holding's balance after every filing that reported it, the table a paralegal otherwise keeps in
 * a spreadsheet. `form4 next <previous filing> [-o FILE] [--force]`: the next Form 4 draft,
 * started from the previous filing (its header and its holdings, ready to continue).
 *
 * Exit codes as `form4 check`: 0 done; 1 the file given to `next` holds no filing; 2 usage or
 * I/O failure (nothing to read, a file that cannot be read or written, an output that exists).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import {
  buildHistories,
  type FilingHistory,
  historyBalances,
  historyFiling,
  type HistoryFiling,
  nextDraft,
  parseSource,
  type ReportedHolding,
  toRange,
} from '../service';
import { formatDate, formatIsoDate } from '../service/model/calendarDate';
import { formatDecimal } from '../service/model/decimal';
import { collectSources, describe } from './files';
import type { CliIo } from './run';
import { readSource } from './sources';

export interface HistoryCommand {
  readonly command: 'history';
  readonly paths: readonly string[];
  readonly format: 'text' | 'json';
}

export interface NextCommand {
  readonly command: 'next';
  readonly path: string;
  readonly output: string | undefined;
  readonly force: boolean;
}

export const HISTORY_USAGE = 'form4 history <folders or files…> [--format json]';
export const NEXT_USAGE = 'form4 next <previous filing> [-o FILE] [--force]';

export const HISTORY_HELP = `History prints, per reporting person and issuer, each holding's balance after every filing
of the folders given (drafts, EDGAR XML and .txt submissions; Forms 3, 4, 5 and amendments).
Next writes a new Form 4 draft started from the previous filing: its header, an empty
transaction area, and a holdings row per holding with the amount last reported (stdout, or
-o FILE; an existing FILE is kept unless --force).`;

const OK = 0;
const NO_FILING = 1;
const USAGE = 2;

export function parseHistoryArgs(args: readonly string[]): HistoryCommand | { readonly command: 'help' } | string {
  const paths: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.startsWith('--format=') ? arg.slice('--format='.length) : args[++i];
      if (value !== 'json' && value !== 'text') return `--format for form4 history is text or json, not ${value === undefined ? 'nothing' : `"${value}"`}`;
      format = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option "${arg}" for form4 history`;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return `no folder given: ${HISTORY_USAGE}`;
  return { command: 'history', paths, format };
}

export function parseNextArgs(args: readonly string[]): NextCommand | { readonly command: 'help' } | string {
  const paths: string[] = [];
  let output: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) {
      const value = arg.startsWith('--output=') ? arg.slice('--output='.length) : args[++i];
      if (value === undefined || value === '') return `${arg.split('=')[0]} needs a file: ${NEXT_USAGE}`;
      if (output !== undefined) return '-o is given twice';
      output = value;
    } else if (arg === '--force') {
      force = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option "${arg}" for form4 next`;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length !== 1) return `${paths.length === 0 ? 'no filing given' : 'one previous filing only'}: ${NEXT_USAGE}`;
  return { command: 'next', path: paths[0] as string, output, force };
}

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel;
}

/** The filings under the paths, named as `form4 check` names them; a message on failure. */
function readFilings(paths: readonly string[], io: CliIo): HistoryFiling[] | string {
  let sources;
  try {
    sources = collectSources(paths, io.cwd);
  } catch (error) {
    return (error as Error).message;
  }
  const filings: HistoryFiling[] = [];
  for (const source of sources) {
    let read;
    try {
      read = readSource(source);
    } catch (error) {
      return `cannot read "${display(io.cwd, source.path)}": ${describe(error)}`;
    }
    if (read.kind !== 'draft' && read.kind !== 'xml') continue;
    const filing = historyFiling(display(io.cwd, source.path), parseSource(read.kind, read.text));
    if (filing) filings.push(filing);
  }
  return filings;
}

export function runHistory(command: HistoryCommand, io: CliIo): number {
  const filings = readFilings(command.paths, io);
  if (typeof filings === 'string') {
    io.stderr(`form4: ${filings}\n`);
    return USAGE;
  }
  if (filings.length === 0) {
    io.stderr(`form4: no filings (drafts, EDGAR XML or .txt submissions) in ${command.paths.join(', ')}\n`);
    return USAGE;
  }
  const histories = buildHistories(filings);
  io.stdout(command.format === 'json' ? `${JSON.stringify(histories.map(historyJson), null, 2)}\n` : histories.map(historyText).join('\n'));
  return OK;
}

function ownershipLabel(h: { readonly ownership: string; readonly nature?: string }): string {
  return h.ownership === 'I' ? `I, ${h.nature ?? ''}`.replace(/, $/, '') : 'D';
}

function historyText(history: FilingHistory): string {
  const lines = [`${history.person} \u2014 ${history.issuer} (${history.filings.length} filing${history.filings.length === 1 ? '' : 's'})`];
  for (const holding of historyBalances(history)) {
    lines.push('', `  ${holding.table === 'II' ? 'Table II: ' : ''}${holding.title} (${ownershipLabel(holding)})`);
    const cells = holding.balances.map((b) => [
      `as of ${formatDate(b.asOf)}`,
      `Form ${b.from.formType}${b.from.date ? ` of ${formatDate(b.from.date)}` : ''}`,
      formatDecimal(b.amount),
      b.from.uri,
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
    for (const c of cells) {
      lines.push(`    ${(c[0] ?? '').padEnd(widths[0] ?? 0)}  ${(c[1] ?? '').padEnd(widths[1] ?? 0)}  ${(c[2] ?? '').padStart(widths[2] ?? 0)}  ${c[3] ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function balanceJson(b: ReportedHolding) {
  return {
    file: b.from.uri,
    form: b.from.formType,
    date: b.from.date ? formatIsoDate(b.from.date) : null,
    asOf: formatIsoDate(b.asOf),
    amount: b.amount.toFixed(),
    line: toRange(b.from.span).start.line + 1,
  };
}

function historyJson(history: FilingHistory) {
  return {
    person: history.person,
    issuer: history.issuer,
    filings: history.filings.map((f) => f.uri),
    holdings: historyBalances(history).map((h) => ({
      table: h.table,
      title: h.title,
      ownership: h.ownership,
      nature: h.nature ?? null,
      balances: h.balances.map(balanceJson),
    })),
  };
}

export function runNext(command: NextCommand, io: CliIo): number {
  const path = resolve(io.cwd, command.path);
  let read;
  try {
    read = readSource({ path, found: false });
  } catch (error) {
    io.stderr(`form4: cannot read "${command.path}": ${describe(error)}\n`);
    return USAGE;
  }
  if (read.kind !== 'draft' && read.kind !== 'xml') {
    io.stderr(`form4: ${command.path} is not a filing${read.kind === 'binary' ? `: ${read.reason}` : ''}\n`);
    return NO_FILING;
  }
  const filing = historyFiling(command.path, parseSource(read.kind, read.text));
  if (!filing) {
    io.stderr(`form4: ${command.path} holds no ownership document (Form 3, 4 or 5) to start from\n`);
    return NO_FILING;
  }
  const text = nextDraft(filing.filing);
  if (command.output === undefined) {
    io.stdout(text);
    return OK;
  }
  const out = resolve(io.cwd, command.output);
  if (existsSync(out) && !command.force) {
    io.stderr(`form4: ${command.output} exists; give --force to replace it\n`);
    return USAGE;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    io.stderr(`form4: cannot write "${command.output}": ${describe(error)}\n`);
    return USAGE;
  }
  io.stderr(`form4: wrote ${command.output}, started from ${command.path}\n`);
  return OK;
}
