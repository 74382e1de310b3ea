/**
 * Property: a Form 4 written as XML from random facts (test/support/xml.ts) imports as a draft
 * that holds every one of them, reads back with the same findings, and needs no note but the
 * schemaVersion's. Texts are drawn from fragments the draft syntax would misread (pipes,
 * "(12)", tags, entities, "Table II", "/s/", backslashes), so the escapes are exercised in
 * every place; numbers, dates, codes, references, owners and rows at random. Bounded: 100 runs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { roundTrip, SCHEMA_NOTE } from '../../support/importing';
import {
  derivativeXml,
  footnotesXml,
  issuerXml,
  nonDerivativeXml,
  ownerXml,
  type OwnerXml,
  ownershipXml,
  type RowXml,
  signatureXml,
  type Val,
  xmlText,
} from '../../support/xml';

const WORDS = ['Common', 'Stock', 'Class A', 'Units', 'Trust', 'LLC', 'Inc.', 'Fund II'];
const TRICKY = ['|', '(12)', '(1, 2)', '\\(3\\)', '²', '<b>', '</u>', '&amp;', '&nbsp;', '&#40;', '&', 'x < y', 'Table II', 'Table I', '/s/', '\\', '\\*', '`', '*', '---', ',', ';', 'Explanation of Responses', 'Signature of Reporting Person', '[x]', '08/07/2013'];
/** Texts for table cells, box 1, the address, footnotes, remarks and signatures. */
const text = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...WORDS), weight: 3 }, { arbitrary: fc.constantFrom(...TRICKY), weight: 2 }), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
/**
 * Texts for box 2 and box 5, whose readers have limits no escape reaches (docs/format.md, "Facts
 * a draft does not carry"): no "[", no reference-like "(12)", balanced parentheses.
 */
const plainText = fc.array(fc.constantFrom(...WORDS, '&', '<b>', 'Table II', ',', ';', '|', '\\', '/s/'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));

const decimalText = fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined })).map(([whole, fraction]) => (fraction === undefined ? String(whole) : `${whole}.${String(fraction).padStart(4, '0').replace(/0+$/, '') || '0'}`));
const isoDate = fc.tuple(fc.integer({ min: 2005, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const footnoteIds = fc.subarray(['F1', 'F2', 'F3', 'F4'], { maxLength: 2 });

/** A value with references, or (when `footnoteOnly`) references alone. */
function val(value: fc.Arbitrary<string>, footnoteOnly = false): fc.Arbitrary<Val> {
  const withValue = fc.record({ value, footnotes: footnoteIds });
  if (!footnoteOnly) return withValue;
  return fc.oneof(withValue, fc.record({ footnotes: fc.subarray(['F1', 'F2', 'F3', 'F4'], { minLength: 1, maxLength: 2 }) }));
}

const owner: fc.Arbitrary<OwnerXml> = fc.record({
  cik: fc.integer({ min: 1, max: 9_999_999_999 }).map((n) => String(n).padStart(10, '0')),
  name: text,
  street1: fc.option(text, { nil: undefined }),
  street2: fc.option(text, { nil: undefined }),
  city: fc.option(fc.constantFrom('REDWOOD CITY', 'NEW YORK', 'SAN JUAN'), { nil: undefined }),
  state: fc.option(fc.constantFrom('CA', 'NY', 'PR'), { nil: undefined }),
  zipCode: fc.option(fc.constantFrom('94065', '10001-1234'), { nil: undefined }),
  director: fc.boolean(),
  officer: fc.boolean(),
  tenPercentOwner: fc.boolean(),
  other: fc.boolean(),
}).chain((o) =>
  fc.record({ officerTitle: o.officer ? fc.option(plainText, { nil: undefined }) : fc.constant(undefined), otherText: o.other ? fc.option(plainText, { nil: undefined }) : fc.constant(undefined) }).map((t) => ({ ...o, ...t })),
);

/** The columns every row has, and the transaction columns (a holding has none). */
const rowFacts = (table: 'I' | 'II'): fc.Arbitrary<RowXml> =>
  fc.record({
    holding: fc.boolean(),
    title: val(text),
    date: val(isoDate),
    deemed: fc.option(val(isoDate, true), { nil: undefined }),
    code: fc.constantFrom('P', 'S', 'M', 'F', 'A', 'G', 'C', 'J', 'X'),
    swap: fc.boolean(),
    codeFootnotes: footnoteIds,
    // E comes with form type 5, as EDGAR writes an early transaction; L with form type 4.
    timeliness: fc.constantFrom(undefined, '', 'E', 'L'),
    amount: val(decimalText),
    dollars: fc.boolean(),
    price: val(decimalText, true),
    acquiredDisposed: fc.constantFrom('A', 'D'),
    exercisePrice: val(decimalText, true),
    exerciseDate: val(isoDate, true),
    expirationDate: val(isoDate, true),
    underlyingTitle: val(text),
    underlyingAmount: val(decimalText, true),
    owned: val(decimalText),
    ownership: fc.constantFrom('D', 'I'),
    nature: fc.option(val(text), { nil: undefined }),
  }).map((r) => {
    const dollars = table === 'II' && r.dollars;
    const row: RowXml = {
      holding: r.holding,
      title: r.title,
      ...(r.holding
        ? {}
        : {
            date: r.date,
            deemed: r.deemed,
            coding: { code: r.code, swap: r.swap, footnotes: r.codeFootnotes, formType: r.timeliness === 'E' ? '5' : '4' },
            timeliness: r.timeliness,
            ...(dollars ? { totalValue: r.amount } : { shares: r.amount }),
            price: r.price,
            acquiredDisposed: r.acquiredDisposed,
          }),
      ...(table === 'II'
        ? {
            exercisePrice: r.exercisePrice,
            exerciseDate: r.exerciseDate,
            expirationDate: r.expirationDate,
            underlyingTitle: r.underlyingTitle,
            ...(dollars ? { underlyingValue: r.underlyingAmount } : { underlyingShares: r.underlyingAmount }),
          }
        : {}),
      ...(dollars ? { ownedValue: r.owned } : { owned: r.owned }),
      ownership: r.ownership,
      nature: r.nature,
    };
    return row;
  });

const filing = fc.record({
  owners: fc.array(owner, { minLength: 1, maxLength: 3 }),
  issuerName: plainText,
  symbol: fc.constantFrom('QLYS', 'BRK.A', 'X'),
  period: isoDate,
  amendment: fc.option(isoDate, { nil: undefined }),
  exitBox: fc.constantFrom(undefined, '0', '1'),
  plan: fc.constantFrom(undefined, '0', '1'),
  tableI: fc.array(rowFacts('I'), { maxLength: 4 }),
  tableII: fc.array(rowFacts('II'), { maxLength: 3 }),
  footnotes: fc.array(text, { minLength: 4, maxLength: 4 }),
  remarks: fc.option(text, { nil: undefined }),
  signatures: fc.array(fc.record({ name: text, date: fc.option(isoDate, { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
});

type Facts = typeof filing extends fc.Arbitrary<infer T> ? T : never;

function toXml(f: Facts): string {
  const header = [
    `  <periodOfReport>${f.period}</periodOfReport>`,
    f.amendment ? `  <dateOfOriginalSubmission>${f.amendment}</dateOfOriginalSubmission>` : '',
    f.exitBox ? `  <notSubjectToSection16>${f.exitBox}</notSubjectToSection16>` : '',
  ].filter((l) => l !== '');
  return ownershipXml({
    documentType: f.amendment ? '4/A' : '4',
    header: header.join('\n'),
    issuer: issuerXml('0001107843', f.issuerName, f.symbol),
    owners: f.owners.map(ownerXml).join('\n'),
    aff10b5One: f.plan ? `  <aff10b5One>${f.plan}</aff10b5One>` : undefined,
    tableI: f.tableI.map(nonDerivativeXml).join('\n'),
    tableII: f.tableII.map(derivativeXml).join('\n'),
    footnotes: footnotesXml(f.footnotes.map((t, i) => [`F${i + 1}`, t] as const)),
    remarks: f.remarks === undefined ? undefined : `  <remarks>${xmlText(f.remarks)}</remarks>`,
    signatures: f.signatures.map((s) => signatureXml(s.name, s.date)).join('\n'),
  });
}

/** fast-check's report, with the failed assertion's own message (node:test prints no cause). */
function run(check: () => void): void {
  try {
    check();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    throw cause instanceof Error ? new Error(`${(error as Error).message}\n${cause.message}`) : error;
  }
}

describe('property: generated filings round-trip XML → draft → filing', () => {
  test('every fact equal, the same findings, no note but the schemaVersion', () => {
    run(() => fc.assert(
      fc.property(filing, (f) => {
        const xml = toXml(f);
        try {
          // footnote-order reads references in source order, and XML puts a Table II row's
          // price (transactionPricePerShare) before its dates and underlying, where the printed
          // form has it in column 8: the two readings of one filing can differ. Reported.
          const trip = roundTrip(xml, { ignoreRules: ['footnote-order'] });
          assert.deepEqual(trip.notes, [SCHEMA_NOTE]);
        } catch (error) {
          // The assertion's own message, with the XML it failed on.
          throw new Error(`${(error as Error).message}\n--- XML ---\n${xml}`);
        }
      }),
      // PROPERTY_RUNS and PROPERTY_SEED explore further by hand; the suite runs the fixed 100.
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 100), seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : 20240607 },
    ));
  });
});
