/**
 * `form4/preview`: the document's filing as the page the preview shows, the form as EDGAR renders
 * it with the findings marked. Answered, like `form4/exportXml`, from what the server already has
 * for the current version: its parse and its check under the document's settings, so the marks
 * are the diagnostics the editor shows. Works for drafts and for the EDGAR XML (`.xml`, `.txt`
 * submission) documents the server reads; null for any other document.
 *
 * The page's Content Security Policy allows one script, the client's, by its nonce and from the
 * webview's own source; the client gives both, as only it knows the webview.
 */
import { type Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { renderFilingHtml } from '../service';
import type { ExportContext } from './exportXml';
import { PreviewRequest, type PreviewResult } from './protocol';

/** The page's title: the document's file name, as the editor's tab shows it (`untitled:Untitled-1` → `Untitled-1`). */
export function previewTitle(uri: string): string {
  const name = uri.replace(/[?#].*$/, '').split(/[/:]/).pop() || uri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Same needs as the export: the cached check of the current version, and its parse. */
export function registerPreview(connection: Connection, context: ExportContext): void {
  connection.onRequest(PreviewRequest, async (params, token): Promise<PreviewResult | null> => {
    try {
      const checked = await context.check(params.textDocument.uri, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      if (!checked) return null;
      // The marks describe the version checked; the page must show the same one.
      if (checked.document.version !== checked.version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while it was checked.');
      const source = context.source(checked.document);
      if (!source) return null;
      const html = renderFilingHtml(source.filing, {
        findings: checked.result.findings,
        page: { nonce: params.nonce, cspSource: params.cspSource, scriptUri: params.scriptUri, styleUri: params.styleUri },
        title: previewTitle(params.textDocument.uri),
      });
      return { html, version: checked.version };
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`form4: preview failed: ${(error as Error)?.stack ?? String(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `The preview failed: ${(error as Error)?.message ?? String(error)}`);
    }
  });
}
