/**
 * Test support for the import: an ownership XML document imported as a draft, the draft read
 * back, and the two readings compared as facts (`filingFacts`) and as findings (rule, severity
 * and message; positions differ between the syntaxes, and the `xml-*` rules judge only XML).
 */
import assert from 'node:assert/strict';
import { checkDocument } from '../../server/src/service/check';
import { importOwnershipXml, type ImportedDraft } from '../../server/src/service/import/importXml';
import { parseDraft, type ParsedDraft } from '../../server/src/service/parse/draft/parser';
import type { SourceDocument } from '../../server/src/service/document';
import { filingFacts } from './facts';

/** A finding as the round trip compares it: rule, severity, message. */
export function findingsOf(document: SourceDocument, ignore: readonly string[] = []): string[] {
  const result = checkDocument(document);
  if (result.failures.length > 0) throw new Error(`rules failed: ${result.failures.map((f) => `${f.rule}: ${String(f.error)}`).join('; ')}`);
  return result.findings
    .filter((f) => !f.rule.startsWith('xml-') && !ignore.includes(f.rule))
    .map((f) => `${f.rule} ${f.severity}: ${f.message}`)
    .sort();
}

export interface RoundTrip {
  readonly imported: ImportedDraft;
  /** The draft, read back. */
  readonly back: ParsedDraft;
  readonly notes: readonly string[];
}

/** Imports `xml`; fails unless it is imported. */
export function imported(xml: string): ImportedDraft {
  const result = importOwnershipXml(xml);
  if (result.kind !== 'draft') throw new Error(`refused: ${result.reason}`);
  return result;
}

/**
 * XML → filing → draft → filing: asserts that every fact is equal and that the draft checks with
 * the same findings as the XML; returns the draft and its notes for further assertions.
 */
export function roundTrip(xml: string, options: { readonly ignoreRules?: readonly string[] } = {}): RoundTrip {
  const result = imported(xml);
  const back = parseDraft(result.draft);
  assert.deepEqual(filingFacts(back.filing), filingFacts(result.source.filing), 'the draft holds the facts of the XML');
  assert.deepEqual(findingsOf(back, options.ignoreRules), findingsOf(result.source, options.ignoreRules), 'the draft checks as the XML does');
  return { imported: result, back, notes: result.notes.map((n) => n.message) };
}

/** The notes every import of `ownershipXml()` has: its schemaVersion. */
export const SCHEMA_NOTE = 'The schema version (schemaVersion "X0508") is not carried. EDGAR sets it, and an export writes the version it follows.';
