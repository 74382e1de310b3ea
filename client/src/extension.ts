/**
 * The VS Code client: starts the bundled language server and shows what it says. It holds no
 * checking logic; the server does everything a Form 4 needs, the same for every editor.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { type DraftStatus, DraftStatusNotification, RulesDocumentationRequest } from '../../server/src/lsp/protocol';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher('**/.form4rc.json');
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'form4' }],
    synchronize: { configurationSection: 'form4', fileEvents: watcher },
  };
  client = new LanguageClient('form4', 'Form 4', serverOptions, clientOptions);
  const status = new DraftStatusItem();
  context.subscriptions.push(status);
  client.onNotification(DraftStatusNotification, (s) => status.update(s));

  context.subscriptions.push(
    vscode.commands.registerCommand('form4.newDraft', () => newDraft(context)),
    vscode.commands.registerCommand('form4.showRulesDocumentation', () => showRulesDocumentation()),
    vscode.commands.registerCommand('form4.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** "Form 4: 2 errors" / "Form 4: reconciles", for the draft in the active editor. */
class DraftStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('form4.status', { language: 'form4' });
  private readonly byUri = new Map<string, DraftStatus>();
  private readonly listener: vscode.Disposable;

  constructor() {
    this.item.name = 'Form 4 draft';
    this.item.text = 'Form 4';
    this.item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    this.listener = vscode.window.onDidChangeActiveTextEditor(() => this.render());
  }

  update(status: DraftStatus): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  private render(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const s = uri ? this.byUri.get(uri) : undefined;
    if (!s) {
      this.item.text = 'Form 4';
      this.item.detail = 'checking…';
      this.item.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    const parts: string[] = [];
    if (s.errors > 0) parts.push(`${s.errors} error${s.errors === 1 ? '' : 's'}`);
    if (s.warnings > 0) parts.push(`${s.warnings} warning${s.warnings === 1 ? '' : 's'}`);
    if (s.information > 0) parts.push(`${s.information} info`);
    if (parts.length === 0) {
      this.item.text = s.holdingsChecked > 0 ? '$(check) Form 4: reconciles' : '$(check) Form 4: no problems';
      this.item.detail = s.holdingsChecked > 0 ? `${s.holdingsChecked} running balance${s.holdingsChecked === 1 ? '' : 's'} checked` : undefined;
      this.item.severity = vscode.LanguageStatusSeverity.Information;
    } else {
      this.item.text = `${s.errors > 0 ? '$(error)' : '$(warning)'} Form 4: ${parts.join(', ')}`;
      this.item.detail = undefined;
      this.item.severity = s.errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Warning;
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}

interface SnippetFile {
  readonly [name: string]: { readonly prefix: string | readonly string[]; readonly body: string | readonly string[]; readonly description?: string };
}

/** A new untitled draft from the blank-draft snippet, so the template and the snippet are one. */
async function newDraft(context: vscode.ExtensionContext): Promise<void> {
  const snippets = JSON.parse(readFileSync(context.asAbsolutePath('snippets/form4.code-snippets'), 'utf8')) as SnippetFile;
  const blank = Object.values(snippets).find((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).includes('form4-draft'));
  const document = await vscode.workspace.openTextDocument({ language: 'form4', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  if (blank) {
    const body = Array.isArray(blank.body) ? blank.body.join('\n') : String(blank.body);
    await editor.insertSnippet(new vscode.SnippetString(body));
  }
}

async function showRulesDocumentation(): Promise<void> {
  if (!client) return;
  const markdown = await client.sendRequest(RulesDocumentationRequest);
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', document.uri);
}
