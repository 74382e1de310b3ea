/**
 * Every draft example of the README and of docs/ checks as the text around it says (issue 9,
 * item 13: the README's format example gave two warnings when copied). A draft example is fenced
 * as `form4` and preceded by a `<!-- check: … -->` comment (test/support/markdown.ts), which this
 * test holds it to; a `form4` block without one fails, so a new example cannot slip in unchecked.
 * docs/rules.md is left to test/service/messages.test.ts: it is generated from the rules, and its
 * examples are the one or two lines each rule is about, checked there against the rule's message.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkDraft } from '../../server/src/service/check';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import { filingFacts } from '../support/facts';
import { at, fencedBlocks, readCheck } from '../support/markdown';
import { PROJECT_ROOT } from '../support/paths';

const DOCUMENTS = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(PROJECT_ROOT, 'docs'))
    .filter((f) => f.endsWith('.md') && f !== 'rules.md')
    .map((f) => `docs/${f}`),
];

for (const name of DOCUMENTS) {
  const blocks = fencedBlocks(readFileSync(join(PROJECT_ROOT, name), 'utf8')).filter((b) => b.language === 'form4');
  describe(`${name}: the draft examples`, () => {
    test('each says what it checks as', () => {
      assert.deepEqual(blocks.filter((b) => b.check === undefined).map((b) => `line ${b.line}`), []);
    });
    for (const block of blocks) {
      test(`the example on line ${block.line}: ${block.check ?? '(no check)'}`.slice(0, 160), () => {
        const check = readCheck(block.check ?? '');
        const parsed = parseDraft(block.body);
        const result = checkDraft(parsed);
        assert.deepEqual(result.failures, []);
        if (check.clean) assert.deepEqual(result.findings.map((f) => `${f.rule}: ${f.message}`), []);
        if (check.findings) assert.deepEqual(result.findings.map((f) => f.rule).sort(), check.findings);
        const facts = filingFacts(parsed.filing);
        for (const [path, value] of Object.entries(check.reads ?? {})) assert.deepEqual(at(facts, path), value, path);
      });
    }
  });
}

test('the README has draft examples to check (the format in short, box 1 and 2 detail lines)', () => {
  const blocks = fencedBlocks(readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8')).filter((b) => b.language === 'form4');
  assert.ok(blocks.length >= 2, `${blocks.length} form4 examples in the README`);
});
