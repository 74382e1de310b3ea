/**
 * What a footnote says that the rules can check: a weighted-average price range and its
 * undertaking, a Rule 10b5-1 plan and the date it was adopted, a vesting.
 */
import { type CalendarDate, datesInProse } from '../model/calendarDate';
import { type Decimal, parseDecimal } from '../model/decimal';
import type { Footnote } from '../model/filing';

export interface PriceRange {
  readonly low: Decimal;
  readonly high: Decimal;
  readonly text: string;
}

export interface FootnoteFacts {
  /**
   * "ranging from $18.00 to $18.81": the prices of a weighted average. A footnote that covers
   * several rows may give several ranges ("… $18.00 to $18.81 … and $18.82 to $19.40").
   */
  readonly priceRanges: readonly PriceRange[];
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
// "ranging from $X to $Y", "prices from $X to $Y", "between $X and $Y", and the further ranges of
// a list ("…, $X to $Y and $Z to $W"): any two prices joined by "to", "through", "and" or a dash
// after a range word. Tried in order; the first pattern that finds ranges gives them all.
const RANGE_PATTERNS = [
  new RegExp(`rang(?:ing|ed|es|e)\\s+(?:in\\s+price\\s+)?from\\s+(?:a\\s+low\\s+of\\s+)?${MONEY}\\s*(?:per\\s+share\\s*)?(?:to|-|\\u2013|through)\\s*(?:a\\s+high\\s+of\\s+)?${MONEY}`, 'gi'),
  new RegExp(`prices?\\s+(?:ranging\\s+)?(?:from|between)\\s+${MONEY}\\s*(?:per\\s+share\\s*)?(?:to|and|-|\\u2013)\\s*${MONEY}`, 'gi'),
  new RegExp(`between\\s+${MONEY}\\s*(?:per\\s+share\\s*)?and\\s+${MONEY}`, 'gi'),
];
const FURTHER_RANGE = new RegExp(`(?:\\s*[,;]\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or)\\s+)(?:from\\s+)?${MONEY}\\s*(?:per\\s+share\\s*)?(?:to|-|\\u2013|through)\\s*${MONEY}`, 'gy');

const UNDERTAKING = /full information regarding the number of (?:shares|securities)|upon request[^.]*(?:will|shall|undertakes? to) provide|(?:will|shall|undertakes? to) provide[^.]*upon request/i;
const PLAN_10B51 = /10b5-?1/i;
// "Program" too: "a pre-arranged program for selling shares … adopted on December 13, 2024
// pursuant to Rule 10b5-1" (corpus: secform4project__draftking_multi_disposal.xml) is a plan with
// its adoption date; without the word, 10b5-1-adoption said the checked box had no adoption date.
const PLAN_WORDS = /\b(?:plan|arrangement|contract|instruction|program(?:me)?)s?\b/i;
// "The sale was not made pursuant to a Rule 10b5-1 trading plan" denies a plan: reading it as one
// warned that the box was not checked and had the quick fix check it, on a correct draft.
const PLAN_DENIED = /\bnot\s+(?:been\s+)?(?:made|effected|executed|entered\s+into|sold|purchased|transacted|conducted)?\s*(?:pursuant\s+to|under|in\s+accordance\s+with)\s+(?:a|an|any)?\s*(?:rule\s+)?10b5-?1/i;
const ADOPTION = /\b(?:adopt(?:ed|ion|s)?|entered\s+into|established|put\s+in\s+place)\b/i;

export function readFootnoteFacts(footnote: Footnote): FootnoteFacts {
  const text = footnote.text;
  const priceRanges: PriceRange[] = [];
  for (const re of RANGE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const first = toRange(m);
      if (!first) continue;
      priceRanges.push(first);
      // "…, $18.82 to $19.40 and $19.41 to $19.90": the ranges listed after the first.
      FURTHER_RANGE.lastIndex = (m.index ?? 0) + m[0].length;
      for (let next = FURTHER_RANGE.exec(text); next; next = FURTHER_RANGE.exec(text)) {
        const range = toRange(next);
        if (range) priceRanges.push(range);
      }
    }
    if (priceRanges.length > 0) break;
  }
  const rule10b51Plan = PLAN_10B51.test(text) && PLAN_WORDS.test(text) && !PLAN_DENIED.test(text);
  return {
    priceRanges,
    undertaking: UNDERTAKING.test(text),
    rule10b51Plan,
    adoptionDate: rule10b51Plan ? adoptionDateIn(text) : undefined,
    vesting: /\bvest(?:ed|ing|s)?\b/i.test(text),
  };
}

function toRange(m: RegExpMatchArray): PriceRange | undefined {
  const a = parseDecimal((m[1] ?? '').replace(/,/g, ''));
  const b = parseDecimal((m[2] ?? '').replace(/,/g, ''));
  if (!a || !b) return undefined;
  return a.lessThanOrEqualTo(b) ? { low: a, high: b, text: m[0] } : { low: b, high: a, text: m[0] };
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
