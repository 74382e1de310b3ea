/**
 * The draft generator (test/support/generate.ts) that the benchmark and the property tests use:
 * its drafts must check clean, so that the benchmark measures the normal path, and each error it
 * plants must make exactly the finding it names, on its row.
 */
import { toRange } from '../../server/src/service/text/range';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDraft, parseDraft } from '../../server/src/service';
import { BROKEN_KINDS, generateDraft, type GeneratedTables } from '../support/generate';

function findings(text: string) {
  const result = checkDraft(parseDraft(text));
  assert.deepEqual(result.failures, []);
  return result.findings;
}

function describeFindings(list: ReturnType<typeof findings>): string {
  return list.slice(0, 10).map((f) => `${toRange(f.span).start.line + 1}: ${f.rule}: ${f.message}`).join('\n');
}

describe('generated drafts', () => {
  for (const tables of ['both', 'I', 'II'] as GeneratedTables[]) {
    for (const rows of [1, 2, 3, 8, 12, 20, 30, 31, 1000]) {
      it(`${rows} rows (${tables}) check clean but for too-many-rows`, () => {
        for (const seed of rows >= 1000 ? [1, 2] : [1, 2, 3, 4, 5, 6, 7, 8]) {
          const draft = generateDraft({ rows, seed, tables });
          assert.equal(draft.rows.length, rows, `seed ${seed}: ${draft.rows.length} rows`);
          const found = findings(draft.text);
          const other = found.filter((f) => f.rule !== 'too-many-rows');
          assert.deepEqual(other.length, 0, `seed ${seed}, ${rows} rows:\n${describeFindings(other)}`);
          const tooMany = found.length - other.length;
          const overLimit = (draft.tableI.length > 30 ? 1 : 0) + (draft.tableII.length > 30 ? 1 : 0);
          assert.equal(tooMany, overLimit, `seed ${seed}: too-many-rows ${tooMany} times`);
        }
      });
    }
  }

  it('is deterministic from its seed, and seeds differ', () => {
    assert.equal(generateDraft({ rows: 200, seed: 42 }).text, generateDraft({ rows: 200, seed: 42 }).text);
    assert.notEqual(generateDraft({ rows: 200, seed: 42 }).text, generateDraft({ rows: 200, seed: 43 }).text);
  });

  it('has the events of a real filing', () => {
    const draft = generateDraft({ rows: 300, seed: 3 });
    const roles = new Set(draft.rows.map((r) => r.role));
    for (const role of ['exercise-option', 'exercise-shares', 'sale', 'vest-units', 'vest-shares', 'withholding', 'gift-given', 'gift-received', 'holding'] as const) {
      assert.ok(roles.has(role), `no ${role} row`);
    }
    assert.match(draft.text, /Rule 10b5-1\(c\) Transaction Indication: \[x\]/);
    assert.match(draft.text, /ranging from \$[\d,.]+ to \$[\d,.]+, inclusive\. The Reporting Person undertakes/);
    assert.match(draft.text, /\| G \(\d+\) \|\s+\| [\d,]+ \| A \| \$0 \| [\d,]+ \| I \| By Trust \(\d+\) \|/);
  });

  it('gives each row its line', () => {
    const draft = generateDraft({ rows: 50, seed: 9 });
    const lines = draft.text.split('\n');
    for (const row of draft.rows) assert.equal(lines[row.line], `| ${row.cells.join(' | ')} |`);
  });
});

describe('broken drafts', () => {
  for (const kind of BROKEN_KINDS) {
    it(`${kind}: every planted error is found on its row, and nothing else`, () => {
      for (const seed of [1, 2, 3, 4]) {
        const draft = generateDraft({ rows: 400, seed, broken: { fraction: 0.05, kinds: [kind] } });
        assert.ok(draft.planted.length > 0, `seed ${seed}: nothing planted`);
        const found = findings(draft.text).filter((f) => f.rule !== 'too-many-rows');
        const got = found.map((f) => `${toRange(f.span).start.line}:${f.rule}`).sort();
        const want = draft.planted.map((p) => `${p.line}:${p.rule}`).sort();
        assert.deepEqual(got, want, `seed ${seed}:\n${describeFindings(found)}`);
      }
    });
  }

  it('mixes kinds over a fraction of the rows', () => {
    const draft = generateDraft({ rows: 1000, seed: 5, broken: { fraction: 0.02 } });
    assert.equal(draft.planted.length, 20);
    assert.ok(new Set(draft.planted.map((p) => p.kind)).size >= 5);
    const found = findings(draft.text).filter((f) => f.rule !== 'too-many-rows');
    assert.deepEqual(found.map((f) => `${toRange(f.span).start.line}:${f.rule}`).sort(), draft.planted.map((p) => `${p.line}:${p.rule}`).sort(), describeFindings(found));
  });
});
