/**
 * A field as the SEC's rendering shows it: amounts grouped by thousands (`757,756`), prices and
 * dollar values after `$ `, dates as MM/DD/YYYY, text as written, and the field's footnote
 * references as superscripts. A value that could not be read is shown as it was written and
 * marked `unreadable`, with the reason in its title: the page shows what was read, never a guess.
 */
import type { ColumnKind } from '../model/columns';
import { type CalendarDate, formatDate } from '../model/calendarDate';
import { type Decimal, formatDecimal } from '../model/decimal';
import type { Field, FootnoteRef, Quantity, Timeliness, TransactionCoding } from '../model/filing';
import { escapeHtml } from './html';
import { spanAttribute } from './spans';

/** How a column's value is written: the column kinds of `model/columns.ts`, and plain text. */
export type ValueKind = ColumnKind | 'text' | 'date';

/** The HTML of a field's value and its references (no element around it). */
export function fieldHtml(field: Field<unknown>, kind: ValueKind): string {
  return valueHtml(field, kind) + refsHtml(field.refs);
}

/** The value alone: formatted when it was read, as written (and marked) when it could not be. */
export function valueHtml(field: Field<unknown>, kind: ValueKind): string {
  if (field.problem !== undefined) {
    return `<span class="unreadable" title="${escapeHtml(`Not read: ${field.problem}`)}">${escapeHtml(field.text)}</span>`;
  }
  if (field.value === undefined) return escapeHtml(field.text);
  return escapeHtml(formatValue(field.value, kind, field.text));
}

/** Footnote references as the form prints them: `(1)` raised, one after another, each revealing its own reference. */
export function refsHtml(refs: readonly FootnoteRef[]): string {
  let out = '';
  for (const ref of refs) out += `<sup class="fn" data-span="${spanAttribute(ref.span)}" data-footnote="${ref.id}">(${ref.id})</sup>`;
  return out;
}

function formatValue(value: unknown, kind: ValueKind, text: string): string {
  switch (kind) {
    case 'date':
    case 'deemedDate':
    case 'exerciseDate':
    case 'expirationDate':
      return formatDate(value as CalendarDate);
    case 'amount':
    case 'acquiredAmount':
    case 'disposedAmount':
    case 'owned':
    case 'underlyingAmount': {
      const quantity = value as Quantity;
      return quantity.dollars ? `$ ${formatDecimal(quantity.amount)}` : formatDecimal(quantity.amount);
    }
    case 'price':
    case 'exercisePrice':
      return `$ ${formatDecimal(value as Decimal)}`;
    case 'code': {
      const coding = value as TransactionCoding;
      return coding.equitySwap ? `${coding.code} (K)` : coding.code;
    }
    case 'timeliness':
      // The V column: EDGAR's E (a Form 5 transaction reported early) is the printed V.
      return (value as Timeliness) === 'E' ? 'V' : 'L';
    default:
      return typeof value === 'string' ? value : text;
  }
}
