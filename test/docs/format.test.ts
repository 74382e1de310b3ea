/**
 * docs/format.md, the reference of the draft format: it has examples, each with the comment that
 * says what it checks as (test/docs/examples.test.ts checks them), and the reference
 * keeps everything ../shared/FORMAT.md (the format as first specified) says: each of its
 * backticked terms appears in it.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fencedBlocks } from '../support/markdown';
import { PROJECT_ROOT, SHARED } from '../support/paths';

const FORMAT_MD = join(PROJECT_ROOT, 'docs', 'format.md');
const text = readFileSync(FORMAT_MD, 'utf8');
const examples = fencedBlocks(text).filter((b) => b.language === 'form4');

describe('docs/format.md: the examples', () => {
  test('there are examples, and each says what it checks as', () => {
    assert.ok(examples.length >= 8, `${examples.length} form4 examples`);
    assert.deepEqual(examples.filter((b) => b.check === undefined).map((b) => `line ${b.line}`), []);
  });
  // Each is checked as its comment says by test/docs/examples.test.ts, with the README's.
});

describe('docs/format.md keeps what FORMAT.md says', () => {
  test('every backticked term of ../shared/FORMAT.md is in it', (t) => {
    const original = join(SHARED, 'FORMAT.md');
    if (!existsSync(original)) return t.skip(`${original} is not beside the project`);
    const terms = [...new Set([...readFileSync(original, 'utf8').matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? ''))];
    assert.deepEqual(terms.filter((term) => !text.includes(term)), []);
  });
});
