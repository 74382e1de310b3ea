/**
 * Finding the sources to check: files given, and in folders given the drafts (*.form4,
 * *.form4.md) and the EDGAR filings (*.xml, *.txt: kept only when they hold an ownership
 * document, which the caller decides once it has read them).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function isDraftName(name: string): boolean {
  return name.endsWith('.form4') || name.endsWith('.form4.md');
}

/** A file that may be an EDGAR ownership filing: a bare XML document, or a full-submission text. */
export function isFilingName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.xml') || lower.endsWith('.txt');
}

export interface SourceFile {
  readonly path: string;
  /** Found in a folder, not named: skipped silently when it turns out not to be a Form 4 source. */
  readonly found: boolean;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

/**
 * The drafts under `paths` (relative to `cwd`), as absolute paths in a stable order; throws an
 * Error with a one-line message, naming the path as it was given, on I/O failure.
 */
export function collectSources(paths: readonly string[], cwd: string): SourceFile[] {
  const found: SourceFile[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new Error(`cannot read "${given}": ${describe(error)}`);
    }
    const add = (file: string, inFolder: boolean): void => {
      if (seen.has(file)) return;
      seen.add(file);
      found.push({ path: file, found: inFolder });
    };
    if (stats.isDirectory()) {
      const inFolder: string[] = [];
      walk(path, inFolder);
      for (const file of inFolder) add(file, true);
    } else {
      add(path, false); // A file named explicitly is checked whatever its extension.
    }
  }
  return found;
}

/** The drafts and possible filings under `paths`, as absolute paths in a stable order. */
export function collectDrafts(paths: readonly string[], cwd: string): string[] {
  return collectSources(paths, cwd).map((s) => s.path);
}

function walk(folder: string, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new Error(`cannot read folder "${folder}": ${describe(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, found);
    } else if (entry.isFile() && (isDraftName(entry.name) || isFilingName(entry.name))) {
      found.push(path);
    }
  }
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
