/**
 * Writing text into XML: escaped, and kept to characters that any reader of the file takes as
 * they are meant. The ownership specification (§3.2) asks for `&`, `<`, `>` and `"` to be
 * escaped in every value; attributes escape `'` as well. Characters beyond ASCII are written as
 * character references (`&#8217;`), so that the file is plain ASCII whatever tool carries it to
 * EDGAR and whatever encoding that tool assumes. Characters XML 1.0 cannot carry at all (most
 * C0 control characters, a lone surrogate, U+FFFE, U+FFFF) have no escape: they are left out
 * and returned, for the exporter to report.
 */
import { isXmlCharacter } from '../model/edgar';

export interface EscapedText {
  readonly text: string;
  /** The code points left out because XML cannot carry them, in order. */
  readonly dropped: readonly number[];
}

const PLAIN = /^[\x20-\x21\x23-\x25\x28-\x3b\x3d\x3f-\x7e]*$/;
const NONE: readonly number[] = [];

/** Text content: `&`, `<`, `>` and `"` escaped, non-ASCII as character references. */
export function escapeXmlText(text: string): EscapedText {
  return escape(text, false);
}

/** An attribute value in double quotes: as text, and `'` escaped too. */
export function escapeXmlAttribute(text: string): EscapedText {
  return escape(text, true);
}

function escape(text: string, attribute: boolean): EscapedText {
  if (PLAIN.test(text)) return { text, dropped: NONE };
  let out = '';
  let dropped: number[] | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let replacement: string | undefined;
    let width = 1;
    if (unit === 0x26) replacement = '&amp;';
    else if (unit === 0x3c) replacement = '&lt;';
    else if (unit === 0x3e) replacement = '&gt;';
    else if (unit === 0x22) replacement = '&quot;';
    else if (unit === 0x27 && attribute) replacement = '&apos;';
    else if (unit === 0x9 && attribute) replacement = '&#9;';
    else if ((unit === 0xa || unit === 0xd) && attribute) replacement = `&#${unit};`;
    else if (unit === 0xd) replacement = '&#13;'; // a bare CR would be read as a line end
    else if (unit < 0x20 || unit > 0x7e) {
      let codePoint = unit;
      if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
          width = 2;
        }
      }
      if (unit === 0x9 || unit === 0xa) {
        replacement = undefined;
      } else if (isXmlCharacter(codePoint)) {
        replacement = `&#${codePoint};`;
      } else {
        (dropped ??= []).push(codePoint);
        replacement = '';
      }
    }
    if (replacement === undefined) continue;
    out += text.slice(from, i) + replacement;
    i += width - 1;
    from = i + 1;
  }
  out += text.slice(from);
  return { text: out, dropped: dropped ?? NONE };
}

/** `U+0007` for a message. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
