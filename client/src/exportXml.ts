/**
 * The "Form 4: Export EDGAR XML" command (`form4.exportXml`): asks the language server for the
 * draft as EDGAR ownership XML (`form4/exportXml`, answered from the server's parse and check of
 * the version in the editor), and writes it where the user says. When the draft has errors, or
 * lacks what EDGAR needs, a modal message lists the first few, with "Export Anyway" and "Show
 * Problems"; the export problems (no CIK, a title too long…) are shown in the Problems panel
 * too, beside the diagnostics, until the draft is edited.
 *
 * Run from a keybinding, a task or a test, the command takes `(draft uri, { target, force })`:
 * with `target` it asks no file name, with `force` it exports whatever stands in the way (listed
 * in the Problems panel all the same).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ExportXmlItem, ExportXmlRequest } from '../../server/src/lsp/protocol';
import { blockers, refusalMessage, xmlFileName } from './exportXmlText';

export function registerExportXml(client: () => LanguageClient | undefined): vscode.Disposable {
  const problems = vscode.languages.createDiagnosticCollection('form4-export');
  return vscode.Disposable.from(
    problems,
    vscode.workspace.onDidChangeTextDocument((e) => problems.delete(e.document.uri)),
    vscode.workspace.onDidCloseTextDocument((document) => problems.delete(document.uri)),
    vscode.commands.registerCommand('form4.exportXml', (resource?: vscode.Uri, options?: ExportOptions) => exportXml(client(), problems, resource, options ?? {})),
  );
}

export interface ExportOptions {
  /** Where to write, without asking. */
  readonly target?: vscode.Uri;
  /** Export even when something stands in the way, without asking. */
  readonly force?: boolean;
}

async function exportXml(client: LanguageClient | undefined, problems: vscode.DiagnosticCollection, resource: vscode.Uri | undefined, options: ExportOptions): Promise<void> {
  // The editor title menu passes the resource; the command palette passes nothing.
  const document = resource instanceof vscode.Uri ? await vscode.workspace.openTextDocument(resource) : vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'form4') {
    void vscode.window.showWarningMessage('Open a Form 4 draft (*.form4) to export it as EDGAR XML.');
    return;
  }
  if (!client) {
    void vscode.window.showErrorMessage('The Form 4 language server is not running: run "Form 4: Restart Language Server" and try again.');
    return;
  }
  const name = document.uri.path.split('/').pop() ?? 'draft';
  let result;
  try {
    result = await client.sendRequest(ExportXmlRequest, { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
  } catch (error) {
    void vscode.window.showErrorMessage(`Form 4: the export of ${name} failed: ${(error as Error).message}`);
    return;
  }
  if (!result) {
    void vscode.window.showErrorMessage(`Form 4: the language server does not have ${name} open; save it and try again.`);
    return;
  }
  problems.set(document.uri, result.problems.map((p) => diagnostic(client, p)));
  const items = blockers(result);
  if (items.length > 0 && !options.force) {
    const { message, detail } = refusalMessage(name, items);
    const choice = await vscode.window.showErrorMessage(message, { modal: true, detail }, 'Export Anyway', 'Show Problems');
    if (choice === 'Show Problems') {
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    if (choice !== 'Export Anyway') return;
  }
  const target = options.target ?? await vscode.window.showSaveDialog({
    defaultUri: defaultTarget(document.uri, name),
    filters: { 'EDGAR ownership XML': ['xml'] },
    saveLabel: 'Export',
    title: 'Export EDGAR XML',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.xml));
  // Not awaited: a notification stays until it is dismissed, and the command is done.
  void vscode.window.showInformationMessage(`Exported ${name} as EDGAR XML to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((open) => {
    if (open === 'Open') void vscode.window.showTextDocument(target);
  });
}

/** `<draft name>.xml` beside the draft; for an untitled draft, in the first workspace folder. */
function defaultTarget(draft: vscode.Uri, name: string): vscode.Uri | undefined {
  const file = xmlFileName(name);
  if (draft.scheme !== 'untitled') return vscode.Uri.joinPath(draft, '..', file);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, file) : undefined;
}

function diagnostic(client: LanguageClient, item: ExportXmlItem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(client.protocol2CodeConverter.asRange(item.range), item.message, vscode.DiagnosticSeverity.Error);
  d.source = 'form4 export';
  d.code = item.rule;
  return d;
}
