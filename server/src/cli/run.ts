/**
 * The checker behind `form4`: reads the drafts, applies the nearest `.form4rc.json` and the
 * `--rule` options, checks, prints, and decides the exit code. I/O goes through `CliIo` so that
 * tests can run it in-process.
 */
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { ConfigFiles } from '../node/configFiles';
import {
  buildHistories,
  checkDocument,
  type Finding,
  historyFiling,
  mergeSeverities,
  parseSource,
  priorHoldingsFor,
  RULES,
  type RuleSeverities,
  type Severity,
  type SourceDocument,
} from '../service';
import { type CheckCommand, parseArgs, USAGE } from './args';
import { collectSources, describe, type SourceFile } from './files';
import { runHistory, runNext } from './history';
import { runImport } from './import';
import { type ReadSource, readSource } from './sources';
import { formatGithub } from './formats/github';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import type { FileResult, FormatOptions } from './formats/types';
import { runExport } from './export';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export function runCli(argv: readonly string[], io: CliIo): number {
  const command = parseArgs(argv);
  if (typeof command === 'string') {
    io.stderr(`form4: ${command}\n`);
    return EXIT_USAGE;
  }
  switch (command.command) {
    case 'help':
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    case 'version':
      io.stdout(`${io.version}\n`);
      return EXIT_OK;
    case 'rules':
      io.stdout(command.format === 'json'
        ? `${JSON.stringify(RULES.map((r) => ({ id: r.id, severity: r.defaultSeverity, group: r.group, summary: r.summary })), null, 2)}\n`
        : `${RULES.map((r) => `${r.id.padEnd(22)} ${r.defaultSeverity.padEnd(11)} ${r.summary}`).join('\n')}\n`);
      return EXIT_OK;
    case 'check':
      return runCheck(command, io);
    case 'export':
      return runExport(command, io);
    case 'import':
      return runImport(command, io);
    case 'history':
      return runHistory(command, io);
    case 'next':
      return runNext(command, io);
  }
}

function runCheck(command: CheckCommand, io: CliIo): number {
  let sources: SourceFile[];
  try {
    sources = collectSources(command.paths, io.cwd);
  } catch (error) {
    io.stderr(`form4: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const configs = new ConfigFiles();
  const results: FileResult[] = [];
  // Every file is read first: the filings of a run form the histories each one is checked in.
  const read: { file: string; rules: RuleSeverities; document?: SourceDocument; findings?: Finding[] }[] = [];
  for (const source of sources) {
    const file = source.path;
    let bytes: ReadSource;
    try {
      bytes = readSource(source);
    } catch (error) {
      io.stderr(`form4: cannot read "${display(io.cwd, file)}": ${describe(error)}\n`);
      return EXIT_USAGE;
    }
    if (bytes.kind === 'skip') continue;
    const config = configs.forFolder(dirname(file));
    if (config && config.problems.length > 0) {
      io.stderr(`form4: ${config.problems[0]}\n`);
      return EXIT_USAGE;
    }
    const rules = mergeSeverities(config?.rules ?? {}, command.rules);
    if (bytes.kind === 'binary') {
      if (rules['not-text'] !== 'off') {
        const severity = rules['not-text'] ?? 'error';
        read.push({ file: display(io.cwd, file), rules, findings: [notTextFinding(basename(file), bytes.reason, severity)] });
      }
      continue;
    }
    read.push({ file: display(io.cwd, file), rules, document: parseSource(bytes.kind, bytes.text) });
  }
  const histories = buildHistories(read.flatMap((r) => (r.document ? [historyFiling(r.file, r.document)] : [])).filter((f) => f !== undefined));
  for (const { file, rules, document, findings: ready } of read) {
    if (!document) {
      results.push({ file, findings: ready ?? [] });
      continue;
    }
    const result = checkDocument(document, { rules, history: priorHoldingsFor(histories, file) });
    for (const failure of result.failures) {
      io.stderr(`form4: internal error in rule ${failure.rule} on ${file}: ${String((failure.error as Error)?.stack ?? failure.error)}\n`);
    }
    const findings: Finding[] = command.quiet ? result.findings.filter((f) => f.severity === 'error') : [...result.findings];
    results.push({ file, findings });
  }
  if (results.length === 0) {
    io.stderr(`form4: no drafts (*.form4, *.form4.md) or EDGAR filings (*.xml, *.txt) in ${command.paths.join(', ')}\n`);
    return EXIT_USAGE;
  }
  const options: FormatOptions = {
    color: command.color ?? (io.isTty && io.env['NO_COLOR'] === undefined && io.env['TERM'] !== 'dumb'),
    version: io.version,
    cwd: io.cwd,
  };
  switch (command.format) {
    case 'stylish':
      io.stdout(formatStylish(results, options));
      break;
    case 'json':
      io.stdout(formatJson(results));
      break;
    case 'sarif':
      io.stdout(formatSarif(results.map((r) => ({ ...r, file: resolveFrom(io.cwd, r.file) })), options));
      break;
    case 'github':
      io.stdout(formatGithub(results));
      break;
  }
  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (errors > 0) return EXIT_FINDINGS;
  if (command.maxWarnings !== undefined && warnings > command.maxWarnings) {
    if (command.format === 'stylish') io.stderr(`form4: ${warnings} warnings exceed --max-warnings ${command.maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** The one finding of a file that is not text. */
function notTextFinding(name: string, reason: string, severity: Severity): Finding {
  return { rule: 'not-text', severity, message: `${name} is not a text file: ${reason}`, span: { start: 0, end: 0 }, related: [], unnecessary: false, fixes: [] };
}

function resolveFrom(cwd: string, path: string): string {
  return resolve(cwd, path);
}

/** Paths print relative to the current folder (`../shared/examples/x.form4`), as typed. */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel;
}
