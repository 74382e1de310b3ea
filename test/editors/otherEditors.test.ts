/**
 * The README's Kakoune, Helix and Neovim 0.11 configurations, checked as far as this machine
 * allows (Debian 12 packages Kakoune but neither kakoune-lsp nor Helix, and Neovim 0.7):
 *
 * - Kakoune (when `kak` is on PATH; .ci/run installs it): the README's kakrc lines run in a real
 *   Kakoune, with kakoune-lsp stubbed out. Drafts get the `form4` filetype (`*.form4.md` too,
 *   over Markdown), the hook sets `lsp_servers` and enables LSP for the window, and nothing in
 *   the block errors. The `lsp_servers` value is valid TOML with the keys kakoune-lsp reads.
 * - Helix: the README's languages.toml is valid TOML with the keys Helix documents.
 * - Neovim 0.11: the block compiles as Lua (it cannot run in 0.7).
 *
 * TOML is parsed by Python's tomllib (3.11 or later), when there is one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PROJECT_ROOT } from '../support/paths';
import { readmeBlock } from './readmeBlocks';

const FIXTURE = join(PROJECT_ROOT, 'test', 'editors', 'fixtures', 'two-findings.form4');

function onPath(command: string, args: readonly string[]): boolean {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  return !r.error && r.status === 0;
}

const HAS_KAK = onPath('kak', ['-version']);
const HAS_TOMLLIB = onPath('python3', ['-c', 'import tomllib']);
const HAS_NVIM = onPath('nvim', ['--version']);
const NO_TOMLLIB = HAS_TOMLLIB ? false : 'python3 with tomllib (Python 3.11 or later) is not on PATH: the TOML is not parsed';

/** TOML text as JSON, through Python's tomllib; throws with the parser's message when invalid. */
function parseToml(text: string): Record<string, unknown> {
  const r = spawnSync('python3', ['-c', 'import json, sys, tomllib; print(json.dumps(tomllib.loads(sys.stdin.read())))'], {
    input: text,
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (r.status !== 0) throw new Error(`not valid TOML: ${r.stderr.trim().split('\n').at(-1) ?? ''}\n${text}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

function keysOf(value: unknown): string[] {
  assert.equal(typeof value, 'object');
  return Object.keys(value as object).sort();
}

describe('Kakoune: the README kakrc lines in a real Kakoune, kakoune-lsp stubbed', () => {
  let dir = '';
  let results: Record<string, string> = {};

  before(() => {
    if (!HAS_KAK) return;
    dir = mkdtempSync(join(tmpdir(), 'form4-kak-'));
    // `kak-lsp` prints nothing, so `eval %sh{kak-lsp}` does nothing; the option and the command
    // kakoune-lsp would define are declared here instead
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'kak-lsp'), '#!/bin/sh\n');
    chmodSync(join(bin, 'kak-lsp'), 0o755);
    const config = join(dir, 'config', 'kak');
    mkdirSync(config, { recursive: true });
    const stubs = [
      'declare-option str lsp_servers',
      'declare-option bool form4_test_lsp_enabled false',
      'define-command lsp-enable-window %{ set-option window form4_test_lsp_enabled true }',
      '',
    ].join('\n');
    writeFileSync(join(config, 'kakrc'), stubs + readmeBlock('**Kakoune**', 'kak'));
    copyFileSync(FIXTURE, join(dir, 'draft.form4'));
    copyFileSync(FIXTURE, join(dir, 'draft.form4.md'));
    const commands = [
      'edit draft.form4',
      'echo -to-file filetype.txt %opt{filetype}',
      'echo -to-file lsp_servers.txt %opt{lsp_servers}',
      'echo -to-file lsp_enabled.txt %opt{form4_test_lsp_enabled}',
      'edit draft.form4.md',
      'echo -to-file filetype-md.txt %opt{filetype}',
      'buffer *debug*',
      'write! debug.txt',
      'quit!',
    ].join('; ');
    const r = spawnSync('kak', ['-ui', 'dummy', '-e', commands], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, XDG_CONFIG_HOME: join(dir, 'config'), HOME: dir },
    });
    assert.equal(r.status, 0, `kak exit ${String(r.status)} ${String(r.signal ?? '')}: ${r.stderr}`);
    results = {};
    for (const name of ['filetype', 'filetype-md', 'lsp_servers', 'lsp_enabled', 'debug']) {
      const file = join(dir, `${name}.txt`);
      results[name] = existsSync(file) ? readFileSync(file, 'utf8') : '(not written)';
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const skip = HAS_KAK ? false : 'kak is not on PATH (apt-get install kakoune): the README\'s Kakoune lines are not run';

  test('drafts get the form4 filetype, *.form4.md over Markdown', { skip }, () => {
    assert.equal(results['filetype'], 'form4');
    assert.equal(results['filetype-md'], 'form4');
  });

  test('the filetype hooks set lsp_servers and enable LSP for the window, without an error', { skip }, () => {
    assert.match(results['lsp_servers'] ?? '', /\[form4-language-server\]/);
    assert.equal(results['lsp_enabled'], 'true');
    const ours = (results['debug'] ?? '').split('\n').filter((line) => /form4|lsp/i.test(line));
    assert.deepEqual(ours, [], 'the *debug* buffer has no message about the block');
  });

  test('lsp_servers is valid TOML with the keys kakoune-lsp reads', { skip: skip || NO_TOMLLIB }, () => {
    const servers = parseToml(results['lsp_servers'] ?? '');
    assert.deepEqual(keysOf(servers), ['form4-language-server']);
    const server = servers['form4-language-server'] as Record<string, unknown>;
    assert.deepEqual(keysOf(server), ['args', 'root_globs', 'settings', 'settings_section']);
    assert.deepEqual(server['args'], ['--stdio']);
    assert.deepEqual(server['root_globs'], ['.form4rc.json', '.git']);
    assert.equal(server['settings_section'], 'form4');
    assert.deepEqual(server['settings'], { form4: { rules: { 'footnote-order': 'hint' } } });
  });
});

describe('Helix: the README languages.toml', () => {
  test('is valid TOML with the keys Helix documents', { skip: NO_TOMLLIB }, () => {
    const config = parseToml(readmeBlock('**Helix**', 'toml'));
    assert.deepEqual(keysOf(config), ['language', 'language-server']);
    const servers = config['language-server'] as Record<string, Record<string, unknown>>;
    assert.deepEqual(keysOf(servers), ['form4-language-server']);
    assert.deepEqual(servers['form4-language-server'], {
      command: 'form4-language-server',
      args: ['--stdio'],
      // sent as initializationOptions, and the answer to workspace/configuration for "form4"
      config: { form4: { rules: { 'footnote-order': 'hint' } } },
    });
    const languages = config['language'] as Record<string, unknown>[];
    assert.equal(languages.length, 1);
    assert.deepEqual(languages[0], {
      name: 'form4',
      scope: 'text.form4',
      'file-types': ['form4', { glob: '*.form4.md' }],
      roots: ['.form4rc.json', '.git'],
      'language-servers': ['form4-language-server'],
    });
  });
});

describe('Neovim 0.11: the README block', () => {
  test('compiles as Lua', { skip: HAS_NVIM ? false : 'nvim is not on PATH: the block is not compiled' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'form4-nvim11-'));
    try {
      const file = join(dir, 'form4.lua');
      writeFileSync(file, readmeBlock('**Neovim** (0.11', 'lua'));
      // loadfile compiles without running: Neovim 0.7 has no vim.lsp.config to run it with
      const r = spawnSync(
        'nvim',
        ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `lua local f, e = loadfile(${JSON.stringify(file)}); if not f then io.stderr:write(e) vim.cmd('cquit 1') end`, '-c', 'qall!'],
        { encoding: 'utf8', timeout: 30_000, env: { ...process.env, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir } },
      );
      assert.equal(r.status, 0, r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
