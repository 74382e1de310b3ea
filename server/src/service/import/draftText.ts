/**
 * Writing values into a draft so that the draft reader reads them back unchanged: the escapes
 * of docs/format.md ("Escapes") and the draft's forms of numbers and dates.
 *
 * The reader cleans every value (tags, entities and backslash escapes removed) and finds
 * structure in raw text: a footnote reference `(12)`, a table that starts at "Table II", a
 * signature at `/s/`. So a character that would be read as syntax is written as what cleaning
 * turns back into it: `\|` and `` \` `` in a row, `\\` before a character a backslash escapes,
 * `&amp;` for an `&` that starts an entity, `&lt;` for a `<` that starts a tag, and a numeric
 * character reference (`&#40;12)`) where the raw text must not match a pattern.
 */
import { type CalendarDate, formatDate } from '../model/calendarDate';
import { type Decimal, formatDecimal } from '../model/decimal';
import type { Field, FootnoteRef, Quantity } from '../model/filing';

/** The characters a backslash escapes in a draft (text/cleanText.ts). */
const ESCAPABLE = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '$', '<', '>', '~']);

/** Where a text is written: each reads its value differently. */
export type TextPlace =
  /** A cell of a pipe row. */
  | 'cell'
  /** A header box value or a detail line's value: before the tables, not a row. */
  | 'box'
  /** A footnote's text after its `(n)`, or the remarks: prose after the footnotes. */
  | 'prose'
  /** The name after `/s/`. */
  | 'signature';

const SUPERSCRIPT = /[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]/;
/** A footnote reference as the reader finds it in raw text (parse/draft/footnoteRefs.ts). */
const PAREN_REF = /\\?\(\s*\d{1,2}(?:\s*,\s*\d{1,2})*\s*\\?\)/g;
/** An `&` that cleaning would decode: a named entity or a numeric character reference. */
const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,7});/;
/** A `<` that starts a tag (`<u>`, `</b>`, `<sup>`). */
const TAG_START = /^<[A-Za-z/!?]/;
/** Words that start a part of the draft wherever they stand in a line before the footnotes. */
const TABLE_WORD = /\bTable\s+II?\b/gi;
/** Words that start a part of the draft at the start of a row (the reader skips the pipes). */
const ROW_STARTS = [/\/s\//gi, /explanation\s+of\s+responses/gi, /signature\s+of\s+reporting\s+person/gi];
/** A check mark, read as a box's mark in box 5 (parse/draft/header.ts readMarks). */
const MARK = /\[[ xX]?\]|[\u2610\u2611\u2612\u2713\u2714\u25a1]/g;

function reference(ch: string): string {
  return `&#${ch.codePointAt(0) ?? 0};`;
}

/**
 * `text` written for `place`. The reader's cleaning turns the result back into `text` (its
 * spaces collapsed, as the reader collapses them); the readers' own limits that no escape can
 * reach (a `[` in an issuer name, a `(12)` in box 5) are left to the read-back check.
 */
export function escapeText(text: string, place: TextPlace): string {
  const collapsed = text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (collapsed === '') return '';
  // Characters written as numeric references, by index: they must not match a pattern raw.
  const asReference = new Set<number>();
  const mark = (re: RegExp, at: (m: RegExpMatchArray) => number = (m) => m.index ?? 0): void => {
    for (const m of collapsed.matchAll(re)) asReference.add(at(m));
  };
  if (place !== 'prose') {
    // "(12)" is a reference; "&#40;12)" is text. The `(` may follow a backslash: `\(12)`.
    mark(PAREN_REF, (m) => (m.index ?? 0) + m[0].indexOf('('));
    for (let i = 0; i < collapsed.length; i++) if (SUPERSCRIPT.test(collapsed[i] ?? '')) asReference.add(i);
  }
  if (place === 'cell' || place === 'box') mark(TABLE_WORD);
  if (place === 'cell') for (const re of ROW_STARTS) mark(re);
  if (place === 'box') mark(MARK);
  if (place === 'signature') {
    // A date at the end of the /s/ line is the signature date: "/s/ Name 1/2/2024".
    const date = /(?:^|\s)\d{1,2}\/\d{1,2}\/\d{2,4}$/.exec(collapsed);
    if (date) asReference.add(collapsed.length - 1);
  }
  if (place === 'prose') {
    // After `(n)` the reader skips spaces, `:` and `.`; "…" or ": see below" keep theirs.
    if (/^[:.]/.test(collapsed)) asReference.add(0);
  }
  if (place === 'cell' && /^:?-+:?$/.test(collapsed)) asReference.add(collapsed.indexOf('-'));
  let out = '';
  for (let i = 0; i < collapsed.length; i++) {
    const ch = collapsed[i] ?? '';
    const rest = collapsed.slice(i, i + 12);
    if (asReference.has(i)) out += reference(ch);
    // Before a character it escapes, or last (what follows the text may be one: "Other (\\)").
    else if (ch === '\\' && (i + 1 === collapsed.length || ESCAPABLE.has(collapsed[i + 1] ?? ''))) out += '\\\\';
    else if (ch === '|' && place === 'cell') out += '\\|';
    else if (ch === '`' && place === 'cell') out += '\\`';
    else if (ch === '&' && ENTITY.test(rest)) out += '&amp;';
    else if (ch === '<' && TAG_START.test(rest)) out += '&lt;';
    else out += ch;
  }
  return out;
}

/** The footnote references of a field, as the draft writes them: `(1) (2)`. */
export function refsText(refs: readonly FootnoteRef[]): string {
  return refs.map((r) => `(${r.id})`).join(' ');
}

/** A value and its references, one space apart; empty when there is neither. */
export function withRefs(value: string, refs: readonly FootnoteRef[]): string {
  const written = refsText(refs);
  if (value === '') return written;
  return written === '' ? value : `${value} ${written}`;
}

/** The decimals the value was written with (`4.10` keeps its 0), so that nothing looks rounded. */
function decimalsOf(text: string): number {
  const m = /\.(\d+)\s*$/.exec(text.replace(/[$,\s]/g, ''));
  return m ? (m[1] ?? '').length : 0;
}

/** `10,000`, `18.3654`: a decimal with thousands separators, its written decimals kept. */
export function formatAmount(value: Decimal, text: string): string {
  return formatDecimal(value, decimalsOf(text));
}

/**
 * A field written as the draft writes its kind of value, or its text (escaped) when it has no
 * value: a draft reads an unreadable value as unreadable, and a blank one as blank.
 */
function fieldText<T>(field: Field<T>, format: (value: T) => string): string {
  if (field.value !== undefined) return format(field.value);
  return escapeText(field.text, 'cell');
}

export function priceCell(field: Field<Decimal>, extraRefs: readonly FootnoteRef[] = []): string {
  return withRefs(fieldText(field, (v) => `$${formatAmount(v, field.text)}`), [...field.refs, ...extraRefs]);
}

export function quantityCell(field: Field<Quantity>, extraRefs: readonly FootnoteRef[] = []): string {
  return withRefs(fieldText(field, (q) => `${q.dollars ? '$' : ''}${formatAmount(q.amount, field.text)}`), [...field.refs, ...extraRefs]);
}

export function dateCell(field: Field<CalendarDate>): string {
  return withRefs(fieldText(field, formatDate), field.refs);
}

export function textCell(field: Field<string>): string {
  return withRefs(escapeText(field.text, 'cell'), field.refs);
}
