/**
 * Test support: the inputs of the property tests and of `npm run fuzz` (fast-check arbitraries).
 *
 * Three families of drafts, each a `FuzzCase` (the text and where to probe it):
 * - random text: code units, characters beyond the BMP, and the draft's own syntax in any order;
 * - random tables: a Table I or Table II heading and rows of plausible and implausible cells,
 *   any number of them;
 * - mutations of valid drafts (the fast-check generator of test/support/draftGenerator.ts and
 *   the reconciling drafts of test/support/generate.ts): deleted and doubled pipes, truncated
 *   rows, 40-digit and 1e400 numbers, impossible dates, RTL and zero-width characters, emoji and
 *   CJK, CRLF and lone CR, a BOM, NUL, nested and unclosed `<sup>`, HTML, tabs, megabyte lines,
 *   and the slips a drafter makes (an amount owned off, (A)/(D) flipped, a code changed, a
 *   footnote reference added or a footnote dropped), which are what the quick fixes are for.
 * And ownership XML: random markup, and mutations of the Wilson document of test/support/xml.ts.
 *
 * Every mutation is data (`Mutation`: what, where as a fraction of the text, an argument), so
 * that fast-check shrinks a failing case to the fewest, simplest mutations.
 */
import fc from 'fast-check';
import { draftArbitrary } from './draftGenerator';
import { generateDraft } from './generate';
import { ownershipXml } from './xml';

export interface FuzzCase {
  readonly family: 'text' | 'table' | 'mutated' | 'xml';
  readonly text: string;
  /** Where hover, completion and the other position features are asked, as fractions of the text. */
  readonly probes: readonly number[];
  /** Which of the offered quick fixes to apply (an index, taken modulo their number). */
  readonly fixPick: number;
}

export interface InputOptions {
  /** Whether a mutation may add a line of a megabyte (the fuzz; `npm test` keeps to 20,000 characters). */
  readonly megabyte: boolean;
}

// ---- pieces ------------------------------------------------------------------------------------

const SYNTAX = [
  '|', '||', '\t', '\n', '\r\n', '\r', ' ', '(', ')', '(1)', '(2)', '(12)', '(1, 2)', '⁽¹⁾', '¹', '<sup>', '</sup>', '<sup>1</sup>', '<u>', '</u>',
  '<input checked type="checkbox"/>', '[x]', '[ ]', '\\', '\\$', '\\|', '$', '*', ',', '.', '-', '---', ':--:', '/s/ ', '08/06/2013', '02/30/2023',
  '1,000', '10,500.25', 'Table I', 'Table II', 'Explanation of Responses:', 'Remarks:', '1. Name and Address of Reporting Person: ',
  '2. Issuer Name and Ticker or Trading Symbol: ', '[ACME]', '3. Date of Earliest Transaction: ', '5. Relationship of Reporting Person(s) to Issuer: ',
  'Officer (CEO)', 'Rule 10b5-1(c) Transaction Indication: ', 'ranging from $1.00 to $2.00', 'Common Stock', 'M', 'S', 'A', 'D', 'I', 'V', 'J', 'F', 'G',
  '&nbsp;', '&amp;', '<b>', '\u0000', '\uFEFF', '\u200B', '\u202E', '😀', '普通股', '\uD800', '\uDC00',
];

const ANY_CHAR = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 3 }) },
);

const randomText = fc.array(ANY_CHAR, { maxLength: 200 }).map((parts) => parts.join(''));

const CELL = fc.oneof(
  fc.constantFrom(
    '', '', 'Common Stock', 'Stock Option (right to buy)', '08/06/2013', '02/29/2024', '02/29/2023', '13/01/2020', '00/00/0000', '1/5/2024', 'M', 'S', 'A', 'D',
    'P', 'F', 'G', 'J', 'Q', 'M (1)', 'S(K)', 'V', 'L', 'I', 'By Trust', '10,000', '10,00', '1e400', '-5', '0', '0.00001', '$4.10', '\\$18.3654 (2)',
    '$0', '(1)', '(3)', '⁽²⁾', '<sup>(1)</sup>', '65,500', '55,500', '1234567890123456789012345678901234567890', '普通股', '😀', '\u202Eabc', '-', '---',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
);

const randomTable = fc
  .record({
    heading: fc.constantFrom('Table I', 'Table II', 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', ''),
    rows: fc.array(fc.tuple(fc.array(CELL, { minLength: 0, maxLength: 18 }), fc.constantFrom('| ', '|', '', '\t'), fc.constantFrom(' |', '|', '')), { maxLength: 12 }),
    footnotes: fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('', 'Weighted average, ranging from $1.00 to $2.00.', 'Held by a trust.')), { maxLength: 4 }),
  })
  .map(({ heading, rows, footnotes }) => {
    const lines = [heading, ...rows.map(([cells, open, close]) => (open === '\t' ? cells.join('\t') : `${open}${cells.join(' | ')}${close}`))];
    if (footnotes.length > 0) lines.push('Explanation of Responses:', ...footnotes.map(([id, t]) => `(${id}) ${t}`));
    return lines.join('\n');
  });

// ---- mutations ---------------------------------------------------------------------------------

export type MutationKind =
  | 'delete-pipe' | 'double-pipe' | 'truncate-row' | 'long-number' | 'huge-exponent' | 'impossible-date' | 'rtl' | 'zero-width' | 'emoji-cjk'
  | 'crlf' | 'lone-cr' | 'bom' | 'nul' | 'nested-sup' | 'unclosed-sup' | 'html' | 'tabs' | 'long-line' | 'amount-owned' | 'flip-direction'
  | 'change-code' | 'add-reference' | 'drop-footnote' | 'drop-line' | 'duplicate-line' | 'insert-syntax';

export interface Mutation {
  readonly kind: MutationKind;
  /** Where, as a fraction of the text (or of its lines, or of the matches). */
  readonly at: number;
  /** Which variant. */
  readonly arg: number;
}

const NUMBERS = ['1234567890123456789012345678901234567890', '1e400', '-1e400', '9'.repeat(40) + '.' + '9'.repeat(40), '0.' + '0'.repeat(39) + '1', 'NaN', 'Infinity', '1,2,3', '-5'];
const DATES = ['02/30/2023', '02/29/2023', '13/01/2020', '00/00/0000', '12/32/2024', '04/31/2024', '99/99/9999', '2/29/1900', '01/01/0000', '08/06/20130'];
const RTL = ['\u202E', '\u200F', '\u202B', 'مرحبا', 'שלום', '\u061C', '\u2067\u2069'];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F'];
const WIDE = ['😀', '👨‍👩‍👧‍👦', '🇺🇸', '普通股', '株式', '한국', '𠀀', '\uD83D', '\uDE00', '\u0301'];
const HTML = ['<b>', '</b>', '<table><tr><td>', '</td></tr></table>', '<br>', '<br/>', '<script>alert(1)</script>', '<!-- x -->', '<p>', '&nbsp;', '&amp;', '&#124;', '&lt;sup&gt;', '<', '>', '<u>', '</u>', '<input checked type="checkbox"/>'];
const CODES = ['S', 'P', 'M', 'A', 'F', 'G', 'J', 'K', 'C', 'X', 'Q', 'D', 'SS', 'm', ''];
const INSERTS = [...SYNTAX, '|||||', '(99)', '(0)', '(100)', '<sup>(7)</sup>', '1. ', '- ', 'Table II\n', '\nTable I\n', '\nExplanation of Responses:\n(1) x\n', '\n/s/ A\n01/02/2024\n'];

const pick = <T>(list: readonly T[], arg: number): T => list[arg % list.length] as T;

/** The index `at` (a fraction) picks among `n` things. */
const index = (at: number, n: number): number => Math.min(n - 1, Math.floor(at * n));

/** Replaces the match of `pattern` that `at` picks with what `replace` makes of it. */
function replaceMatch(text: string, pattern: RegExp, at: number, replace: (m: RegExpExecArray) => string): string {
  const matches = [...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`))];
  if (matches.length === 0) return text;
  const m = matches[index(at, matches.length)] as RegExpExecArray;
  return text.slice(0, m.index) + replace(m) + text.slice(m.index + m[0].length);
}

function insertAt(text: string, at: number, piece: string): string {
  const i = index(at, text.length + 1);
  return text.slice(0, i) + piece + text.slice(i);
}

function mapLine(text: string, at: number, f: (line: string) => string, only?: RegExp): string {
  const lines = text.split('\n');
  const candidates = lines.map((l, i) => i).filter((i) => !only || only.test(lines[i] ?? ''));
  if (candidates.length === 0) return text;
  const i = candidates[index(at, candidates.length)] as number;
  lines[i] = f(lines[i] ?? '');
  return lines.join('\n');
}

const ROW = /^\s*\|.*\|/;
/** A cell of a data row: between two pipes, not the first. */
const AMOUNT = /(?<=\| )[\d,]+(?:\.\d+)?(?= (?:\(\d+\) )?\|)/g;

export function applyMutation(text: string, m: Mutation, options: InputOptions): string {
  switch (m.kind) {
    case 'delete-pipe':
      return replaceMatch(text, /\|/, m.at, () => '');
    case 'double-pipe':
      return replaceMatch(text, /\|/, m.at, () => '||');
    case 'truncate-row':
      return mapLine(text, m.at, (line) => line.slice(0, (m.arg * 7) % (line.length + 1)), ROW);
    case 'long-number':
      return replaceMatch(text, AMOUNT, m.at, () => pick(NUMBERS, m.arg));
    case 'huge-exponent':
      return replaceMatch(text, /\d[\d,.]*/, m.at, () => pick(['1e400', '1E+400', '5e-400', '1e40'], m.arg));
    case 'impossible-date':
      return replaceMatch(text, /\d\d\/\d\d\/\d{4}/, m.at, () => pick(DATES, m.arg));
    case 'rtl':
      return insertAt(text, m.at, pick(RTL, m.arg));
    case 'zero-width':
      return insertAt(text, m.at, pick(ZERO_WIDTH, m.arg));
    case 'emoji-cjk':
      return insertAt(text, m.at, pick(WIDE, m.arg));
    case 'crlf':
      return m.arg % 2 === 0 ? text.replace(/\r?\n/g, '\r\n') : mapLine(text, m.at, (line) => `${line}\r`);
    case 'lone-cr':
      return m.arg % 2 === 0 ? text.replace(/\r?\n/g, '\r') : insertAt(text, m.at, '\r');
    case 'bom':
      return m.arg % 3 === 0 ? `\uFEFF${text}` : insertAt(text, m.at, '\uFEFF');
    case 'nul':
      return insertAt(text, m.at, m.arg % 2 === 0 ? '\u0000' : '\u0000'.repeat(1 + (m.arg % 50)));
    case 'nested-sup':
      return insertAt(text, m.at, `${'<sup>'.repeat(1 + (m.arg % 6))}(1)${'</sup>'.repeat(m.arg % 7)}`);
    case 'unclosed-sup':
      return insertAt(text, m.at, pick(['<sup>', '<sup>1', '<sup>(2', '</sup>', '<sup', '<SUP>3</Sup>', '<sup>1,2'], m.arg));
    case 'html':
      return insertAt(text, m.at, pick(HTML, m.arg));
    case 'tabs':
      return m.arg % 2 === 0 ? mapLine(text, m.at, (line) => line.replace(/^\s*\|\s*/, '').replace(/\s*\|\s*$/, '').replace(/\s*\|\s*/g, '\t'), ROW) : insertAt(text, m.at, '\t');
    case 'long-line': {
      const size = options.megabyte ? 1 << 20 : 20_000;
      const unit = pick(['x', '|', '(', ' ', '<sup>', '1,', '\t', 'a|', '(1)', '&nbsp;'], m.arg);
      const line = unit.repeat(Math.ceil(size / unit.length));
      return m.arg % 2 === 0 ? insertAt(text, m.at, line) : mapLine(text, m.at, (l) => `${l}${line}`, ROW);
    }
    case 'amount-owned':
      return replaceMatch(text, AMOUNT, m.at, (x) => {
        const n = Number(x[0].replace(/,/g, ''));
        const delta = [1, -1, 10, 1000, -1000, 2 * n, -n][m.arg % 7] ?? 1;
        return Math.max(0, Math.round(n + delta)).toLocaleString('en-US');
      });
    case 'flip-direction':
      return replaceMatch(text, /(?<=\| )[AD](?= \|)/, m.at, (x) => (x[0] === 'A' ? 'D' : 'A'));
    case 'change-code':
      return replaceMatch(text, /(?<=\| )[A-Z](?=(?: \(\d+\))* \|)/, m.at, () => pick(CODES, m.arg));
    case 'add-reference':
      return replaceMatch(text, /(?<=\| [^|\n]*[^ |\n])(?= \|)/, m.at, () => ` (${1 + (m.arg % 12)})`);
    case 'drop-footnote':
      return mapLine(text, m.at, () => '', /^\s*(?:\(\d+\)|\d+\.|- )/);
    case 'drop-line': {
      const lines = text.split('\n');
      lines.splice(index(m.at, lines.length), 1);
      return lines.join('\n');
    }
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = index(m.at, lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'insert-syntax':
      return insertAt(text, m.at, pick(INSERTS, m.arg));
  }
}

const MUTATION_KINDS: readonly MutationKind[] = [
  'delete-pipe', 'double-pipe', 'truncate-row', 'long-number', 'huge-exponent', 'impossible-date', 'rtl', 'zero-width', 'emoji-cjk', 'crlf', 'lone-cr',
  'bom', 'nul', 'nested-sup', 'unclosed-sup', 'html', 'tabs', 'amount-owned', 'flip-direction', 'change-code', 'add-reference', 'drop-footnote',
  'drop-line', 'duplicate-line', 'insert-syntax',
];

const FRACTION = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function mutation(options: InputOptions): fc.Arbitrary<Mutation> {
  return fc.record({
    // A line of a megabyte is rare: one mutation in about 2,000 (each case costs seconds of checking).
    kind: fc.oneof({ weight: 1999, arbitrary: fc.constantFrom(...MUTATION_KINDS) }, { weight: options.megabyte ? 1 : 16, arbitrary: fc.constant<MutationKind>('long-line') }),
    at: FRACTION,
    arg: fc.nat({ max: 1000 }),
  });
}

/** A valid draft: one the exporter's generator makes, or a reconciling one of generate.ts (its holdings chains are what fixes carry through). */
const validDraft = fc.oneof(
  draftArbitrary.map((d) => d.text),
  fc.record({ rows: fc.integer({ min: 1, max: 14 }), seed: fc.integer({ min: 1, max: 1_000_000 }), tables: fc.constantFrom('both' as const, 'I' as const, 'II' as const) }).map((o) => generateDraft(o).text),
);

/** A valid draft and the mutations made to it. */
export function mutatedDraft(options: InputOptions): fc.Arbitrary<string> {
  return fc.tuple(validDraft, fc.array(mutation(options), { minLength: 1, maxLength: 4 })).map(([text, mutations]) => mutations.reduce((t, m) => applyMutation(t, m, options), text));
}

const probes = fc.array(fc.oneof(FRACTION, fc.constant(0), fc.constant(1)), { minLength: 1, maxLength: 6 });

/** A draft of one of the three families, with where to probe it. */
export function draftCase(options: InputOptions): fc.Arbitrary<FuzzCase> {
  const family = fc.oneof(
    { weight: 1, arbitrary: randomText.map((text) => ({ family: 'text' as const, text })) },
    { weight: 1, arbitrary: randomTable.map((text) => ({ family: 'table' as const, text })) },
    { weight: 4, arbitrary: mutatedDraft(options).map((text) => ({ family: 'mutated' as const, text })) },
  );
  return fc.record({ input: family, probes, fixPick: fc.nat({ max: 100 }) }).map(({ input, probes: p, fixPick }) => ({ ...input, probes: p, fixPick }));
}

// ---- XML ---------------------------------------------------------------------------------------

const XML_PIECES = [
  '<', '>', '</', '/>', '<value>', '</value>', '<ownershipDocument>', '</ownershipDocument>', '<footnoteId id="F1"/>', '<footnoteId id="F01"/>', '&', '&amp;',
  '&#0;', '&#x110000;', '&nbsp;', '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', '<!DOCTYPE a [<!ENTITY e "x">]>', '\uFEFF', '\u0000', '😀', '\r\n', '\r',
  '1e400', '1234567890123456789012345678901234567890', '2013-02-30', '08/06/2013', '<transactionShares><value>', '<nonDerivativeTable>', 'x:y', '"', "'",
];

const XML_MUTATION = fc.record({ op: fc.nat({ max: 4 }), at: FRACTION, length: fc.nat({ max: 60 }), piece: fc.constantFrom(...XML_PIECES) });

/** Random markup, or the Wilson ownership document cut, spliced and sprinkled with markup. */
export function xmlCase(): fc.Arbitrary<FuzzCase> {
  const base = ownershipXml();
  const random = fc.array(fc.oneof(fc.constantFrom(...XML_PIECES), fc.string({ maxLength: 5 })), { maxLength: 80 }).map((p) => p.join(''));
  const mutated = fc.array(XML_MUTATION, { minLength: 1, maxLength: 5 }).map((ms) =>
    ms.reduce((t, { op, at, length, piece }) => {
      const i = index(at, t.length + 1);
      switch (op) {
        case 0: return t.slice(0, i) + piece + t.slice(i);
        case 1: return t.slice(0, i) + t.slice(i + 1 + length);
        case 2: return t.slice(0, i);
        case 3: return replaceMatch(t, /<value>[^<]*<\/value>/, at, () => `<value>${piece}</value>`);
        default: return replaceMatch(t, /<\/?[A-Za-z]+>/, at, () => '');
      }
    }, base),
  );
  return fc.record({ text: fc.oneof({ weight: 1, arbitrary: random }, { weight: 3, arbitrary: mutated }), probes, fixPick: fc.nat({ max: 100 }) }).map((c) => ({ family: 'xml' as const, ...c }));
}
