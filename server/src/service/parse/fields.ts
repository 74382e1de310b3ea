/**
 * Typed readings of cells. Each reader returns a Field: blank, read, or unreadable with the
 * reason in words (the reading rules turn the reason into a finding).
 */
import { type CalendarDate, readDate } from '../model/calendarDate';
import { codeInfo, type Direction, MARKER_CODES } from '../model/codes';
import { type Decimal, parseDecimal } from '../model/decimal';
import type { Cell, Field, OwnershipForm, Quantity, TransactionCoding } from '../model/filing';

export function textField(cell: Cell): Field<string> {
  return cell.text === '' ? { cell } : { cell, value: cell.text };
}

export function dateField(cell: Cell): Field<CalendarDate> {
  if (cell.text === '') return { cell };
  const reading = readDate(cell.text);
  return reading.kind === 'date' ? { cell, value: reading.date } : { cell, problem: reading.reason };
}

function numberProblem(text: string, what: string): string {
  if (/^-/.test(text)) return `${what} is never negative: column (A)/(D) gives the direction`;
  if (/^\(.*\)$/.test(text)) return `${what} is never negative: write it without parentheses`;
  if (/\d,\d{1,2}(?!\d)|\d,\d{4}/.test(text)) return `"${text}" has a misplaced thousands separator`;
  if (/\d/.test(text)) return `"${text}" is not a plain number`;
  return `"${text}" is not a number`;
}

/** A price: `$18.3654`, `\$4.1` (already unescaped), `18.3654`, `$0`. */
export function priceField(cell: Cell): Field<Decimal> {
  if (cell.text === '') return { cell };
  const body = cell.text.replace(/^\$\s*/, '');
  const value = parseDecimal(body);
  return value ? { cell, value } : { cell, problem: numberProblem(body, 'A price') };
}

/** A number of shares, or a dollar value when written with `$`. */
export function quantityField(cell: Cell): Field<Quantity> {
  if (cell.text === '') return { cell };
  const dollars = /^\$/.test(cell.text);
  const body = cell.text.replace(/^\$\s*/, '');
  const amount = parseDecimal(body);
  return amount ? { cell, value: { amount, dollars } } : { cell, problem: numberProblem(body, 'An amount') };
}

/** The code column: `M`, `S(K)` or `J (K)` for an equity swap. */
export function codingField(cell: Cell): Field<TransactionCoding> {
  const text = cell.text;
  if (text === '') return { cell };
  const m = /^([A-Za-z])\s*(\(\s*[Kk]\s*\)|[Kk])?$/.exec(text);
  if (!m) return { cell, problem: `"${text}" is not a transaction code` };
  const letter = m[1] ?? '';
  const upper = letter.toUpperCase();
  const marker = MARKER_CODES[upper];
  if (marker && !m[2]) return { cell, problem: marker };
  if (!codeInfo(upper)) return { cell, problem: `${upper} is not a transaction code of General Instruction 8` };
  if (letter !== upper) return { cell, problem: `codes are capital letters: write ${upper}` };
  return { cell, value: { code: upper, equitySwap: m[2] !== undefined } };
}

/** A one-letter choice, `A` or `(A)`. */
function choiceField<T extends string>(cell: Cell, choices: readonly T[], what: string): Field<T> {
  const text = cell.text;
  if (text === '') return { cell };
  const bare = text.replace(/^\((.)\)$/, '$1');
  const found = choices.find((c) => c === bare);
  if (found) return { cell, value: found };
  const upper = choices.find((c) => c === bare.toUpperCase());
  const list = choices.map((c) => `\`${c}\``).join(' or ');
  if (upper) return { cell, problem: `${what} is ${list}, in capitals: write ${upper}` };
  return { cell, problem: `${what} is ${list}, not "${text}"` };
}

export function directionField(cell: Cell): Field<Direction> {
  return choiceField<Direction>(cell, ['A', 'D'], '(A) or (D)');
}

export function ownershipField(cell: Cell): Field<OwnershipForm> {
  const field = choiceField<OwnershipForm>(cell, ['D', 'I'], 'The ownership form');
  if (field.problem && /^direct$/i.test(cell.text)) return { cell, problem: 'The ownership form is `D` or `I`: write D for direct' };
  if (field.problem && /^indirect$/i.test(cell.text)) return { cell, problem: 'The ownership form is `D` or `I`: write I for indirect' };
  return field;
}

export function timelinessField(cell: Cell): Field<'V'> {
  const text = cell.text;
  if (text === '') return { cell };
  if (text === 'V') return { cell, value: 'V' };
  if (text === 'v') return { cell, problem: 'The V column holds a capital V or nothing' };
  return { cell, problem: `The V column holds V or nothing, not "${text}"` };
}
