/**
 * Cleaning a slice of a line into the value a person reads, while remembering where each
 * character came from. Drafts pasted from EDGAR's HTML rendering or from Markdown carry tags
 * (`<u>`, `<b>`), entities (`&nbsp;`) and escapes (`\$`); checks read the clean text but must
 * report at the exact characters of the original line, so every clean character keeps the
 * offsets of the source characters it was made from.
 */
export interface CleanText {
  /** The cleaned text. */
  readonly text: string;
  /** For each character of `text`, the offset in the line of the first source character. */
  readonly starts: readonly number[];
  /** For each character of `text`, the offset in the line just after its source characters. */
  readonly ends: readonly number[];
  /** Where an empty text stands in the line. */
  readonly origin: number;
}

/** A span of the line `[start, end)` that cleaning removes. */
export interface Cut {
  readonly start: number;
  readonly end: number;
}

const ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#160': ' ',
  '#39': "'",
};

export const ESCAPABLE: ReadonlySet<string> = new Set(['\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '+', '-', '.', '!', '|', '$', '<', '>', '~']);

/**
 * Cleans `line.slice(from, to)`: drops the `cuts` (footnote references, say), HTML tags,
 * decodes the common entities and Markdown backslash escapes. Never throws.
 */
export function cleanText(line: string, from: number, to: number, cuts: readonly Cut[] = []): CleanText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const sortedCuts = [...cuts].sort((a, b) => a.start - b.start);
  let cutIndex = 0;
  // The next `>` and `<` at or after a point, remembered so that a line of ten thousand unclosed
  // `<` is read in linear time rather than searched to its end once per `<`.
  let nextGt = -1;
  let nextLt = -1;
  let i = from;
  while (i < to) {
    while (cutIndex < sortedCuts.length && (sortedCuts[cutIndex]?.end ?? 0) <= i) cutIndex++;
    const cut = sortedCuts[cutIndex];
    if (cut && cut.start <= i) {
      i = Math.max(i + 1, cut.end);
      continue;
    }
    const ch = line[i] ?? '';
    if (ch === '<') {
      if (nextGt !== Infinity && nextGt <= i) nextGt = indexOrInfinity(line, '>', i + 1);
      if (nextLt !== Infinity && nextLt <= i) nextLt = indexOrInfinity(line, '<', i + 1);
      const close = nextGt;
      // A tag is `<name …>` or `</name>` with no `<` inside; a bare `<` (as in "< 10%") stays text.
      if (close < to && nextLt > close && /^<\/?[A-Za-z][^<>]*>$/.test(line.slice(i, close + 1))) {
        // A tag separates words as a space would, so "<u>A</u><u>B</u>" reads "A B".
        chars.push(' ');
        starts.push(i);
        ends.push(close + 1);
        i = close + 1;
        continue;
      }
    } else if (ch === '&') {
      // Entities are short (`&nbsp;`, `&#x10FFFF;`): look for the `;` within the next few characters only.
      const semi = line.slice(i + 1, Math.min(to, i + 11)).indexOf(';') + i + 1;
      if (semi > i) {
        const name = line.slice(i + 1, semi);
        const decoded = semi - i <= 6 ? ENTITIES[name.toLowerCase()] : undefined;
        const numeric = decoded === undefined ? numericReference(name) : undefined;
        const found = decoded ?? numeric;
        if (found !== undefined) {
          // One entry per UTF-16 unit: a character beyond U+FFFF is two, both from the one reference.
          for (let k = 0; k < found.length; k++) {
            chars.push(found[k] ?? '');
            starts.push(i);
            ends.push(semi + 1);
          }
          i = semi + 1;
          continue;
        }
      }
    } else if (ch === '\\' && i + 1 < to && ESCAPABLE.has(line[i + 1] ?? '')) {
      chars.push(line[i + 1] ?? '');
      starts.push(i);
      ends.push(i + 2);
      i += 2;
      continue;
    }
    chars.push(ch);
    starts.push(i);
    ends.push(i + 1);
    i++;
  }
  return { text: chars.join(''), starts, ends, origin: from };
}

/**
 * A numeric character reference's character: `#40` is `(`, `#x2019` is `’`. A draft writes one
 * where the character itself would be read as syntax (`&#40;12)` is the text "(12)", not a
 * footnote reference); a reference to no character (0, a surrogate, beyond U+10FFFF) is left as written.
 */
function numericReference(name: string): string | undefined {
  const m = /^#(?:([0-9]{1,7})|[xX]([0-9a-fA-F]{1,6}))$/.exec(name);
  if (!m) return undefined;
  const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? '', 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

function indexOrInfinity(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? Infinity : at;
}

/** The trimmed span of a clean text, as offsets in the line: `[start, end)`. */
export function trimmedSpan(clean: CleanText): { start: number; end: number; text: string } {
  const text = clean.text;
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  if (a === b) {
    return { start: clean.origin, end: clean.origin, text: '' };
  }
  return { start: clean.starts[a] ?? clean.origin, end: clean.ends[b - 1] ?? clean.origin, text: collapseSpaces(text.slice(a, b)) };
}

/** The span in the line of clean characters `[a, b)`. */
export function spanOf(clean: CleanText, a: number, b: number): { start: number; end: number } {
  if (b <= a) {
    const at = clean.starts[a] ?? clean.ends[clean.ends.length - 1] ?? clean.origin;
    return { start: at, end: at };
  }
  return { start: clean.starts[a] ?? clean.origin, end: clean.ends[b - 1] ?? clean.origin };
}

/** The spaces a cell's value is trimmed of: space, tab, no-break space, ideographic space. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 160 || code === 0x3000;
}

/** Runs of whitespace (tabs, no-break spaces, several spaces) read as one space. */
export function collapseSpaces(text: string): string {
  // Most values have single spaces only: leave them as they are, without a new string.
  return /\s\s|[^\S ]|[\u00a0\u3000]/.test(text) ? text.replace(/[\s\u00a0\u3000]+/g, ' ') : text;
}
