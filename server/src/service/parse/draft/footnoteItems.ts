/**
 * The items of the Explanation of Responses. Each starts a new footnote: `(1) text`, `1. text`,
 * `- 1. text`, `- (1) text`, or a bare `- text` bullet, which takes the number after the
 * previous item's (so a list of bare bullets is numbered 1, 2, 3 … in order).
 */
import { lineSpan, type Span } from '../../text/position';
import { superscriptNumber } from './footnoteRefs';

const SUPERSCRIPT = '\u2070\u00b9\u00b2\u00b3\u2074-\u2079';
const NUMBERED = new RegExp(
  `^(\\s*(?:[-*+]\\s+)?)(?:\\\\?\\((\\d{1,2})\\\\?\\)|(\\d{1,2})\\\\?\\.(?=\\s)|\\u207d?([${SUPERSCRIPT}]{1,2})\\u207e?|<sup>\\s*\\(?(\\d{1,2})\\)?\\s*</sup>|\\[(\\d{1,2})\\])[\\s:.]*`,
);
const BULLET = /^(\s*)[-*+](?!\*)\s+/;

export interface ItemStart {
  /** The explicit number, or undefined for a bare bullet. */
  readonly id: number | undefined;
  readonly markerSpan: Span;
  readonly numberSpan?: Span;
  /** Where the footnote's text begins on the line. */
  readonly textStart: number;
}

/** Reads the start of a footnote item on line `line`, if the line starts one. */
export function footnoteItemStart(text: string, line: number): ItemStart | undefined {
  const m = NUMBERED.exec(text);
  if (m) {
    const digits = m[2] ?? m[3] ?? m[5] ?? m[6];
    const superscript = m[4];
    const raw = digits ?? superscript ?? '';
    const id = digits !== undefined ? Number(digits) : superscriptNumber(raw);
    const lead = (m[1] ?? '').length;
    const digitsAt = text.indexOf(raw, lead);
    const markerStart = text.search(/\S/);
    return {
      id,
      markerSpan: lineSpan(line, markerStart, m[0].trimEnd().length),
      numberSpan: lineSpan(line, digitsAt, digitsAt + raw.length),
      textStart: m[0].length,
    };
  }
  const b = BULLET.exec(text);
  if (b) {
    const markerStart = text.search(/\S/);
    return { id: undefined, markerSpan: lineSpan(line, markerStart, markerStart + 1), textStart: b[0].length };
  }
  return undefined;
}
