/**
 * docs/format.md, the reference of the draft format: every `form4` example checks as the comment
 * before it says (test/support/markdown.ts), every example has such a comment, and the reference
 * keeps everything ../shared/FORMAT.md (the format as first specified) says: each of its
 * backticked terms appears in it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkDraft } from '../../server/src/service/check';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import { filingFacts } from '../support/facts';
import { at, fencedBlocks, readCheck } from '../support/markdown';
import { PROJECT_ROOT, SHARED } from '../support/paths';

const FORMAT_MD = join(PROJECT_ROOT, 'docs', 'format.md');
const text = readFileSync(FORMAT_MD, 'utf8');
const examples = fencedBlocks(text).filter((b) => b.language === 'form4');

describe('docs/format.md: the examples', () => {
  test('there are examples, and each says what it checks as', () => {
    assert.ok(examples.length >= 8, `${examples.length} form4 examples`);
    assert.deepEqual(examples.filter((b) => b.check === undefined).map((b) => `line ${b.line}`), []);
  });

  for (const example of examples) {
    test(`the example on line ${example.line}: ${example.check ?? '(no check)'}`.slice(0, 160), () => {
      const check = readCheck(example.check ?? '');
      const parsed = parseDraft(example.body);
      const result = checkDraft(parsed);
      assert.deepEqual(result.failures, []);
      const found = result.findings.map((f) => f.rule).sort();
      if (check.clean) assert.deepEqual(result.findings.map((f) => `${f.rule}: ${f.message}`), []);
      if (check.findings) assert.deepEqual(found, check.findings);
      const facts = filingFacts(parsed.filing);
      for (const [path, value] of Object.entries(check.reads ?? {})) assert.deepEqual(at(facts, path), value, path);
    });
  }
});

describe('docs/format.md keeps what FORMAT.md says', () => {
  test('every backticked term of ../shared/FORMAT.md is in it', (t) => {
    const original = join(SHARED, 'FORMAT.md');
    if (!existsSync(original)) return t.skip(`${original} is not beside the project`);
    const terms = [...new Set([...readFileSync(original, 'utf8').matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? ''))];
    assert.deepEqual(terms.filter((term) => !text.includes(term)), []);
  });
});
