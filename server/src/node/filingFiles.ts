/**
 * The filings in a set of folders, for the language server's filing histories: drafts
 * (`*.form4`, `*.form4.md`), EDGAR ownership XML (`*.xml` whose root is ownershipDocument) and
 * full-submission `*.txt` files. Reading costs what changed, not what is there:
 *
 * - the folders are walked once (asynchronously, so the server keeps answering), skipping
 *   `node_modules`, `.git` and `.vscode-test`, and no further than `maxFiles` candidate names;
 *   file events add and remove names afterwards (`added`, `removed`);
 * - a file is read when first asked for, and read again only when its size or modification time
 *   changed (`stat` each time it is asked for, unless the caller says the file is unchanged);
 * - an `.xml` or `.txt` file is first read for its first 64 KB only (what `sniffOwnership` looks
 *   at): a log or an unrelated XML file costs one small read, once per modification;
 * - a file over `maxBytes` is not read at all.
 *
 * Never throws: a file that cannot be read counts as no filing.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, sep } from 'node:path';
import { parseSource, type SourceDocument, sniffOwnership } from '../service';
import { decodeTextFile } from './textFile';

/** Candidate names beyond this many are not read (a workspace that is a whole disk). */
export const MAX_FILES = 2000;
/** A filing is a few kilobytes; a full submission with exhibits may be a few megabytes. */
export const MAX_BYTES = 16 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;
let readings = 0;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

export function isDraftFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.form4') || lower.endsWith('.form4.md');
}

/** A name that may hold a filing: a draft, an XML document or a full-submission text. */
export function isFilingFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return isDraftFileName(lower) || lower.endsWith('.xml') || lower.endsWith('.txt');
}

/** One file, as last read. */
export interface FilingFile {
  readonly path: string;
  /** Size and modification time when it was read: the cache key. */
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * Which reading this is (a counter for the process's life): a file rewritten within the
   * clock's resolution at the same size is still told apart, once a file event said it changed.
   */
  readonly serial: number;
  /** Its parse, or undefined when it holds no filing (not a Form 4 source, binary, too large). */
  readonly source: SourceDocument | undefined;
}

export interface FilingFilesOptions {
  readonly maxFiles?: number;
  readonly maxBytes?: number;
}

export class FilingFiles {
  private readonly maxFiles: number;
  private readonly maxBytes: number;
  private names: Set<string> | undefined;
  private walking: Promise<Set<string>> | undefined;
  private readonly files = new Map<string, FilingFile>();
  /** Names past the bound, found by the last walk (for the log). */
  skipped = 0;

  constructor(
    private folders: readonly string[],
    options: FilingFilesOptions = {},
  ) {
    this.maxFiles = options.maxFiles ?? MAX_FILES;
    this.maxBytes = options.maxBytes ?? MAX_BYTES;
  }

  /** The folders changed: walk again when next asked. */
  setFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.walkAgain();
  }

  /** Look for files again when next asked (for a client that sends no file events). */
  walkAgain(): void {
    this.names = undefined;
    this.walking = undefined;
  }

  /** The candidate files under the folders, in a stable order (walked once). */
  async paths(): Promise<string[]> {
    if (!this.names) {
      const walking = (this.walking ??= this.walk());
      const names = await walking;
      if (this.walking === walking) {
        this.names = names;
        this.walking = undefined;
      }
      return [...names].sort();
    }
    return [...this.names].sort();
  }

  /** A file was created (or may have been): it is a candidate from now on. */
  added(path: string): void {
    if (!isFilingFileName(basename(path)) || !this.inFolders(path)) return;
    if (this.names && this.names.size < this.maxFiles) this.names.add(path);
    this.files.delete(path);
  }

  /** A file was deleted, or a folder with everything in it. */
  removed(path: string): void {
    const inside = path.endsWith(sep) ? path : `${path}${sep}`;
    for (const name of [...(this.names ?? [])]) if (name === path || name.startsWith(inside)) this.names?.delete(name);
    for (const name of [...this.files.keys()]) if (name === path || name.startsWith(inside)) this.files.delete(name);
  }

  /** A file changed: read it again when next asked, whatever its time stamp says. */
  changed(path: string): void {
    this.files.delete(path);
  }

  /**
   * The file as it is now. `trusted`: the caller knows it has not changed since it was last read
   * (file events say so), and the cached reading is returned without a `stat`.
   */
  async read(path: string, trusted = false): Promise<FilingFile | undefined> {
    const known = this.files.get(path);
    if (known && trusted) return known;
    let info;
    try {
      info = await stat(path);
    } catch {
      this.files.delete(path);
      return undefined;
    }
    if (!info.isFile()) return undefined;
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known;
    const file: FilingFile = { path, size: info.size, mtimeMs: info.mtimeMs, serial: ++readings, source: await this.parse(path, info.size) };
    this.files.set(path, file);
    return file;
  }

  private async parse(path: string, size: number): Promise<SourceDocument | undefined> {
    if (size > this.maxBytes) return undefined;
    const draft = isDraftFileName(path);
    try {
      if (!draft && size > SNIFF_BYTES && !sniffOwnership(await head(path))) return undefined;
      const decoded = decodeTextFile(await readFile(path));
      if ('binary' in decoded) return undefined;
      if (draft) return parseSource('draft', decoded.text);
      return sniffOwnership(decoded.text) ? parseSource('xml', decoded.text) : undefined;
    } catch {
      return undefined;
    }
  }

  private inFolders(path: string): boolean {
    return this.folders.some((f) => path === f || path.startsWith(f.endsWith(sep) ? f : `${f}${sep}`));
  }

  private async walk(): Promise<Set<string>> {
    const found = new Set<string>();
    this.skipped = 0;
    const pending = [...this.folders];
    while (pending.length > 0) {
      const folder = pending.shift() as string;
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(path);
        } else if (entry.isFile() && isFilingFileName(entry.name)) {
          if (found.size < this.maxFiles) found.add(path);
          else this.skipped++;
        }
      }
    }
    return found;
  }
}

/** The first 64 KB of a file, decoded (enough for `sniffOwnership`). */
async function head(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const decoded = decodeTextFile(buffer.subarray(0, bytesRead));
    return 'binary' in decoded ? '' : decoded.text;
  } finally {
    await handle.close();
  }
}
