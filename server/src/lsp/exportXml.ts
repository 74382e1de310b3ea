/**
 * `form4/exportXml`: a draft open in the editor, as EDGAR ownership XML. The server answers from
 * what it already has for the document's current version: its parse and its check under the
 * document's settings (defaults, `.form4rc.json`, `form4.rules`), the same the diagnostics show.
 * The answer carries the XML and what stands in the way of filing it (the check's errors, and the
 * export problems no error already covers); the client decides what to do with them.
 */
import { type CancellationToken, type Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CheckResult, EXPORT_RULE_ID, exportChecked, type SourceDocument, toRange } from '../service';
import { type ExportXmlItem, ExportXmlRequest, type ExportXmlResult } from './protocol';

export interface ExportContext {
  /** The check of the document's current version under its settings (the server's cached one). */
  readonly check: (uri: string, token?: CancellationToken) => Promise<{ readonly result: CheckResult; readonly document: TextDocument; readonly version: number } | undefined>;
  /** The parse of that version. */
  readonly source: (document: TextDocument) => SourceDocument | undefined;
}

export function registerExportXml(connection: Connection, context: ExportContext): void {
  connection.onRequest(ExportXmlRequest, async (params, token): Promise<ExportXmlResult | null> => {
    try {
      const checked = await context.check(params.textDocument.uri, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      if (!checked) return null;
      // The findings describe the version checked; the XML must come from the same one.
      if (checked.document.version !== checked.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The draft changed while it was checked.');
      const source = context.source(checked.document);
      if (!source) return null;
      const result = exportChecked(source.filing, checked.result.findings);
      return {
        xml: result.xml,
        errors: result.errors.map((f): ExportXmlItem => ({ range: toRange(f.span), message: f.message, rule: f.rule })),
        problems: result.problems.map((p): ExportXmlItem => ({ range: toRange(p.span), message: p.message, rule: EXPORT_RULE_ID })),
      };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`form4: export failed: ${(error as Error)?.stack ?? String(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `The export failed: ${(error as Error)?.message ?? String(error)}`);
    }
  });
}
