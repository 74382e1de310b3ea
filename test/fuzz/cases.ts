/**
 * What `npm run fuzz` runs: one arbitrary over every family of input (drafts, XML, holdings
 * chains) and the properties each must keep. Also used by the property tests, with fewer runs.
 */
import fc from 'fast-check';
import { draftCase, type FuzzCase, type InputOptions, xmlCase } from '../support/fuzzInputs';
import { type ChainCase, chainFailures, draftFailures, type Failure, type PropertyOptions, xmlFailures } from '../support/properties';

export type AnyCase = { readonly kind: 'draft'; readonly input: FuzzCase } | { readonly kind: 'xml'; readonly input: FuzzCase } | { readonly kind: 'chain'; readonly input: ChainCase };

export const chainCase: fc.Arbitrary<ChainCase> = fc.record({
  rows: fc.integer({ min: 3, max: 30 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  delta: fc.integer({ min: 1, max: 5000 }),
});

/** Drafts of the three families most of the time, then XML, then holdings chains. */
export function anyCase(options: InputOptions): fc.Arbitrary<AnyCase> {
  return fc.oneof(
    { weight: 80, arbitrary: draftCase(options).map((input): AnyCase => ({ kind: 'draft', input })) },
    { weight: 12, arbitrary: xmlCase().map((input): AnyCase => ({ kind: 'xml', input })) },
    { weight: 8, arbitrary: chainCase.map((input): AnyCase => ({ kind: 'chain', input })) },
  );
}

export function failuresOf(c: AnyCase, options: PropertyOptions = {}): Failure[] {
  switch (c.kind) {
    case 'draft':
      return draftFailures(c.input, { maxFixes: 2, ...options });
    case 'xml':
      return xmlFailures(c.input, { maxFixes: 2, ...options });
    case 'chain':
      return chainFailures(c.input, options);
  }
}

/** A case as the report prints it: the family, and the text with its length when it is long. */
export function describeCase(c: AnyCase): string {
  if (c.kind === 'chain') return `chain ${JSON.stringify(c.input)}`;
  const { text, family, probes, fixPick } = c.input;
  const shown = text.length > 3000 ? `${JSON.stringify(text.slice(0, 1500))} … (${text.length} characters) … ${JSON.stringify(text.slice(-500))}` : JSON.stringify(text);
  return `${family} ${shown} probes ${JSON.stringify(probes)} fixPick ${fixPick}`;
}
