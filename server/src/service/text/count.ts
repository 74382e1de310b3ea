/**
 * Counts in words, for messages and summaries: "1 row", "2 rows", "59,524 rows". Written here
 * rather than with `toLocaleString`, whose grouping depends on the ICU data Node was built with.
 */

/** A whole number with a comma every three digits: 59524 is "59,524". */
export function grouped(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `n` and the noun that agrees with it: `count(1, 'row')` is "1 row", `count(2, 'row')` "2 rows". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${grouped(n)} ${n === 1 ? singular : plural}`;
}
