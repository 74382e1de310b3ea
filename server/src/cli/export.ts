/**
 * `form4 export <draft.form4 …> [-o FILE|DIR] [--force]`: drafts written as EDGAR ownership XML
 * (schema X0508). Each draft is read and checked as `form4 check` does (the nearest
 * `.form4rc.json`, then `--rule`); one with an error-level finding, or with something EDGAR
 * needs that it does not give (an export problem, listed under the id `export`), is refused:
 * what stands in the way is listed on stderr in the stylish format and nothing is written for it.
 * `--force` writes it anyway and lists the same as warnings.
 *
 * One draft and no `-o`: the XML goes to stdout. `-o FILE` writes one draft there; several
 * drafts need `-o DIR`, and each is written as `DIR/<base name>.xml`. Exit codes as `check`:
 * 0 every draft written, 1 a draft refused, 2 usage or I/O.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigFiles } from '../node/configFiles';
import { decodeTextFile } from '../node/textFile';
import { blockingFindings, checkDraft, exportChecked, isBlocked, mergeSeverities, parseDraft, readRuleOption, type SeveritySetting } from '../service';
import { collectDrafts, describe } from './files';
import { formatStylish } from './formats/stylish';
import type { CliIo } from './run';

export interface ExportCommand {
  readonly command: 'export';
  readonly paths: readonly string[];
  /** `-o`: a file for one draft, a folder for several. */
  readonly output: string | undefined;
  readonly force: boolean;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** `form4 export --help`. */
  readonly help: boolean;
}

export const EXPORT_USAGE = `Usage: form4 export <draft.form4 …> [-o FILE|DIR] [--force]

Writes each draft as EDGAR ownership XML (schema X0508): a Form 4, or a 4/A when box 4 gives the
date of the original filing. One draft and no -o: the XML goes to stdout.

A draft is checked first, as "form4 check" does (the nearest .form4rc.json, then --rule). One with
an error, or without what EDGAR needs (the CIKs of the issuer and of each reporting owner, given on
a line "CIK: 0001234567" under box 1 and box 2; a trading symbol; a signature with its date; values
EDGAR can store), is not exported: what is missing is listed on stderr, under the id "export" for
what only EDGAR asks.

Options:
  -o, --output <path>  the file to write (one draft), or the folder (several drafts: each is
                       written as <folder>/<draft name>.xml)
  --force              write the XML even so, listing the problems as warnings
  --rule <id=severity> set a rule's severity, as for form4 check (repeatable)
  -h, --help           show this help

Exit codes: 0 written, 1 a draft refused, 2 usage or I/O failure.`;

const EXIT_OK = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

/** The arguments after `export`, or the one-line reason they are wrong. */
export function parseExportArgs(args: readonly string[]): ExportCommand | string {
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let output: string | undefined;
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : args[++i]);
    switch (flag) {
      case '-o':
      case '--output': {
        const v = value();
        if (!v) return `${flag} needs a file or folder: form4 export draft.form4 -o draft.xml`;
        if (output !== undefined) return `${flag} is given twice`;
        output = v;
        break;
      }
      case '--force':
        force = true;
        break;
      case '--rule': {
        const v = value();
        if (!v) return '--rule needs a value, e.g. --rule late-filing=off';
        const rule = readRuleOption(v);
        if (typeof rule === 'string') return rule;
        rules[rule.id] = rule.severity;
        break;
      }
      case '-h':
      case '--help':
        return { command: 'export', paths: [], output: undefined, force: false, rules: {}, help: true };
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}" for form4 export`;
        paths.push(arg);
    }
  }
  if (paths.length === 0) return 'no drafts given: form4 export <draft.form4 …> [-o FILE|DIR] [--force]';
  return { command: 'export', paths, output, force, rules, help: false };
}

/** The XML's name for a draft: `wilson.form4` and `wilson.form4.md` are `wilson.xml`. */
export function xmlNameFor(draft: string): string {
  const name = basename(draft).replace(/\.form4(?:\.md)?$/i, '').replace(/\.(?:md|txt)$/i, '');
  return `${name === '' ? 'draft' : name}.xml`;
}

export function runExport(command: ExportCommand, io: CliIo): number {
  if (command.help) {
    io.stdout(`${EXPORT_USAGE}\n`);
    return EXIT_OK;
  }
  let drafts: string[];
  try {
    drafts = collectDrafts(command.paths, io.cwd);
  } catch (error) {
    io.stderr(`form4: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  if (drafts.length === 0) {
    io.stderr(`form4: no *.form4 or *.form4.md files in ${command.paths.join(', ')}\n`);
    return EXIT_USAGE;
  }
  const targets = outputsFor(drafts, command.output, io.cwd);
  if (typeof targets === 'string') {
    io.stderr(`form4: ${targets}\n`);
    return EXIT_USAGE;
  }
  const configs = new ConfigFiles();
  let refused = 0;
  for (let i = 0; i < drafts.length; i++) {
    const file = drafts[i] as string;
    const shown = display(io.cwd, file);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      io.stderr(`form4: cannot read "${shown}": ${describe(error)}\n`);
      return EXIT_USAGE;
    }
    const decoded = decodeTextFile(bytes);
    if ('binary' in decoded) {
      io.stderr(`form4: "${shown}" is not a text file: ${decoded.reason}\n`);
      return EXIT_USAGE;
    }
    const config = configs.forFolder(dirname(file));
    if (config && config.problems.length > 0) {
      io.stderr(`form4: ${config.problems[0]}\n`);
      return EXIT_USAGE;
    }
    const rules = mergeSeverities(config?.rules ?? {}, command.rules);
    const parsed = parseDraft(decoded.text);
    const checked = checkDraft(parsed, { rules });
    for (const failure of checked.failures) {
      io.stderr(`form4: internal error in rule ${failure.rule} on ${shown}: ${String((failure.error as Error)?.stack ?? failure.error)}\n`);
    }
    const result = exportChecked(parsed.filing, checked.findings);
    if (isBlocked(result)) {
      const listed = blockingFindings(result, command.force ? 'warning' : 'error');
      io.stderr(formatStylish([{ file: shown, findings: listed }], { color: false, version: io.version, cwd: io.cwd }));
      if (!command.force) {
        refused++;
        io.stderr(`form4: ${shown} was not exported. Fix what is listed, or write it anyway with --force.\n`);
        continue;
      }
    }
    const target = targets[i];
    if (target === undefined) {
      io.stdout(result.xml);
      continue;
    }
    try {
      writeFileSync(target, result.xml, 'utf8');
    } catch (error) {
      io.stderr(`form4: cannot write "${display(io.cwd, target)}": ${describe(error)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`Wrote ${display(io.cwd, target)}\n`);
  }
  return refused > 0 ? EXIT_REFUSED : EXIT_OK;
}

/**
 * Where each draft's XML goes: undefined for stdout. A folder is made when several drafts are
 * written into one that does not exist yet; two drafts of the same name cannot share it.
 */
function outputsFor(drafts: readonly string[], output: string | undefined, cwd: string): (string | undefined)[] | string {
  if (output === undefined) {
    if (drafts.length === 1) return [undefined];
    return `${drafts.length} drafts need a folder to be written to: form4 export <drafts…> -o DIR`;
  }
  const path = resolve(cwd, output);
  const isFolder = existsSync(path) && statSync(path).isDirectory();
  if (drafts.length === 1 && !isFolder && !output.endsWith('/') && !output.endsWith('\\')) {
    if (!existsSync(dirname(path))) return `cannot write "${output}": its folder does not exist`;
    return [path];
  }
  if (!isFolder) {
    if (existsSync(path)) return `"${output}" is a file: several drafts are written into a folder (-o DIR)`;
    try {
      mkdirSync(path, { recursive: true });
    } catch (error) {
      return `cannot make the folder "${output}": ${describe(error)}`;
    }
  }
  const targets = drafts.map((d) => join(path, xmlNameFor(d)));
  const seen = new Map<string, string>();
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as string;
    const earlier = seen.get(target);
    if (earlier !== undefined) return `${display(cwd, earlier)} and ${display(cwd, drafts[i] as string)} would both be written to ${display(cwd, target)}: export them to different folders`;
    seen.set(target, drafts[i] as string);
  }
  return targets;
}

/** Paths print relative to the current folder, as typed (the way `check` prints them). */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel;
}
