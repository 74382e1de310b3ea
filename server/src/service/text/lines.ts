/**
 * Splits a draft into lines. A draft may use \n, \r\n or \r line breaks (all three occur in
 * files pasted from Windows and older Mac tools); each line keeps the offset of its first
 * character so that edits can be computed against the original text.
 */
export interface SourceLine {
  /** 0-based line number. */
  readonly index: number;
  /** The line's text, without its line break. */
  readonly text: string;
  /** Offset of the line's first character in the whole text. */
  readonly offset: number;
  /** The line break that ends it ('' for the last line). */
  readonly eol: string;
}

export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || ch === 13 /* \r */) {
      const crlf = ch === 13 && text.charCodeAt(i + 1) === 10;
      const eol = crlf ? '\r\n' : ch === 13 ? '\r' : '\n';
      lines.push({ index: index++, text: text.slice(start, i), offset: start, eol });
      if (crlf) i++;
      start = i + 1;
    }
  }
  lines.push({ index, text: text.slice(start), offset: start, eol: '' });
  return lines;
}

/** The line break a draft mostly uses, for text that a fix or a formatter inserts. */
export function dominantEol(lines: readonly SourceLine[]): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (const line of lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
    else if (line.eol === '\r') cr++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}
