/**
 * Typed readings of cells. Each reader completes a cell into a Field: blank, read, or unreadable
 * with the reason in words (the reading rules turn the reason into a finding).
 */
import { type CalendarDate, readDate } from '../../model/calendarDate';
import { codeInfo, type Direction, MARKER_CODES } from '../../model/codes';
import { type Decimal, parseDecimal } from '../../model/decimal';
import type { Field, OwnershipForm, Quantity, Timeliness, TransactionCoding } from '../../model/filing';
import { TextMemo } from '../../model/memo';
import { quoted } from '../../text/sentence';
import type { CellField } from './cells';

/** Publishes a cell as a field with its value. */
function read<T>(cell: CellField, value: T): Field<T> {
  cell.value = value;
  cell.problem = undefined;
  return cell as Field<T>;
}

/** Publishes a cell as a blank field. */
function blank<T>(cell: CellField): Field<T> {
  cell.value = undefined;
  cell.problem = undefined;
  return cell as Field<T>;
}

/** Publishes a cell as a field that cannot be read, with the reason in words. */
function unreadable<T>(cell: CellField, problem: string): Field<T> {
  cell.value = undefined;
  cell.problem = problem;
  return cell as Field<T>;
}

export function textField(cell: CellField): Field<string> {
  return cell.text === '' ? blank(cell) : read(cell, cell.text);
}

/** What a reader makes of a text: a value, or the reason there is none. */
type Reading<T> = { readonly value: T; readonly problem?: undefined } | { readonly value?: undefined; readonly problem: string };

function publish<T>(cell: CellField, reading: Reading<T>): Field<T> {
  return reading.problem === undefined ? read(cell, reading.value as T) : unreadable(cell, reading.problem);
}

const dates = new TextMemo<Reading<CalendarDate>>();
const prices = new TextMemo<Reading<Decimal>>();
const quantities = new TextMemo<Reading<Quantity>>();
const codings = new TextMemo<Reading<TransactionCoding>>();

export function dateField(cell: CellField): Field<CalendarDate> {
  if (cell.text === '') return blank(cell);
  return publish(cell, dates.get(cell.text, readDateText));
}

function readDateText(text: string): Reading<CalendarDate> {
  const reading = readDate(text);
  // Value first, so that a rule can name the cell before it: 'The transaction date "02/30/2024" is not a date: …'.
  return reading.kind === 'date' ? { value: reading.date } : { problem: `${quoted(text)} is not a date: ${reading.reason}` };
}

/** What is wrong with a number, value first (a rule names the cell before it). */
function numberProblem(text: string, what: string): string {
  if (/^-/.test(text)) return `${quoted(text)} is negative, and ${what} never is. Write it without the sign: (A) or (D) gives the direction`;
  if (/^\(.*\)$/.test(text)) return `${quoted(text)} is written as a negative, and ${what} never is. Write it without parentheses`;
  if (/\d,\d{1,2}(?!\d)|\d,\d{4}/.test(text)) return `${quoted(text)} has a misplaced thousands separator`;
  if (/\d/.test(text)) return `${quoted(text)} is not a plain number`;
  return `${quoted(text)} is not a number`;
}

/** `$` and the spaces after it: a price or a dollar value may be written with one. */
function dollarSign(text: string): number {
  if (text.charCodeAt(0) !== 36 /* $ */) return 0;
  let i = 1;
  while (i < text.length && text.charCodeAt(i) === 32) i++;
  return i;
}

/** A price: `$18.3654`, `\$4.1` (already unescaped), `18.3654`, `$0`. */
export function priceField(cell: CellField): Field<Decimal> {
  if (cell.text === '') return blank(cell);
  return publish(cell, prices.get(cell.text, readPriceText));
}

function readPriceText(text: string): Reading<Decimal> {
  const body = text.slice(dollarSign(text));
  const value = parseDecimal(body);
  return value ? { value } : { problem: numberProblem(body, 'a price') };
}

/** A number of shares, or a dollar value when written with `$`. */
export function quantityField(cell: CellField): Field<Quantity> {
  if (cell.text === '') return blank(cell);
  return publish(cell, quantities.get(cell.text, readQuantityText));
}

function readQuantityText(text: string): Reading<Quantity> {
  const sign = dollarSign(text);
  const body = sign > 0 ? text.slice(sign) : text;
  const amount = parseDecimal(body);
  return amount ? { value: { amount, dollars: sign > 0 } } : { problem: numberProblem(body, 'an amount') };
}

const CODE = /^([A-Za-z])\s*(\(\s*[Kk]\s*\)|[Kk])?$/;

/** The code column: `M`, `S(K)` or `J (K)` for an equity swap. */
export function codingField(cell: CellField): Field<TransactionCoding> {
  if (cell.text === '') return blank(cell);
  return publish(cell, codings.get(cell.text, readCodingText));
}

function readCodingText(text: string): Reading<TransactionCoding> {
  const m = CODE.exec(text);
  if (!m) return { problem: `${quoted(text)} is not a transaction code` };
  const letter = m[1] ?? '';
  const upper = letter.toUpperCase();
  const marker = MARKER_CODES[upper];
  if (marker && !m[2]) return { problem: marker };
  if (!codeInfo(upper)) return { problem: `"${upper}" is not a transaction code of General Instruction 8` };
  if (letter !== upper) return { problem: `"${letter}" is in lower case. Codes are capital letters: write ${upper}` };
  return { value: { code: upper, equitySwap: m[2] !== undefined } };
}

/** A one-letter choice, `A` or `(A)`. */
function choiceField<T extends string>(cell: CellField, choices: readonly T[], what: string): Field<T> {
  const text = cell.text;
  if (text === '') return blank(cell);
  const bare = text.length === 3 && text[0] === '(' && text[2] === ')' ? text.charAt(1) : text;
  const found = choices.find((c) => c === bare);
  if (found) return read(cell, found);
  const upper = choices.find((c) => c === bare.toUpperCase());
  const list = choices.join(' or ');
  if (upper) return unreadable(cell, `${what} takes ${list} in capitals: write ${upper}`);
  return unreadable(cell, `${what} takes ${list}, not ${quoted(text)}`);
}

export function directionField(cell: CellField): Field<Direction> {
  return choiceField<Direction>(cell, ['A', 'D'], 'The (A) or (D) column');
}

export function ownershipField(cell: CellField): Field<OwnershipForm> {
  if (/^direct$/i.test(cell.text)) return unreadable(cell, 'The ownership form column takes D or I: write D for direct');
  if (/^indirect$/i.test(cell.text)) return unreadable(cell, 'The ownership form column takes D or I: write I for indirect');
  return choiceField<OwnershipForm>(cell, ['D', 'I'], 'The ownership form column');
}

/**
 * The V column: `V` for a transaction reported early (EDGAR's timeliness E, a Form 5
 * transaction on this Form 4), `L` for one reported late (timeliness L), or nothing.
 */
export function timelinessField(cell: CellField): Field<Timeliness> {
  const text = cell.text;
  if (text === '') return blank(cell);
  if (text === 'V') return read(cell, 'E');
  if (text === 'L') return read(cell, 'L');
  if (text === 'v' || text === 'l') return unreadable(cell, `The V column takes a capital ${text.toUpperCase()}`);
  return unreadable(cell, `The V column takes V (reported early), L (reported late) or nothing, not ${quoted(text)}`);
}

