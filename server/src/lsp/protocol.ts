/** The server's own messages, beside LSP: shared by the server, the client and the tests. */
import { NotificationType, type Range, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

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

export interface ExportXmlParams {
  readonly textDocument: { readonly uri: string };
}

/** A finding or an export problem, for the "Export EDGAR XML" command to show. */
export interface ExportXmlItem {
  readonly range: Range;
  readonly message: string;
  /** The rule's id, or `export` for what only EDGAR asks. */
  readonly rule: string;
}

export interface ExportXmlResult {
  /** The ownership XML, written even when something stands in the way (for "Export Anyway"). */
  readonly xml: string;
  /** The error-level findings of the draft under its settings. */
  readonly errors: readonly ExportXmlItem[];
  /** What EDGAR needs that the draft does not give, when no error already says so. */
  readonly problems: readonly ExportXmlItem[];
}

/** The draft as EDGAR ownership XML (X0508), from the server's parse and settings; null for a document it does not have. */
export const ExportXmlRequest = new RequestType<ExportXmlParams, ExportXmlResult | null, void>('form4/exportXml');
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

export interface PreviewParams {
  readonly textDocument: { readonly uri: string };
  /** The nonce of the webview's script, for the page's Content Security Policy. */
  readonly nonce: string;
  /** The webview's `cspSource`: where the page may load the script from. */
  readonly cspSource: string;
  /** The script's URI as the webview sees it (`asWebviewUri`). */
  readonly scriptUri: string;
  /** The client's own style sheet, as the webview sees it. */
  readonly styleUri?: string;
}

export interface PreviewResult {
  /** The whole page: the form as EDGAR renders it, the findings marked, the CSP in its head. */
  readonly html: string;
  /** The document version the page shows. */
  readonly version: number;
}

/** "Form 4: Open Preview": the document's filing rendered as a page (server/src/lsp/preview.ts); null for a document that holds no Form 4. */
export const PreviewRequest = new RequestType<PreviewParams, PreviewResult | null, void>('form4/preview');

export interface NextDraftParams {
  /** The previous filing: a draft, an EDGAR XML file or a full-submission `.txt`. */
  readonly uri: string;
  /** Its text, as the editor has it: used when the server has neither the document open nor the file on disk. */
  readonly text?: string;
}

/** The new draft's text, or why none can be started from the file (it holds no filing). */
export type NextDraftResult = { readonly text: string } | { readonly refused: string };

/** "Form 4: New Draft from Previous Filing": a new draft started from a filing (server/src/lsp/nextDraft.ts). */
export const NextDraftRequest = new RequestType<NextDraftParams, NextDraftResult, void>('form4/nextDraft');

/** A filing of the workspace's histories, for the new-draft command's quick pick. */
export interface WorkspaceFilingItem {
  readonly uri: string;
  /** "Form 4 of 08/07/2013". */
  readonly form: string;
  readonly person: string;
  readonly issuer: string;
  /** The latest filing of its history (the one a next draft usually continues). */
  readonly latest: boolean;
  /** How many filings its history has. */
  readonly filings: number;
}

/** The workspace's filings, history by history, the latest of each first. */
export const WorkspaceFilingsRequest = new RequestType0<readonly WorkspaceFilingItem[], void>('form4/workspaceFilings');
