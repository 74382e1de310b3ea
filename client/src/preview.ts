/**
 * "Form 4: Open Preview" and "Form 4: Open Preview to the Side": one webview panel that shows the
 * form as EDGAR renders it, for the Form 4 document in front. The language server renders the page
 * (`form4/preview`, from its parse and check of the version in the editor, findings marked); this
 * only shows it, keeps it current and answers its clicks:
 *
 * - it follows the active editor: another draft or EDGAR XML file brought to the front is shown;
 * - it updates as the user types, 150 ms after the last keystroke, and a slow answer for an older
 *   version never replaces a newer page (`NewestWins`);
 * - an update goes to the page as a message, and media/preview.js swaps the content in place (the
 *   scroll position stays); a page loaded anew (the first, or after the panel was hidden) gets
 *   its scroll position back from the webview's state;
 * - a click on a value posts `{ type: 'reveal', span }`, and the range is revealed and selected in
 *   the source editor, in the column it is shown in.
 *
 * The webview may load only from the extension's `media` folder, and the page's Content Security
 * Policy (the renderer's) allows only media/preview.js, by its nonce.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewRequest } from '../../server/src/lsp/protocol';
import { Debounce, isPreviewable, NewestWins, panelTitle, parseWebviewMessage, PREVIEW_VIEW_TYPE, type SpanRange, trimSpan, type UpdateMessage } from './previewModel';

export function registerPreview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): vscode.Disposable {
  const preview = new FormPreview(context.extensionUri, client);
  return vscode.Disposable.from(
    preview,
    vscode.commands.registerCommand('form4.openPreview', (resource?: vscode.Uri) => preview.open(resource, false)),
    vscode.commands.registerCommand('form4.openPreviewToSide', (resource?: vscode.Uri) => preview.open(resource, true)),
    vscode.commands.registerCommand('form4.showPreviewSource', () => preview.showSource()),
  );
}

function canPreview(document: vscode.TextDocument): boolean {
  return isPreviewable(document.languageId, document.uri.path);
}

class FormPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The document the page shows (or is about to show). */
  private source: vscode.TextDocument | undefined;
  /** The column the source was last seen in, to reveal it there when no editor shows it. */
  private sourceColumn: vscode.ViewColumn | undefined;
  private readonly debounce = new Debounce();
  private readonly newest = new NewestWins();
  private inFlight: vscode.CancellationTokenSource | undefined;
  private readonly listeners: vscode.Disposable[];
  private readonly media: vscode.Uri;
  /** The newest page, and the one last loaded as the webview's document (VS Code reloads that one when a hidden webview is shown). */
  private latest = '';
  private loaded = '';
  /** The page loaded has said it listens for updates (and has not been unloaded since). */
  private listening = false;

  constructor(
    extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'media');
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeTextEditorViewColumn((e) => {
        if (this.isSource(e.textEditor.document)) this.sourceColumn = e.viewColumn;
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.isSource(document)) this.newest.forget();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.isSource(e.document) && e.contentChanges.length > 0) this.debounce.schedule(() => void this.update(e.document));
      }),
    ];
  }

  async open(resource: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    // The editor title menu passes the resource; the command palette and the keys pass nothing.
    const editor = vscode.window.activeTextEditor;
    const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : editor?.document;
    if (!document || !canPreview(document)) {
      void vscode.window.showWarningMessage('Open a Form 4 draft (*.form4) or an EDGAR XML filing to preview it.');
      return;
    }
    const column = editor?.document === document ? editor.viewColumn : undefined;
    const target = toSide ? vscode.ViewColumn.Beside : (column ?? vscode.ViewColumn.Active);
    const created = !this.panel;
    if (this.panel) this.panel.reveal(target, toSide);
    else this.panel = this.createPanel(target, toSide);
    if (created) this.panel.title = panelTitle(document.uri.path);
    const shown = await this.update(document, column);
    if (shown !== 'none') return;
    const name = document.uri.path.split('/').pop() ?? 'the file';
    void vscode.window.showWarningMessage(`${name} holds no Form 4 to preview: the preview shows drafts (*.form4) and EDGAR ownership XML.`);
    if (created) this.panel?.dispose();
  }

  /** The preview's own "Show Source" button. */
  async showSource(): Promise<void> {
    if (!this.source) return;
    await vscode.window.showTextDocument(this.source, { viewColumn: this.columnOfSource() });
  }

  private createPanel(column: vscode.ViewColumn, preserveFocus: boolean): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Preview',
      { viewColumn: column, preserveFocus },
      // No retainContextWhenHidden: a hidden preview costs nothing, and the script restores the
      // scroll position from its state when it is shown again.
      { enableScripts: true, enableFindWidget: true, localResourceRoots: [this.media] },
    );
    // A new webview, with no page yet: what the last one had loaded or said says nothing of it.
    this.listening = false;
    this.latest = this.loaded = '';
    this.newest.forget();
    panel.webview.onDidReceiveMessage((message: unknown) => {
      if (this.panel === panel) void this.onMessage(message);
    });
    let visible = panel.visible;
    panel.onDidChangeViewState(() => {
      if (this.panel !== panel || panel.visible === visible) return; // focus moved, nothing else
      visible = panel.visible;
      // A hidden webview is unloaded; shown again, VS Code loads the document last set, which
      // updates sent as messages since have left behind.
      if (!visible) this.listening = false;
      else if (this.loaded !== this.latest) this.load(panel);
    });
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.source = undefined;
      this.listening = false;
      this.debounce.cancel();
      this.inFlight?.cancel();
    });
    return panel;
  }

  /** The active editor changed: a Form 4 document in front is shown, anything else is not. */
  private follow(editor: vscode.TextEditor | undefined): void {
    if (!this.panel || !editor) return;
    if (this.isSource(editor.document)) {
      this.sourceColumn = editor.viewColumn;
      return;
    }
    if (!canPreview(editor.document)) return;
    void this.update(editor.document, editor.viewColumn);
  }

  /**
   * Asks the server for the page of the document's current version and shows it, unless a newer
   * request was made meanwhile. A document the server has no Form 4 for (an XML file of another
   * kind) leaves the page as it was.
   */
  private async update(document: vscode.TextDocument, column?: vscode.ViewColumn): Promise<'shown' | 'none' | 'stale'> {
    const panel = this.panel;
    const client = this.client();
    if (!panel || !client) return 'stale';
    this.debounce.cancel();
    this.inFlight?.cancel();
    const cancel = (this.inFlight = new vscode.CancellationTokenSource());
    const ticket = this.newest.take();
    const webview = panel.webview;
    let result;
    try {
      result = await client.sendRequest(
        PreviewRequest,
        {
          textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
          nonce: randomBytes(18).toString('base64url'),
          cspSource: webview.cspSource,
          scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'preview.js')).toString(),
          styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'preview.css')).toString(),
        },
        cancel.token,
      );
    } catch {
      // Cancelled by a newer request, or the document changed while it was checked: the newer
      // request's page follows. Anything else is in the server's log.
      return 'stale';
    } finally {
      if (this.inFlight === cancel) this.inFlight = undefined;
      cancel.dispose();
    }
    if (this.panel !== panel) return 'stale';
    if (!result) return 'none';
    if (!this.newest.accept(ticket, document.uri.toString(), result.version)) return 'stale';
    if (!this.isSource(document)) {
      this.source = document;
      this.sourceColumn = column ?? this.sourceColumn;
      panel.title = panelTitle(document.uri.path);
    }
    this.show(panel, result.html);
    return 'shown';
  }

  /**
   * Shows a page. While the page in the webview is loaded and listening, the new one goes to it as
   * a message and its script swaps the content in place: no reload, so no flicker, and the scroll
   * position stays. Otherwise (the first page, a webview hidden or not yet loaded) it is loaded
   * as the webview's document, and the script restores the scroll position from its state.
   */
  private show(panel: vscode.WebviewPanel, html: string): void {
    this.latest = html;
    if (panel.visible && this.listening) {
      void panel.webview.postMessage({ type: 'update', html } satisfies UpdateMessage).then((delivered) => {
        // Not delivered: the webview went away meanwhile; the page waits for it as its document.
        if (!delivered && this.panel === panel) this.load(panel);
      });
      return;
    }
    this.load(panel);
  }

  private load(panel: vscode.WebviewPanel): void {
    this.listening = false;
    this.loaded = this.latest;
    panel.webview.html = this.latest;
  }

  private isSource(document: vscode.TextDocument): boolean {
    return this.source?.uri.toString() === document.uri.toString();
  }

  private async onMessage(message: unknown): Promise<void> {
    const parsed = parseWebviewMessage(message);
    if (parsed?.type === 'ready') this.listening = true;
    if (parsed?.type === 'reveal') await this.reveal(parsed.span);
  }

  /** Reveals and selects the range in the source, in the editor that shows it, or in its last column. */
  private async reveal(span: SpanRange): Promise<void> {
    const source = this.source;
    if (!source) return;
    // Closed since (the page stays): opened again from its file; an untitled one is gone.
    if (source.isClosed && source.isUntitled) return;
    const document = source.isClosed ? await vscode.workspace.openTextDocument(source.uri) : source;
    if (document !== source) this.source = document;
    const whole = document.validateRange(new vscode.Range(span.start.line, span.start.character, span.end.line, span.end.character));
    const inner = trimSpan({ start: whole.start, end: whole.end }, document.getText(whole));
    const range = new vscode.Range(inner.start.line, inner.start.character, inner.end.line, inner.end.character);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: this.columnOfSource(), selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private columnOfSource(): vscode.ViewColumn {
    const shown = vscode.window.visibleTextEditors.find((e) => this.isSource(e.document));
    if (shown?.viewColumn) return shown.viewColumn;
    // Not in sight: beside the preview rather than over it.
    const mine = this.panel?.viewColumn;
    if (this.sourceColumn && this.sourceColumn !== mine) return this.sourceColumn;
    return mine === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  dispose(): void {
    this.debounce.cancel();
    this.inFlight?.cancel();
    for (const listener of this.listeners) listener.dispose();
    this.panel?.dispose();
  }
}
