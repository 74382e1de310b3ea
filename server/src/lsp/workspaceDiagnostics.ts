/**
 * Workspace diagnostics (`workspace/diagnostic`, LSP 3.17's pull model): the findings of the
 * workspace's filings that are not open, each checked with the holdings its history reported
 * before it, so that a history that breaks in a closed file shows in the Problems panel. Open
 * documents are left to `textDocument/diagnostic` (the client prefers those reports anyway).
 *
 * The cost stays with what changed:
 * - a file's report is cached under a result id made of its size and modification time, the
 *   settings generation and a hash of its prior holdings; the client hands the ids back, and an
 *   unchanged file costs one comparison;
 * - when every report would be unchanged, the request is held open until something changes (a
 *   file event, an edit in an open filing, the settings) and then answered (long polling: VS
 *   Code's client asks again as soon as it has an answer, every 2 s otherwise). A client that
 *   sends no file events is answered at once, after the files are `stat`ed again;
 * - settings are read per folder, not per file.
 */
import { dirname } from 'node:path';
import {
  type CancellationToken,
  type Connection,
  type Diagnostic,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { checkDocument, type RuleSeverities } from '../service';
import { toDiagnostic } from './convert';
import { pathOf, priorFingerprint, shortHash, type WorkspaceHistory } from './history';

export interface WorkspaceDiagnosticsHost {
  readonly history: WorkspaceHistory;
  /** Whether the editor has the document open (its diagnostics are pulled per document). */
  isOpen(uri: string): boolean;
  /** The rules and settings generation for the files of a folder. */
  settings(folder: string): Promise<{ readonly rules: RuleSeverities; readonly generation: number }>;
  readonly relatedSupport: () => boolean;
  /** Whether file events tell the server about changes on disk (else it answers at once). */
  readonly watched: () => boolean;
}

/** How long a burst of changes (keystrokes) is let settle before a held request is answered. */
const SETTLE_MS = 250;

interface Cached {
  readonly resultId: string;
  readonly items: Diagnostic[];
}

export function registerWorkspaceDiagnostics(connection: Connection, host: WorkspaceDiagnosticsHost): { changed(): void } {
  const reports = new Map<string, Cached>();
  /** A first answer was given: from now on a request with nothing new to report waits. */
  let answered = false;
  const waiting = new Set<() => void>();

  function changed(): void {
    for (const wake of [...waiting]) wake();
  }
  host.history.onDidChange(changed);

  /** Resolves when something changed and settled, or rejects when the request is cancelled. */
  function nextChange(token: CancellationToken): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const wake = (): void => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(done, SETTLE_MS);
      };
      const cancelled = token.onCancellationRequested(() => {
        finish();
        reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.'));
      });
      const finish = (): void => {
        if (timer) clearTimeout(timer);
        waiting.delete(wake);
        cancelled.dispose();
      };
      const done = (): void => {
        finish();
        resolve();
      };
      waiting.add(wake);
    });
  }

  /** `previous`: the client's result ids by file path (the client may spell a URI otherwise than Node does). */
  async function reportsFor(previous: ReadonlyMap<string, { readonly uri: string; readonly value: string }>, token: CancellationToken): Promise<{ items: WorkspaceDocumentDiagnosticReport[]; anyFull: boolean; current: boolean }> {
    const snapshot = await host.history.snapshot(true);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    let anyFull = false;
    const closed = new Set<string>();
    for (const entry of snapshot.entries.values()) {
      if (token.isCancellationRequested) break;
      if (!entry.file || host.isOpen(entry.uri)) continue;
      const known = previous.get(entry.file.path);
      if (known && host.isOpen(known.uri)) continue;
      closed.add(entry.file.path);
      // The client's spelling of the URI, when it has one: its reports are keyed by it.
      const uri = known?.uri ?? entry.uri;
      const settings = await host.settings(dirname(entry.file.path));
      const prior = snapshot.prior(entry.uri);
      const resultId = `${SESSION}.${entry.file.serial}.${entry.file.mtimeMs}.${entry.file.size}:${settings.generation}:${shortHash(priorFingerprint(prior))}`;
      if (known?.value === resultId) {
        items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
        continue;
      }
      let cached = reports.get(entry.file.path);
      if (cached?.resultId !== resultId) {
        const result = checkDocument(entry.source, { rules: settings.rules, history: prior });
        for (const failure of result.failures) {
          connection.console.error(`form4: rule ${failure.rule} failed on ${entry.uri}: ${(failure.error as Error)?.stack ?? String(failure.error)}`);
        }
        cached = { resultId, items: result.findings.map((f) => toDiagnostic(f, entry.uri, host.relatedSupport())) };
        reports.set(entry.file.path, cached);
      }
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: cached.items });
      anyFull = true;
    }
    // A file reported before that is gone (deleted, no longer a filing): an empty report clears
    // what the client shows for it, once.
    for (const [path, { uri, value }] of previous) {
      if (closed.has(path) || value === GONE || host.isOpen(uri)) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: GONE, items: [] });
      anyFull = true;
    }
    for (const path of [...reports.keys()]) if (!closed.has(path)) reports.delete(path);
    return { items, anyFull, current: snapshot.version === host.history.currentVersion };
  }

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    try {
      const previous = new Map<string, { uri: string; value: string }>();
      for (const p of params.previousResultIds) {
        const path = pathOf(p.uri);
        if (path) previous.set(path, p);
      }
      for (;;) {
        const { items, anyFull, current } = await reportsFor(previous, token);
        if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
        // Something changed while the reports were made: make them again (its wake-up came before this waited).
        if (!anyFull && !current) continue;
        // Nothing new since the last answer: wait for a change rather than answer the same.
        if (!anyFull && answered && host.watched()) {
          await nextChange(token);
          continue;
        }
        answered = true;
        return { items };
      }
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`form4: workspace diagnostics failed: ${(error as Error)?.stack ?? String(error)}`);
      return { items: [] };
    }
  });

  return { changed };
}

/** Result ids of one server process: a later process's files read again are not "unchanged". */
const SESSION = Date.now().toString(36);

/** The result id of the empty report that cleared a file that is gone. */
const GONE = 'gone';
