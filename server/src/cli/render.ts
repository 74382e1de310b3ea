/**
 * `form4 render <draft|xml …> [-o FILE|DIR]`: each draft or EDGAR filing written as the HTML page
 * of the preview (`renderFilingHtml`): the form laid out as the SEC renders it, self-contained,
 * with no script. The page marks the cells the check finds fault with, read with the settings
 * `form4 check` uses (the nearest `.form4rc.json`, then `--rule`); `--no-findings` leaves them
 * out. One source goes to stdout, or to FILE; several need `-o DIR`, each written as
 * `DIR/<base name>.html`. To get a PDF, open the page in a browser and print it (landscape).
 *
 * Exit codes as `form4 check`: 0 every page written; 1 a file could not be rendered (not text,
 * or an XML file holding no ownership document: skipped with a one-line message, the others are
 * still written); 2 usage or I/O failure.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigFiles } from '../node/configFiles';
import { checkDocument, mergeSeverities, parseSource, readRuleOption, renderFilingHtml, type SeveritySetting, sniffOwnership } from '../service';
import { describe } from './files';
import type { CliIo } from './run';
import { readSource } from './sources';

export interface RenderCommand {
  readonly command: 'render';
  readonly paths: readonly string[];
  /** `-o`: a file (one source), or a folder (any number). */
  readonly output: string | undefined;
  /** False with `--no-findings`: the page shows the form only. */
  readonly findings: boolean;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

export const RENDER_USAGE = 'form4 render <draft|xml …> [-o FILE|DIR] [--no-findings]';

export const RENDER_HELP = `Usage: ${RENDER_USAGE}

Writes each draft or EDGAR filing as an HTML page laid out as the SEC renders a Form 4: the boxes,
Table I and Table II with their printed column titles, the explanation, remarks and signature.
The page is self-contained (inline style, no script, nothing fetched). Cells with findings of the
check are marked, their messages shown on hover (printing leaves the marks out).
One source and no -o: the page goes to stdout. For a PDF, open the page in a browser and print it
(Ctrl+P or Cmd+P, landscape, A4 or Letter).

Options:
  -o, --output <path>  the file to write (one source), or the folder (several: each is written as
                       <folder>/<base name>.html)
  --no-findings        do not check; show the form only
  --rule <id=severity> set a rule's severity, as for form4 check (repeatable)
  -h, --help           show this help

Exit codes: 0 written, 1 a file could not be rendered, 2 usage or I/O failure.`;

const OK = 0;
const REFUSED = 1;
const USAGE = 2;

/** The arguments after `render`, or the one-line reason they are wrong. */
export function parseRenderArgs(args: readonly string[]): RenderCommand | { readonly command: 'renderHelp' } | string {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let output: string | undefined;
  let findings = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : args[++i]);
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'renderHelp' };
      case '-o':
      case '--output': {
        const v = value();
        if (v === undefined || v === '') return `${flag} needs a file or a folder: ${RENDER_USAGE}`;
        if (output !== undefined) return '-o is given twice';
        output = v;
        break;
      }
      case '--no-findings':
        findings = false;
        break;
      case '--rule': {
        const v = value();
        if (!v) return '--rule needs a value, e.g. --rule late-filing=off';
        const rule = readRuleOption(v);
        if (typeof rule === 'string') return rule;
        rules[rule.id] = rule.severity;
        break;
      }
      case '--pdf':
        return '--pdf is not supported: open the page in a browser and print it to PDF (landscape)';
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}" for form4 render`;
        paths.push(arg);
    }
  }
  if (paths.length === 0) return `no drafts or filings given: ${RENDER_USAGE}`;
  if (paths.length > 1 && output === undefined) return `${paths.length} sources need -o DIR, a folder to write each page in: ${RENDER_USAGE}`;
  return { command: 'render', paths, output, findings, rules };
}

/** `DIR/<base name>.html`: `wilson.form4` and `wilson.form4.md` become `wilson.html`, `0000320193-22-000061.txt` `0000320193-22-000061.html`. */
export function pageName(path: string): string {
  const name = basename(path);
  if (name.toLowerCase().endsWith('.form4.md')) return `${name.slice(0, -'.form4.md'.length)}.html`;
  const ext = extname(name);
  return `${ext === '' || ext === name ? name : name.slice(0, -ext.length)}.html`;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel;
}

export function runRender(command: RenderCommand, io: CliIo): number {
  const inputs = command.paths.map((p) => resolve(io.cwd, p));
  const out = command.output === undefined ? undefined : resolve(io.cwd, command.output);
  // A folder: the one given exists as a folder, ends with a slash, or several sources go in it.
  const intoFolder = out !== undefined && (inputs.length > 1 || isFolder(out) || /[\\/]$/.test(command.output ?? ''));
  const targets = inputs.map((input) => (out === undefined ? undefined : intoFolder ? join(out, pageName(input)) : out));
  const seen = new Map<string, string>();
  for (const [i, target] of targets.entries()) {
    if (target === undefined) continue;
    const earlier = seen.get(target);
    if (earlier !== undefined) {
      io.stderr(`form4: "${command.paths[i]}" and "${earlier}" would both be written to ${display(io.cwd, target)}\n`);
      return USAGE;
    }
    seen.set(target, command.paths[i] ?? '');
  }
  if (intoFolder && out !== undefined) {
    try {
      mkdirSync(out, { recursive: true });
    } catch (error) {
      io.stderr(`form4: cannot create the folder "${command.output}": ${describe(error)}\n`);
      return USAGE;
    }
  }
  const configs = new ConfigFiles();
  let exit = OK;
  for (const [i, input] of inputs.entries()) {
    const shown = display(io.cwd, input);
    let read;
    try {
      read = readSource({ path: input, found: false });
    } catch (error) {
      io.stderr(`form4: cannot read "${command.paths[i]}": ${describe(error)}\n`);
      return USAGE;
    }
    if (read.kind === 'skip') continue; // not for a file named explicitly; kept for the type
    if (read.kind === 'binary') {
      io.stderr(`form4: ${shown} is not rendered: it is not a text file (${read.reason})\n`);
      exit = REFUSED;
      continue;
    }
    if (read.kind === 'xml' && !sniffOwnership(read.text)) {
      io.stderr(`form4: ${shown} is not rendered: it holds no EDGAR ownership document\n`);
      exit = REFUSED;
      continue;
    }
    const document = parseSource(read.kind, read.text);
    let findings;
    if (command.findings) {
      const config = configs.forFolder(dirname(input));
      if (config && config.problems.length > 0) {
        io.stderr(`form4: ${config.problems[0]}\n`);
        return USAGE;
      }
      findings = checkDocument(document, { rules: mergeSeverities(config?.rules ?? {}, command.rules) }).findings;
    }
    const page = renderFilingHtml(document.filing, findings !== undefined ? { findings } : {});
    const target = targets[i];
    if (target === undefined) {
      io.stdout(page);
      continue;
    }
    try {
      writeFileSync(target, page, 'utf8');
    } catch (error) {
      io.stderr(`form4: cannot write "${display(io.cwd, target)}": ${describe(error)}\n`);
      return USAGE;
    }
    io.stderr(`form4: ${shown} → ${display(io.cwd, target)}\n`);
  }
  return exit;
}
