/**
 * Footnote references, in the four notations FORMAT.md allows: `(1)`, `⁽¹⁾`, `<sup>(1)</sup>`
 * and `<sup>1</sup>`, one or several in a cell (`(1)(2)`, `(1, 2)`, `<sup>1,2</sup>`).
 */
import type { FootnoteRef } from '../../model/filing';
import type { Cut } from '../../text/cleanText';
import { LINE, lineSpan } from '../../text/position';

/** How a footnote reference is written; a rename writes the new number the same way. */
export type FootnoteNotation = 'paren' | 'superscript' | 'sup';

export const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4',
  '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
};
const DIGIT_TO_SUPERSCRIPT: readonly string[] = ['\u2070', '\u00b9', '\u00b2', '\u00b3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'];

/** `¹²` → 12. */
export function superscriptNumber(text: string): number {
  return Number(text.split('').map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join(''));
}

/** The notation of a reference's digits as written: superscript digits, or plain ones. */
export function notationOfDigits(digits: string): FootnoteNotation {
  return digits !== '' && SUPERSCRIPT_DIGITS[digits[0] ?? ''] !== undefined ? 'superscript' : 'paren';
}

/**
 * How a reference on line `text` is written: superscript digits, digits inside `<sup>…</sup>`,
 * or a number in parentheses. A rename writes the new number the same way.
 */
export function notationOf(text: string, ref: FootnoteRef): FootnoteNotation {
  const start = ref.numberSpan.start % LINE;
  if (notationOfDigits(text.slice(start, ref.numberSpan.end % LINE)) === 'superscript') return 'superscript';
  // Inside a `<sup>` tag when the nearest tag before the digits opens one.
  const before = text.slice(0, start);
  const open = before.toLowerCase().lastIndexOf('<sup>');
  return open !== -1 && before.indexOf('<', open + 1) === -1 ? 'sup' : 'paren';
}

/** Writes a footnote number in a notation, for renames and inserted references. */
export function writeFootnoteNumber(id: number, notation: FootnoteNotation): string {
  return notation === 'superscript'
    ? String(id).split('').map((d) => DIGIT_TO_SUPERSCRIPT[Number(d)] ?? d).join('')
    : String(id);
}

export interface FoundRefs {
  readonly refs: FootnoteRef[];
  /** The spans to leave out of the cell's value. */
  readonly cuts: Cut[];
}

// `<sup>…</sup>` holding only digits, parentheses, commas and spaces.
const SUP = /<sup>([\s(),\d\\]*)<\/sup>/gi;
// `⁽¹⁾`, `⁽¹²⁾`, or a bare run of superscript digits.
const SUPERSCRIPT = /\u207d?([\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{1,2})\u207e?/g;
// `(1)`, `( 12 )`, `(1, 2)`, Markdown-escaped `\(1\)`; 1 or 2 digits each (F1…F99), so that
// an amount such as `(1,000)` is not read as references.
const PAREN = /\\?\(\s*(\d{1,2}(?:\s*,\s*\d{1,2})*)\s*\\?\)/g;

/** White space as a regular expression's `\s` sees it. */
function isWhite(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITE.test(String.fromCharCode(c)));
}
const WHITE = /\s/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * `(1)`, `( 12 )`, `(1, 2)`, `\(1\)` at `i` (the `(` or the `\` before it), read by hand: the
 * same references as PAREN, in one pass without allocating. Returns the end of the match, or -1.
 */
function parenAt(text: string, i: number, to: number, found: number[]): number {
  let k = i;
  if (text.charCodeAt(k) === 92 /* \ */) k++;
  if (text.charCodeAt(k) !== 40 /* ( */) return -1;
  k++;
  found.length = 0;
  for (;;) {
    while (k < to && isWhite(text.charCodeAt(k))) k++;
    const start = k;
    while (k < to && isDigit(text.charCodeAt(k)) && k - start < 3) k++;
    if (k === start || k - start > 2) return -1;
    found.push(start, k);
    let j = k;
    while (j < to && isWhite(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) === 44 /* , */) {
      k = j + 1;
      continue;
    }
    if (text.charCodeAt(j) === 92 /* \ */) j++;
    return text.charCodeAt(j) === 41 /* ) */ ? j + 1 : -1;
  }
}

/**
 * The references of a cell that can only hold parenthesized ones (no `<`, no superscript digit:
 * the common case), found in one pass.
 */
function findParenRefs(text: string, line: number, from: number, to: number): FoundRefs {
  let refs: FootnoteRef[] | undefined;
  let cuts: Cut[] | undefined;
  const digits: number[] = [];
  const base = line * LINE;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 40 && c !== 92) continue;
    const end = parenAt(text, i, to, digits);
    if (end === -1) continue;
    const single = digits.length === 2;
    for (let d = 0; d < digits.length; d += 2) {
      const a = digits[d] as number;
      const b = digits[d + 1] as number;
      const numberSpan = { start: base + a, end: base + b };
      (refs ??= []).push({ id: Number(text.slice(a, b)), span: single ? { start: base + i, end: base + end } : numberSpan, numberSpan });
    }
    (cuts ??= []).push({ start: i, end });
    i = end - 1;
  }
  return { refs: refs ?? [], cuts: cuts ?? [] };
}

/** Whether a cell may hold a `<sup>` or superscript reference, which the full search finds. */
function mayHoldOtherRefs(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 60 || c === 0xb2 || c === 0xb3 || c === 0xb9 || (c >= 0x2070 && c <= 0x207e)) return true;
  }
  return false;
}

/** Finds the references in `text.slice(from, to)` of line `line`. Never throws. */
export function findFootnoteRefs(text: string, line: number, from: number, to: number): FoundRefs {
  if (!mayHoldOtherRefs(text, from, to)) return findParenRefs(text, line, from, to);
  const refs: FootnoteRef[] = [];
  const cuts: Cut[] = [];
  const slice = text.slice(from, to);
  const taken: boolean[] = new Array<boolean>(slice.length).fill(false);
  const take = (start: number, end: number): void => {
    for (let i = start; i < end; i++) taken[i] = true;
    cuts.push({ start: from + start, end: from + end });
  };
  const isFree = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };

  for (const m of slice.matchAll(SUP)) {
    const body = m[1] ?? '';
    if (!/\d/.test(body)) continue;
    const start = m.index;
    const bodyStart = start + m[0].indexOf('>') + 1;
    for (const d of body.matchAll(/(\\?\()?\s*(\d{1,2})\s*(\\?\))?/g)) {
      const digits = d[2] ?? '';
      const digitsAt = bodyStart + d.index + d[0].indexOf(digits);
      const wholeStart = d[1] ? bodyStart + d.index : digitsAt;
      const wholeEnd = d[3] ? bodyStart + d.index + d[0].length : digitsAt + digits.length;
      refs.push({
        id: Number(digits),
        span: lineSpan(line, from + wholeStart, from + wholeEnd),
        numberSpan: lineSpan(line, from + digitsAt, from + digitsAt + digits.length),
      });
    }
    take(start, start + m[0].length);
  }

  for (const m of slice.matchAll(SUPERSCRIPT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isFree(start, end)) continue;
    const raw = m[1] ?? '';
    const id = superscriptNumber(raw);
    const digitsAt = start + m[0].indexOf(raw);
    refs.push({
      id,
      span: lineSpan(line, from + start, from + end),
      numberSpan: lineSpan(line, from + digitsAt, from + digitsAt + raw.length),
    });
    take(start, end);
  }

  for (const m of slice.matchAll(PAREN)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isFree(start, end)) continue;
    const list = m[1] ?? '';
    const listAt = start + m[0].indexOf(list);
    const single = !list.includes(',');
    for (const d of list.matchAll(/\d{1,2}/g)) {
      const digitsAt = listAt + d.index;
      refs.push({
        id: Number(d[0]),
        span: single ? lineSpan(line, from + start, from + end) : lineSpan(line, from + digitsAt, from + digitsAt + d[0].length),
        numberSpan: lineSpan(line, from + digitsAt, from + digitsAt + d[0].length),
      });
    }
    take(start, end);
  }

  refs.sort((a, b) => a.span.start - b.span.start);
  return { refs, cuts };
}
