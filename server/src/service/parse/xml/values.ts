/**
 * Reading EDGAR's value types (§3.2): decimals, dates, booleans. The XML's own form is strict
 * (`10000`, `2013-08-06`, `1`); what a person wrote the way a draft writes it (`10,000`,
 * `$4.10`, `08/06/2013`) is still read, so that the other checks can run, and the front end
 * reports the form (`xml-decimal`, `xml-date`). What cannot be read at all has a problem in
 * words, which the model's reading rules report (`invalid-number`, `invalid-date`).
 */
import { type CalendarDate, calendarDate, readDate } from '../../model/calendarDate';
import { type Decimal, parseDecimal } from '../../model/decimal';
import { quoted } from '../../text/sentence';

export interface XmlReading<T> {
  readonly value?: T;
  /** Why there is no value (reported by the model's rules). */
  readonly problem?: string;
  /** The value was read, but is not written as the XML schema wants it: the XML rule and its message. */
  readonly form?: { readonly rule: 'xml-decimal' | 'xml-date' | 'xml-choice'; readonly message: string };
}

const XML_DECIMAL = /^[+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** An xs:decimal of EDGAR's POSITIVE_DECIMAL: digits and a period, nothing else. */
export function readXmlDecimal(text: string, what: string): XmlReading<Decimal> {
  if (XML_DECIMAL.test(text)) {
    const value = parseDecimal(text.replace(/^\+/, ''));
    if (value) return { value };
  }
  // As a draft writes it: `$4.10`, `10,000`.
  const lenient = parseDecimal(text.replace(/^\$\s*/, ''));
  if (lenient) return { value: lenient, form: { rule: 'xml-decimal', message: `${what} ${quoted(text)} is written as on paper. EDGAR's XML takes digits and a period only: write ${lenient.toFixed()}` } };
  if (/^-/.test(text)) return { problem: `${what} is never negative in EDGAR's XML: the transactionAcquiredDisposedCode gives the direction` };
  return { problem: `${what} ${quoted(text)} is not a number` };
}

const XML_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;

/** An xs:date: YYYY-MM-DD, with an optional time zone as XML Schema allows. */
export function readXmlDate(text: string, what: string): XmlReading<CalendarDate> {
  const m = XML_DATE.exec(text);
  if (m) {
    const date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { value: date } : { problem: `${what} ${text} is not a day of the calendar` };
  }
  // As a draft writes it: MM/DD/YYYY.
  const reading = readDate(text);
  if (reading.kind === 'date') return { value: reading.date, form: { rule: 'xml-date', message: `${what} ${quoted(text)} is written as on paper. EDGAR's XML writes dates YYYY-MM-DD` } };
  return { problem: `${what} ${quoted(text)} is not a date: EDGAR's XML writes dates YYYY-MM-DD` };
}

/** An xs:boolean: `1`, `0`, `true`, `false`. */
export function readXmlBoolean(text: string, what: string): XmlReading<boolean> {
  if (text === '1' || text === 'true') return { value: true };
  if (text === '0' || text === 'false') return { value: false };
  if (/^(?:yes|y|x|true)$/i.test(text)) return { value: true, form: { rule: 'xml-choice', message: `${what} is ${quoted(text)}, but EDGAR's XML writes a yes as 1 or true` } };
  if (/^(?:no|n|false)$/i.test(text)) return { value: false, form: { rule: 'xml-choice', message: `${what} is ${quoted(text)}, but EDGAR's XML writes a no as 0 or false` } };
  return { form: { rule: 'xml-choice', message: `${what} is ${quoted(text)}, but EDGAR's XML takes 1, 0, true or false` } };
}
