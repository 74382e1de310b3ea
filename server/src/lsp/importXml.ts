/**
 * The server's side of "Form 4: Open EDGAR XML as Draft" (`form4/importXml`): the filing of an
 * XML or full-submission file written as a draft. When the editor has the file open, its parse
 * is the one the diagnostics use (DocumentCache); otherwise the text the client sends is read.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { importOwnershipXml, toRange } from '../service';
import type { DocumentCache } from './documents';
import { type ImportXmlParams, ImportXmlRequest, type ImportXmlResult } from './protocol';

export function registerImportXml(connection: Connection, documents: TextDocuments<TextDocument>, cache: DocumentCache): void {
  connection.onRequest(ImportXmlRequest, (params) => {
    try {
      return importXml(params, documents, cache);
    } catch (error) {
      connection.console.error(`form4: import failed: ${(error as Error)?.stack ?? String(error)}`);
      return { refused: `the import failed: ${(error as Error)?.message ?? String(error)}` };
    }
  });
}

function importXml(params: ImportXmlParams, documents: TextDocuments<TextDocument>, cache: DocumentCache): ImportXmlResult {
  const open = documents.get(params.uri);
  let result;
  if (open && (params.text === undefined || open.getText() === params.text)) {
    const { source } = cache.get(open);
    if (source?.kind === 'draft') return { refused: 'it is a draft already' };
    result = importOwnershipXml(source ?? open.getText());
  } else if (params.text !== undefined) {
    result = importOwnershipXml(params.text);
  } else {
    return { refused: 'the server does not have the file open, and its text was not sent' };
  }
  if (result.kind === 'refused') return { refused: result.reason };
  return { draft: result.draft, notes: result.notes.map((n) => (n.span ? { message: n.message, range: toRange(n.span) } : { message: n.message })) };
}
