/**
 * One parse per document version, shared by every feature; one check per version and settings
 * generation. A document is read by the front end its name and content call for: a draft
 * (`*.form4`, `*.form4.md`, language `form4`), or EDGAR ownership XML (an `.xml` file whose root
 * is `ownershipDocument`, a `.txt` EDGAR submission holding one). Any other XML or text file is
 * recognised as none in microseconds (`sniffOwnership` looks at its first 64 KB) and gets
 * nothing: no parse, no diagnostics, no hover. Entries for closed documents are dropped.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Analysis,
  analyze,
  checkDocument,
  type CheckResult,
  type ParsedDraft,
  parseSource,
  reparseDraft,
  type RuleSeverities,
  type SourceDocument,
  sniffOwnership,
} from '../service';

interface Entry {
  readonly version: number;
  readonly source: SourceDocument | undefined;
  readonly analysis: Analysis | undefined;
  check?: { readonly generation: number; readonly result: CheckResult };
}

/** The front end for a document, or undefined for one that is not a Form 4 source. */
export function kindOf(document: TextDocument): 'draft' | 'xml' | undefined {
  const uri = document.uri.toLowerCase();
  if (document.languageId === 'form4' || uri.endsWith('.form4') || uri.endsWith('.form4.md')) return 'draft';
  if (document.languageId === 'xml' || uri.endsWith('.xml') || uri.endsWith('.txt')) return sniffOwnership(document.getText()) ? 'xml' : undefined;
  return undefined;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  /** The parse of the document's current version; `source` is undefined for a non-Form 4 file. */
  get(document: TextDocument): { source: SourceDocument | undefined; analysis: Analysis | undefined } {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      const kind = kindOf(document);
      const text = document.getText();
      // A draft typed in is re-read in proportion to the edit: the row typed in, the rest reused.
      const previous = entry?.source;
      const source = kind === 'draft' && previous?.kind === 'draft' ? reparseDraft(previous, text) : kind ? parseSource(kind, text) : undefined;
      entry = { version: document.version, source, analysis: source ? analyze(source.filing) : undefined };
      this.entries.set(document.uri, entry);
    }
    return entry;
  }

  /** The document's draft parse, for the features only drafts have (formatting, completion…). */
  draft(document: TextDocument): { parsed: ParsedDraft; analysis: Analysis } | undefined {
    const { source, analysis } = this.get(document);
    return source?.kind === 'draft' && analysis ? { parsed: source, analysis } : undefined;
  }

  /**
   * The findings of the document's current version under settings `generation` (none for a
   * file that is not a Form 4 source). A check that was cancelled part-way is not kept.
   */
  check(document: TextDocument, generation: number, rules: RuleSeverities, isCancelled?: () => boolean): CheckResult | undefined {
    this.get(document);
    const entry = this.entries.get(document.uri) as Entry;
    if (!entry.source || !entry.analysis) return { findings: [], failures: [] };
    if (entry.check && entry.check.generation === generation) return entry.check.result;
    // The entry's analysis: the holdings, pairs and footnote index that hover and inlay hints use too.
    const result = checkDocument(entry.source, { rules, isCancelled, analysis: entry.analysis });
    if (isCancelled?.()) return undefined;
    entry.check = { generation, result };
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
