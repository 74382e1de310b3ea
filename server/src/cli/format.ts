/**
 * `form4 format [--check] <files or folders…>`: the editor's formatter (`formatDraft`) on drafts,
 * in place, the way `prettier --write` and `prettier --check` work. Folders are searched as
 * `check` searches them. EDGAR XML is not formatted (the formatter knows drafts only): it is
 * skipped with a note. A file is written back in the encoding it was read in.
 *
 * Exit codes: 0 every draft formatted (or, with `--check`, already formatted); 1 with `--check`,
 * a draft that is not; 2 usage or I/O failure, or a file that cannot be formatted (not text,
 * or bytes that writing it back would lose).
 */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { encodeTextFile } from '../node/textFile';
import { applyEdits, count, formatDraft, grouped, parseDraft } from '../service';
import type { FormatCommand } from './args';
import { collectSources, describe, type SourceFile } from './files';
import type { CliIo } from './run';
import { type ReadSource, readSource } from './sources';

const OK = 0;
const UNFORMATTED = 1;
const FAILURE = 2;

export function runFormat(command: FormatCommand, io: CliIo): number {
  let sources: SourceFile[];
  try {
    sources = collectSources(command.paths, io.cwd);
  } catch (error) {
    io.stderr(`form4: ${(error as Error).message}\n`);
    return FAILURE;
  }
  let drafts = 0;
  let failed = false;
  const unformatted: string[] = [];
  for (const source of sources) {
    const shown = display(io.cwd, source.path);
    let read: ReadSource;
    try {
      read = readSource(source);
    } catch (error) {
      io.stderr(`form4: cannot read "${shown}": ${describe(error)}\n`);
      return FAILURE;
    }
    if (read.kind === 'skip') continue;
    if (read.kind === 'xml') {
      io.stderr(`form4: ${shown} is skipped: it is EDGAR XML, and only drafts are formatted\n`);
      continue;
    }
    if (read.kind === 'binary') {
      io.stderr(`form4: ${shown} is not formatted: it is not a text file (${read.reason})\n`);
      failed = true;
      continue;
    }
    drafts++;
    const formatted = applyEdits(read.text, formatDraft(parseDraft(read.text)));
    if (formatted === read.text) continue;
    unformatted.push(shown);
    if (command.check) {
      io.stdout(`${shown}\n`);
      continue;
    }
    if (read.decoded.replacements > 0) {
      io.stderr(`form4: ${shown} is not formatted: it has bytes that are not ${read.decoded.encoding.toUpperCase()}, which writing it back would lose\n`);
      failed = true;
      continue;
    }
    try {
      writeFileSync(source.path, encodeTextFile(formatted, read.decoded.encoding, read.decoded.bom));
    } catch (error) {
      io.stderr(`form4: cannot write "${shown}": ${describe(error)}\n`);
      return FAILURE;
    }
    io.stdout(`Formatted ${shown}\n`);
  }
  if (drafts === 0 && !failed) {
    io.stderr(`form4: no drafts (*.form4, *.form4.md) to format in ${command.paths.join(', ')}\n`);
    return FAILURE;
  }
  if (command.check) {
    io.stderr(`${checkSummary(unformatted.length, drafts)}\n`);
    return failed ? FAILURE : unformatted.length > 0 ? UNFORMATTED : OK;
  }
  io.stderr(`${unformatted.length === 0 ? 'Nothing to format' : `Formatted ${count(unformatted.length, 'draft')}`} (${count(drafts, 'draft')} read).\n`);
  return failed ? FAILURE : OK;
}

/** "All 3 drafts are formatted.", "1 of 3 drafts is not formatted: run …". */
function checkSummary(unformatted: number, drafts: number): string {
  if (unformatted === 0) return drafts === 1 ? 'The draft is formatted.' : `All ${count(drafts, 'draft')} are formatted.`;
  const which = drafts === 1 ? 'The draft is' : `${grouped(unformatted)} of ${count(drafts, 'draft')} ${unformatted === 1 ? 'is' : 'are'}`;
  return `${which} not formatted: run "form4 format" to format ${unformatted === 1 ? 'it' : 'them'}.`;
}

/** Paths print relative to the current folder, as typed (the way `check` prints them). */
function display(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel;
}
