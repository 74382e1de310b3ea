/**
 * What the rules and the editor features compute from a parsed draft, computed once per parse
 * and only when first asked for: the footnote index, what each footnote says, the holdings
 * chains and the exercise pairs.
 */
import type { Filing, Footnote } from '../model/filing';
import { type Exercises, pairExercises } from './exercises';
import { type FootnoteFacts, readFootnoteFacts } from './footnoteFacts';
import { buildFootnoteIndex, type FootnoteIndex } from './footnoteIndex';
import { computeHoldings, type Holdings } from './holdings';

export interface Analysis {
  readonly footnotes: FootnoteIndex;
  readonly holdings: Holdings;
  readonly exercises: Exercises;
  facts(footnote: Footnote): FootnoteFacts;
}

export function analyze(filing: Filing): Analysis {
  let footnotes: FootnoteIndex | undefined;
  let holdings: Holdings | undefined;
  let exercises: Exercises | undefined;
  const facts = new Map<Footnote, FootnoteFacts>();
  return {
    get footnotes() {
      return (footnotes ??= buildFootnoteIndex(filing));
    },
    get holdings() {
      return (holdings ??= computeHoldings(filing));
    },
    get exercises() {
      return (exercises ??= pairExercises(filing));
    },
    facts(footnote: Footnote): FootnoteFacts {
      let f = facts.get(footnote);
      if (!f) {
        f = readFootnoteFacts(footnote);
        facts.set(footnote, f);
      }
      return f;
    },
  };
}
