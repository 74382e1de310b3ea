/**
 * "Form 4: Open EDGAR XML as Draft" (`form4.importXml`): an EDGAR ownership XML file or
 * full-submission `.txt` (the one right-clicked in the explorer, the active editor's, or one
 * chosen in a dialog) opened as an untitled Form 4 draft that holds every fact of the filing.
 * The server writes the draft (`form4/importXml`); the facts a draft does not carry are listed
 * in the "Form 4 Import" output.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImportXmlRequest, type ImportXmlResult } from '../../server/src/lsp/protocol';

export const IMPORT_XML_COMMAND = 'form4.importXml';

/** The command, registered; `client` is read when it runs (the server may have restarted). */
export function registerImportXmlCommand(client: () => LanguageClient | undefined): vscode.Disposable {
  let output: vscode.OutputChannel | undefined;
  const command = vscode.commands.registerCommand(IMPORT_XML_COMMAND, async (uri?: unknown) => {
    output ??= vscode.window.createOutputChannel('Form 4 Import');
    return importXml(client(), uri instanceof vscode.Uri ? uri : undefined, output);
  });
  return { dispose: () => { command.dispose(); output?.dispose(); } };
}

function isFiling(document: vscode.TextDocument): boolean {
  return document.languageId === 'xml' || /\.(?:xml|txt)$/i.test(document.uri.path);
}

/** The file to import: the one given, the active editor's, or one chosen. */
async function target(given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isFiling(active)) return active.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Open as Draft',
    filters: { 'EDGAR ownership XML': ['xml', 'txt'], 'All files': ['*'] },
  });
  return picked?.[0];
}

/** Opens the draft of the file's filing; returns it (for tests), or undefined when nothing was opened. */
async function importXml(client: LanguageClient | undefined, given: vscode.Uri | undefined, output: vscode.OutputChannel): Promise<vscode.TextDocument | undefined> {
  const uri = await target(given);
  if (!uri) return undefined;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  if (!client) {
    void vscode.window.showErrorMessage('Form 4: the language server is not running; run "Form 4: Restart Language Server".');
    return undefined;
  }
  // VS Code decodes the file (UTF-8, UTF-16); the server uses its own parse when it has it open.
  const source = await vscode.workspace.openTextDocument(uri);
  const result: ImportXmlResult = await client.sendRequest(ImportXmlRequest, { uri: client.code2ProtocolConverter.asUri(source.uri), text: source.getText() });
  if ('refused' in result) {
    void vscode.window.showErrorMessage(`Form 4: ${name} is not imported: ${result.refused}`);
    return undefined;
  }
  const draft = await vscode.workspace.openTextDocument({ language: 'form4', content: result.draft });
  await vscode.window.showTextDocument(draft);
  if (result.notes.length > 0) {
    output.appendLine(`${name}: ${result.notes.length} fact${result.notes.length === 1 ? '' : 's'} the draft does not carry`);
    for (const note of result.notes) output.appendLine(`  ${note.range ? `${name}:${note.range.start.line + 1}:${note.range.start.character + 1}  ` : ''}${note.message}`);
    void vscode.window.showInformationMessage(`Form 4: ${name} opened as a draft, with ${result.notes.length} note${result.notes.length === 1 ? '' : 's'} on what it does not carry.`, 'Show Notes').then((choice) => {
      if (choice) output.show(true);
    });
  }
  return draft;
}
