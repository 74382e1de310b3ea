/**
 * Footnotes as symbols: go to a reference's footnote, find every reference to a footnote, and
 * rename a footnote's number everywhere (each reference written in its own notation).
 */
import type { Analysis } from '../analysis/analysis';
import { writeFootnoteNumber } from '../parse/footnoteRefs';
import type { ParsedDraft } from '../parse/parser';
import type { TextEdit } from '../rules/types';
import type { Position, Range } from '../text/range';
import { locate } from './locate';

/** The footnote number at a position: on a reference, or on a footnote's marker. */
function footnoteIdAt(draft: ParsedDraft, analysis: Analysis, position: Position): { id: number; range: Range } | undefined {
  const found = locate(draft, analysis, position);
  if (found?.kind === 'ref') return { id: found.id, range: found.ref.numberRange };
  if (found?.kind === 'footnote' && found.onMarker) return { id: found.footnote.id, range: found.footnote.numberRange ?? found.footnote.markerRange };
  return undefined;
}

/** Where the footnote a reference points at is written. */
export function definitionAt(draft: ParsedDraft, analysis: Analysis, position: Position): Range[] {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return [];
  return (analysis.footnotes.footnotesById.get(at.id) ?? []).map((f) => f.range);
}

/** Every reference to the footnote at a position, and the footnote itself when asked. */
export function referencesAt(draft: ParsedDraft, analysis: Analysis, position: Position, includeDeclaration: boolean): Range[] {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return [];
  const refs = (analysis.footnotes.usesById.get(at.id) ?? []).map((u) => u.ref.range);
  const defs = includeDeclaration ? (analysis.footnotes.footnotesById.get(at.id) ?? []).map((f) => f.markerRange) : [];
  return [...defs, ...refs];
}

export type PrepareRename = { readonly range: Range; readonly placeholder: string } | { readonly error: string };

export function prepareRename(draft: ParsedDraft, analysis: Analysis, position: Position): PrepareRename | undefined {
  const at = footnoteIdAt(draft, analysis, position);
  if (!at) return undefined;
  return { range: at.range, placeholder: String(at.id) };
}

/**
 * Renames footnote `n` to `newName` everywhere. Footnotes numbered by position (bare `- `
 * bullets) get explicit numbers, all of them, so that renaming one does not renumber the rest.
 * Returns the edits, or the reason the rename cannot be made.
 */
export function renameFootnote(draft: ParsedDraft, analysis: Analysis, position: Position, newName: string): TextEdit[] | { error: string } {
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
    edits.push({ range: use.ref.numberRange, newText: writeFootnoteNumber(to, use.ref.notation) });
  }
  for (const footnote of draft.filing.footnotes) {
    const id = footnote.id === from ? to : footnote.id;
    if (footnote.numberRange) {
      if (footnote.id === from) edits.push({ range: footnote.numberRange, newText: String(to) });
    } else {
      // "- text" becomes "- (n) text": the marker range is the bullet.
      edits.push({ range: { start: footnote.markerRange.end, end: footnote.markerRange.end }, newText: ` (${id})` });
    }
  }
  return edits;
}
