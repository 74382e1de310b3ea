/**
 * Memory over stdio, measured from outside (/proc/<pid>/status): what the server holds for a
 * large draft is released when the draft is closed, also when the close comes while a request
 * on the draft is still waiting for its settings.
 *
 * Why the bound cannot flake: the server runs with its JavaScript heap capped (256 MB), about
 * three times what one 10 MB draft needs at its peak (two versions and the message they came
 * in). Garbage never makes V8 fail an allocation: it collects everything unreachable before it
 * gives up. So without a leak the live heap returns to a few megabytes after each close, whenever
 * V8 chooses to collect, and the test passes whatever the timing; with a leak of one draft per
 * round the live heap outgrows the cap within the rounds below and the server dies of it, which
 * fails the test. The RSS bound checked after each round (the cap plus 200 MB for code, buffers
 * and the allocator's slack) is the same argument seen from outside.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { EXAMPLES, memoryOf, RawClient, SUITE } from './harness';

const WILSON = readFileSync(join(EXAMPLES, 'qualys-wilson-2013.form4'), 'utf8');
const REMARK = 'Remarks: the reporting person holds these shares through a family trust of which he is a trustee.\n';

/** The Wilson draft followed by `megabytes` of remarks lines, made distinct by `tag`. */
function largeDraft(megabytes: number, tag: string): string {
  return `${WILSON}${REMARK.repeat(Math.ceil((megabytes * 1e6) / REMARK.length))}${tag}\n`;
}

const HEAP_CAP_MB = 256;
const ROUNDS = 12;
const everything = { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } };
const origin = { line: 0, character: 0 };

describe('memory over stdio', { ...SUITE, timeout: 180_000 }, () => {
  test(`10 MB drafts opened, edited and closed ${ROUNDS} times under a ${HEAP_CAP_MB} MB heap: nothing is kept`, async (t) => {
    const client = await RawClient.start({
      nodeArgs: [`--max-old-space-size=${HEAP_CAP_MB}`],
      capabilities: { textDocument: { diagnostic: {}, inlayHint: {} }, workspace: { configuration: true } },
    });
    /** Run when the server asks for a document's settings, before the answer goes back. */
    let beforeSettings: (() => Promise<void>) | undefined;
    client.onRequest('workspace/configuration', async (params) => {
      const run = beforeSettings;
      beforeSettings = undefined;
      if (run) await run();
      return (params as { items: unknown[] }).items.map(() => null);
    });
    const figures: string[] = [];
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        // Opened, checked, edited twice (checked each time), closed.
        const edited = `untitled:large-${round}.form4`;
        client.notify('textDocument/didOpen', { textDocument: { uri: edited, languageId: 'form4', version: 1, text: largeDraft(10, `edited ${round}`) } });
        await client.call('textDocument/diagnostic', { textDocument: { uri: edited } });
        for (const version of [2, 3]) {
          client.notify('textDocument/didChange', { textDocument: { uri: edited, version }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: `edit ${version}\n` }] });
          await client.call('textDocument/diagnostic', { textDocument: { uri: edited } });
        }
        client.notify('textDocument/didClose', { textDocument: { uri: edited } });

        // Closed while its inlay hints wait for the settings: the answer must not bring it back.
        const raced = `untitled:raced-${round}.form4`;
        client.notify('textDocument/didOpen', { textDocument: { uri: raced, languageId: 'form4', version: 1, text: largeDraft(10, `raced ${round}`) } });
        beforeSettings = async () => {
          client.notify('textDocument/didClose', { textDocument: { uri: raced } });
          // Once this is answered, the server has read the close.
          await client.call('textDocument/hover', { textDocument: { uri: 'untitled:none.form4' }, position: origin });
        };
        const hints = await client.call('textDocument/inlayHint', { textDocument: { uri: raced }, range: everything });
        assert.deepEqual(hints, [], 'no inlay hints for a draft closed meanwhile');
        await client.call('textDocument/hover', { textDocument: { uri: 'untitled:none.form4' }, position: origin });

        const memory = memoryOf(client.pid);
        if (memory) {
          figures.push(`round ${round}: RSS ${memory.rssMiB.toFixed(0)} MiB (peak so far ${memory.peakMiB.toFixed(0)} MiB)`);
          assert.ok(memory.rssMiB < HEAP_CAP_MB + 200, `round ${round}: RSS ${memory.rssMiB.toFixed(0)} MiB`);
        }
      }
      t.diagnostic(figures.join('; '));
      assert.deepEqual(await client.stop(), { exitCode: 0, signal: null, stderr: '' });
    } finally {
      client.kill();
    }
  });

  test('a draft closed while its settings are read: they are not read (and kept) again for it', async () => {
    const client = await RawClient.start({ capabilities: { workspace: { configuration: true } } });
    try {
      const closed = 'untitled:closed-while-read.form4';
      const other = 'untitled:other.form4';
      const asked: string[] = [];
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      client.onRequest('workspace/configuration', async (params) => {
        const items = (params as { items: { scopeUri?: string }[] }).items;
        for (const item of items) asked.push(item.scopeUri ?? '');
        if (items.some((i) => i.scopeUri === closed)) await held;
        return items.map(() => ({ diagnostics: { delay: 0 } }));
      });
      const published = (uri: string, version: number): Promise<unknown> =>
        client.message((m) => {
          const p = (m as { method?: string; params?: { uri?: string; version?: number } }).params;
          return (m as { method?: string }).method === 'textDocument/publishDiagnostics' && p?.uri === uri && p.version === version;
        }, `diagnostics for ${uri} version ${version}`);
      // Another draft, its settings read and kept: the witness below.
      client.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'form4', version: 1, text: 'hello' } });
      await published(other, 1);
      // Opened (its settings are being read), changed (a push waits for those settings), closed.
      client.notify('textDocument/didOpen', { textDocument: { uri: closed, languageId: 'form4', version: 1, text: 'hello' } });
      client.notify('textDocument/didChange', { textDocument: { uri: closed, version: 2 }, contentChanges: [{ text: 'hello again' }] });
      client.notify('textDocument/didClose', { textDocument: { uri: closed } });
      await client.call('textDocument/hover', { textDocument: { uri: 'untitled:none.form4' }, position: origin });
      release();
      // The answer goes out once the handler resumes (a microtask), before anything written after this.
      await new Promise((resolve) => setImmediate(resolve));
      // The witness's push is scheduled after the closed draft's (same delay: timers fire in the
      // order they were set), so once it is published the closed draft's push has run.
      client.notify('textDocument/didChange', { textDocument: { uri: other, version: 2 }, contentChanges: [{ text: 'hello again' }] });
      await published(other, 2);
      assert.deepEqual(asked, [other, closed]);
    } finally {
      client.kill();
    }
  });

  test('a 50 MB draft: opened, edited three times, closed; the server answers throughout', async (t) => {
    const client = await RawClient.start({ capabilities: { textDocument: { diagnostic: {} } } });
    try {
      const uri = 'untitled:fifty.form4';
      const before = memoryOf(client.pid);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'form4', version: 1, text: largeDraft(50, 'fifty') } });
      const first = (await client.call('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string; items: unknown[] };
      assert.equal(first.kind, 'full');
      for (const version of [2, 3, 4]) {
        client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 40, character: 0 } }, text: 'x' }] });
        assert.equal(((await client.call('textDocument/diagnostic', { textDocument: { uri } })) as { kind: string }).kind, 'full');
      }
      const open = memoryOf(client.pid);
      client.notify('textDocument/didClose', { textDocument: { uri } });
      assert.equal(await client.call('textDocument/hover', { textDocument: { uri }, position: origin }), null, 'closed: nothing to hover');
      const closed = memoryOf(client.pid);
      if (before && open && closed) {
        // Printed, not asserted: when V8 returns the garbage to the system is its own choice (see above).
        t.diagnostic(`RSS before ${before.rssMiB.toFixed(0)} MiB, after the edits ${open.rssMiB.toFixed(0)} MiB, peak ${closed.peakMiB.toFixed(0)} MiB, after close ${closed.rssMiB.toFixed(0)} MiB`);
      }
      assert.deepEqual(await client.stop(), { exitCode: 0, signal: null, stderr: '' });
    } finally {
      client.kill();
    }
  });
});
