/**
 * Typed readings of cells. Each reader completes a cell into a Field: blank, read, or unreadable
 * with the reason in words (the reading rules turn the reason into a finding).
 */
import { type CalendarDate, readDate } from '../../model/calendarDate';
import { codeInfo, type Direction, MARKER_CODES } from '../../model/codes';
import { type Decimal, parseDecimal } from '../../model/decimal';
import type { Field, OwnershipForm, Quantity, Timeliness, TransactionCoding } from '../../model/filing';
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

export function dateField(cell: CellField): Field<CalendarDate> {
  if (cell.text === '') return blank(cell);
  const reading = readDate(cell.text);
  return reading.kind === 'date' ? read(cell, reading.date) : unreadable(cell, reading.reason);
}

function numberProblem(text: string, what: string): string {
  if (/^-/.test(text)) return `${what} is never negative: column (A)/(D) gives the direction`;
  if (/^\(.*\)$/.test(text)) return `${what} is never negative: write it without parentheses`;
  if (/\d,\d{1,2}(?!\d)|\d,\d{4}/.test(text)) return `"${text}" has a misplaced thousands separator`;
  if (/\d/.test(text)) return `"${text}" is not a plain number`;
  return `"${text}" is not a number`;
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
  const body = cell.text.slice(dollarSign(cell.text));
  const value = parseDecimal(body);
  return value ? read(cell, value) : unreadable(cell, numberProblem(body, 'A price'));
}

/** A number of shares, or a dollar value when written with `$`. */
export function quantityField(cell: CellField): Field<Quantity> {
  if (cell.text === '') return blank(cell);
  const sign = dollarSign(cell.text);
  const body = sign > 0 ? cell.text.slice(sign) : cell.text;
  const amount = parseDecimal(body);
  return amount ? read(cell, { amount, dollars: sign > 0 }) : unreadable(cell, numberProblem(body, 'An amount'));
}

const CODE = /^([A-Za-z])\s*(\(\s*[Kk]\s*\)|[Kk])?$/;

/** The code column: `M`, `S(K)` or `J (K)` for an equity swap. */
export function codingField(cell: CellField): Field<TransactionCoding> {
  const text = cell.text;
  if (text === '') return blank(cell);
  const m = CODE.exec(text);
  if (!m) return unreadable(cell, `"${text}" is not a transaction code`);
  const letter = m[1] ?? '';
  const upper = letter.toUpperCase();
  const marker = MARKER_CODES[upper];
  if (marker && !m[2]) return unreadable(cell, marker);
  if (!codeInfo(upper)) return unreadable(cell, `${upper} is not a transaction code of General Instruction 8`);
  if (letter !== upper) return unreadable(cell, `codes are capital letters: write ${upper}`);
  return read(cell, { code: upper, equitySwap: m[2] !== undefined });
}

/** A one-letter choice, `A` or `(A)`. */
function choiceField<T extends string>(cell: CellField, choices: readonly T[], what: string): Field<T> {
  const text = cell.text;
  if (text === '') return blank(cell);
  const bare = text.length === 3 && text[0] === '(' && text[2] === ')' ? text.charAt(1) : text;
  const found = choices.find((c) => c === bare);
  if (found) return read(cell, found);
  const upper = choices.find((c) => c === bare.toUpperCase());
  const list = choices.map((c) => `\`${c}\``).join(' or ');
  if (upper) return unreadable(cell, `${what} is ${list}, in capitals: write ${upper}`);
  return unreadable(cell, `${what} is ${list}, not "${text}"`);
}

export function directionField(cell: CellField): Field<Direction> {
  return choiceField<Direction>(cell, ['A', 'D'], '(A) or (D)');
}

export function ownershipField(cell: CellField): Field<OwnershipForm> {
  if (/^direct$/i.test(cell.text)) return unreadable(cell, 'The ownership form is `D` or `I`: write D for direct');
  if (/^indirect$/i.test(cell.text)) return unreadable(cell, 'The ownership form is `D` or `I`: write I for indirect');
  return choiceField<OwnershipForm>(cell, ['D', 'I'], 'The ownership form');
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
  if (text === 'v' || text === 'l') return unreadable(cell, `The V column holds a capital ${text.toUpperCase()}`);
  return unreadable(cell, `The V column holds V (reported early), L (reported late) or nothing, not "${text}"`);
}

/** A field that is not in the source at all: blank, placed at `at`. */
export function absentField<T>(at: number): Field<T> {
  return { text: '', value: undefined, problem: undefined, span: { start: at, end: at }, valueSpan: { start: at, end: at }, refs: [] };
}
