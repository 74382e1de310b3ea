/**
 * The language server: a thin layer that takes LSP requests, asks the language service, and
 * converts its answers. Diagnostics are pulled where the client supports it and pushed
 * (debounced) otherwise. Every handler catches its own failures: a bug in one feature is logged,
 * it never takes the server down or touches the user's text.
 */
import {
  type CancellationToken,
  CodeActionKind,
  type CodeAction,
  type Connection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  MarkupKind,
  InsertTextFormat,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  completionsAt,
  definitionAt,
  documentSymbols,
  fixAll,
  foldingRanges,
  formatDraft,
  hoverAt,
  hoverInFiling,
  inlayHints,
  prepareRename,
  quickFixes,
  referencesAt,
  renameFootnote,
  rulesDocumentationMarkdown,
  DOCUMENTATION_URL,
  fromPosition,
  fromRange,
  historyHoverAt,
  type PriorHoldings,
  toRange,
  toPosition,
} from '../service';
import { FilingFiles, isFilingFileName } from '../node/filingFiles';
import { type OpenFiling, pathOf, priorFingerprint, shortHash, WorkspaceHistory } from './history';
import { registerNextDraft } from './nextDraft';
import { registerWorkspaceDiagnostics } from './workspaceDiagnostics';
import { SOURCE, toCompletionKind, toDiagnostic, toDocumentSymbol, toTextEdits } from './convert';
import { CheckRunner } from './checkRunner';
import { DocumentCache, kindOf, WORKER_FROM } from './documents';
import { registerImportXml } from './importXml';
import { DraftStatusNotification, RulesDocumentationRequest } from './protocol';
import { SettingsStore } from './settings';
import { loadSnippets } from './snippets';
import { OPEN_RULE_DOCUMENTATION, ruleActions } from './ruleActions';
import { fileURLToPath } from 'node:url';
import { registerExportXml } from './exportXml';
import { registerPreview } from './preview';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.form4`;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const runner = new CheckRunner();
  let cache = new DocumentCache(runner);
  let settings: SettingsStore | undefined;
  let pullDiagnostics = false;
  let relatedSupport = false;
  let refreshDiagnostics = false;
  let refreshInlayHints = false;
  let snippetSupport = false;
  let canCreateFiles = false;
  let showDocumentSupport = false;
  let workspaceFolders: string[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  const lastStatus = new Map<string, string>();
  /** Which opening of the document this is (for pull result ids). */
  const openings = new Map<string, number>();
  const reportedProblems = new Set<string>();
  // ---- filing histories (history.ts): the workspace's filings, the open ones as edited --------
  const files = new FilingFiles([]);
  let folders: string[] = [];
  /** The client sends file events for the filings (the server registered a watcher). */
  let watching = false;
  let dynamicWatchers = false;
  let folderEvents = false;
  const history = new WorkspaceHistory(files, openFilings, () => watching);
  /** The prior holdings' fingerprint each open document's last check used. */
  const checkedWith = new Map<string, string>();
  const workspaceDiagnostics = registerWorkspaceDiagnostics(connection, {
    history,
    isOpen: (uri) => documents.get(uri) !== undefined,
    settings: async (folder) => {
      const generation = store().generation;
      return { rules: (await store().forFolder(folder)).rules, generation };
    },
    relatedSupport: () => relatedSupport,
    watched: () => watching,
  });

  /** Runs a handler; on a bug, logs it and answers `fallback`. */
  function guard<T>(name: string, fallback: T, work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`form4: ${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    // Pull clients say so in textDocument.diagnostic (LSP 3.18); older pull clients show it anyway.
    const pullRelated = (caps.textDocument?.diagnostic as { relatedInformation?: boolean } | undefined)?.relatedInformation;
    relatedSupport = pullDiagnostics ? pullRelated !== false : caps.textDocument?.publishDiagnostics?.relatedInformation === true;
    refreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
    refreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
    snippetSupport = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    canCreateFiles = caps.workspace?.workspaceEdit?.documentChanges === true && (caps.workspace.workspaceEdit.resourceOperations ?? []).includes('create');
    showDocumentSupport = caps.window?.showDocument?.support === true;
    workspaceFolders = [...(params.workspaceFolders ?? []).map((f) => f.uri), ...(params.rootUri ? [params.rootUri] : [])]
      .filter((u) => u.startsWith('file:'))
      .map((u) => fileURLToPath(u));
    dynamicWatchers = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = caps.workspace?.workspaceFolders === true;
    const given = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    folders = given.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined);
    files.setFolders(folders);
    settings = new SettingsStore(connection, caps.workspace?.configuration === true, params.initializationOptions);
    // From which size (characters) a document is checked in the worker; a negative number: never.
    // Tests and the benchmark set it; editors have no reason to.
    const from = (params.initializationOptions as { checkInWorkerFrom?: unknown } | null | undefined)?.checkInWorkerFrom;
    if (typeof from === 'number') cache = new DocumentCache(from >= 0 ? runner : undefined, from >= 0 ? from : WORKER_FROM);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // A filing's diagnostics depend on the earlier filings of its history (open or not).
        diagnosticProvider: pullDiagnostics ? { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['(', '|'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: { label: 'Form 4' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        inlayHintProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [OPEN_RULE_DOCUMENTATION] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'form4-language-server' },
    };
  });

  function store(): SettingsStore {
    if (!settings) settings = new SettingsStore(connection, false, undefined);
    return settings;
  }

  /**
   * The findings of the document's text as it is when the check runs (after the settings are
   * read), with the version and settings generation they describe: a result is always labelled
   * with what it describes, even when the user typed while the settings were being read.
   */
  async function findingsFor(uri: string, token?: CancellationToken) {
    // The generation of the settings being read, taken before the await: if the settings change
    // while they are read, these findings must be cached under the old generation. Cached under
    // the new one, they would be served for the new settings too (a stale result that stayed
    // until the next edit; seen in the protocol tests).
    const generation = store().generation;
    if (!documents.get(uri)) return undefined; // closed: reading its settings would store them again after forget()
    const s = await store().get(uri);
    reportProblems(s.problems);
    const prior = await priorFor(uri);
    const document = documents.get(uri);
    if (!document) return undefined; // closed meanwhile
    // The document object is updated in place by later edits: its version is taken now, with the text.
    const version = document.version;
    const fingerprint = priorFingerprint(prior);
    checkedWith.set(uri, fingerprint);
    const outcome = await cache.check(document, generation, s.rules, token, { prior, fingerprint });
    return outcome ? { result: outcome.result, holdingsChecked: outcome.holdingsChecked, document, version, generation, fingerprint } : undefined;
  }

  function reportProblems(problems: readonly string[]): void {
    for (const p of problems) {
      if (reportedProblems.has(p)) continue;
      reportedProblems.add(p);
      connection.console.warn(`form4: ${p}`);
      void connection.window.showWarningMessage(`Form 4 settings: ${p}`);
    }
  }

  function sendStatus(uri: string, version: number, findings: readonly { severity: string; rule: string }[], holdingsChecked: number): void {
    const count = (severity: string): number => findings.filter((f) => f.severity === severity).length;
    const status = {
      uri,
      version,
      errors: count('error'),
      warnings: count('warning'),
      information: count('information'),
      hints: count('hint'),
      holdingsChecked,
      clean: findings.length === 0,
    };
    const key = JSON.stringify({ ...status, version: 0 });
    if (lastStatus.get(uri) === key) return;
    lastStatus.set(uri, key);
    void connection.sendNotification(DraftStatusNotification, status);
  }

  async function diagnosticsFor(uri: string, token?: CancellationToken) {
    const checked = await findingsFor(uri, token);
    if (!checked) return undefined;
    const { result, document, version } = checked;
    for (const failure of result.failures) {
      connection.console.error(`form4: rule ${failure.rule} failed on ${uri}: ${(failure.error as Error)?.stack ?? String(failure.error)}`);
    }
    if (kindOf(document)) sendStatus(uri, version, result.findings, checked.holdingsChecked);
    return { ...checked, items: result.findings.map((f) => toDiagnostic(f, uri, relatedSupport)) };
  }

  // ---- diagnostics: pull --------------------------------------------------------------------

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    try {
      const report = await diagnosticsFor(document.uri, token);
      // The client cancelled: RequestCancelled, as LSP asks, not "the draft changed" with a
      // retrigger for a result the client no longer wants (seen in the protocol tests).
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] }; // closed meanwhile
      // The open counts too: a draft closed and opened again starts over at a version it had
      // before, and its old result id must not make new text "unchanged" (seen in the protocol
      // tests). The id names the version and settings the items describe.
      const resultId = `${openings.get(document.uri) ?? 0}.${report.version}:${report.generation}:${shortHash(report.fingerprint)}`;
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: report.items };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`form4: diagnostics failed: ${(error as Error)?.stack ?? String(error)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  // ---- diagnostics: push, debounced ---------------------------------------------------------------

  async function push(uri: string): Promise<void> {
    try {
      const report = await diagnosticsFor(uri);
      if (!report) return;
      // A later change has its own push scheduled; this one still describes the version it names.
      void connection.sendDiagnostics({ uri, version: report.version, diagnostics: report.items });
    } catch (error) {
      connection.console.error(`form4: diagnostics failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  function schedule(uri: string, immediately: boolean): void {
    if (pullDiagnostics) return;
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    if (immediately) {
      timers.delete(uri);
      void push(uri);
      return;
    }
    void store().get(uri).then((s) => {
      const again = timers.get(uri);
      if (again) clearTimeout(again);
      timers.set(uri, setTimeout(() => {
        timers.delete(uri);
        void push(uri);
      }, s.debounceMs));
    });
  }

  // TextDocuments fires onDidChangeContent right after onDidOpen for the same version. The open
  // has already pushed that version at once; scheduling it again would publish the same
  // diagnostics a second time after the delay (seen in the protocol tests).
  let justOpened: { uri: string; version: number } | undefined;
  let openCount = 0;
  documents.onDidOpen((e) => {
    if (joinsHistory(e.document.uri) && kindOf(e.document)) history.invalidate();
    openings.set(e.document.uri, ++openCount);
    justOpened = { uri: e.document.uri, version: e.document.version };
    schedule(e.document.uri, true);
  });
  documents.onDidChangeContent((e) => {
    if (joinsHistory(e.document.uri) && kindOf(e.document)) history.invalidate(e.document.uri);
    const opened = justOpened;
    justOpened = undefined;
    if (opened && opened.uri === e.document.uri && opened.version === e.document.version) return;
    schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    store().forget(e.document.uri);
    lastStatus.delete(e.document.uri);
    openings.delete(e.document.uri);
    // Its file on disk (if any) takes its place in the histories.
    history.forget(e.document.uri);
    if (checkedWith.delete(e.document.uri)) history.invalidate();
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function settingsChanged(pushed?: unknown): void {
    store().invalidate(pushed);
    workspaceDiagnostics.changed();
    reportedProblems.clear();
    if (pullDiagnostics) {
      if (refreshDiagnostics) void connection.languages.diagnostics.refresh();
      // Clients that cannot refresh still get the new status and ask again on the next edit.
      for (const d of documents.all()) void diagnosticsFor(d.uri);
    } else {
      for (const d of documents.all()) schedule(d.uri, true);
    }
    if (refreshInlayHints) void connection.languages.inlayHint.refresh();
  }

  connection.onDidChangeConfiguration((params) => settingsChanged(params.settings ?? undefined));
  connection.onDidChangeWatchedFiles((params) => {
    // Filings go to the histories; anything else (.form4rc.json) may change the settings.
    let settingsFile = false;
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (path && isFilingFileName(path)) {
        history.fileEvent(change.uri, change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed');
      } else {
        settingsFile = true;
      }
    }
    if (settingsFile) settingsChanged();
  });

  connection.onInitialized(() => {
    if (dynamicWatchers) {
      watching = true;
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{form4,xml,txt}' }, { globPattern: '**/*.form4.md' }] })
        .catch((error: unknown) => {
          watching = false;
          connection.console.warn(`form4: the client refused to watch the filings (${String(error)}); the folder is read again at each workspace diagnostics request`);
        });
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => pathOf(f.uri)));
        folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => pathOf(f.uri)).filter((p): p is string => p !== undefined)];
        history.setFolders(folders);
      });
    }
  });

  /**
   * The open documents that join the histories: files, and untitled documents that will be saved
   * to a path ("New Draft from Previous Filing" opens one beside the previous filing). A bare
   * untitled document (an import's draft, a scratch copy) is not a filing of the folder: taken
   * in, a copy of a filing would be checked against the filing itself.
   */
  function openFilings(): OpenFiling[] {
    const open: OpenFiling[] = [];
    for (const d of documents.all()) {
      if (!joinsHistory(d.uri) || !kindOf(d)) continue;
      const { source } = cache.get(d);
      if (source) open.push({ uri: d.uri, source });
    }
    return open;
  }

  function joinsHistory(uri: string): boolean {
    return uri.startsWith('file:') || uri.startsWith('untitled:/');
  }

  /**
   * What the earlier filings of the document's histories reported. The first time, the
   * workspace's filings are being read: the check goes on without them, unless the client cannot
   * be asked to pull again (then it waits), and the documents are checked again once read.
   */
  async function priorFor(uri: string): Promise<PriorHoldings | undefined> {
    if (!joinsHistory(uri)) return undefined;
    try {
      if (!history.warm && (!pullDiagnostics || refreshDiagnostics)) {
        void history.snapshot().catch(() => undefined);
        return undefined;
      }
      const document = documents.get(uri);
      return await history.prior(uri, document ? cache.get(document).source : undefined);
    } catch (error) {
      connection.console.error(`form4: the filing history failed: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
  }

  /** After a history changed: the open filings whose prior holdings changed are checked again. */
  let staleTimer: NodeJS.Timeout | undefined;
  history.onDidChange(() => {
    if (staleTimer) clearTimeout(staleTimer);
    staleTimer = setTimeout(() => void recheckStale(), 200);
  });
  async function recheckStale(): Promise<void> {
    try {
      const open = documents.all().filter((d) => checkedWith.has(d.uri));
      const stale: typeof open = [];
      for (const d of open) if (checkedWith.get(d.uri) !== priorFingerprint(await history.prior(d.uri, cache.get(d).source))) stale.push(d);
      if (stale.length === 0) return;
      if (pullDiagnostics) {
        if (refreshDiagnostics) void connection.languages.diagnostics.refresh();
        for (const d of stale) void diagnosticsFor(d.uri); // the status item's counts
      } else {
        for (const d of stale) schedule(d.uri, true);
      }
      if (refreshInlayHints) void connection.languages.inlayHint.refresh();
    } catch (error) {
      connection.console.error(`form4: re-checking after a history change failed: ${(error as Error)?.stack ?? String(error)}`);
    }
  }

  // ---- features --------------------------------------------------------------------------------

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const prior = await priorFor(document.uri);
    // The findings the editor shows at the cursor shape the hover (hover.ts). The hover never
    // waits for them: not behind a large document's check in the worker (it would be answered
    // after the check), nor for settings still being asked of the client. It uses the finished
    // check of this version, or checks a small document here once its settings are known.
    const version = document.version;
    const checked = kindOf(document) === undefined
      ? undefined
      : cache.finished(document)?.result ??
        (!cache.checksInWorker(document) && store().isSettled(document.uri)
          ? (await findingsFor(document.uri, token).catch(() => undefined))?.result
          : undefined);
    if (documents.get(document.uri) !== document) return null; // closed meanwhile
    return guard('hover', null, () => {
      const { source, analysis } = cache.get(document);
      if (!source || !analysis) return null;
      const at = fromPosition(params.position);
      // Findings of an older version would sit at the wrong cells.
      const findings = document.version === version ? checked?.findings : undefined;
      const hover = source.kind === 'draft' ? hoverAt(source, analysis, at, { findings }) : hoverInFiling(source.filing, analysis, at);
      // The history's part: the figure last reported for the holding, and where.
      const earlier = historyHoverAt(source, analysis, at, prior);
      const contents = [earlier?.contents, hover?.contents].filter((c) => c !== undefined).join('\n\n---\n\n');
      const span = hover?.span ?? earlier?.span;
      return span ? { contents: { kind: MarkupKind.Markdown, value: contents }, range: toRange(span) } : null;
    });
  });

  connection.onCompletion((params) => guard('completion', [], () => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    if (!draft) return [];
    const { parsed, analysis } = draft;
    // Snippets only for clients that insert them (they hold tab stops and $CURRENT_YEAR).
    const snippets = snippetSupport ? loadSnippets((m) => connection.console.warn(m)) : [];
    return completionsAt(parsed, analysis, fromPosition(params.position), { snippets }).map((c) => ({
      label: c.label,
      labelDetails: c.labelDescription ? { description: c.labelDescription } : undefined,
      kind: toCompletionKind(c.kind),
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      textEdit: { range: toRange(c.span), newText: c.insertText },
      insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      sortText: c.sortText,
      filterText: c.label,
    }));
  }));

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      const only = params.context.only;
      // Kinds are hierarchical: "source" and "source.fixAll" ask for "source.fixAll.form4".
      const asks = (kind: string): boolean => only?.some((k) => kind === k || kind.startsWith(`${k}.`)) ?? false;
      const wantsFixAll = asks(FIX_ALL_KIND);
      const wantsQuickFix = !only || asks(CodeActionKind.QuickFix);
      const actions: CodeAction[] = [];
      const s = await store().get(document.uri);
      if (wantsQuickFix) {
        const checked = await findingsFor(document.uri, token);
        for (const fix of quickFixes(checked?.result.findings ?? [], fromRange(params.range))) {
          const start = toRange(fix.finding.span).start;
          const diagnostic = params.context.diagnostics.find(
            (d) => d.code === fix.finding.rule && d.range.start.line === start.line && d.range.start.character === start.character,
          ) ?? toDiagnostic(fix.finding, document.uri, relatedSupport);
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri]: toTextEdits(fix.edits) } },
          });
        }
        // Beside the fixes, for every rule found in the range: its documentation, and turning it off.
        const range = fromRange(params.range);
        const inRange = (checked?.result.findings ?? []).filter((f) => f.span.start <= range.end && f.span.end >= range.start);
        actions.push(...ruleActions(inRange, {
          uri: document.uri,
          workspaceFolders,
          canCreateFiles,
          diagnosticOf: (f) => {
            const start = toRange(f.span).start;
            return params.context.diagnostics.find((d) => d.code === f.rule && d.range.start.line === start.line && d.range.start.character === start.character)
              ?? toDiagnostic(f, document.uri, relatedSupport);
          },
        }));
      }
      if (wantsFixAll) {
        const kind = kindOf(document);
        const { edits, applied } = kind ? fixAll(document.getText(), s.rules, kind) : { edits: [], applied: 0 };
        if (applied > 0) {
          actions.push({ title: `Fix all auto-fixable Form 4 problems (${applied})`, kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: toTextEdits(edits) } } });
        }
      }
      return actions;
    } catch (error) {
      connection.console.error(`form4: code actions failed: ${(error as Error)?.stack ?? String(error)}`);
      return [];
    }
  });

  connection.onDocumentFormatting((params) => guard('formatting', [], () => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    return draft ? toTextEdits(formatDraft(draft.parsed)) : [];
  }));

  connection.onDocumentRangeFormatting((params) => guard('range formatting', [], () => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    return draft ? toTextEdits(formatDraft(draft.parsed, { range: fromRange(params.range) })) : [];
  }));

  connection.onDocumentSymbol(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    // The history's holdings that this filing does not mention are listed in the outline too.
    const prior = await priorFor(document.uri);
    return guard('document symbols', [], () => {
      const draft = cache.draft(document);
      return draft ? documentSymbols(draft.parsed, { prior }).map(toDocumentSymbol) : [];
    });
  });

  connection.onFoldingRanges((params) => guard('folding', [], () => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    return draft ? foldingRanges(draft.parsed) : [];
  }));

  connection.onDefinition((params) => guard('definition', [], () => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    if (!document || !draft) return [];
    const { parsed, analysis } = draft;
    return definitionAt(parsed, analysis, fromPosition(params.position)).map((span) => ({ uri: document.uri, range: toRange(span) }));
  }));

  connection.onReferences((params) => guard('references', [], () => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    if (!document || !draft) return [];
    const { parsed, analysis } = draft;
    return referencesAt(parsed, analysis, fromPosition(params.position), params.context.includeDeclaration).map((span) => ({ uri: document.uri, range: toRange(span) }));
  }));

  connection.onPrepareRename((params) => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    if (!draft) return null;
    const { parsed, analysis } = draft;
    const prepared = guard('prepare rename', undefined, () => prepareRename(parsed, analysis, fromPosition(params.position)));
    if (!prepared) return null;
    // RequestFailed (not 0, which LSP does not define): a valid request that cannot be done.
    if ('error' in prepared) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.error);
    return { range: toRange(prepared.span), placeholder: prepared.placeholder };
  });

  connection.onRenameRequest((params) => {
    const document = documents.get(params.textDocument.uri);
    const draft = document ? cache.draft(document) : undefined;
    if (!document || !draft) return null;
    const { parsed, analysis } = draft;
    const edits = guard('rename', undefined, () => renameFootnote(parsed, analysis, fromPosition(params.position), params.newName));
    if (!edits) return null;
    if ('error' in edits) throw new ResponseError(LSPErrorCodes.RequestFailed, edits.error);
    return { changes: { [document.uri]: toTextEdits(edits) } };
  });

  connection.languages.inlayHint.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const s = await store().get(document.uri);
    const prior = await priorFor(document.uri);
    if (!s.inlayHints || documents.get(document.uri) !== document) return []; // closed meanwhile: cache.get would keep its parse for good
    return guard('inlay hints', [], () => {
      const { source, analysis } = cache.get(document);
      // Drafts only: in XML the hints would stand between a value and its end tag.
      if (source?.kind !== 'draft' || !analysis) return [];
      return inlayHints(source.filing, analysis, fromRange(params.range), prior).map((h) => ({
        position: toPosition(h.position),
        label: h.label,
        paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: h.tooltip },
      }));
    });
  });

  connection.onRequest(RulesDocumentationRequest, () => rulesDocumentationMarkdown());
  connection.onExecuteCommand(async (params) => {
    const url = params.arguments?.[0];
    // Only the rules' own documentation: a command is not a way to open any address.
    if (params.command !== OPEN_RULE_DOCUMENTATION || typeof url !== 'string' || !url.startsWith(`${DOCUMENTATION_URL}#`)) return;
    if (showDocumentSupport) await connection.window.showDocument({ uri: url, external: true });
    else void connection.window.showInformationMessage(`Form 4 rule documentation: ${url}`);
  });
  connection.onShutdown(() => runner.dispose());
  const cached = { check: findingsFor, source: (document: TextDocument) => cache.get(document).source };
  registerExportXml(connection, cached);
  registerPreview(connection, cached);
  registerImportXml(connection, documents, cache);
  registerNextDraft(connection, documents, cache, files, history);

  documents.listen(connection);
  connection.listen();
}
