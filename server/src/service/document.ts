/**
 * A source document: a filing read by one of the front ends, with what only that syntax has.
 * The checker, the features and the hosts take a `SourceDocument` and ask its front end, by its
 * `kind`, whatever is syntax: how a change is written, what stands at a position.
 */
import type { Change } from './model/changes';
import { draftEdits } from './parse/draft/edits';
import { parseDraft, type ParsedDraft } from './parse/draft/parser';
import { xmlEdits } from './parse/xml/edits';
import { parseOwnershipXml, type ParsedXml } from './parse/xml/reader';
import { sniffOwnership } from './parse/xml/submission';
import type { TextEdit } from './rules/types';

export type SourceDocument = ParsedDraft | ParsedXml;

/** The edits that make `changes` in the document's own syntax, or undefined when it cannot. */
export function sourceEdits(document: SourceDocument, changes: readonly Change[]): TextEdit[] | undefined {
  switch (document.kind) {
    case 'draft':
      return draftEdits(document, changes);
    case 'xml':
      return xmlEdits(document, changes);
  }
}

/** Which front end reads a file, from its name and (for XML and text files) a look at its start. */
export function sourceKindOf(name: string, text: string): 'draft' | 'xml' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.form4') || lower.endsWith('.form4.md')) return 'draft';
  if (lower.endsWith('.xml') || lower.endsWith('.txt')) return sniffOwnership(text) ? 'xml' : undefined;
  return undefined;
}

/** Reads a source with the front end its kind names. */
export function parseSource(kind: 'draft' | 'xml', text: string): SourceDocument {
  return kind === 'xml' ? parseOwnershipXml(text) : parseDraft(text);
}
