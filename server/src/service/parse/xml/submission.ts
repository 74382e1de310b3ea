/**
 * Where the ownership XML is: in an EDGAR full-submission text file, and which files hold one.
 *
 * A full-submission `.txt` (also served with other extensions: some corpus files named `.xml` are
 * submissions) is an SGML header (`<SEC-DOCUMENT>`, `<SEC-HEADER>` … `</SEC-HEADER>`), then one
 * `<DOCUMENT>` block per document (`<TYPE>4`, `<TYPE>EX-24` for a power of attorney, …), each with
 * its `<TEXT>`; an XML document stands between `<XML>` and `</XML>`, each marker on a line of its
 * own (an HTML exhibit saved by Word may hold a lower-case `<xml>` island: not a marker). Older
 * submissions start with `-----BEGIN PRIVACY-ENHANCED MESSAGE-----` before `<SEC-DOCUMENT>`.
 */
import { localNameOf } from './xmlTree';

export interface SourceSpan {
  readonly start: number;
  readonly end: number;
}

export type OwnershipFileKind = 'ownership-xml' | 'edgar-submission';

/** sniffOwnership looks no further than this many characters into a file. */
export const SNIFF_LIMIT = 65536;

const ROOT = 'ownershipDocument';
const OPEN_MARKER = '<XML>';
const CLOSE_MARKER = '</XML>';
const SUBMISSION_STARTS = ['<SEC-DOCUMENT>', '<SEC-HEADER>', '<DOCUMENT>', '-----BEGIN PRIVACY-ENHANCED MESSAGE-----'];

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The name of the root element of the XML in `text.slice(start, end)`, skipping white space, the
 * XML declaration, processing instructions, comments and a DOCTYPE; undefined when something else
 * comes first or the name does not end before `end`. Looks at no character past `end`.
 */
function rootNameAt(text: string, start: number, end: number): string | undefined {
  let i = skipSpaces(text, start, end);
  while (i < end) {
    let close: number;
    if (text.startsWith('<?', i)) close = endOf(text, '?>', i + 2, end);
    else if (text.startsWith('<!--', i)) close = endOf(text, '-->', i + 4, end);
    else if (text.startsWith('<!DOCTYPE', i)) close = doctypeEnd(text, i + 9, end);
    else break;
    if (close === -1) return undefined;
    i = skipSpaces(text, close, end);
  }
  if (text.charCodeAt(i) !== 0x3c /* < */) return undefined;
  let nameEnd = i + 1;
  while (nameEnd < end) {
    const c = text.charCodeAt(nameEnd);
    if (isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */) break;
    if (c === 0x3c || c === 0x21 || c === 0x3f) return undefined; // < ! ?: no element name
    nameEnd++;
  }
  return nameEnd < end && nameEnd > i + 1 ? text.slice(i + 1, nameEnd) : undefined;
}

/** Just after the first `needle` at or after `from` that ends by `end`, or -1; scans no further. */
function endOf(text: string, needle: string, from: number, end: number): number {
  const first = needle.charCodeAt(0);
  for (let i = from; i + needle.length <= end; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return i + needle.length;
  }
  return -1;
}

/** Just after the `>` that ends a DOCTYPE (its internal subset and quoted strings skipped), or -1. */
function doctypeEnd(text: string, from: number, end: number): number {
  let quote = 0;
  let subset = false;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x5b /* [ */) subset = true;
    else if (c === 0x5d /* ] */) subset = false;
    else if (c === 0x3e && !subset) return i + 1;
  }
  return -1;
}

/**
 * The span of the ownership XML in an EDGAR full-submission text file: the first document between
 * `<XML>` and `</XML>` whose root is `ownershipDocument`, without the markers, from its first
 * character that is not white space (the `<?xml` of the declaration, or the root when there is
 * none; white space before `<?xml` would be an XML error) to the `</XML>` (or the end of a
 * truncated file). Offsets are the file's own. Undefined when no document has such a root.
 */
export function findOwnershipXml(text: string): SourceSpan | undefined {
  let from = 0;
  for (;;) {
    const open = text.indexOf(OPEN_MARKER, from);
    if (open === -1) return undefined;
    const contentStart = open + OPEN_MARKER.length;
    const atLineStart = open === 0 || text.charCodeAt(open - 1) === 0x0a || text.charCodeAt(open - 1) === 0x0d;
    if (!atLineStart) {
      from = contentStart;
      continue;
    }
    const close = text.indexOf(CLOSE_MARKER, contentStart);
    const end = close === -1 ? text.length : close;
    const start = skipSpaces(text, contentStart, end);
    const name = rootNameAt(text, start, Math.min(end, start + SNIFF_LIMIT));
    if (name !== undefined && localNameOf(name) === ROOT) return { start, end };
    if (close === -1) return undefined;
    from = close + CLOSE_MARKER.length;
  }
}

/**
 * What a file an editor opens holds, from its first `SNIFF_LIMIT` characters only (it runs on
 * every XML and text file: it costs microseconds and parses nothing): 'ownership-xml' for XML whose
 * root element is `ownershipDocument` (after a BOM, white space, the declaration, comments,
 * processing instructions, a DOCTYPE), 'edgar-submission' for an EDGAR full-submission text whose
 * ownership XML starts in that prefix; anything else: undefined.
 */
export function sniffOwnership(text: string): OwnershipFileKind | undefined {
  const head = text.length > SNIFF_LIMIT ? text.slice(0, SNIFF_LIMIT) : text;
  const start = skipSpaces(head, head.charCodeAt(0) === 0xfeff ? 1 : 0, head.length);
  if (SUBMISSION_STARTS.some((s) => head.startsWith(s, start))) {
    return findOwnershipXml(head) ? 'edgar-submission' : undefined;
  }
  const name = rootNameAt(head, start, head.length);
  return name !== undefined && localNameOf(name) === ROOT ? 'ownership-xml' : undefined;
}
