/** The server's own messages, beside LSP: shared by the server, the client and the tests. */
import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

export interface DraftStatus {
  readonly uri: string;
  readonly version: number;
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
  /** Rows whose amount owned was checked against a previous row. */
  readonly holdingsChecked: number;
  /** No finding at all. */
  readonly clean: boolean;
}

/** Sent after each check: the draft's state for the editor's status item. */
export const DraftStatusNotification = new NotificationType<DraftStatus>('form4/status');

/** The rules documentation as Markdown, for the "Show Rules Documentation" command. */
export const RulesDocumentationRequest = new RequestType0<string, void>('form4/rulesDocumentation');
