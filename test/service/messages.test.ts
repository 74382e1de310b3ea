/**
 * Every message a drafter reads is a short full sentence in the drafter's words (the standard is
 * `messageProblems` of test/support/messages.ts). Checked on every finding of a wide set of
 * drafts and XML filings (test/support/messageDrafts.ts) and on each rule's documented example
 * message; row-shape's within 120 characters. The export's problems: test/service/export/messages.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDocument } from '../../server/src/service/check';
import { parseSource } from '../../server/src/service/document';
import { RULES } from '../../server/src/service/rules/registry';
import { messageSamples } from '../support/messageDrafts';
import { MESSAGE_LIMIT, messageProblems } from '../support/messages';

const LIMIT = MESSAGE_LIMIT;
const ROW_SHAPE_LIMIT = 120;

const samples = messageSamples();

describe('messages', () => {
  test('the standard itself: what it accepts and what it refuses', () => {
    assert.deepEqual(messageProblems('Box 5 selects no relationship. Check at least one of Director, Officer, 10% Owner or Other.'), []);
    assert.deepEqual(messageProblems('Box 5 selects no relationship: at least one of Director (cm(1))'), ['does not end with a period', 'names cm(1) without saying what it is']);
    assert.deepEqual(messageProblems('footnote (3) is empty.'), ['does not start with a capital']);
    assert.deepEqual(messageProblems('A blank price needs a footnote (EDGAR Technical Specification, rule cm(8)).'), []);
    assert.deepEqual(messageProblems(`A${' long'.repeat(40)}.`), ['has 202 characters (at most 160)']);
  });

  test('the set of drafts is wide: it makes findings of most rules', () => {
    assert.ok(samples.length > 1000, `${samples.length} samples`);
    const rules = new Set(samples.flatMap((s) => checkDocument(parseSource(s.kind, s.text)).findings.map((f) => f.rule)));
    const missed = RULES.map((r) => r.id).filter((id) => !rules.has(id));
    // not-text is made by the CLI from bytes (tested in test/cli), not from a text.
    assert.ok(missed.length <= 8, `rules with no finding in the samples: ${missed.join(', ')}`);
  });

  test('every finding on every sample has a message that meets the standard', () => {
    const bad = new Map<string, string>();
    for (const sample of samples) {
      const result = checkDocument(parseSource(sample.kind, sample.text));
      assert.deepEqual(result.failures, [], sample.name);
      for (const f of result.findings) {
        const problems = messageProblems(f.message, f.rule === 'row-shape' ? ROW_SHAPE_LIMIT : LIMIT);
        const key = `${f.rule}: ${f.message}`;
        if (problems.length > 0 && !bad.has(key)) bad.set(key, `${key}\n    ${problems.join('; ')} (in ${sample.name})`);
      }
    }
    assert.deepEqual([...bad.values()], []);
  });

  test('each rule\'s documented example message meets it too', () => {
    const bad = RULES.filter((r) => r.example && messageProblems(r.example.message, r.id === 'row-shape' ? ROW_SHAPE_LIMIT : LIMIT).length > 0)
      .map((r) => `${r.id}: ${r.example.message}: ${messageProblems(r.example.message).join('; ')}`);
    assert.deepEqual(bad, []);
  });
});
