/** The server's own messages, beside LSP: shared by the server, the client and the tests. */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

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

export interface ImportXmlParams {
  /** The EDGAR XML or full-submission `.txt` file. */
  readonly uri: string;
  /** Its text, as the editor has it: used when the server does not have the document open. */
  readonly text?: string;
}

export interface ImportNote {
  readonly message: string;
  /** Where the fact stands in the XML. */
  readonly range?: { readonly start: { readonly line: number; readonly character: number }; readonly end: { readonly line: number; readonly character: number } };
}

/** The draft and its notes, or why the file cannot be imported (it holds no Form 4). */
export type ImportXmlResult = { readonly draft: string; readonly notes: readonly ImportNote[] } | { readonly refused: string };

/** "Form 4: Open EDGAR XML as Draft": the file's filing written as a draft (server/src/lsp/importXml.ts). */
export const ImportXmlRequest = new RequestType<ImportXmlParams, ImportXmlResult, void>('form4/importXml');
