/**
 * "Form 4: New Draft from Previous Filing" (`form4.newDraftFromPrevious`): the next Form 4 of an
 * insider started from a filing (the one right-clicked in the explorer, the active editor's, or
 * one picked among the workspace's filings or in a dialog). The server writes the draft
 * (`form4/nextDraft`): the previous filing's header, an empty transaction area, its holdings
 * ready to continue.
 *
 * The draft opens as an untitled editor that already has its name and folder: beside the
 * previous filing, `<previous name>-next.form4`. Nothing is written until the user saves, so a
 * draft started by mistake leaves no stray file in the insider's folder; Save (Ctrl+S) writes it
 * there without a dialog, where the next draft's history will find it; and while it is unsaved
 * it is already checked against the filings of that folder (the server takes an untitled
 * document with a path into the histories).
 */
import { basename, dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NextDraftRequest, type NextDraftResult, WorkspaceFilingsRequest } from '../../server/src/lsp/protocol';
import { isFilingName, nextDraftName } from './nextDraftName';

export const NEXT_DRAFT_COMMAND = 'form4.newDraftFromPrevious';

export function registerNextDraftCommand(client: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(NEXT_DRAFT_COMMAND, async (uri?: unknown) => newDraftFromPrevious(client(), uri instanceof vscode.Uri ? uri : undefined));
}

function isFilingDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'form4' || isFilingName(document.uri.path);
}

/** The previous filing: the one given, the active editor's, or one picked. */
async function target(client: LanguageClient, given: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isFilingDocument(active)) return active.uri;
  const filings = await client.sendRequest(WorkspaceFilingsRequest);
  const browse = { label: '$(folder-opened) Choose a file…', description: 'an EDGAR XML, full-submission .txt or draft', uri: undefined };
  if (filings.length === 0) return dialog();
  const items = filings.map((f) => {
    const uri = client.protocol2CodeConverter.asUri(f.uri);
    return {
      label: basename(uri.fsPath),
      description: `${f.form}${f.latest ? ' · latest' : ''}`,
      detail: `${f.person} · ${f.issuer} · ${f.filings} filing${f.filings === 1 ? '' : 's'} in the history`,
      uri,
    };
  });
  const picked = await vscode.window.showQuickPick([...items, browse], { title: 'New Draft from Previous Filing', placeHolder: 'The filing to continue from (the latest of each insider first)', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return undefined;
  return picked.uri ?? dialog();
}

async function dialog(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Continue from This Filing',
    filters: { 'Form 4 filings': ['xml', 'txt', 'form4', 'md'], 'All files': ['*'] },
  });
  return picked?.[0];
}

/** Where the new draft will be saved: beside the previous filing, under a name no file has. */
async function draftUri(previous: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (previous.scheme !== 'file') return undefined;
  const folder = dirname(previous.fsPath);
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(vscode.Uri.file(folder))) taken.add(name);
  } catch {
    return undefined;
  }
  for (const d of vscode.workspace.textDocuments) if (d.uri.scheme === 'untitled' && dirname(d.uri.fsPath) === folder) taken.add(basename(d.uri.fsPath));
  return vscode.Uri.file(join(folder, nextDraftName(basename(previous.fsPath), taken))).with({ scheme: 'untitled' });
}

/** Opens the new draft; returns it (for tests), or undefined when nothing was opened. */
async function newDraftFromPrevious(client: LanguageClient | undefined, given: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (!client) {
    void vscode.window.showErrorMessage('Form 4: the language server is not running; run "Form 4: Restart Language Server".');
    return undefined;
  }
  const previous = await target(client, given);
  if (!previous) return undefined;
  // The editor's text when it has the file open (unsaved changes count); else the server reads the file.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === previous.toString());
  const result: NextDraftResult = await client.sendRequest(NextDraftRequest, { uri: client.code2ProtocolConverter.asUri(previous), ...(open ? { text: open.getText() } : {}) });
  if ('refused' in result) {
    void vscode.window.showErrorMessage(`Form 4: no draft can be started from ${basename(previous.path)}: ${result.refused}`);
    return undefined;
  }
  const target2 = await draftUri(previous);
  let document: vscode.TextDocument;
  if (target2) {
    document = await vscode.workspace.openTextDocument(target2);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(target2, new vscode.Position(0, 0), result.text);
    await vscode.workspace.applyEdit(edit);
    if (document.languageId !== 'form4') document = await vscode.languages.setTextDocumentLanguage(document, 'form4');
  } else {
    document = await vscode.workspace.openTextDocument({ language: 'form4', content: result.text });
  }
  const editor = await vscode.window.showTextDocument(document);
  // The cursor in box 3, the first thing to fill in.
  const box3 = result.text.split('\n').findIndex((l) => l.startsWith('3. '));
  if (box3 >= 0) {
    const end = new vscode.Position(box3, (result.text.split('\n')[box3] ?? '').length);
    editor.selection = new vscode.Selection(end, end);
  }
  return document;
}
