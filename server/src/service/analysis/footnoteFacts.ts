/**
 * What a footnote says that the rules can check: a weighted-average price range and its
 * undertaking, a Rule 10b5-1 plan and the date it was adopted, a vesting.
 */
import { type CalendarDate, datesInProse } from '../model/calendarDate';
import { type Decimal, parseDecimal } from '../model/decimal';
import type { Footnote } from '../model/filing';

export interface FootnoteFacts {
  /** "ranging from $18.00 to $18.81": the prices of a weighted average. */
  readonly priceRange?: { readonly low: Decimal; readonly high: Decimal; readonly text: string };
  /** The undertaking to give the number of shares at each price on request. */
  readonly undertaking: boolean;
  /** The footnote says transactions were made under a Rule 10b5-1 plan. */
  readonly rule10b51Plan: boolean;
  /** The plan's adoption date, when the footnote gives one. */
  readonly adoptionDate?: CalendarDate;
  /** The footnote speaks of vesting (a withholding on vesting has no acquisition row). */
  readonly vesting: boolean;
}

const MONEY = '\\$\\s*(\\d[\\d,]*(?:\\.\\d+)?|\\.\\d+)';
const RANGE_PATTERNS = [
  new RegExp(`rang(?:ing|ed|es|e)\\s+(?:in\\s+price\\s+)?from\\s+(?:a\\s+low\\s+of\\s+)?${MONEY}\\s*(?:per\\s+share\\s*)?(?:to|-|\\u2013|through)\\s*(?:a\\s+high\\s+of\\s+)?${MONEY}`, 'i'),
  new RegExp(`prices?\\s+(?:ranging\\s+)?(?:from|between)\\s+${MONEY}\\s*(?:per\\s+share\\s*)?(?:to|and|-|\\u2013)\\s*${MONEY}`, 'i'),
  new RegExp(`between\\s+${MONEY}\\s*(?:per\\s+share\\s*)?and\\s+${MONEY}`, 'i'),
];

const UNDERTAKING = /full information regarding the number of (?:shares|securities)|upon request[^.]*(?:will|shall|undertakes? to) provide|(?:will|shall|undertakes? to) provide[^.]*upon request/i;
const PLAN_10B51 = /10b5-?1/i;
const PLAN_WORDS = /\b(?:plan|arrangement|contract|instruction)s?\b/i;
const ADOPTION = /\b(?:adopt(?:ed|ion|s)?|entered\s+into|established|put\s+in\s+place)\b/i;

export function readFootnoteFacts(footnote: Footnote): FootnoteFacts {
  const text = footnote.text;
  let priceRange: FootnoteFacts['priceRange'];
  for (const re of RANGE_PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const a = parseDecimal((m[1] ?? '').replace(/,/g, ''));
    const b = parseDecimal((m[2] ?? '').replace(/,/g, ''));
    if (a && b) {
      priceRange = a.lessThanOrEqualTo(b) ? { low: a, high: b, text: m[0] } : { low: b, high: a, text: m[0] };
      break;
    }
  }
  const rule10b51Plan = PLAN_10B51.test(text) && PLAN_WORDS.test(text);
  return {
    priceRange,
    undertaking: UNDERTAKING.test(text),
    rule10b51Plan,
    adoptionDate: rule10b51Plan ? adoptionDateIn(text) : undefined,
    vesting: /\bvest(?:ed|ing|s)?\b/i.test(text),
  };
}

/**
 * The date in the sentence that speaks of the adoption: "a Rule 10b5-1 trading plan adopted by
 * the Reporting Person on February 21, 2013", or "On May 1, 2023, the Reporting Person entered
 * into a Rule 10b5-1 plan". The date nearest to the adoption verb wins.
 */
function adoptionDateIn(text: string): CalendarDate | undefined {
  let best: { date: CalendarDate; distance: number } | undefined;
  for (const sentence of text.split(/(?<=[.;])\s+(?=[A-Z(])/)) {
    const verb = ADOPTION.exec(sentence);
    if (!verb) continue;
    for (const found of datesInProse(sentence)) {
      const distance = Math.abs(found.index - verb.index);
      if (!best || distance < best.distance) best = { date: found.date, distance };
    }
  }
  return best?.date;
}
