/**
 * decodeTextFile (server/src/node/textFile.ts): the bytes of a draft as the command line reads
 * them. UTF-8 with and without a byte-order mark, UTF-16 LE/BE with one (Windows Notepad's
 * "Unicode") and without one, line ends kept, and binary files told apart with a reason.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decodeTextFile, type BinaryFile, type DecodedText } from '../../server/src/node/textFile';
import { check, draft, rowI } from '../support/drafts';

const DRAFT = draft();
const NON_ASCII = 'Müller José — 10% Owner, “By Trust” ⁽¹⁾ ¹ 株式 😀\n';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes[2 * i] = c & 0xff;
    bytes[2 * i + 1] = c >> 8;
  }
  return bytes;
}

function utf16be(text: string): Uint8Array {
  const le = utf16le(text);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return Uint8Array.from(out);
}

function text(bytes: Uint8Array): DecodedText {
  const r = decodeTextFile(bytes);
  if ('binary' in r) assert.fail(`expected text, got binary: ${r.reason}`);
  return r;
}

function binary(bytes: Uint8Array): BinaryFile {
  const r = decodeTextFile(bytes);
  if (!('binary' in r)) assert.fail(`expected binary, got ${r.encoding} text ${JSON.stringify(r.text.slice(0, 40))}`);
  assert.equal(r.binary, true);
  assert.ok(r.reason.length > 0);
  return r;
}

/** A deterministic pseudo-random byte source (xorshift32), so that the tests never flake. */
function randomBytes(length: number, seed: number): Uint8Array {
  let x = seed >>> 0 || 1;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

describe('UTF-8', () => {
  test('without a byte-order mark: the default', () => {
    assert.deepEqual(text(utf8(DRAFT)), { text: DRAFT, encoding: 'utf-8', bom: false, replacements: 0 });
    assert.deepEqual(text(utf8(NON_ASCII)), { text: NON_ASCII, encoding: 'utf-8', bom: false, replacements: 0 });
  });

  test('with a byte-order mark: the mark is not part of the text', () => {
    assert.deepEqual(text(concat([0xef, 0xbb, 0xbf], utf8(NON_ASCII))), { text: NON_ASCII, encoding: 'utf-8', bom: true, replacements: 0 });
    // only the first mark is removed
    assert.equal(text(concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8('x'))).text, '\uFEFFx');
    assert.deepEqual(text(Uint8Array.from([0xef, 0xbb, 0xbf])), { text: '', encoding: 'utf-8', bom: true, replacements: 0 });
  });

  test('CRLF, CR and LF line ends are kept as they are', () => {
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    assert.equal(text(utf8(crlf)).text, crlf);
    assert.equal(text(utf8('a\rb\nc\r\n')).text, 'a\rb\nc\r\n');
  });

  test('an empty file is empty UTF-8 text', () => {
    assert.deepEqual(text(new Uint8Array(0)), { text: '', encoding: 'utf-8', bom: false, replacements: 0 });
  });

  test('a few invalid bytes (a Latin-1 é in a UTF-8 draft) become U+FFFD and are counted', () => {
    const bytes = concat(utf8(DRAFT), [0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Caf\xe9\n"
    const r = text(bytes);
    assert.equal(r.text, `${DRAFT}Caf\uFFFD\n`);
    assert.equal(r.replacements, 1);
    assert.equal(r.encoding, 'utf-8');
  });

  test('a U+FFFD that is in the file is not counted as a replacement', () => {
    assert.deepEqual(text(utf8('price \uFFFD unknown')), { text: 'price \uFFFD unknown', encoding: 'utf-8', bom: false, replacements: 0 });
  });

  test('tabs, form feeds, a DOS end-of-file mark and an escape character are text', () => {
    const s = 'Common Stock\t08/06/2013\f\x1b[0m\n\x1a';
    assert.equal(text(utf8(s)).text, s);
  });
});

describe('UTF-16', () => {
  test('LE with a byte-order mark (Windows Notepad "Unicode")', () => {
    assert.deepEqual(text(concat([0xff, 0xfe], utf16le(DRAFT))), { text: DRAFT, encoding: 'utf-16le', bom: true, replacements: 0 });
    assert.deepEqual(text(concat([0xff, 0xfe], utf16le(NON_ASCII))), { text: NON_ASCII, encoding: 'utf-16le', bom: true, replacements: 0 });
  });

  test('BE with a byte-order mark', () => {
    assert.deepEqual(text(concat([0xfe, 0xff], utf16be(DRAFT))), { text: DRAFT, encoding: 'utf-16be', bom: true, replacements: 0 });
    assert.deepEqual(text(concat([0xfe, 0xff], utf16be(NON_ASCII))), { text: NON_ASCII, encoding: 'utf-16be', bom: true, replacements: 0 });
  });

  test('CRLF line ends are kept', () => {
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    assert.equal(text(concat([0xff, 0xfe], utf16le(crlf))).text, crlf);
    assert.equal(text(concat([0xfe, 0xff], utf16be(crlf))).text, crlf);
  });

  test('a byte-order mark alone is empty text', () => {
    assert.deepEqual(text(Uint8Array.from([0xff, 0xfe])), { text: '', encoding: 'utf-16le', bom: true, replacements: 0 });
    assert.deepEqual(text(Uint8Array.from([0xfe, 0xff])), { text: '', encoding: 'utf-16be', bom: true, replacements: 0 });
  });

  test('without a byte-order mark, ASCII-heavy text is recognised by where its NUL bytes fall', () => {
    assert.deepEqual(text(utf16le(DRAFT)), { text: DRAFT, encoding: 'utf-16le', bom: false, replacements: 0 });
    assert.deepEqual(text(utf16be(DRAFT)), { text: DRAFT, encoding: 'utf-16be', bom: false, replacements: 0 });
    const mixed = `${DRAFT}${NON_ASCII}`;
    assert.deepEqual(text(utf16le(mixed)), { text: mixed, encoding: 'utf-16le', bom: false, replacements: 0 });
  });

  test('an unpaired surrogate and an odd last byte become U+FFFD', () => {
    const r = text(concat([0xff, 0xfe], utf16le(DRAFT), [0x00, 0xd8], utf16le('x'), [0x41]));
    assert.equal(r.text, `${DRAFT}\uFFFDx\uFFFD`);
    assert.equal(r.replacements, 2);
  });

  test('a UTF-16 draft checks exactly like its UTF-8 original (not four missing boxes)', () => {
    const withErrors = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'Q', '', '1,000', 'A', '\\$18.00', '56,500', 'D', '')] });
    const expected = check(withErrors);
    assert.ok(expected.length > 0, 'the draft has findings to compare');
    assert.deepEqual(check(text(concat([0xff, 0xfe], utf16le(withErrors))).text), expected);
    assert.deepEqual(check(text(concat([0xfe, 0xff], utf16be(withErrors))).text), expected);
    assert.deepEqual(check(text(concat([0xef, 0xbb, 0xbf], utf8(withErrors))).text), expected);
  });
});

/** The control characters that decodeTextFile counts against a text. */
function isControl(c: number): boolean {
  return (c < 0x20 && ![0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a, 0x1b].includes(c)) || c === 0x7f;
}

describe('any text round-trips', () => {
  /** Text as a drafter could write it: any code point but control characters, not starting with U+FEFF. */
  const drafts = fc
    .string({ unit: 'binary', maxLength: 300 })
    .map((s) => Array.from(s, (c) => (isControl(c.charCodeAt(0)) ? ' ' : c)).join(''))
    .filter((s) => !s.startsWith('\uFEFF'));

  test('through UTF-8 with and without a mark, and UTF-16 LE and BE with a mark', () => {
    fc.assert(
      fc.property(drafts, (s) => {
        assert.deepEqual(decodeTextFile(utf8(s)), { text: s, encoding: 'utf-8', bom: false, replacements: 0 });
        assert.deepEqual(decodeTextFile(concat([0xef, 0xbb, 0xbf], utf8(s))), { text: s, encoding: 'utf-8', bom: true, replacements: 0 });
        assert.deepEqual(decodeTextFile(concat([0xff, 0xfe], utf16le(s))), { text: s, encoding: 'utf-16le', bom: true, replacements: 0 });
        assert.deepEqual(decodeTextFile(concat([0xfe, 0xff], utf16be(s))), { text: s, encoding: 'utf-16be', bom: true, replacements: 0 });
      }),
      { numRuns: 300, seed: 4 },
    );
  });

  test('any bytes give text or a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeTextFile(bytes);
        assert.ok('binary' in r ? r.reason.length > 0 : typeof r.text === 'string');
      }),
      { numRuns: 500, seed: 5 },
    );
  });
});

describe('binary files', () => {
  test('a PNG header', () => {
    const png = concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52], randomBytes(64, 7));
    assert.match(binary(png).reason, /PNG image/);
  });

  test('PDF, ZIP (.docx) and OLE (.doc) files are named', () => {
    assert.match(binary(concat(utf8('%PDF-1.7\n'), randomBytes(200, 3))).reason, /PDF document/);
    assert.match(binary(concat([0x50, 0x4b, 0x03, 0x04], randomBytes(200, 4))).reason, /ZIP archive.*\.docx/);
    assert.match(binary(concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], randomBytes(200, 5))).reason, /\.doc\b/);
  });

  test('random bytes, whatever the seed and length', () => {
    for (const [length, seed] of [
      [16, 1],
      [64, 2],
      [1000, 3],
      [4096, 4],
      [65536, 5],
    ] as const) {
      binary(randomBytes(length, seed));
    }
  });

  test('random bytes with no NUL at all are still not UTF-8', () => {
    const bytes = randomBytes(4096, 11).map((b) => (b === 0 ? 1 : b));
    assert.match(binary(bytes).reason, /not valid UTF-8/);
  });

  test('a file of NULs', () => {
    assert.match(binary(new Uint8Array(1)).reason, /nothing but NUL/);
    assert.match(binary(new Uint8Array(4096)).reason, /nothing but NUL/);
  });

  test('text with a NUL byte that is not UTF-16', () => {
    assert.match(binary(concat(utf8(DRAFT), [0x00], utf8('more'))).reason, /NUL bytes/);
  });

  test('UTF-16 marked by its byte-order mark but holding NUL characters', () => {
    assert.match(binary(concat([0xff, 0xfe], utf16le('Form 4'), new Uint8Array(100))).reason, /UTF-16 LE.*NUL/);
  });

  test('UTF-32 is refused with its own reason', () => {
    assert.match(binary(concat([0xff, 0xfe, 0x00, 0x00], [0x41, 0, 0, 0])).reason, /UTF-32/);
    assert.match(binary(concat([0x00, 0x00, 0xfe, 0xff], [0, 0, 0, 0x41])).reason, /UTF-32/);
  });

  test('text full of control characters', () => {
    const bytes = utf8(Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x41 + (i % 26), 1 + (i % 8))).join(''));
    assert.match(binary(bytes).reason, /control characters/);
  });

  test('a UTF-8 file that is mostly invalid (Windows-1252 bytes everywhere)', () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 0xe9 : 0x41));
    assert.match(binary(bytes).reason, /not valid UTF-8/);
  });
});
