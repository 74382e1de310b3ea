/** Finding the drafts to check: files given, and *.form4 / *.form4.md files in folders given. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function isDraftName(name: string): boolean {
  return name.endsWith('.form4') || name.endsWith('.form4.md');
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

/**
 * The drafts under `paths` (relative to `cwd`), as absolute paths in a stable order; throws an
 * Error with a one-line message, naming the path as it was given, on I/O failure.
 */
export function collectDrafts(paths: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new Error(`cannot read "${given}": ${describe(error)}`);
    }
    if (stats.isDirectory()) walk(path, found);
    else found.push(path); // A file named explicitly is checked whatever its extension.
  }
  return [...new Set(found)];
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
    } else if (entry.isFile() && isDraftName(entry.name)) {
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
