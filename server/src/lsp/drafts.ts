/**
 * One parse per document version, shared by every feature; one check per version and settings
 * generation. Entries for closed documents are dropped.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis, analyze, checkDocument, type CheckResult, parseDraft, type ParsedDraft, type RuleSeverities } from '../service';

interface Entry {
  readonly version: number;
  readonly parsed: ParsedDraft;
  readonly analysis: Analysis;
  check?: { readonly generation: number; readonly result: CheckResult };
}

export class DraftCache {
  private readonly entries = new Map<string, Entry>();

  /** The parse of the document's current version. */
  get(document: TextDocument): { parsed: ParsedDraft; analysis: Analysis } {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      const parsed = parseDraft(document.getText());
      entry = { version: document.version, parsed, analysis: analyze(parsed.filing) };
      this.entries.set(document.uri, entry);
    }
    return entry;
  }

  /**
   * The findings of the document's current version under settings `generation`. A check that
   * was cancelled part-way is not kept.
   */
  check(document: TextDocument, generation: number, rules: RuleSeverities, isCancelled?: () => boolean): CheckResult | undefined {
    this.get(document);
    const entry = this.entries.get(document.uri) as Entry;
    if (entry.check && entry.check.generation === generation) return entry.check.result;
    // The entry's analysis: the holdings, pairs and footnote index that hover and inlay hints use too.
    const result = checkDocument(entry.parsed, { rules, isCancelled, analysis: entry.analysis });
    if (isCancelled?.()) return undefined;
    entry.check = { generation, result };
    return result;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
