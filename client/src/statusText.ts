/**
 * What the Form 4 language status item says, decided without `vscode` so that node:test can
 * check it: the text, detail and severity for the last statuses the server sent and the editor
 * that is active.
 *
 * - The text carries no severity icon for errors and warnings: VS Code draws one itself from
 *   the item's severity (in the status bar and in the hover), so `$(error)` in the text would
 *   show twice. The clean state keeps its `$(check)`: VS Code draws nothing for Information.
 * - A Form 4 document is any document the server sent a status for (drafts today, EDGAR XML
 *   and `.txt` submissions later), or one in a draft language not checked yet ("checking…").
 * - When the active editor is not a Form 4 document (the Output panel, a settings file),
 *   the item keeps showing the last Form 4 document's state: VS Code still shows the item for
 *   the draft in the editor area, and "checking…" there would be wrong.
 */
import type { DraftStatus } from '../../server/src/lsp/protocol';

export type StatusSeverity = 'information' | 'warning' | 'error';

export interface StatusView {
  readonly text: string;
  readonly detail: string | undefined;
  readonly severity: StatusSeverity;
  /** Shown with a spinner: the document is being checked and has no status yet. */
  readonly busy: boolean;
}

/** The active text editor's document, as far as the status cares. */
export interface ActiveDocument {
  readonly uri: string;
  readonly languageId: string;
}

export interface StatusInput {
  /** The last status the server sent for each document. */
  readonly statuses: ReadonlyMap<string, DraftStatus>;
  /** The active text editor's document; undefined when there is none. */
  readonly active: ActiveDocument | undefined;
  /** The Form 4 document the item showed last, if any. */
  readonly lastDocument: string | undefined;
  /** Languages whose documents the server checks (a status will come). */
  readonly draftLanguages: readonly string[];
}

export interface StatusDecision {
  readonly view: StatusView;
  /** The Form 4 document shown now: the next call's `lastDocument`. */
  readonly document: string | undefined;
}

const IDLE: StatusView = { text: 'Form 4', detail: undefined, severity: 'information', busy: false };
const CHECKING: StatusView = { text: 'Form 4', detail: 'checking…', severity: 'information', busy: true };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The item for one document's status: "Form 4: 2 errors, 1 warning", "$(check) Form 4: reconciles". */
export function describeStatus(s: DraftStatus): StatusView {
  const parts: string[] = [];
  if (s.errors > 0) parts.push(plural(s.errors, 'error'));
  if (s.warnings > 0) parts.push(plural(s.warnings, 'warning'));
  if (s.information > 0) parts.push(`${s.information} info`);
  if (parts.length > 0) {
    const severity: StatusSeverity = s.errors > 0 ? 'error' : s.warnings > 0 ? 'warning' : 'information';
    return { text: `Form 4: ${parts.join(', ')}`, detail: s.hints > 0 ? plural(s.hints, 'hint') : undefined, severity, busy: false };
  }
  const details: string[] = [];
  if (s.holdingsChecked > 0) details.push(`${plural(s.holdingsChecked, 'running balance')} checked`);
  if (s.hints > 0) details.push(plural(s.hints, 'hint'));
  return {
    text: s.holdingsChecked > 0 ? '$(check) Form 4: reconciles' : '$(check) Form 4: no problems',
    detail: details.length > 0 ? details.join(', ') : undefined,
    severity: 'information',
    busy: false,
  };
}

/** What the item shows now, and which Form 4 document that is. */
export function decideStatus(input: StatusInput): StatusDecision {
  const { statuses, active, lastDocument, draftLanguages } = input;
  if (active) {
    const status = statuses.get(active.uri);
    if (status) return { view: describeStatus(status), document: active.uri };
    if (draftLanguages.includes(active.languageId)) return { view: CHECKING, document: active.uri };
  }
  // Not a Form 4 document (or no editor): keep to the last one.
  if (lastDocument !== undefined) {
    const status = statuses.get(lastDocument);
    return { view: status ? describeStatus(status) : CHECKING, document: lastDocument };
  }
  return { view: IDLE, document: undefined };
}

/** The statuses received and the document last shown: the state behind `decideStatus`. */
export class DraftStatusTracker {
  private readonly statuses = new Map<string, DraftStatus>();
  private lastDocument: string | undefined;

  constructor(private readonly draftLanguages: readonly string[] = ['form4']) {}

  /** A status from the server; `active` is the active editor's document at that moment. */
  update(status: DraftStatus, active: ActiveDocument | undefined): StatusView {
    this.statuses.set(status.uri, status);
    // A first status, while no Form 4 document was shown yet, is the one to show.
    this.lastDocument ??= status.uri;
    return this.view(active);
  }

  /** A document was closed: its status no longer applies. */
  forget(uri: string, active: ActiveDocument | undefined): StatusView {
    this.statuses.delete(uri);
    if (this.lastDocument === uri) this.lastDocument = undefined;
    return this.view(active);
  }

  /** What to show with `active` in front (call it when the active editor changes). */
  view(active: ActiveDocument | undefined): StatusView {
    const decision = decideStatus({ statuses: this.statuses, active, lastDocument: this.lastDocument, draftLanguages: this.draftLanguages });
    this.lastDocument = decision.document;
    return decision.view;
  }
}
