/**
 * Footnote references, in the four notations FORMAT.md allows: `(1)`, `⁽¹⁾`, `<sup>(1)</sup>`
 * and `<sup>1</sup>`, one or several in a cell (`(1)(2)`, `(1, 2)`, `<sup>1,2</sup>`).
 */
import type { FootnoteNotation, FootnoteRef } from '../model/filing';
import type { Cut } from '../text/cleanText';
import { lineRange } from '../text/range';

export const SUPERSCRIPT_DIGITS: Readonly<Record<string, string>> = {
  '\u2070': '0', '\u00b9': '1', '\u00b2': '2', '\u00b3': '3', '\u2074': '4',
  '\u2075': '5', '\u2076': '6', '\u2077': '7', '\u2078': '8', '\u2079': '9',
};
const DIGIT_TO_SUPERSCRIPT: readonly string[] = ['\u2070', '\u00b9', '\u00b2', '\u00b3', '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079'];

/** `¹²` → 12. */
export function superscriptNumber(text: string): number {
  return Number(text.split('').map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join(''));
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

/** Finds the references in `text.slice(from, to)` of line `line`. Never throws. */
export function findFootnoteRefs(text: string, line: number, from: number, to: number): FoundRefs {
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
        range: lineRange(line, from + wholeStart, from + wholeEnd),
        numberRange: lineRange(line, from + digitsAt, from + digitsAt + digits.length),
        notation: 'sup',
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
      range: lineRange(line, from + start, from + end),
      numberRange: lineRange(line, from + digitsAt, from + digitsAt + raw.length),
      notation: 'superscript',
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
        range: single ? lineRange(line, from + start, from + end) : lineRange(line, from + digitsAt, from + digitsAt + d[0].length),
        numberRange: lineRange(line, from + digitsAt, from + digitsAt + d[0].length),
        notation: 'paren',
      });
    }
    take(start, end);
  }

  refs.sort((a, b) => a.range.start.character - b.range.start.character);
  return { refs, cuts };
}
