/**
 * What the rules and the editor features compute from a filing, computed once per parse and
 * only when first asked for: the rows, the footnote index, what each footnote says, the
 * holdings chains and the exercise pairs.
 */
import { allRows, type Filing, type Footnote, type TableRow } from '../model/filing';
import { type Exercises, pairExercises } from './exercises';
import { type FootnoteFacts, readFootnoteFacts } from './footnoteFacts';
import { buildFootnoteIndex, type FootnoteIndex } from './footnoteIndex';
import { computeHoldings, type Holdings } from './holdings';

/** The rows, listed once for every rule: all of them, and those whose fields can be trusted. */
export interface RowIndex {
  readonly all: readonly TableRow[];
  /** Rows that are not damaged: the rules read their fields. */
  readonly trusted: readonly TableRow[];
}

export interface Analysis {
  readonly rows: RowIndex;
  readonly footnotes: FootnoteIndex;
  readonly holdings: Holdings;
  readonly exercises: Exercises;
  facts(footnote: Footnote): FootnoteFacts;
}

export function analyze(filing: Filing): Analysis {
  let rows: RowIndex | undefined;
  let footnotes: FootnoteIndex | undefined;
  let holdings: Holdings | undefined;
  let exercises: Exercises | undefined;
  const facts = new Map<Footnote, FootnoteFacts>();
  return {
    get rows() {
      if (!rows) {
        const all = allRows(filing);
        rows = { all, trusted: all.every((r) => !r.damaged) ? all : all.filter((r) => !r.damaged) };
      }
      return rows;
    },
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
