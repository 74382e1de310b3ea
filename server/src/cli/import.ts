/**
 * `form4 import <filing.xml|.txt …> [-o FILE|DIR]`: EDGAR ownership XML (a bare XML file, or an
 * EDGAR full-submission `.txt`) written as drafts that hold every fact of the filing. One filing
 * goes to stdout, or to FILE; several need `-o DIR` and are each written as
 * `DIR/<base name>.form4`. Each fact a draft does not carry is printed on stderr as a note.
 *
 * Exit codes as `form4 check`: 0 every filing imported; 1 a file holds no Form 4 ownership
 * document (it is skipped with a one-line message, the others are still imported); 2 usage or
 * I/O failure.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { type DraftNote, importOwnershipXml, toRange } from '../service';
import { describe } from './files';
import type { CliIo } from './run';
import { readSource } from './sources';

export interface ImportCommand {
  readonly command: 'import';
  readonly paths: readonly string[];
  /** `-o`: a file (one filing), or a folder (any number). */
  readonly output: string | undefined;
}

export const IMPORT_USAGE = 'form4 import <filing.xml|.txt …> [-o FILE|DIR]';

/** The paragraph of `form4 --help` about the import. */
export const IMPORT_HELP = `Import writes each EDGAR filing as a draft that holds every fact of it: one filing to
stdout or to -o FILE, several to -o DIR, each as DIR/<base name>.form4. What a draft does not
carry is printed on stderr as a note.`;

const OK = 0;
const REFUSED = 1;
const USAGE = 2;

/** Parses the arguments after `import`, or returns the one-line reason they are wrong. */
export function parseImportArgs(args: readonly string[]): ImportCommand | { readonly command: 'help' } | string {
  const paths: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-h' || arg === '--help') return { command: 'help' };
    if (arg === '-o' || arg === '--output' || arg.startsWith('--output=')) {
      const value = arg.startsWith('--output=') ? arg.slice('--output='.length) : args[++i];
      if (value === undefined || value === '') return `${arg.split('=')[0]} needs a file or a folder: ${IMPORT_USAGE}`;
      if (output !== undefined) return '-o is given twice';
      output = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option "${arg}" for form4 import`;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) return `no filings given: ${IMPORT_USAGE}`;
  if (paths.length > 1 && output === undefined) return `${paths.length} filings need -o DIR, a folder to write each draft in: ${IMPORT_USAGE}`;
  return { command: 'import', paths, output };
}

/** `DIR/<base name>.form4`: `0000320193-22-000061.txt` becomes `0000320193-22-000061.form4`. */
export function draftName(path: string): string {
  const name = basename(path);
  const ext = extname(name);
  return `${ext === '' || ext === name ? name : name.slice(0, -ext.length)}.form4`;
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

function noteLine(file: string, note: DraftNote): string {
  if (!note.span) return `${file}  note  ${note.message}\n`;
  const start = toRange(note.span).start;
  return `${file}:${start.line + 1}:${start.character + 1}  note  ${note.message}\n`;
}

export function runImport(command: ImportCommand, io: CliIo): number {
  const inputs = command.paths.map((p) => resolve(io.cwd, p));
  const out = command.output === undefined ? undefined : resolve(io.cwd, command.output);
  // A folder: the one given exists as a folder, ends with a slash, or several filings go in it.
  const intoFolder = out !== undefined && (inputs.length > 1 || isFolder(out) || /[\\/]$/.test(command.output ?? ''));
  const targets = inputs.map((input) => (out === undefined ? undefined : intoFolder ? join(out, draftName(input)) : out));
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
      io.stderr(`form4: ${shown} is not imported: it is not a text file (${read.reason})\n`);
      exit = REFUSED;
      continue;
    }
    const result = importOwnershipXml(read.text);
    if (result.kind === 'refused') {
      io.stderr(`form4: ${shown} is not imported: ${result.reason}\n`);
      exit = REFUSED;
      continue;
    }
    for (const note of result.notes) io.stderr(noteLine(shown, note));
    const target = targets[i];
    if (target === undefined) {
      io.stdout(result.draft);
      continue;
    }
    try {
      writeFileSync(target, result.draft, 'utf8');
    } catch (error) {
      io.stderr(`form4: cannot write "${display(io.cwd, target)}": ${describe(error)}\n`);
      return USAGE;
    }
    io.stderr(`form4: ${shown} → ${display(io.cwd, target)}${result.notes.length > 0 ? ` (${result.notes.length} note${result.notes.length === 1 ? '' : 's'})` : ''}\n`);
  }
  return exit;
}
