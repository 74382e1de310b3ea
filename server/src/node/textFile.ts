/**
 * Reading a draft's bytes as text, for the command line (the editor decodes files itself).
 * Drafters save from Windows Notepad ("Unicode" is UTF-16 LE with a byte-order mark), from word
 * processors and from PDF tools, and sometimes pass the wrong file altogether: this tells text
 * from binary and gives the text whatever its encoding among UTF-8 and UTF-16.
 *
 * - A byte-order mark decides: EF BB BF is UTF-8, FF FE is UTF-16 LE, FE FF is UTF-16 BE (the
 *   mark is not part of the text). FF FE 00 00 and 00 00 FE FF are UTF-32, which is refused.
 * - Without a mark, a file with NUL bytes is UTF-16 only when they fall almost all on one side
 *   (the high byte of ASCII characters): at least 40% of the code units have a zero byte on that
 *   side and at most a tenth as many on the other. Any other file with a NUL byte is binary.
 * - Everything else is UTF-8. An invalid sequence becomes U+FFFD; when more than 1% of the bytes
 *   (at least 4) are invalid, the file is binary (or text in an encoding this does not read).
 * - Decoded text with control characters other than tab, line ends, form feed, vertical tab,
 *   escape and a DOS end-of-file mark in more than 1% of its characters is binary too.
 * - A few well-known binary formats (PNG, JPEG, GIF, PDF, ZIP and so .docx/.xlsx, OLE and so
 *   .doc/.xls) are named in the reason.
 *
 * Line ends are left as they are (CRLF stays CRLF). Never throws.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
  /** The file started with a byte-order mark (removed from `text`). */
  readonly bom: boolean;
  /** Invalid sequences (UTF-8) or unpaired surrogates (UTF-16) replaced by U+FFFD. */
  readonly replacements: number;
}

export interface BinaryFile {
  readonly binary: true;
  /** Why, as a phrase that completes "… is not a text file: ". */
  readonly reason: string;
}

/** Invalid bytes above this fraction (and above MIN_INVALID) make a UTF-8 file binary. */
const MAX_INVALID_FRACTION = 0.01;
const MIN_INVALID = 4;
/** Control characters above this fraction of the text make it binary. */
const MAX_CONTROL_FRACTION = 0.01;

export function decodeTextFile(bytes: Uint8Array): DecodedText | BinaryFile {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', bom: false, replacements: 0 };

  const format = knownBinaryFormat(bytes);
  if (format) return { binary: true, reason: `it is ${format}` };

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    return { binary: true, reason: 'it is UTF-32 text, which is not read: save it as UTF-8' };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return fromUtf8(bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe])) return fromUtf16(bytes.subarray(2), 'utf-16le', true);
  if (startsWith(bytes, [0xfe, 0xff])) return fromUtf16(bytes.subarray(2), 'utf-16be', true);

  if (bytes.includes(0)) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return fromUtf16(bytes, utf16, false);
    return {
      binary: true,
      reason: bytes.every((b) => b === 0) ? 'it holds nothing but NUL bytes' : 'it contains NUL bytes (a binary file, or text in an encoding other than UTF-8 and UTF-16)',
    };
  }
  return fromUtf8(bytes, false);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function knownBinaryFormat(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'a GIF image';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'a PDF document';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return 'a ZIP archive (a .docx or .xlsx file is one: save the draft as plain text)';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return 'an OLE compound file (a .doc or .xls file is one: save the draft as plain text)';
  }
  return undefined;
}

/** The byte order of BOM-less UTF-16, when its NUL bytes show it plainly; else undefined. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length % 2 !== 0) return undefined;
  const units = bytes.length / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  // ASCII in UTF-16 LE is "A\0": the zeros are the high bytes, at odd offsets.
  if (oddZeros >= units * 0.4 && evenZeros * 10 <= oddZeros) return 'utf-16le';
  if (evenZeros >= units * 0.4 && oddZeros * 10 <= evenZeros) return 'utf-16be';
  return undefined;
}

function fromUtf8(bytes: Uint8Array, bom: boolean): DecodedText | BinaryFile {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
  const replacements = count(text, '\uFFFD') - countSequence(bytes, [0xef, 0xbf, 0xbd]);
  if (replacements > MIN_INVALID && replacements > bytes.length * MAX_INVALID_FRACTION) {
    return { binary: true, reason: `${replacements} byte sequences are not valid UTF-8 (a binary file, or text in another encoding: save it as UTF-8)` };
  }
  return checked({ text, encoding: 'utf-8', bom, replacements });
}

function fromUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', bom: boolean): DecodedText | BinaryFile {
  const littleEndian = encoding === 'utf-16le';
  const units = Math.floor(bytes.length / 2);
  const codes = new Uint16Array(units);
  for (let i = 0; i < units; i++) {
    const a = bytes[2 * i] ?? 0;
    const b = bytes[2 * i + 1] ?? 0;
    codes[i] = littleEndian ? a | (b << 8) : (a << 8) | b;
  }
  // An odd last byte is half a code unit: replaced, like an unpaired surrogate.
  let replacements = bytes.length % 2;
  for (let i = 0; i < units; i++) {
    const c = codes[i] ?? 0;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = codes[i + 1] ?? 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      codes[i] = 0xfffd;
      replacements++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      codes[i] = 0xfffd;
      replacements++;
    }
  }
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < units; i += CHUNK) text += String.fromCharCode(...codes.subarray(i, i + CHUNK));
  if (bytes.length % 2 !== 0) text += '\uFFFD';
  const name = littleEndian ? 'UTF-16 LE' : 'UTF-16 BE';
  if (text.includes('\0')) {
    return { binary: true, reason: `read as ${name}${bom ? ' (its byte-order mark says so)' : ''}, it contains NUL characters` };
  }
  if (replacements > MIN_INVALID && replacements > units * MAX_INVALID_FRACTION) {
    return { binary: true, reason: `read as ${name}${bom ? ' (its byte-order mark says so)' : ''}, ${replacements} code units are invalid` };
  }
  return checked({ text, encoding, bom, replacements });
}

/** Binary after all when the text is full of control characters. */
function checked(decoded: DecodedText): DecodedText | BinaryFile {
  let controls = 0;
  const { text } = decoded;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // C0 controls and DEL, except tab, LF, VT, FF, CR, SUB (a DOS end-of-file mark) and ESC.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1a && c !== 0x1b) || c === 0x7f) {
      controls++;
    }
  }
  if (controls > 0 && controls > text.length * MAX_CONTROL_FRACTION) {
    return { binary: true, reason: `${controls} of its ${text.length} characters are control characters` };
  }
  return decoded;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countSequence(bytes: Uint8Array, sequence: readonly number[]): number {
  let n = 0;
  const first = sequence[0];
  for (let i = bytes.indexOf(first ?? 0); i !== -1 && i <= bytes.length - sequence.length; i = bytes.indexOf(first ?? 0, i + 1)) {
    if (sequence.every((b, k) => bytes[i + k] === b)) n++;
  }
  return n;
}

/**
 * The bytes of `text` in the encoding it was read in, with its byte-order mark if it had one, so
 * that `form4 format` and `form4 fix` write a Notepad "Unicode" draft back as Notepad saved it.
 */
export function encodeTextFile(text: string, encoding: TextEncodingName, bom: boolean): Uint8Array {
  if (encoding === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  const body = Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') body.swap16();
  const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), body]) : body;
}
