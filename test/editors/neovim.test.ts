/**
 * The README's Neovim 0.7–0.10 configuration, run as written in a real headless Neovim (the one
 * apt installs; .ci/run installs it): `form4-language-server` on PATH starts the bundled server
 * (dist/server.js) through bin/form4-language-server.js; a draft gets exactly its two diagnostics,
 * with the README's settings applied (footnote-order is a hint: they went to the server in
 * workspace/didChangeConfiguration from on_init); new settings sent the same way (unknown-code
 * off) clear the error and bring footnote-order back to its default. Skipped, saying so, when
 * `nvim` is not on PATH.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';
import { readmeBlock } from './readmeBlocks';

const HARNESS = join(PROJECT_ROOT, 'test', 'editors', 'neovim', 'harness.lua');
/** A draft with two findings: an unknown code (error) and footnotes out of order (information). */
const FIXTURE = join(PROJECT_ROOT, 'test', 'editors', 'fixtures', 'two-findings.form4');
const SERVER = join(PROJECT_ROOT, 'bin', 'form4-language-server.js');

/** `nvim --version`'s first line, or undefined when there is no nvim on PATH. */
function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.split('\n')[0]?.trim();
}

const VERSION = nvimVersion();
const SKIP = VERSION === undefined ? 'nvim is not on PATH (apt-get install neovim): the README\'s Neovim configuration is not tested' : false;

interface Diagnostic {
  readonly code: string;
  readonly lnum: number;
  readonly col: number;
  readonly end_lnum: number;
  readonly end_col: number;
  readonly severity: number;
  readonly source: string;
  readonly message: string;
}

interface HarnessResult {
  readonly error?: string;
  readonly nvim: string;
  readonly filetype: string;
  readonly attached: boolean;
  readonly diagnostics_arrived: boolean;
  readonly before: Diagnostic[];
  readonly clients: number;
  readonly cleared: boolean;
  readonly after: Diagnostic[] | Record<string, never>;
  /** Neovim's last error message (v:errmsg). */
  readonly errmsg?: string;
}

/** The fixture's findings (`form4 check`: 14:37 and 14:62), as Neovim stores them (0-based, bytes). */
const UNKNOWN_CODE: Diagnostic = {
  code: 'unknown-code',
  lnum: 13,
  col: 36,
  end_lnum: 13,
  end_col: 37,
  severity: 1,
  source: 'form4',
  message: 'The code "Q" is not a transaction code of General Instruction 8.',
};
/** Neovim's severities: 1 error, 2 warning, 3 information, 4 hint. */
function footnoteOrder(severity: 3 | 4): Diagnostic {
  return {
    code: 'footnote-order',
    lnum: 13,
    col: 61,
    end_lnum: 13,
    end_col: 64,
    severity,
    source: 'form4',
    message: 'Footnote (1) is first referred to after footnote (2). Number footnotes in the order the draft first refers to them.',
  };
}

describe('Neovim 0.7–0.10 configuration from the README, headless', () => {
  let dir: string | undefined;
  let bin = '';

  before(() => {
    if (SKIP) return;
    assert.ok(existsSync(join(PROJECT_ROOT, 'dist', 'server.js')), 'dist/server.js is built (npm run build)');
    dir = mkdtempSync(join(tmpdir(), 'form4-nvim-'));
    // `form4-language-server` on PATH, as an installed package puts it there
    bin = join(dir, 'bin');
    mkdirSync(bin);
    const shim = join(bin, 'form4-language-server');
    writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${SERVER}' "$@"\n`);
    chmodSync(shim, 0o755);
    // the README block as a user would paste it; init.lua runs it (an error in it must not leave
    // Neovim waiting at a prompt), then the harness
    const config = join(dir, 'form4.lua');
    writeFileSync(config, readmeBlock('**Neovim 0.7 to 0.10**', 'lua'));
    writeFileSync(
      join(dir, 'init.lua'),
      [
        `local ok, err = pcall(dofile, ${JSON.stringify(config)})`,
        'if not ok then vim.g.form4_config_error = tostring(err) end',
        `dofile(${JSON.stringify(HARNESS)})`,
        '',
      ].join('\n'),
    );
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Runs Neovim on a copy of the fixture named `name`; returns what the harness saw. */
  function run(name: string): HarnessResult {
    assert.ok(dir !== undefined);
    const work = mkdtempSync(join(dir, 'work-'));
    const draft = join(work, name);
    copyFileSync(FIXTURE, draft);
    const out = join(work, 'result.json');
    const xdg = join(work, 'xdg');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua')], {
      cwd: work,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`,
        // a throwaway profile: no user configuration, plugins, shada or logs
        XDG_CONFIG_HOME: join(xdg, 'config'),
        XDG_DATA_HOME: join(xdg, 'data'),
        XDG_STATE_HOME: join(xdg, 'state'),
        XDG_CACHE_HOME: join(xdg, 'cache'),
        FORM4_DRAFT: draft,
        FORM4_OUT: out,
        FORM4_RULE: 'unknown-code',
        FORM4_TIMEOUT_MS: '20000',
      },
    });
    const lspLog = [join(xdg, 'cache', 'nvim', 'lsp.log'), join(xdg, 'state', 'nvim', 'lsp.log')].filter((p) => existsSync(p)).map((p) => readFileSync(p, 'utf8')).join('\n');
    const context = `nvim exit ${String(r.status)} ${String(r.signal ?? '')}\nstderr: ${r.stderr}\nstdout: ${r.stdout}\nlsp.log: ${lspLog.slice(-4000)}`;
    assert.ok(existsSync(out), `the harness wrote no result\n${context}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as HarnessResult;
    assert.equal(result.error, undefined, `the harness failed: ${String(result.error)}\n${context}`);
    assert.equal(r.status, 0, context);
    return result;
  }

  test(`a *.form4 draft: its diagnostics with the README's settings, then with new ones (${VERSION ?? 'no nvim'})`, { skip: SKIP }, (t) => {
    const result = run('two-findings.form4');
    t.diagnostic(`Neovim ${result.nvim}`);
    assert.equal(result.filetype, 'form4');
    assert.equal(result.attached, true, `the form4 client attached to the buffer (last error: ${String(result.errmsg)})`);
    assert.equal(result.diagnostics_arrived, true, 'diagnostics arrived');
    // footnote-order is a hint, as the README's settings say
    assert.deepEqual(result.before, [UNKNOWN_CODE, footnoteOrder(4)]);
    assert.equal(result.clients, 1, 'one form4 client');
    assert.equal(result.cleared, true, 'the error went once unknown-code was turned off through workspace/didChangeConfiguration');
    // the new settings replaced the README's: footnote-order is back to information
    assert.deepEqual(result.after, [footnoteOrder(3)]);
  });

  test('a *.form4.md draft gets the form4 filetype, not markdown', { skip: SKIP }, () => {
    const result = run('two-findings.form4.md');
    assert.equal(result.filetype, 'form4');
    assert.equal(result.attached, true, `the form4 client attached to the buffer (last error: ${String(result.errmsg)})`);
    assert.deepEqual(result.before, [UNKNOWN_CODE, footnoteOrder(4)]);
  });
});
