/**
 * Display width: how many columns of a monospace editor a text takes, for aligning table pipes.
 *
 * - East Asian Wide (W) and Fullwidth (F) characters (Unicode Standard Annex #11, the
 *   EastAsianWidth.txt data file of Unicode 16.0) take 2 columns: CJK ideographs, Hangul
 *   syllables, kana, Bopomofo, fullwidth forms, and the emoji that are shown as emoji by default.
 *   Ambiguous (A) characters take 1, as they do outside East Asian legacy encodings.
 * - A character with an emoji presentation takes 2: default-emoji characters, a character
 *   followed by the emoji variation selector U+FE0F (`❤️`), a flag (a pair of regional
 *   indicators). What a zero width joiner joins to an emoji (`👩‍💻`), and a skin tone modifier
 *   after an emoji, add nothing.
 * - Combining marks (nonspacing Mn, enclosing Me), format characters (Cf: zero width space,
 *   joiners, soft hyphen, byte order mark), Hangul medial vowels and final consonants (which
 *   combine with the leading consonant into one syllable) and control characters take 0.
 * - A tab takes 1: its real width depends on where it stands and on the editor's tab size.
 * - Every other character takes 1.
 */

/**
 * East_Asian_Width W or F, as sorted, merged, inclusive [first, last] code point pairs. Code
 * points that are not yet assigned in the CJK ideograph blocks are W by default (as the data
 * file says), so those blocks are listed whole.
 */
const WIDE: readonly number[] = [
  0x1100, 0x115f, // Hangul Jamo: leading consonants
  0x231a, 0x231b, // watch, hourglass
  0x2329, 0x232a, // angle brackets
  0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, // media controls, alarm clock, hourglass
  0x25fd, 0x25fe, // medium small squares
  0x2614, 0x2615, // umbrella with rain, hot beverage
  0x2630, 0x2637, // Yijing trigrams (W since 16.0)
  0x2648, 0x2653, // zodiac
  0x267f, 0x267f, // wheelchair
  0x268a, 0x268f, // Yijing monograms and digrams (W since 16.0)
  0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce,
  0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd,
  0x2705, 0x2705, 0x270a, 0x270b, 0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755,
  0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf, // dingbats shown as emoji
  0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, // large squares, star, circle
  0x2e80, 0x2e99, 0x2e9b, 0x2ef3, // CJK radicals supplement
  0x2f00, 0x2fd5, // Kangxi radicals
  0x2ff0, 0x303e, // ideographic description characters, ideographic space (F), CJK punctuation
  0x3041, 0x3096, // Hiragana
  0x3099, 0x30ff, // kana voicing marks, Katakana
  0x3105, 0x312f, // Bopomofo
  0x3131, 0x318e, // Hangul compatibility Jamo
  0x3190, 0x31e5, // Kanbun, Bopomofo extended, CJK strokes
  0x31ef, 0x321e, // ideographic description, Katakana phonetic extensions, parenthesized Hangul
  0x3220, 0x3247, // parenthesized ideographs, circled numbers
  0x3250, 0xa48c, // enclosed CJK, CJK compatibility, Ext. A, Yijing hexagrams, CJK ideographs, Yi
  0xa490, 0xa4c6, // Yi radicals
  0xa960, 0xa97c, // Hangul Jamo extended A
  0xac00, 0xd7a3, // Hangul syllables
  0xf900, 0xfaff, // CJK compatibility ideographs
  0xfe10, 0xfe19, // vertical forms
  0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, // CJK compatibility forms, small form variants
  0xff01, 0xff60, // fullwidth ASCII (F)
  0xffe0, 0xffe6, // fullwidth signs (F)
  0x16fe0, 0x16fe4, 0x16ff0, 0x16ff1, // ideographic symbols and punctuation
  0x17000, 0x187f7, // Tangut
  0x18800, 0x18cd5, // Tangut components, Khitan small script
  0x18cff, 0x18d08, // Khitan, Tangut supplement
  0x1aff0, 0x1aff3, 0x1aff5, 0x1affb, 0x1affd, 0x1affe, // Kana extended B
  0x1b000, 0x1b122, // Kana supplement, Kana extended A
  0x1b132, 0x1b132, 0x1b150, 0x1b152, 0x1b155, 0x1b155, 0x1b164, 0x1b167, // small kana
  0x1b170, 0x1b2fb, // Nushu
  0x1d300, 0x1d356, // Tai Xuan Jing symbols (W since 16.0)
  0x1d360, 0x1d376, // counting rod numerals (W since 16.0)
  0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, // mahjong red dragon, joker
  0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, // squared letters
  0x1f200, 0x1f202, 0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, // enclosed ideographs
  // Emoji shown as emoji by default.
  0x1f300, 0x1f320, 0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca,
  0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440,
  0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a,
  0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc,
  0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d7, 0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc,
  0x1f7e0, 0x1f7eb, 0x1f7f0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff,
  0x1fa70, 0x1fa7c, 0x1fa80, 0x1fa89, 0x1fa8f, 0x1fac6, 0x1face, 0x1fadc, 0x1fadf, 0x1fae9,
  0x1faf0, 0x1faf8,
  0x20000, 0x2fffd, // CJK ideographs, planes 2
  0x30000, 0x3fffd, // and 3
];

/** Takes no column: nonspacing and enclosing marks, format characters, Hangul medial and final Jamo. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const EMOJI = /\p{Emoji}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const MODIFIER_BASE = /\p{Emoji_Modifier_Base}/u;

const ZWJ = 0x200d;
const VS16 = 0xfe0f;

/** Whether a code point is East Asian Wide or Fullwidth. */
export function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < (WIDE[2 * mid] ?? 0)) hi = mid - 1;
    else if (cp > (WIDE[2 * mid + 1] ?? 0)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Columns that a text takes in a monospace editor. Linear in the text's length. */
export function displayWidth(text: string): number {
  let width = 0;
  let previous = -1; // the previous code point, -1 at the start
  let previousWidth = 0;
  let regionalPending = false; // a regional indicator that waits for its pair
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    let w: number;
    if (cp >= 0x20 && cp < 0x7f) {
      w = 1;
    } else {
      w = charWidth(cp, previous, previousWidth, regionalPending);
      if (cp >= 0x1f1e6 && cp <= 0x1f1ff) regionalPending = !regionalPending;
    }
    if (cp < 0x1f1e6 || cp > 0x1f1ff) regionalPending = false;
    width += w;
    if (cp !== ZWJ && cp !== VS16) {
      previous = cp;
      previousWidth = w;
    } else if (cp === VS16) {
      previousWidth += w;
    } else {
      previous = ZWJ;
    }
  }
  return width;
}

function charWidth(cp: number, previous: number, previousWidth: number, regionalPending: boolean): number {
  if (cp === 0x09) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp === VS16) {
    // `❤️`: a text-default character that asks for its emoji presentation is as wide as one.
    return previousWidth === 1 && isEmoji(previous) ? 1 : 0;
  }
  const ch = String.fromCodePoint(cp);
  if (previous === ZWJ && PICTOGRAPHIC.test(ch)) return 0; // joined into the emoji before
  if (cp >= 0x1f3fb && cp <= 0x1f3ff && previous !== -1 && MODIFIER_BASE.test(String.fromCodePoint(previous))) return 0;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return regionalPending ? 0 : 2; // a flag is one pair
  if (ZERO_WIDTH.test(ch)) return 0;
  if (isWide(cp) || EMOJI_PRESENTATION.test(ch)) return 2;
  return 1;
}

function isEmoji(cp: number): boolean {
  return cp >= 0 && EMOJI.test(String.fromCodePoint(cp));
}
