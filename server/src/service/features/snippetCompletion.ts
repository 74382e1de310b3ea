/**
 * The snippets (snippets/form4.code-snippets) as completions, offered only where what they
 * insert can stand: a row snippet at the start of a line of its table, a footnote snippet at the
 * start of a line of the Explanation of Responses, the blank draft in an empty document. Inside
 * a cell, none: a row (or two) inserted into a code cell is never what the drafter wants, and
 * VS Code offers a contributed snippet everywhere, which is why the server offers them instead.
 *
 * The host reads the file (the service does no I/O) and passes its snippets in.
 */
import type { TableId } from '../model/columns';
import type { DraftSection, ParsedDraft } from '../parse/draft/parser';
import { columnOf, lineOf, type Pos } from '../text/position';

export interface SnippetDefinition {
  /** The snippet's name in the file: "Form 4: Table I transaction row". */
  readonly name: string;
  readonly prefix: string;
  /** The body in the editor's snippet syntax, lines joined with `\n`. */
  readonly body: string;
  readonly description: string;
}

export type SnippetPlace = { readonly kind: 'row'; readonly table: TableId } | { readonly kind: 'line' } | { readonly kind: 'draft' };

/** Where a snippet's text belongs, from its first line: a table row, the whole draft, or a line of its own. */
export function placeOf(snippet: SnippetDefinition): SnippetPlace {
  const first = snippet.body.split('\n', 1)[0] ?? '';
  if (/^\s*\|/.test(first)) return { kind: 'row', table: cellsOf(first) >= 16 ? 'II' : 'I' };
  if (/^FORM 4\b/.test(first)) return { kind: 'draft' };
  return { kind: 'line' };
}

/** Cells of a snippet's row: pipes not escaped and not in a choice (`${4|S,P|}`), less the outer two. */
function cellsOf(row: string): number {
  return row.replace(/\$\{\d+\|(?:\\.|[^|\\])*\|\}/g, 'x').trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).length;
}

export interface SnippetOffer {
  readonly snippet: SnippetDefinition;
  /** Where the typed prefix starts on the line (a column): the snippet replaces it. */
  readonly from: number;
}

/** The snippets that fit at `position`, or none when the cursor is not where a line can start. */
export function snippetsAt(draft: ParsedDraft, position: Pos, snippets: readonly SnippetDefinition[]): SnippetOffer[] {
  if (snippets.length === 0) return [];
  const lineNo = lineOf(position);
  const line = draft.lines[lineNo]?.text ?? '';
  const character = columnOf(position);
  // Only blanks, then at most the word being typed ("form4-ro"), before the cursor; nothing after it.
  const typed = /^([ \t]*)([\w-]*)$/.exec(line.slice(0, character));
  if (!typed || line.slice(character).trim() !== '') return [];
  const from = typed[1]?.length ?? 0;
  const section = sectionAt(draft.sections, lineNo);
  const empty = draft.lines.every((l, i) => i === lineNo || l.text.trim() === '');
  return snippets
    .filter((s) => fits(placeOf(s), section, empty))
    .map((snippet) => ({ snippet, from }));
}

function fits(place: SnippetPlace, section: DraftSection['kind'] | undefined, empty: boolean): boolean {
  switch (place.kind) {
    case 'draft':
      return empty;
    case 'row':
      // Before any table (a draft being written top-down), either table's rows may start.
      return section === 'tableI' ? place.table === 'I' : section === 'tableII' ? place.table === 'II' : section === undefined || section === 'header';
    case 'line':
      return section === 'explanation' || section === 'remarks';
  }
}

/** The section the line is in: the last one that starts on or before it (blank lines after a table are still its). */
function sectionAt(sections: readonly DraftSection[], line: number): DraftSection['kind'] | undefined {
  let found: DraftSection | undefined;
  for (const s of sections) if (lineOf(s.span.start) <= line && (!found || s.span.start >= found.span.start)) found = s;
  return found?.kind;
}
