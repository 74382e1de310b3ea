/**
 * The server's side of "Form 4: New Draft from Previous Filing" (`form4/nextDraft`): a new draft
 * started from a filing (`nextDraft`: its header, an empty transaction area, its holdings ready
 * to continue). The filing is read from the open document when the editor has it, else from the
 * workspace's histories or the file on disk, else from the text the client sent.
 */
import { type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FilingFiles } from '../node/filingFiles';
import { describeFiling, historyFiling, nextDraft, parseSource, type SourceDocument, sourceKindOf } from '../service';
import type { DocumentCache } from './documents';
import { pathOf, type WorkspaceHistory } from './history';
import { type NextDraftParams, NextDraftRequest, type NextDraftResult, type WorkspaceFilingItem, WorkspaceFilingsRequest } from './protocol';

export function registerNextDraft(connection: Connection, documents: TextDocuments<TextDocument>, cache: DocumentCache, files: FilingFiles, history: WorkspaceHistory): void {
  connection.onRequest(WorkspaceFilingsRequest, async () => {
    try {
      const snapshot = await history.snapshot();
      const items: WorkspaceFilingItem[] = [];
      const seen = new Set<string>();
      for (const h of snapshot.histories) {
        const filings = h.filings.filter((f) => f.uri.startsWith('file:'));
        filings.forEach((f, i) => {
          // A joint filing is in several histories: listed once, in the first.
          if (seen.has(f.uri)) return;
          seen.add(f.uri);
          items.push({ uri: f.uri, form: describeFiling(f), person: h.person, issuer: h.issuer, latest: i === filings.length - 1, filings: filings.length });
        });
      }
      // History by history, the latest filing of each first.
      return items.reverse();
    } catch (error) {
      connection.console.error(`form4: listing the filings failed: ${(error as Error)?.stack ?? String(error)}`);
      return [];
    }
  });
  connection.onRequest(NextDraftRequest, async (params) => {
    try {
      return await next(params, documents, cache, files);
    } catch (error) {
      connection.console.error(`form4: next draft failed: ${(error as Error)?.stack ?? String(error)}`);
      return { refused: `the draft could not be started: ${(error as Error)?.message ?? String(error)}` };
    }
  });
}

async function next(params: NextDraftParams, documents: TextDocuments<TextDocument>, cache: DocumentCache, files: FilingFiles): Promise<NextDraftResult> {
  const source = await read(params, documents, cache, files);
  if (!source) return { refused: 'it is not a Form 4 draft, nor an EDGAR ownership filing (XML or full-submission .txt)' };
  const filing = historyFiling(params.uri, source);
  if (!filing) return { refused: 'it holds no ownership document EDGAR reads as a Form 3, 4 or 5' };
  if (filing.filing.reportingOwners.length === 0) return { refused: 'it names no reporting person to continue from' };
  return { text: nextDraft(filing.filing) };
}

async function read(params: NextDraftParams, documents: TextDocuments<TextDocument>, cache: DocumentCache, files: FilingFiles): Promise<SourceDocument | undefined> {
  const open = documents.get(params.uri);
  if (open) return cache.get(open).source;
  const path = pathOf(params.uri);
  if (path) {
    const file = await files.read(path);
    if (file?.source) return file.source;
  }
  if (params.text === undefined) return undefined;
  const kind = sourceKindOf(params.uri.replace(/[?#].*$/, ''), params.text);
  return kind ? parseSource(kind, params.text) : undefined;
}
