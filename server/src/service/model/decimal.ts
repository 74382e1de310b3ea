/**
 * Exact decimals for share amounts and prices. JavaScript numbers cannot hold 18.3654 or
 * 0.1 exactly, and a running balance of fractional shares compared as floats would report
 * mismatches that are not there (or miss real ones), so every amount is a decimal.js value
 * from a private constructor (its precision does not depend on anyone else's settings).
 */
import DecimalJs from 'decimal.js';

const Exact = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -60, toExpPos: 60 });

export type Decimal = InstanceType<typeof Exact>;

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads a non-negative number as written in a draft: `10,000`, `4.1`, `.5`, `1234.5678`.
 * Thousands separators must group by three (`10,00` is a typo, not ten hundred).
 * Returns undefined for anything else.
 */
export function parseDecimal(text: string): Decimal | undefined {
  const t = text.trim();
  if (!GROUPED.test(t) && !PLAIN.test(t)) return undefined;
  return new Exact(t.replace(/,/g, ''));
}

export function decimal(value: string | number): Decimal {
  return new Exact(value);
}

export const ZERO: Decimal = new Exact(0);

/** `55500` → `55,500`; `18.3654` → `18.3654`; a negative value gets a hyphen-minus. */
export function formatDecimal(value: Decimal, minimumDecimals = 0): string {
  const fixed = value.decimalPlaces() < minimumDecimals ? value.abs().toFixed(minimumDecimals) : value.abs().toFixed();
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  return sign + (fraction !== undefined ? `${grouped}.${fraction}` : grouped);
}

/** A price for a message, in cents at least: `$18.00`, `$4.10`, `$18.3654`. */
export function formatPrice(value: Decimal): string {
  return `$${formatDecimal(value, 2)}`;
}
