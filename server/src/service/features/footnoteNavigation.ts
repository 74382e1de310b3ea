/**
 * Footnotes as symbols: go to a reference's footnote, find every reference to a footnote, and
 * rename a footnote's number everywhere (each reference written in its own notation).
 */
import type { Analysis } from '../analysis/analysis';
import { notationOfDigits, writeFootnoteNumber } from '../parse/draft/footnoteRefs';
import type { ParsedDraft } from '../parse/draft/parser';
import type { TextEdit } from '../rules/types';
import { columnOf, lineOf, type Pos, type Span } from '../text/position';
import { locate } from './locate';

/** The footnote number at a position: on a reference, or on a footnote's marker. */
function footnoteIdAt(draft: ParsedDraft, analysis: Analysis, position: Pos): { id: number; span: Span } | undefined {
  const found = locate(draft, analysis, position);
  if (found?.kind === 'ref') return { id: found.id, span: found.ref.numberSpan };
  if (found?.kind === 'footnote' && found.onMarker) return { id: found.footnote.id, span: found.footnote.numberSpan ?? found.footnote.markerSpan };
  return undefined;
}

/** The text of a span on one line. */
function textOf(draft: ParsedDraft, span: Span): string {
  return draft.lines[lineOf(span.start)]?.text.slice(columnOf(span.start), columnOf(span.end)) ?? '';
}

/** Where the footnote a reference points at is written. */
export function definitionAt(draft: ParsedDraft, analysis: Analysis, position: Pos): Span[] {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return [];
  return (analysis.footnotes.footnotesById.get(at.id) ?? []).map((f) => f.span);
}

/** Every reference to the footnote at a position, and the footnote itself when asked. */
export function referencesAt(draft: ParsedDraft, analysis: Analysis, position: Pos, includeDeclaration: boolean): Span[] {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return [];
  const refs = (analysis.footnotes.usesById.get(at.id) ?? []).map((u) => u.ref.span);
  const defs = includeDeclaration ? (analysis.footnotes.footnotesById.get(at.id) ?? []).map((f) => f.markerSpan) : [];
  return [...defs, ...refs];
}

export type PrepareRename = { readonly span: Span; readonly placeholder: string } | { readonly error: string };

export function prepareRename(draft: ParsedDraft, analysis: Analysis, position: Pos): PrepareRename | undefined {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return undefined;
  return { span: at.span, placeholder: String(at.id) };
}

/**
 * Renames footnote `n` to `newName` everywhere. Footnotes numbered by position (bare `- `
 * bullets) get explicit numbers, all of them, so that renaming one does not renumber the rest.
 * Returns the edits, or the reason the rename cannot be made.
 */
export function renameFootnote(draft: ParsedDraft, analysis: Analysis, position: Pos, newName: string): TextEdit[] | { error: string } {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return { error: 'Rename works on a footnote number: a reference such as (2) or the number of a footnote.' };
  const wanted = newName.trim().replace(/^\((\d+)\)$/, '$1');
  if (!/^\d{1,2}$/.test(wanted) || Number(wanted) < 1) return { error: `Footnote numbers go from 1 to 99, not "${newName}".` };
  const to = Number(wanted);
  const from = at.id;
  if (to === from) return [];
  if (analysis.footnotes.footnotesById.has(to)) return { error: `Footnote (${to}) already exists: rename it first, or pick another number.` };
  const edits: TextEdit[] = [];
  for (const use of analysis.footnotes.usesById.get(from) ?? []) {
    edits.push({ span: use.ref.numberSpan, newText: writeFootnoteNumber(to, notationOfDigits(textOf(draft, use.ref.numberSpan))) });
  }
  for (const footnote of draft.filing.footnotes) {
    const id = footnote.id === from ? to : footnote.id;
    if (footnote.numberSpan) {
      if (footnote.id === from) edits.push({ span: footnote.numberSpan, newText: String(to) });
    } else {
      // "- text" becomes "- (n) text": the marker span is the bullet.
      edits.push({ span: { start: footnote.markerSpan.end, end: footnote.markerSpan.end }, newText: ` (${id})` });
    }
  }
  return edits;
}
