/**
 * The npm tarball that "Install the command line" in the README installs: `npm pack` holds the
 * two commands and their bundles and nothing else (the .npmignore allow-list), and installed
 * globally into a throwaway prefix they run from any folder: `form4 check` checks a draft and
 * `form4-language-server --stdio` answers `initialize`.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';

const FIXTURE = join(PROJECT_ROOT, 'test', 'editors', 'fixtures', 'two-findings.form4');
// `--ignore-scripts`: the bundles are already built (npm test builds them first); `prepare` would
// rebuild dist/ under the feet of the tests running beside this one.
const NPM_QUIET = ['--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];

function npm(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the npm tarball', () => {
  test('holds the two commands, their bundles, package.json, README and LICENSE: nothing else', () => {
    const r = npm(['pack', '--dry-run', '--json', ...NPM_QUIET], PROJECT_ROOT);
    assert.equal(r.status, 0, r.stderr);
    const [pack] = JSON.parse(r.stdout) as { files: { path: string }[] }[];
    assert.ok(pack);
    const files = pack.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['LICENSE', 'README.md', 'bin/form4-language-server.js', 'bin/form4.js', 'dist/checkWorker.js', 'dist/cli.js', 'dist/server.js', 'package.json', 'snippets/form4.code-snippets']);
    for (const f of files) assert.doesNotMatch(f, /^(out|test|server|client|node_modules|scripts)\//);
  });

  describe('installed with npm install -g into a throwaway prefix', () => {
    let dir = '';
    let binDir = '';
    let elsewhere = '';

    before(() => {
      assert.ok(existsSync(join(PROJECT_ROOT, 'dist', 'cli.js')), 'dist/ is built (npm run build)');
      dir = mkdtempSync(join(tmpdir(), 'form4-install-'));
      const packed = npm(['pack', '--pack-destination', dir, ...NPM_QUIET], PROJECT_ROOT);
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = join(dir, packed.stdout.trim().split('\n').at(-1) ?? '');
      assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);
      const prefix = join(dir, 'prefix');
      const installed = npm(['install', '-g', '--prefix', prefix, '--offline', ...NPM_QUIET, tarball], dir);
      assert.equal(installed.status, 0, installed.stderr);
      binDir = join(prefix, 'bin');
      elsewhere = join(dir, 'elsewhere');
      mkdirSync(elsewhere);
      copyFileSync(FIXTURE, join(elsewhere, 'draft.form4'));
    });

    after(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('form4 check runs from another folder', () => {
      const r = spawnSync(join(binDir, 'form4'), ['check', '--format', 'json', 'draft.form4'], { cwd: elsewhere, encoding: 'utf8', timeout: 30_000 });
      assert.equal(r.status, 1, r.stderr);
      const [file] = JSON.parse(r.stdout) as { file: string; findings: { rule: string; line: number }[] }[];
      assert.deepEqual(
        file?.findings.map((f) => [f.rule, f.line]),
        [
          ['unknown-code', 14],
          ['footnote-order', 14],
        ],
      );
    });

    test('form4-language-server --stdio answers initialize from another folder', async () => {
      const server = spawn(join(binDir, 'form4-language-server'), ['--stdio'], { cwd: elsewhere, stdio: ['pipe', 'pipe', 'pipe'] });
      try {
        const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        const reply = new Promise<string>((resolve, reject) => {
          let out = '';
          const timer = setTimeout(() => reject(new Error(`no answer to initialize; got ${JSON.stringify(out)}`)), 20_000);
          server.stdout.setEncoding('utf8');
          server.stdout.on('data', (chunk: string) => {
            out += chunk;
            const header = /Content-Length: (\d+)\r\n\r\n/.exec(out);
            if (header?.[1] !== undefined) {
              const start = header.index + header[0].length;
              const length = Number(header[1]);
              if (Buffer.byteLength(out.slice(start)) >= length) {
                clearTimeout(timer);
                resolve(out.slice(start));
              }
            }
          });
          server.on('error', reject);
        });
        server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        const answer = JSON.parse(await reply) as { id: number; result?: { capabilities?: Record<string, unknown>; serverInfo?: { name?: string } } };
        assert.equal(answer.id, 1);
        assert.ok(answer.result?.capabilities?.['textDocumentSync'], 'the server declares its capabilities');
      } finally {
        server.kill();
      }
    });
  });
});
