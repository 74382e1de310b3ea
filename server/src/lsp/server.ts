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
  type Diagnostic,
  DocumentDiagnosticReportKind,
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
  inlayHints,
  prepareRename,
  quickFixes,
  referencesAt,
  renameFootnote,
  rulesDocumentationMarkdown,
} from '../service';
import { SOURCE, toCompletionKind, toDiagnostic, toDocumentSymbol, toTextEdits } from './convert';
import { DraftCache } from './drafts';
import { DraftStatusNotification, RulesDocumentationRequest } from './protocol';
import { SettingsStore } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.form4`;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new DraftCache();
  let settings: SettingsStore | undefined;
  let pullDiagnostics = false;
  let relatedSupport = false;
  let refreshDiagnostics = false;
  let refreshInlayHints = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const lastStatus = new Map<string, string>();
  const reportedProblems = new Set<string>();

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
    relatedSupport = caps.textDocument?.publishDiagnostics?.relatedInformation === true || pullDiagnostics;
    refreshDiagnostics = caps.workspace?.diagnostics?.refreshSupport === true;
    refreshInlayHints = caps.workspace?.inlayHint?.refreshSupport === true;
    settings = new SettingsStore(connection, caps.workspace?.configuration === true, params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        diagnosticProvider: pullDiagnostics ? { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false } : undefined,
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
      },
      serverInfo: { name: 'form4-language-server' },
    };
  });

  function store(): SettingsStore {
    if (!settings) settings = new SettingsStore(connection, false, undefined);
    return settings;
  }

  async function findingsFor(document: TextDocument, token?: CancellationToken) {
    const s = await store().get(document.uri);
    reportProblems(s.problems);
    const current = documents.get(document.uri);
    if (!current || current.version !== document.version) return undefined; // stale
    return cache.check(current, store().generation, s.rules, token ? () => token.isCancellationRequested : undefined);
  }

  function reportProblems(problems: readonly string[]): void {
    for (const p of problems) {
      if (reportedProblems.has(p)) continue;
      reportedProblems.add(p);
      connection.console.warn(`form4: ${p}`);
      void connection.window.showWarningMessage(`Form 4 settings: ${p}`);
    }
  }

  function sendStatus(document: TextDocument, findings: readonly { severity: string; rule: string }[], holdingsChecked: number): void {
    const count = (severity: string): number => findings.filter((f) => f.severity === severity).length;
    const status = {
      uri: document.uri,
      version: document.version,
      errors: count('error'),
      warnings: count('warning'),
      information: count('information'),
      hints: count('hint'),
      holdingsChecked,
      clean: findings.length === 0,
    };
    const key = JSON.stringify({ ...status, version: 0 });
    if (lastStatus.get(document.uri) === key) return;
    lastStatus.set(document.uri, key);
    void connection.sendNotification(DraftStatusNotification, status);
  }

  function holdingsChecked(document: TextDocument): number {
    const { analysis } = cache.get(document);
    let n = 0;
    for (const step of analysis.holdings.steps.values()) if (step.expected !== undefined) n++;
    return n;
  }

  async function diagnosticsFor(document: TextDocument, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const result = await findingsFor(document, token);
    if (!result) return undefined;
    for (const failure of result.failures) {
      connection.console.error(`form4: rule ${failure.rule} failed on ${document.uri}: ${(failure.error as Error)?.stack ?? String(failure.error)}`);
    }
    sendStatus(document, result.findings, holdingsChecked(document));
    return result.findings.map((f) => toDiagnostic(f, document.uri, relatedSupport));
  }

  // ---- diagnostics: pull --------------------------------------------------------------------

  connection.languages.diagnostics.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = `${document.version}:${store().generation}`;
    try {
      const items = await diagnosticsFor(document, token);
      if (token.isCancellationRequested || items === undefined) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The draft changed; diagnostics will be recomputed.', { retriggerRequest: true });
      }
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`form4: diagnostics failed: ${(error as Error)?.stack ?? String(error)}`);
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
  });

  // ---- diagnostics: push, debounced ---------------------------------------------------------------

  async function push(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    try {
      const diagnostics = await diagnosticsFor(document);
      const current = documents.get(uri);
      if (!diagnostics || !current || current.version !== document.version) return; // a newer version is on its way
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
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

  documents.onDidOpen((e) => schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => schedule(e.document.uri, false));
  documents.onDidClose((e) => {
    const pending = timers.get(e.document.uri);
    if (pending) clearTimeout(pending);
    timers.delete(e.document.uri);
    cache.delete(e.document.uri);
    store().forget(e.document.uri);
    lastStatus.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  function settingsChanged(pushed?: unknown): void {
    store().invalidate(pushed);
    reportedProblems.clear();
    if (pullDiagnostics) {
      if (refreshDiagnostics) void connection.languages.diagnostics.refresh();
      // Clients that cannot refresh still get the new status and ask again on the next edit.
      for (const d of documents.all()) void diagnosticsFor(d);
    } else {
      for (const d of documents.all()) schedule(d.uri, true);
    }
    if (refreshInlayHints) void connection.languages.inlayHint.refresh();
  }

  connection.onDidChangeConfiguration((params) => settingsChanged(params.settings ?? undefined));
  connection.onDidChangeWatchedFiles(() => settingsChanged());

  // ---- features --------------------------------------------------------------------------------

  connection.onHover((params) => guard('hover', null, () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, analysis } = cache.get(document);
    const hover = hoverAt(parsed, analysis, params.position);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
  }));

  connection.onCompletion((params) => guard('completion', [], () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { parsed, analysis } = cache.get(document);
    return completionsAt(parsed, analysis, params.position).map((c) => ({
      label: c.label,
      kind: toCompletionKind(c.kind),
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      textEdit: { range: c.range, newText: c.insertText },
      insertTextFormat: InsertTextFormat.PlainText,
      sortText: c.sortText,
      filterText: c.label,
    }));
  }));

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      const only = params.context.only;
      const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) || k === FIX_ALL_KIND) ?? false;
      const wantsQuickFix = !only || only.some((k) => CodeActionKind.QuickFix.startsWith(k));
      const actions: CodeAction[] = [];
      const s = await store().get(document.uri);
      if (wantsQuickFix) {
        const result = await findingsFor(document, token);
        for (const fix of quickFixes(result?.findings ?? [], params.range)) {
          const diagnostic = params.context.diagnostics.find(
            (d) => d.code === fix.finding.rule && d.range.start.line === fix.finding.range.start.line && d.range.start.character === fix.finding.range.start.character,
          ) ?? toDiagnostic(fix.finding, document.uri, relatedSupport);
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred,
            edit: { changes: { [document.uri]: toTextEdits(fix.edits) } },
          });
        }
      }
      if (wantsFixAll) {
        const { edits, applied } = fixAll(document.getText(), s.rules);
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
    return document ? toTextEdits(formatDraft(cache.get(document).parsed)) : [];
  }));

  connection.onDocumentRangeFormatting((params) => guard('range formatting', [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? toTextEdits(formatDraft(cache.get(document).parsed, { range: params.range })) : [];
  }));

  connection.onDocumentSymbol((params) => guard('document symbols', [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? documentSymbols(cache.get(document).parsed).map(toDocumentSymbol) : [];
  }));

  connection.onFoldingRanges((params) => guard('folding', [], () => {
    const document = documents.get(params.textDocument.uri);
    return document ? foldingRanges(cache.get(document).parsed) : [];
  }));

  connection.onDefinition((params) => guard('definition', [], () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { parsed, analysis } = cache.get(document);
    return definitionAt(parsed, analysis, params.position).map((range) => ({ uri: document.uri, range }));
  }));

  connection.onReferences((params) => guard('references', [], () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const { parsed, analysis } = cache.get(document);
    return referencesAt(parsed, analysis, params.position, params.context.includeDeclaration).map((range) => ({ uri: document.uri, range }));
  }));

  connection.onPrepareRename((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, analysis } = cache.get(document);
    const prepared = guard('prepare rename', undefined, () => prepareRename(parsed, analysis, params.position));
    if (!prepared) return null;
    if ('error' in prepared) throw new ResponseError(0, prepared.error);
    return prepared;
  });

  connection.onRenameRequest((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, analysis } = cache.get(document);
    const edits = guard('rename', undefined, () => renameFootnote(parsed, analysis, params.position, params.newName));
    if (!edits) return null;
    if ('error' in edits) throw new ResponseError(0, edits.error);
    return { changes: { [document.uri]: toTextEdits(edits) } };
  });

  connection.languages.inlayHint.on(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const s = await store().get(document.uri);
    if (!s.inlayHints) return [];
    return guard('inlay hints', [], () => {
      const { parsed, analysis } = cache.get(document);
      return inlayHints(parsed, analysis, params.range).map((h) => ({
        position: h.position,
        label: h.label,
        paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: h.tooltip },
      }));
    });
  });

  connection.onRequest(RulesDocumentationRequest, () => rulesDocumentationMarkdown());

  documents.listen(connection);
  connection.listen();
}
