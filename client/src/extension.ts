/**
 * The VS Code client: starts the bundled language server and shows what it says. It holds no
 * checking logic; the server does everything a Form 4 needs, the same for every editor.
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DraftStatusNotification, RulesDocumentationRequest } from '../../server/src/lsp/protocol';
import { registerExportXml } from './exportXml';
import { registerImportXmlCommand } from './importXml';
import { registerPreview } from './preview';
import { registerNextDraftCommand } from './nextDraft';
import { DraftStatusItem } from './status';

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
    // Drafts, and EDGAR ownership XML: the server reads an XML or text file only when it holds an
    // ownershipDocument (it looks at its first 64 KB), and leaves every other one alone.
    documentSelector: [{ language: 'form4' }, { language: 'xml' }, { language: 'plaintext', pattern: '**/*.txt' }],
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
    registerExportXml(() => client),
    registerImportXmlCommand(() => client),
    registerPreview(context, () => client),
    registerNextDraftCommand(() => client),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
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
