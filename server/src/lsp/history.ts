/**
 * The workspace's filing histories, for the language server: the filings of its folders read
 * from disk (`node/filingFiles.ts`), the open documents in place of their files (the editor's
 * text is the truth, saved or not, and an untitled draft joins its history too), and the
 * histories the service builds over them (`buildHistories`). A snapshot is made when someone
 * asks (a check, a hover, a workspace pull) and kept until something changes: a file event, a
 * document opened, edited or closed, the workspace folders.
 *
 * A keystroke costs one `buildHistories` over filings already read: the files on disk are read
 * once and again only when a file event names them (or, for a client that sends no file events,
 * when it asks for workspace diagnostics: then every file is `stat`ed).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  buildHistories,
  earliestDate,
  type FilingHistory,
  filingDate,
  nameKey,
  reportsOf,
  type HistoryFiling,
  historyFiling,
  type PriorHoldings,
  priorHoldingsFor,
  type SourceDocument,
} from '../service';
import type { FilingFile, FilingFiles } from '../node/filingFiles';

/** One filing of the snapshot: an open document's parse, or a closed file's. */
export interface HistoryEntry {
  readonly uri: string;
  readonly source: SourceDocument;
  readonly filing: HistoryFiling;
  /** The file as read from disk; undefined for an open document. */
  readonly file: FilingFile | undefined;
}

export interface HistorySnapshot {
  readonly version: number;
  readonly histories: readonly FilingHistory[];
  /** Every filing of the snapshot, by uri. */
  readonly entries: ReadonlyMap<string, HistoryEntry>;
  /** What the earlier filings of its histories reported, for a filing of the snapshot. */
  prior(uri: string): PriorHoldings | undefined;
}

/** An open document that is a Form 4 source, with its current parse. */
export interface OpenFiling {
  readonly uri: string;
  readonly source: SourceDocument;
}

/** How many files are read at once. */
const CONCURRENCY = 16;

export class WorkspaceHistory {
  private version = 0;
  private made: { version: number; snapshot: Promise<HistorySnapshot> } | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly ownChanges = new Map<string, number>();
  private readonly priors = new Map<string, { readonly stamp: number; readonly key: string; readonly prior: PriorHoldings | undefined }>();
  /** The files on disk have been read once: a snapshot costs little from now on. */
  warm = false;

  /**
   * `openFilings`: the open documents that are Form 4 sources, read when a snapshot is made.
   * `watched`: whether file events tell about every change on disk (else files are `stat`ed
   * when `snapshot(true)` is asked for).
   */
  constructor(
    private readonly files: FilingFiles,
    private readonly openFilings: () => readonly OpenFiling[],
    private readonly watched: () => boolean,
  ) {}

  /** Bumped at every change: a snapshot of an older version is out of date. */
  get currentVersion(): number {
    return this.version;
  }

  /**
   * Something a history depends on changed: the next snapshot is made again. `by`: the open
   * document whose edit it is (its own prior holdings do not depend on its own rows).
   */
  invalidate(by?: string): void {
    this.version++;
    if (by !== undefined) this.ownChanges.set(by, (this.ownChanges.get(by) ?? 0) + 1);
    this.emit();
  }

  /**
   * The holdings before a filing. A keystroke in a filing changes what the filings after it see,
   * not what came before it: while nothing else changed and the filing keeps its people, form and
   * dates, its prior holdings are those computed at the previous keystroke, without a snapshot.
   */
  async prior(uri: string, source: SourceDocument | undefined): Promise<PriorHoldings | undefined> {
    const stamp = this.version - (this.ownChanges.get(uri) ?? 0);
    const key = source ? placeKey(source) : '';
    const known = this.priors.get(uri);
    if (known && known.stamp === stamp && known.key === key) return known.prior;
    const prior = (await this.snapshot()).prior(uri);
    this.priors.set(uri, { stamp, key, prior });
    return prior;
  }

  /** The document was closed: its cached prior holdings go. */
  forget(uri: string): void {
    this.priors.delete(uri);
    this.ownChanges.delete(uri);
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** A file event from the client. */
  fileEvent(uri: string, type: 'created' | 'changed' | 'deleted'): void {
    const path = pathOf(uri);
    if (!path) return;
    if (type === 'created') this.files.added(path);
    else if (type === 'changed') this.files.changed(path);
    else this.files.removed(path);
    this.invalidate();
  }

  setFolders(folders: readonly string[]): void {
    this.files.setFolders(folders);
    this.invalidate();
  }

  /**
   * The histories as they are now. `fromDisk`: look at the disk again (walk and `stat`) when file
   * events do not tell about changes; a keystroke's check does not ask for it.
   */
  async snapshot(fromDisk = false): Promise<HistorySnapshot> {
    if (fromDisk && !this.watched()) {
      const previous = this.made?.version === this.version ? await this.made.snapshot : undefined;
      this.files.walkAgain();
      const fresh = await this.make(false);
      if (previous && previous.version === this.version && sameFiles(previous, fresh)) return previous;
      this.invalidate();
      const snapshot = { ...fresh, version: this.version };
      this.made = { version: this.version, snapshot: Promise.resolve(snapshot) };
      return snapshot;
    }
    if (this.made?.version === this.version) return this.made.snapshot;
    const version = this.version;
    const made = {
      version,
      snapshot: this.make(this.watched()).then((s) => {
        if (!this.warm) {
          this.warm = true;
          // Whoever went on without the histories checks again now.
          this.emit();
        }
        return { ...s, version };
      }),
    };
    this.made = made;
    return made.snapshot;
  }

  /** `trusted`: a file read before is taken as it was read, without a `stat`. */
  private async make(trusted: boolean): Promise<Omit<HistorySnapshot, 'version'>> {
    const paths = await this.files.paths();
    const read = await mapLimit(paths, CONCURRENCY, (path) => this.files.read(path, trusted));
    // Taken after the reads: the open documents as they are when the histories are built.
    const open = this.openFilings();
    const openPaths = new Set<string>();
    for (const o of open) {
      const path = pathOf(o.uri);
      if (path) openPaths.add(path);
    }
    const entries = new Map<string, HistoryEntry>();
    for (const o of open) {
      const filing = historyFiling(o.uri, o.source);
      if (filing) entries.set(o.uri, { uri: o.uri, source: o.source, filing, file: undefined });
    }
    for (const file of read) {
      if (!file?.source || openPaths.has(file.path)) continue;
      const uri = pathToFileURL(file.path).href;
      const filing = historyFiling(uri, file.source);
      if (filing) entries.set(uri, { uri, source: file.source, filing, file });
    }
    // The same filing twice (the draft written and the XML downloaded once it was filed, a copy)
    // is one filing of its history: taken twice, each copy would be checked against the other.
    // One stands for both, the EDGAR XML rather than a draft, then the first by uri.
    const kept = new Map<string, HistoryFiling>();
    const twins = new Map<string, string>();
    const ordered = [...entries.values()].map((e) => e.filing).sort((a, b) => preference(a) - preference(b) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    for (const filing of ordered) {
      const identity = identityOf(filing);
      const twin = kept.get(identity);
      if (twin) twins.set(filing.uri, twin.uri);
      else kept.set(identity, filing);
    }
    const histories = buildHistories([...kept.values()]);
    const priors = new Map<string, PriorHoldings | undefined>();
    return {
      histories,
      entries,
      prior(uri) {
        // Filings of the same days are not each other's previous one: holdingsBefore sees to it.
        if (!priors.has(uri)) priors.set(uri, entries.has(uri) ? priorHoldingsFor(histories, twins.get(uri) ?? uri) : undefined);
        return priors.get(uri);
      },
    };
  }
}

/** What of a filing its own prior holdings depend on: who, which form, which dates. */
function placeKey(source: SourceDocument): string {
  const f = source.filing;
  const date = (d: { year: number; month: number; day: number } | undefined): string => (d ? isoDate(d) : '');
  return JSON.stringify([
    f.documentType,
    source.kind === 'xml' ? (source.formType ?? '') : '',
    date(earliestDate(f)),
    date(filingDate(f)),
    date(f.periodOfReport?.value),
    date(f.dateOfOriginalSubmission?.value),
    f.reportingOwners.map((o) => [o.name.value ?? '', o.cik.value ?? '']),
    [f.issuer?.name.value ?? '', f.issuer?.cik.value ?? '', f.issuer?.tradingSymbol.value ?? ''],
  ]);
}

/** EDGAR's record first: of two copies of one filing, the XML is the one filed. */
function preference(filing: HistoryFiling): number {
  return filing.uri.toLowerCase().endsWith('.xml') || filing.uri.toLowerCase().endsWith('.txt') ? 0 : 1;
}

/** What makes two files the same filing: its form, dates, people and every figure it reports. Cached per model. */
const identities = new WeakMap<object, string>();
function identityOf(filing: HistoryFiling): string {
  let identity = identities.get(filing.filing);
  if (identity === undefined) {
    const f = filing.filing;
    const date = (d: { year: number; month: number; day: number } | undefined): string => (d ? isoDate(d) : '');
    identity = JSON.stringify([
      filing.formType,
      date(earliestDate(f)),
      date(filingDate(f)),
      // Names, not CIKs: a draft may not give the CIKs its XML has.
      f.reportingOwners.map((o) => nameKey(o.name.value) ?? ''),
      nameKey(f.issuer?.name.value) ?? '',
      reportsOf(filing).map((r) => `${r.key}\u0001${r.amount.toFixed()}\u0001${isoDate(r.asOf)}`),
    ]);
    identities.set(f, identity);
  }
  return identity;
}

function sameFiles(a: Omit<HistorySnapshot, 'version'>, b: Omit<HistorySnapshot, 'version'>): boolean {
  if (a.entries.size !== b.entries.size) return false;
  for (const [uri, entry] of a.entries) {
    const other = b.entries.get(uri);
    if (!other || other.file !== entry.file || (entry.file === undefined && other.source !== entry.source)) return false;
  }
  return true;
}

/**
 * What a check's findings depend on in the prior holdings, as a string: two checks of one text
 * with equal fingerprints have equal findings. Empty for no history.
 */
export function priorFingerprint(prior: PriorHoldings | undefined): string {
  if (!prior || (prior.holdings.size === 0 && prior.earlierFilings === 0)) return '';
  const parts: string[] = [String(prior.earlierFilings), prior.form5Periods.map(isoDate).join(',')];
  for (const key of [...prior.holdings.keys()].sort()) {
    const h = prior.holdings.get(key);
    if (!h) continue;
    parts.push(key, h.amount.toFixed(), isoDate(h.asOf), h.from.uri, `${h.from.span.start}-${h.from.span.end}`, h.from.formType, h.from.date ? isoDate(h.from.date) : '');
  }
  return parts.join('\u0001');
}

/** A short stable hash of a string (FNV-1a, 32 bits), for result ids. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

function isoDate(d: { readonly year: number; readonly month: number; readonly day: number }): string {
  return `${d.year}-${d.month}-${d.day}`;
}

/** The file system path of a `file:` URI; undefined for any other. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
