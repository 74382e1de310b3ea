/**
 * The robustness properties of test/support/properties.ts, run by `npm test` with a bounded
 * number of runs (the whole file in well under 20 s); `npm run fuzz` runs the same properties on
 * 100,000 cases. And the cases FIX_REVEALS allows, each shown: a quick fix that adds an error
 * does so only because the error it fixed was hiding it, or because it leaves a stub to write.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkDocument } from '../../server/src/service/check';
import { fixAll } from '../../server/src/service/features/codeActions';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import type { Finding } from '../../server/src/service/rules/types';
import { applyEdits } from '../../server/src/service/text/edits';
import { lineOf } from '../../server/src/service/text/position';
import { chainCase } from '../fuzz/cases';
import { draftCase, xmlCase } from '../support/fuzzInputs';
import { chainFailures, draftFailures, FIX_REVEALS, keptCharacters, xmlFailures } from '../support/properties';

/** Seeded, so that a run is the same on every machine; `npm run fuzz` varies the seeds. */
const runs = (numRuns: number, seed: number): fc.Parameters<unknown> => ({ numRuns, seed, endOnFailure: false });

/** A slow call fails at 1 s of CPU in the fuzz; here, on a machine that runs the whole suite at once, at 3 s. */
const OPTIONS = { slowMs: 3000, maxFixes: 3 };

describe('robustness properties (fast-check)', () => {
  test('drafts: random text, random tables, mutated valid drafts keep every property', () => {
    fc.assert(fc.property(draftCase({ megabyte: false }), (c) => assert.deepEqual(draftFailures(c, OPTIONS), [])), runs(200, 8));
  });

  test('ownership XML: random and mutated documents never throw, and every span lies inside the text', () => {
    fc.assert(fc.property(xmlCase(), (c) => assert.deepEqual(xmlFailures(c, OPTIONS), [])), runs(120, 9));
  });

  test('a holdings chain carried from a wrong amount is put right by one fix of the wrong row', () => {
    fc.assert(fc.property(chainCase, (c) => assert.deepEqual(chainFailures(c, OPTIONS), [])), runs(50, 10));
  });

  test('keptCharacters: white space and the dashes of separator rows aside', () => {
    assert.equal(keptCharacters('| a  | b |\n|---|:--:|\n| c-d | e |'), '|a|b|||::||c-d|e|');
    assert.equal(keptCharacters('a - b\n---'), 'a-b---');
  });
});

function errors(text: string): Finding[] {
  return checkDocument(parseDraft(text)).findings.filter((f) => f.severity === 'error');
}

function fixFor(text: string, rule: string): { finding: Finding; fixed: string } {
  const finding = checkDocument(parseDraft(text)).findings.find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} finding`);
  const fix = finding.fixes[0];
  assert.ok(fix, `${rule} offers no fix`);
  return { finding, fixed: applyEdits(text, fix.edits) };
}

const HEADER = [
  '1. Name and Address of Reporting Person: Wilson John',
  '2. Issuer Name and Ticker or Trading Symbol: Qualys [QLYS]',
  '3. Date of Earliest Transaction: 01/01/2003',
  '4. If Amendment, Date of Original Filed: 01/01/2003',
  '5. Relationship of Reporting Person(s) to Issuer: Director',
  '',
  'Table I',
  '| Common Stock | 01/02/2003 | | P | | 100 | A | $1.00 | 100 | D | |',
  '',
];

describe('the errors a quick fix may add (FIX_REVEALS), each shown', () => {
  test('the list is exactly the cases below', () => {
    assert.deepEqual(FIX_REVEALS.map((r) => `${r.fixed} -> ${r.added}`), ['footnote-undefined -> footnote-empty', 'earliest-date -> amendment-date']);
  });

  test('footnote-undefined -> footnote-empty: the fix writes a stub "(2) " to complete, which footnote-empty keeps from being filed', () => {
    const text = [
      ...HEADER.slice(0, 2), '3. Date of Earliest Transaction: 01/02/2003', HEADER[4], '', 'Table I',
      '| Common Stock | 01/02/2003 | | P (2) | | 100 | A | $1.00 (1) | 100 | D | |', '',
      'Explanation of Responses:', '(1) Held directly.', '', '/s/ John Wilson', '01/03/2003',
    ].join('\n');
    assert.deepEqual(errors(text).map((f) => f.rule), ['footnote-undefined']);
    const { fixed } = fixFor(text, 'footnote-undefined');
    assert.match(fixed, /\n\(1\) Held directly\.\n\(2\) \n/);
    const after = errors(fixed);
    assert.equal(after.some((f) => f.rule === 'footnote-undefined'), false);
    const empty = after.filter((f) => f.rule === 'footnote-empty');
    assert.equal(empty.length, 1);
    assert.equal(lineOf(empty[0]?.span.start ?? 0), fixed.split('\n').indexOf('(2) '));
  });

  test('earliest-date -> amendment-date: box 3 put at the earliest transaction shows that box 4 dates the original before it', () => {
    // Box 3 (01/01/2003) is a day before the only transaction (01/02/2003): a warning. Box 4
    // says the original was filed on 01/01/2003, before that transaction, which the wrong box 3 hid.
    const text = [...HEADER, '/s/ John Wilson', '01/03/2003'].join('\n');
    assert.deepEqual(errors(text), []);
    const { finding, fixed } = fixFor(text, 'earliest-date');
    assert.equal(finding.severity, 'warning');
    assert.match(fixed, /3\. Date of Earliest Transaction: 01\/02\/2003/);
    assert.deepEqual(errors(fixed).map((f) => [f.rule, f.message]), [
      ['amendment-date', 'Box 4 says the original was filed 01/01/2003, before the earliest transaction it reports (box 3, 01/02/2003).'],
    ]);
    // Fix-all makes the same change (the fix is preferred) and then stops: box 4 is the drafter's to correct.
    const all = fixAll(text);
    assert.equal(applyEdits(text, all.edits), fixed);
    assert.deepEqual([all.applied, all.passes], [1, 1]);
  });
});
