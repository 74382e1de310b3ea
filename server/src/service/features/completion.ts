/**
 * Completion: the transaction codes in a code cell (with their meanings), `A`/`D`, `D`/`I` and
 * `V` in their cells, footnote references after `(`, and the security titles already used in
 * the draft in a title cell; the snippets where a row or footnote can start (snippetCompletion.ts).
 * A code's meaning goes in `labelDescription` (LSP `labelDetails`), so that the list reads
 * "S  Open market or private sale …" rather than bare letters.
 */
import type { Analysis } from '../analysis/analysis';
import { TRANSACTION_CODES } from '../model/codes';
import { allRows } from '../model/filing';
import type { ParsedDraft } from '../parse/draft/parser';
import { columnOf, lineOf, type Pos, pos, type Span } from '../text/position';
import { locate } from './locate';
import { type SnippetDefinition, snippetsAt } from './snippetCompletion';

export type CompletionKind = 'code' | 'choice' | 'footnote' | 'title' | 'value' | 'snippet';

export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Shown beside the label in the list (LSP `labelDetails.description`): a code's meaning. */
  readonly labelDescription?: string;
  /** `insertText` is in the editor's snippet syntax (tab stops, `$CURRENT_YEAR`), not plain text. */
  readonly snippet?: boolean;
  /** Markdown. */
  readonly documentation?: string;
  /** The text to insert, replacing `span`. */
  readonly insertText: string;
  readonly span: Span;
  /** Sorts before other completions (codes usual in this table first). */
  readonly sortText: string;
  readonly preselect?: boolean;
}

/** Codes usual in each table, offered first. */
const USUAL: Readonly<Record<'I' | 'II', string>> = { I: 'SPMFAGJCXDI', II: 'MAXCODEHJG' };

export interface CompletionOptions {
  /** The snippets to offer where they fit; none when the client cannot insert snippets. */
  readonly snippets?: readonly SnippetDefinition[];
}

export function completionsAt(draft: ParsedDraft, analysis: Analysis, at: Pos, options: CompletionOptions = {}): Completion[] {
  const line = draft.lines[lineOf(at)]?.text ?? '';
  // A column past the line's end means its end (LSP), so that no completion replaces text that is not there.
  const character = Math.min(columnOf(at), line.length);
  const position = pos(lineOf(at), character);
  const offers = snippetsAt(draft, position, options.snippets ?? []);
  if (offers.length > 0) {
    return offers.map(({ snippet, from }, i) => ({
      label: snippet.prefix,
      kind: 'snippet' as const,
      detail: snippet.name,
      documentation: snippet.description,
      insertText: snippet.body,
      snippet: true,
      span: { start: position - character + from, end: position },
      sortText: `s${String(i).padStart(3, '0')}`,
    }));
  }
  const before = line.slice(0, character);
  // A footnote reference being typed: "(" or "(1" right before the cursor.
  const refStart = /\((\d{0,2})$/.exec(before);
  if (refStart) return footnoteCompletions(draft, position, character - refStart[0].length);
  const found = locate(draft, analysis, position);
  if (!found || found.kind !== 'cell' || found.header || !found.column) return [];
  const { column, cell, table } = found;
  // Replace what is typed in the cell so far (its value, footnote references left alone).
  const range = cell.text === '' ? { start: position, end: position } : cell.valueSpan;
  const emptyCell = cell.span.start === cell.span.end;
  const pad = (text: string): string => (emptyCell && line.trimStart().startsWith('|') ? ` ${text} ` : text);
  switch (column.kind) {
    case 'code':
      return TRANSACTION_CODES.map((c): Completion => {
        const rank = USUAL[table].indexOf(c.code);
        return {
          label: c.code,
          kind: 'code' as const,
          detail: c.meaning,
          labelDescription: c.meaning,
          documentation: `**${c.code}**: ${c.meaning}\n\n*Direction:* ${c.direction}`,
          insertText: pad(c.code),
          span: range,
          sortText: `${rank === -1 ? 9 : 0}${String(rank === -1 ? 99 : rank).padStart(2, '0')}${c.code}`,
        };
      }).sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0));
    case 'acquiredDisposed':
      return choices(['A', 'D'], ['Acquired', 'Disposed of'], range, pad);
    case 'ownership':
      return choices(['D', 'I'], ['Direct ownership', 'Indirect ownership (give its nature in the next column)'], range, pad);
    case 'timeliness':
      return choices(['V'], ['Voluntarily reported earlier than required (a Form 5 transaction)'], range, pad);
    case 'title':
    case 'underlyingTitle': {
      const titles = new Map<string, number>();
      for (const row of allRows(draft.filing)) {
        for (const t of [row.securityTitle.value, row.table === 'II' ? row.underlyingTitle.value : undefined]) {
          if (t) titles.set(t, (titles.get(t) ?? 0) + (row.table === table ? 2 : 1));
        }
      }
      return [...titles.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([title], i) => ({ label: title, kind: 'title' as const, detail: 'used in this draft', insertText: pad(title), span: range, sortText: String(i).padStart(3, '0') }));
    }
    default:
      return [];
  }
}

function choices(values: readonly string[], details: readonly string[], span: Span, pad: (t: string) => string): Completion[] {
  return values.map((v, i) => ({ label: v, kind: 'choice' as const, detail: details[i], labelDescription: details[i], insertText: pad(v), span, sortText: String(i) }));
}

function footnoteCompletions(draft: ParsedDraft, position: Pos, start: number): Completion[] {
  const line = draft.lines[lineOf(position)]?.text ?? '';
  // Swallow a ")" the editor closed automatically.
  const closing = line[columnOf(position)] === ')' ? 1 : 0;
  const replace = { start: position - columnOf(position) + start, end: position + closing };
  const footnotes = draft.filing.footnotes;
  const next = footnotes.reduce((max, f) => Math.max(max, f.id), 0) + 1;
  const items: Completion[] = footnotes.map((f, i) => ({
    label: `(${f.id})`,
    kind: 'footnote' as const,
    detail: f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text,
    documentation: f.text,
    insertText: `(${f.id})`,
    span: replace,
    sortText: String(i).padStart(3, '0'),
  }));
  items.push({ label: `(${next})`, kind: 'footnote', detail: 'a new footnote', insertText: `(${next})`, span: replace, sortText: '999' });
  return items;
}
