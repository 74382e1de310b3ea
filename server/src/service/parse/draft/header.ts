/**
 * Header boxes. A box is a line, a Markdown table cell or a tab-separated cell that starts with
 * the form's box number and label; its value follows a colon or is underlined (`<u>…</u>`) as in
 * EDGAR's rendering. Labels match regardless of case, extra spaces, `*`, and the
 * "(Month/Day/Year)" / "(Check all applicable)" hints.
 */
import { sourceField } from '../../model/field';
import type { Field } from '../../model/filing';
import { cleanText, collapseSpaces } from '../../text/cleanText';
import { lineSpan, type Span } from '../../text/position';
import { type CellField, readCell } from './cells';

export type BoxKind =
  | 'reportingPerson'
  | 'issuer'
  | 'earliestTransaction'
  | 'amendment'
  | 'relationship'
  | 'filingMode'
  | 'exitBox'
  | 'rule10b5-1';

/** A header box as written: its label and its value, on one line or in one table cell. */
export interface DraftBox {
  readonly kind: BoxKind;
  readonly line: number;
  /** Label and value. */
  readonly span: Span;
  readonly labelSpan: Span;
  /** The value: the text after the label, to the end of the line or cell. */
  readonly value: CellField;
  /** The value as written (tags, marks and references included), for the rendered form's marks. */
  readonly raw: string;
  /** What was written before the label in its cell (a `[x]` before the exit box). */
  readonly lead: string;
}

interface BoxLabel {
  readonly kind: BoxKind;
  readonly number?: string;
  /** The printed label; matched with or without its number. */
  readonly full: string;
  /** The short label of FORMAT.md, matched only when a colon follows. */
  readonly short?: string;
}

const LABELS: readonly BoxLabel[] = [
  { kind: 'reportingPerson', number: '1', full: 'name and address of reporting person(s)', short: 'reporting person(s)' },
  { kind: 'issuer', number: '2', full: 'issuer name and ticker or trading symbol', short: 'issuer' },
  { kind: 'earliestTransaction', number: '3', full: 'date of earliest transaction', short: 'earliest transaction' },
  { kind: 'amendment', number: '4', full: 'if amendment, date (of) original filed', short: 'amendment' },
  { kind: 'relationship', number: '5', full: 'relationship of reporting person(s) to issuer', short: 'relationship' },
  { kind: 'filingMode', number: '6', full: 'individual or joint/group filing', short: 'filing' },
  { kind: 'exitBox', full: 'check this box if no longer subject to section 16' },
  { kind: 'rule10b5-1', full: 'rule 10b5-1(c) transaction indication' },
];

// No two quantifiers over the same characters stand side by side in these patterns: an optional
// word ("(of)") and each hint carry their own leading separator. Adjacent `[\s*]*` runs
// (`[\s*]*(?:\s*\(…\))*[\s*]*:`) backtrack in O(n²) to O(n³) on a label followed by a long
// run of spaces without a colon ("Issuer" and 100,000 spaces took 10 s, 400,000 minutes).
const SEP = '[\\s*]*';
const HINTS = `(?:${SEP}\\((?:month/day/year|mm/dd/yyyy|check all applicable|check applicable line)\\))*`;

function wordsPattern(label: string): string {
  return label
    .split(' ')
    .map((word, i) => {
      const pattern = word
        .replace(/[.*+?^${}|[\]\\/]/g, '\\$&')
        // "(s)" and "(of)" are optional: "Reporting Person" is "Reporting Person(s)".
        .replace(/\((\w+)\)/g, '(?:\\($1\\)|$1)?');
      if (i === 0) return pattern;
      // A word that is only an option takes its separator inside the option.
      return /^\(\w+\)$/.test(word) ? `(?:${SEP}${pattern.slice(0, -1)})?` : `${SEP}${pattern}`;
    })
    .join('');
}

const PREFIX = '^[\\s#>*_\\-]*(?:\\[[ xX\u2713\u2714]?\\]\\s*|[\u2610\u2611\u2612]\\s*)?';

const MATCHERS = LABELS.map((label) => {
  // `1.`, `1 .` or `1`: the dot takes its spaces with it (see SEP above).
  const number = label.number ? `(?:${label.number}(?:\\s*\\.)?\\s*)?` : '';
  // Group 1 is the label itself, without the leading marks and spaces.
  const full = new RegExp(`${PREFIX}(${number}${wordsPattern(label.full)}${HINTS}${SEP}:?)`, 'i');
  const short = label.short
    ? new RegExp(`${PREFIX}(${number}${wordsPattern(label.short)}${HINTS}${SEP}:)`, 'i')
    : undefined;
  return { label, full, short };
});

/** Reads a box from `text.slice(from, to)` of line `line`, if one starts there. */
export function matchBox(text: string, line: number, from: number, to: number): DraftBox | undefined {
  const clean = cleanText(text, from, to);
  for (const { label, full, short } of MATCHERS) {
    const m = full.exec(clean.text) ?? (short ? short.exec(clean.text) : null);
    const labelText = m?.[1];
    if (!m || labelText === undefined || labelText.trim() === '') continue;
    const labelStartClean = m[0].length - labelText.length;
    // The label ends at its last visible character: a tag that follows (`<u>`) belongs to the value.
    const labelEndClean = labelStartClean + labelText.trimEnd().length;
    const labelStart = clean.starts[labelStartClean] ?? from;
    const labelEnd = clean.ends[labelEndClean - 1] ?? from;
    const value = readCell(text, line, { start: labelEnd, end: to });
    const end = Math.max(labelEnd, trimEnd(text, labelEnd, to));
    return {
      kind: label.kind,
      line,
      span: lineSpan(line, labelStart, end),
      labelSpan: lineSpan(line, labelStart, trimEnd(text, labelStart, labelEnd)),
      value,
      raw: text.slice(labelEnd, to),
      lead: text.slice(from, labelStart),
    };
  }
  return undefined;
}

function trimEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from && /\s/.test(text[end - 1] ?? '')) end--;
  return end;
}

/**
 * The value of a rendered box with its check marks made visible: `<input … checked …>` and ☒
 * become `[x]`, an unchecked input or ☐ becomes `[ ]`; underlined parts are returned apart.
 */
function readMarks(raw: string): { text: string; underlined: string[]; hasMarks: boolean } {
  const underlined: string[] = [];
  // The underlined text stops at the next `<u>` or `</u>`: a lazy `<u>([\s\S]*?)<\/u>` scanned to
  // the end of the value for every unclosed `<u>`, O(n²) on a value of many unclosed tags.
  let text = raw.replace(/<u>((?:[^<]|<(?!\/?u>))*)<\/u>/gi, (_m, inner: string) => {
    const value = collapseSpaces(cleanText(inner, 0, inner.length).text).trim();
    if (value !== '') underlined.push(value);
    return ' ';
  });
  let hasMarks = false;
  text = text
    // `[^<>]`, not `[^>]`: an unclosed `<input` must not scan to the end of the value (O(n²)).
    .replace(/<input\b[^<>]*>/gi, (tag) => {
      hasMarks = true;
      return /\bchecked\b/i.test(tag) ? ' [x] ' : ' [ ] ';
    })
    .replace(/[\u2612\u2611\u2713\u2714]/g, () => {
      hasMarks = true;
      return ' [x] ';
    })
    .replace(/[\u2610\u25a1]/g, () => {
      hasMarks = true;
      return ' [ ] ';
    });
  if (/\[[ xX]\]/.test(text)) hasMarks = true;
  text = collapseSpaces(cleanText(text, 0, text.length).text).trim();
  return { text, underlined, hasMarks };
}

/** Whether a check box shows a mark: `[x]` checked, `[ ]` unchecked, nothing undefined. */
export function readCheckBox(box: DraftBox): boolean | undefined {
  // The mark before the label, in the box's own cell: in `| [x] Check this box… | Rule 10b5-1(c)
  // Transaction Indication [ ] |` the exit box's `[x]` is not the 10b5-1 box's mark.
  const { text } = readMarks(`${box.lead} ${box.raw}`);
  if (/\[[xX]\]/.test(text)) return true;
  if (/\[ \]/.test(text)) return false;
  return undefined;
}

/** A box's reading as a field: its value cell, with `value` (or none) and no problem. */
export function boxField<T>(box: DraftBox, value: T | undefined, text = box.value.text, refs = box.value.refs): Field<T> {
  const span = boxSpan(box);
  const field = sourceField<T>(text, span.start, span.end, box.value.valueStart, box.value.valueEnd, refs);
  field.value = value;
  return field;
}

/** The box as a field's span: label and value, the point where a blank value is typed included. */
export function boxSpan(box: DraftBox): Span {
  return box.value.valueSpan.end > box.span.end ? { start: box.span.start, end: box.value.valueSpan.end } : box.span;
}

const NAME_HINTS = /\((?:last|first|middle|street|city|state|zip)\)/gi;

/**
 * Box 1: the name (Last First Middle) and the address parts written after it. With `nameOnly`
 * (the draft gives the address on detail lines under the box), the whole value is the name:
 * "Vanguard Group, Inc., The" keeps its commas, and its references are those the cell reader
 * found where they are written.
 */
export function readOwnerBox(box: DraftBox, nameOnly = false): { name: string; address: AddressParts } {
  const { text, underlined } = readMarks(box.raw);
  if (underlined.length > 0) {
    const [name = '', ...rest] = underlined;
    return { name: stripRefs(name), address: splitAddress(rest) };
  }
  if (nameOnly) return { name: collapseSpaces(box.value.text.replace(NAME_HINTS, ' ')).trim(), address: { text: '' } };
  const plain = collapseSpaces(text.replace(NAME_HINTS, ' ')).trim();
  const parts = joinCompanySuffixes(stripRefs(plain).split(/\s*,\s*/).filter((p) => p !== ''));
  const [name = '', ...rest] = parts;
  return { name, address: splitAddress(rest) };
}

/** An address read from box 1's text: the parts it could tell apart, and the text as written. */
export interface AddressParts {
  readonly street1?: string;
  readonly street2?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zipCode?: string;
  readonly text: string;
}

function stripRefs(text: string): string {
  return collapseSpaces(text.replace(/\(\s*\d{1,2}\s*\)/g, ' ')).trim();
}

const COMPANY_SUFFIX = /^(?:inc|incorporated|corp|llc|l\.l\.c|lp|l\.p|llp|ltd|plc|n\.a)\.?$/i;

/**
 * In the colon form the parts are separated by commas, but "C/O QUALYS, INC." (FORMAT.md's own
 * example) is one street line: a part that is only a company suffix belongs to the part before
 * it, so that the colon form gives the same street1/street2 as EDGAR's rendering.
 */
function joinCompanySuffixes(parts: readonly string[]): string[] {
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && COMPANY_SUFFIX.test(part)) joined[joined.length - 1] = `${previous}, ${part}`;
    else joined.push(part);
  }
  return joined;
}

const STATE_ZIP = /\b([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/;

/** Best effort: the last part ends with "ST 12345", the one before is the city. */
function splitAddress(parts: readonly string[]): AddressParts {
  const text = parts.join(', ');
  if (parts.length === 0) return { text };
  const last = parts[parts.length - 1] ?? '';
  // The state and zip, then what precedes them less its trailing commas and spaces, by a
  // loop: `^(.*?)[\s,]*\b…$` backtracked in O(n²) on a long run of commas.
  const m = STATE_ZIP.exec(last);
  if (!m) return { text };
  let cut = m.index;
  while (cut > 0 && /[\s,]/.test(last[cut - 1] ?? '')) cut--;
  const cityInLast = last.slice(0, cut).trim();
  const streets = cityInLast !== '' ? parts.slice(0, -1) : parts.slice(0, -2);
  const city = cityInLast !== '' ? cityInLast : parts[parts.length - 2];
  return {
    text,
    street1: streets[0],
    street2: streets.length > 1 ? streets.slice(1).join(', ') : undefined,
    city,
    state: m[1],
    zipCode: m[2],
  };
}

/** Box 2: `QUALYS, INC. [QLYS]`. */
export function readIssuerBox(box: DraftBox): { name: string; tradingSymbol?: string } {
  const text = box.value.text;
  // The first `[` and the first `]` after it, found by indexOf: the regex this replaces
  // (`^(.*?)\s*\[\s*([^\]]*?)\s*\]`) took 9 s on 100,000 `[` with no `]`, minutes on 400,000.
  const open = text.indexOf('[');
  const close = open === -1 ? -1 : text.indexOf(']', open + 1);
  if (close === -1) return { name: text };
  const symbol = text.slice(open + 1, close).trim();
  return { name: text.slice(0, open).trim(), tradingSymbol: symbol === '' ? undefined : symbol };
}

const OPTIONS: readonly { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { key: 'isDirector', re: /\bdirector\b/i },
  { key: 'isTenPercentOwner', re: /(?:\b10\s*%|\bten\s+percent)\s*owner\b/i },
  { key: 'isOfficer', re: /\bofficer\b/i },
  { key: 'isOther', re: /\bother\b/i },
];

const TITLE_HINT = /\(\s*give\s+title\s+below\s*\)/i;
const OTHER_HINT = /\(\s*specify\s+below\s*\)/i;

/** Box 5, as read: the four options, the officer's title and the other text. */
export interface RelationshipReading {
  readonly isDirector: boolean;
  readonly isOfficer: boolean;
  readonly isTenPercentOwner: boolean;
  readonly isOther: boolean;
  readonly officerTitle?: string;
  readonly otherText?: string;
}

export function readRelationshipBox(box: DraftBox): RelationshipReading {
  const { text, underlined, hasMarks } = readMarks(box.raw);
  const rendered = hasMarks || TITLE_HINT.test(text) || OTHER_HINT.test(text);
  return rendered ? readRenderedRelationship(text, underlined) : readListedRelationship(text);
}

/** EDGAR's rendering: every option is printed; a mark before one selects it. */
function readRenderedRelationship(text: string, underlined: readonly string[]): RelationshipReading {
  const flags = { isDirector: false, isTenPercentOwner: false, isOfficer: false, isOther: false };
  for (const { key, re } of OPTIONS) {
    const m = re.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index).trimEnd();
    flags[key] = /\[[xX]\]$/.test(before);
  }
  const values = [...underlined];
  if (values.length === 0) {
    // A title typed after the options instead of underlined.
    const rest = collapseSpaces(
      text
        .replace(/\[[ xX]?\]/g, ' ')
        .replace(TITLE_HINT, ' ')
        .replace(OTHER_HINT, ' ')
        .replace(/(?:\b10\s*%|\bten\s+percent)\s*owner\b|\bdirector\b|\bofficer\b|\bother\b/gi, ' '),
    ).trim();
    if (rest !== '') values.push(rest);
  }
  const officerTitle = flags.isOfficer ? values.shift() : undefined;
  const otherText = flags.isOther ? values.shift() : undefined;
  return { ...flags, officerTitle, otherText };
}

/** The hand-written form: `Director, 10% Owner, Officer (EVP, Sales), Other (text)`. */
function readListedRelationship(text: string): RelationshipReading {
  const flags = { isDirector: false, isTenPercentOwner: false, isOfficer: false, isOther: false };
  let officerTitle: string | undefined;
  let otherText: string | undefined;
  for (const item of splitOutsideParens(stripRefs(text))) {
    const officer = /^officer\b\s*(?:\((.*)\)|[:\-\u2013\u2014]\s*(.*))?\s*$/i.exec(item);
    const other = /^other\b\s*(?:\((.*)\)|[:\-\u2013\u2014]\s*(.*))?\s*$/i.exec(item);
    if (/^director$/i.test(item)) flags.isDirector = true;
    else if (/^(?:10\s*%|ten\s+percent)\s*owner$/i.test(item)) flags.isTenPercentOwner = true;
    else if (officer) {
      flags.isOfficer = true;
      officerTitle = nonEmpty(officer[1] ?? officer[2]);
    } else if (other) {
      flags.isOther = true;
      otherText = nonEmpty(other[1] ?? other[2]);
    }
  }
  return { ...flags, officerTitle, otherText };
}

function nonEmpty(text: string | undefined): string | undefined {
  const t = text?.trim();
  return t === undefined || t === '' || TITLE_HINT.test(`(${t})`) || OTHER_HINT.test(`(${t})`) ? undefined : t;
}

function splitOutsideParens(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current.trim());
  return items.filter((i) => i !== '');
}

/** Box 6: true joint, false individual, undefined when the draft does not say which. */
export function readFilingMode(box: DraftBox): boolean | undefined {
  const { text, hasMarks } = readMarks(box.raw);
  const joint = /\bjoint\b|more\s+than\s+one\s+reporting/i;
  const individual = /\bindividual\b|by\s+one\s+reporting/i;
  if (hasMarks) {
    const checked = /\[[xX]\]\s*([^[]*)/.exec(text)?.[1] ?? '';
    if (joint.test(checked)) return true;
    if (individual.test(checked)) return false;
    return undefined;
  }
  const isJoint = joint.test(text);
  const isIndividual = individual.test(text);
  if (isJoint === isIndividual) return undefined;
  return isJoint;
}
