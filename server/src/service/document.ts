/**
 * A source document: a filing read by one of the front ends, with what only that syntax has.
 * The checker, the features and the hosts take a `SourceDocument` and ask its front end, by its
 * `kind`, whatever is syntax: how a change is written, what stands at a position.
 */
import type { Change } from './model/changes';
import { draftEdits } from './parse/draft/edits';
import type { ParsedDraft } from './parse/draft/parser';
import type { TextEdit } from './rules/types';

export type SourceDocument = ParsedDraft;

/** The edits that make `changes` in the document's own syntax, or undefined when it cannot. */
export function sourceEdits(document: SourceDocument, changes: readonly Change[]): TextEdit[] | undefined {
  switch (document.kind) {
    case 'draft':
      return draftEdits(document, changes);
  }
}
