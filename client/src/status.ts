/**
 * The Form 4 language status item: the state of the draft in front ("Form 4: 2 errors",
 * "Form 4: reconciles"). What it says is decided in statusText.ts, without `vscode`; this only
 * feeds it the server's statuses and the active editor, and renders the result.
 */
import * as vscode from 'vscode';
import type { DraftStatus } from '../../server/src/lsp/protocol';
import { type ActiveDocument, DraftStatusTracker, type StatusSeverity, type StatusView } from './statusText';

const SEVERITY: Record<StatusSeverity, vscode.LanguageStatusSeverity> = {
  information: vscode.LanguageStatusSeverity.Information,
  warning: vscode.LanguageStatusSeverity.Warning,
  error: vscode.LanguageStatusSeverity.Error,
};

function activeDocument(): ActiveDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document ? { uri: document.uri.toString(), languageId: document.languageId } : undefined;
}

export class DraftStatusItem implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly tracker: DraftStatusTracker;
  private readonly listeners: vscode.Disposable[];

  /** `languages`: the languages of the documents the server checks. */
  constructor(languages: readonly string[] = ['form4']) {
    this.item = vscode.languages.createLanguageStatusItem(
      'form4.status',
      languages.map((language) => ({ language })),
    );
    this.tracker = new DraftStatusTracker(languages);
    this.item.name = 'Form 4 draft';
    this.item.command = { title: 'Show Problems', command: 'workbench.actions.view.problems' };
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render(this.tracker.view(activeDocument()))),
      vscode.workspace.onDidCloseTextDocument((document) => this.render(this.tracker.forget(document.uri.toString(), activeDocument()))),
    ];
    this.render(this.tracker.view(activeDocument()));
  }

  update(status: DraftStatus): void {
    this.render(this.tracker.update(status, activeDocument()));
  }

  private render(view: StatusView): void {
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.severity = SEVERITY[view.severity];
    this.item.busy = view.busy;
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.item.dispose();
  }
}
