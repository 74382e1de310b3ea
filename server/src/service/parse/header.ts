/**
 * Header boxes. A box is a line, a Markdown table cell or a tab-separated cell that starts with
 * the form's box number and label; its value follows a colon or is underlined (`<u>…</u>`) as in
 * EDGAR's rendering. Labels match regardless of case, extra spaces, `*`, and the
 * "(Month/Day/Year)" / "(Check all applicable)" hints.
 */
import type { Address, Box, BoxKind, CheckBox, Issuer, Relationship, ReportingOwner } from '../model/filing';
import { cleanText, collapseSpaces } from '../text/cleanText';
import { lineRange } from '../text/range';
import { readCell } from './cells';

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

const HINTS = '(?:\\s*\\((?:month/day/year|mm/dd/yyyy|check all applicable|check applicable line)\\))*';

function wordsPattern(label: string): string {
  return label
    .split(' ')
    .map((word) =>
      word
        .replace(/[.*+?^${}|[\]\\/]/g, '\\$&')
        // "(s)" and "(of)" are optional: "Reporting Person" is "Reporting Person(s)".
        .replace(/\((\w+)\)/g, '(?:\\($1\\)|$1)?'),
    )
    .join('[\\s*]*');
}

const PREFIX = '^[\\s#>*_\\-]*(?:\\[[ xX\u2713\u2714]?\\]\\s*|[\u2610\u2611\u2612]\\s*)?';

const MATCHERS = LABELS.map((label) => {
  const number = label.number ? `(?:${label.number}\\s*\\.?\\s*)?` : '';
  // Group 1 is the label itself, without the leading marks and spaces.
  const full = new RegExp(`${PREFIX}(${number}${wordsPattern(label.full)}[\\s*]*${HINTS}[\\s*]*:?)`, 'i');
  const short = label.short
    ? new RegExp(`${PREFIX}(${number}${wordsPattern(label.short)}[\\s*]*${HINTS}[\\s*]*:)`, 'i')
    : undefined;
  return { label, full, short };
});

/** Reads a box from `text.slice(from, to)` of line `line`, if one starts there. */
export function matchBox(text: string, line: number, from: number, to: number): Box | undefined {
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
      range: lineRange(line, labelStart, end),
      labelRange: lineRange(line, labelStart, trimEnd(text, labelStart, labelEnd)),
      value,
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
  let text = raw.replace(/<u>([\s\S]*?)<\/u>/gi, (_m, inner: string) => {
    const value = collapseSpaces(cleanText(inner, 0, inner.length).text).trim();
    if (value !== '') underlined.push(value);
    return ' ';
  });
  let hasMarks = false;
  text = text
    .replace(/<input\b[^>]*>/gi, (tag) => {
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
export function readCheckBox(box: Box, lineText: string): CheckBox {
  const before = lineText.slice(0, box.labelRange.start.character);
  const raw = `${before} ${box.value.raw}`;
  const { text } = readMarks(raw);
  if (/\[[xX]\]/.test(text)) return { box, checked: true };
  if (/\[ \]/.test(text)) return { box, checked: false };
  return { box, checked: undefined };
}

const NAME_HINTS = /\((?:last|first|middle|street|city|state|zip)\)/gi;

export function readReportingOwner(box: Box): ReportingOwner {
  const { text, underlined } = readMarks(box.value.raw);
  if (underlined.length > 0) {
    const [name = '', ...rest] = underlined;
    return { box, name: stripRefs(name), address: splitAddress(rest) };
  }
  const plain = collapseSpaces(text.replace(NAME_HINTS, ' ')).trim();
  const parts = stripRefs(plain).split(/\s*,\s*/).filter((p) => p !== '');
  const [name = '', ...rest] = parts;
  return { box, name, address: splitAddress(rest) };
}

function stripRefs(text: string): string {
  return collapseSpaces(text.replace(/\(\s*\d{1,2}\s*\)/g, ' ')).trim();
}

/** Best effort: the last part ends with "ST 12345", the one before is the city. */
function splitAddress(parts: readonly string[]): Address {
  const text = parts.join(', ');
  if (parts.length === 0) return { text };
  const last = parts[parts.length - 1] ?? '';
  const m = /^(.*?)[\s,]*\b([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$/.exec(last);
  if (!m) return { text };
  const cityInLast = (m[1] ?? '').trim();
  const streets = cityInLast !== '' ? parts.slice(0, -1) : parts.slice(0, -2);
  const city = cityInLast !== '' ? cityInLast : parts[parts.length - 2];
  return {
    text,
    street1: streets[0],
    street2: streets.length > 1 ? streets.slice(1).join(', ') : undefined,
    city,
    state: m[2],
    zipCode: m[3],
  };
}

export function readIssuer(box: Box): Issuer {
  const text = box.value.text;
  const m = /^(.*?)\s*\[\s*([^\]]*?)\s*\]/.exec(text);
  if (!m) return { box, name: text };
  const symbol = m[2] ?? '';
  return { box, name: (m[1] ?? '').trim(), tradingSymbol: symbol === '' ? undefined : symbol };
}

const OPTIONS: readonly { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { key: 'isDirector', re: /\bdirector\b/i },
  { key: 'isTenPercentOwner', re: /(?:\b10\s*%|\bten\s+percent)\s*owner\b/i },
  { key: 'isOfficer', re: /\bofficer\b/i },
  { key: 'isOther', re: /\bother\b/i },
];

const TITLE_HINT = /\(\s*give\s+title\s+below\s*\)/i;
const OTHER_HINT = /\(\s*specify\s+below\s*\)/i;

export function readRelationship(box: Box): Relationship {
  const { text, underlined, hasMarks } = readMarks(box.value.raw);
  const rendered = hasMarks || TITLE_HINT.test(text) || OTHER_HINT.test(text);
  return rendered ? readRenderedRelationship(box, text, underlined) : readListedRelationship(box, text);
}

/** EDGAR's rendering: every option is printed; a mark before one selects it. */
function readRenderedRelationship(box: Box, text: string, underlined: readonly string[]): Relationship {
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
  return { box, ...flags, officerTitle, otherText };
}

/** The hand-written form: `Director, 10% Owner, Officer (EVP, Sales), Other (text)`. */
function readListedRelationship(box: Box, text: string): Relationship {
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
  return { box, ...flags, officerTitle, otherText };
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
export function readFilingMode(box: Box): boolean | undefined {
  const { text, hasMarks } = readMarks(box.value.raw);
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
