/**
 * The command line and filing histories, run as a process from the bundle: `form4 check` of a
 * folder checks each filing against the earlier ones, `form4 history` prints each holding's
 * balances, `form4 next` starts the next draft from a filing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { formXml, holding, trade } from '../support/history';
import { PROJECT_ROOT } from '../support/paths';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

function form4(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const AUGUST = formXml({ period: '2013-08-06', signed: '2013-08-07', tableI: [trade('S', '2013-08-06', '10000', 'D', '55500'), holding('20000', 'By Trust')] });
const SEPTEMBER = formXml({ period: '2013-09-03', signed: '2013-09-04', tableI: [trade('S', '2013-09-03', '5000', 'D', '51500')] });
const line = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const column = (text: string, needle: string): number => (text.split('\n')[line(text, needle) - 1] ?? '').indexOf(needle) + 1;

let dir = '';

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), 'form4-history-'));
  mkdirSync(join(dir, 'wilson'));
  writeFileSync(join(dir, 'wilson', '2013-08.xml'), AUGUST);
  writeFileSync(join(dir, 'wilson', '2013-09.xml'), SEPTEMBER);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('form4 check of a folder', () => {
  test('checks each filing against the earlier ones, and prints where the earlier figure is', () => {
    const r = form4(['check', 'wilson'], dir);
    assert.equal(r.status, 1);
    const at = `wilson/2013-09.xml:${line(SEPTEMBER, '<value>51500')}:${column(SEPTEMBER, '51500')}`;
    const there = `wilson/2013-08.xml:${line(AUGUST, '<value>55500')}:${column(AUGUST, '55500')}`;
    assert.equal(r.stdout, [
      `${at}  error        The amount owned should be 50,500 (55,500 last reported, on the Form 4 of 08/07/2013, \u2212 5,000 disposed on 09/03/2013), not 51,500.  history-mismatch`,
      `  ${there}  55,500 reported here, on the Form 4 of 08/07/2013`,
      '',
      '1 problem (1 error, 0 warnings, 0 information, 0 hints) in 2 files.',
      '',
    ].join('\n'));
  });

  test('JSON gives the related location in the other file', () => {
    const r = form4(['check', '--format', 'json', 'wilson'], dir);
    const out = JSON.parse(r.stdout) as { file: string; findings: { rule: string; related?: { file: string; line: number; message: string }[] }[] }[];
    const finding = out.find((f) => f.file === join('wilson', '2013-09.xml'))?.findings[0];
    assert.equal(finding?.rule, 'history-mismatch');
    assert.deepEqual(finding?.related?.map((x) => [x.file, x.line, x.message]), [[join('wilson', '2013-08.xml'), line(AUGUST, '<value>55500'), '55,500 reported here, on the Form 4 of 08/07/2013']]);
  });

  test('a filing checked alone is not compared with anything', () => {
    const r = form4(['check', join('wilson', '2013-09.xml')], dir);
    assert.equal(r.status, 0, r.stdout);
  });

  test('a Form 5 in the folder is read for the history, with one information', () => {
    const sub = join(dir, 'with-form5');
    mkdirSync(sub);
    writeFileSync(join(sub, 'form5.xml'), formXml({ form: '5', period: '2013-12-31', signed: '2014-02-10', tableI: [holding('55500')] }));
    const r = form4(['check', '--format', 'json', 'with-form5'], dir);
    assert.equal(r.status, 0);
    const out = JSON.parse(r.stdout) as { findings: { rule: string; severity: string }[] }[];
    assert.deepEqual(out[0]?.findings.map((f) => [f.rule, f.severity]), [['xml-root', 'information']]);
  });
});

describe('form4 history', () => {
  test('text: per holding, its balance after every filing', () => {
    const r = form4(['history', 'wilson'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, [
      'Wilson John N \u2014 QUALYS, INC. [QLYS] (2 filings)',
      '',
      '  Common Stock (D)',
      `    as of 08/06/2013  Form 4 of 08/07/2013  55,500  ${join('wilson', '2013-08.xml')}`,
      `    as of 09/03/2013  Form 4 of 09/04/2013  51,500  ${join('wilson', '2013-09.xml')}`,
      '',
      '  Common Stock (I, By Trust)',
      `    as of 08/06/2013  Form 4 of 08/07/2013  20,000  ${join('wilson', '2013-08.xml')}`,
      '',
    ].join('\n'));
  });

  test('JSON', () => {
    const r = form4(['history', '--format', 'json', 'wilson'], dir);
    assert.equal(r.status, 0);
    const [h] = JSON.parse(r.stdout) as { person: string; issuer: string; filings: string[]; holdings: { title: string; ownership: string; nature: string | null; balances: { file: string; form: string; date: string; asOf: string; amount: string }[] }[] }[];
    assert.equal(h?.person, 'Wilson John N');
    assert.equal(h?.issuer, 'QUALYS, INC. [QLYS]');
    assert.deepEqual(h?.holdings.map((x) => [x.title, x.ownership, x.nature, x.balances.map((b) => `${b.form} ${b.date} ${b.asOf} ${b.amount}`)]), [
      ['Common Stock', 'D', null, ['4 2013-08-07 2013-08-06 55500', '4 2013-09-04 2013-09-03 51500']],
      ['Common Stock', 'I', 'By Trust', ['4 2013-08-07 2013-08-06 20000']],
    ]);
  });

  test('a folder without filings: exit 2', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const r = form4(['history', 'empty'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^form4: no filings/);
  });
});

describe('form4 next', () => {
  test('to stdout: a draft with the header and the holdings of the previous filing', () => {
    const r = form4(['next', join('wilson', '2013-08.xml')], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^1\. Name and Address of Reporting Person: Wilson John N$/m);
    assert.match(r.stdout, /^\| Common Stock +\|[ |]*55,500 +\| D +\|/m);
    assert.match(r.stdout, /^\| Common Stock +\|[ |]*20,000 +\| I +\| By Trust +\|$/m);
  });

  test('-o FILE in the folder: written, and checked with the history', () => {
    const r = form4(['next', join('wilson', '2013-09.xml'), '-o', join('wilson', '2013-10.form4')], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const text = readFileSync(join(dir, 'wilson', '2013-10.form4'), 'utf8');
    assert.match(text, /^\| Common Stock +\|[ |]*51,500 +\| D +\|/m);
    const check = form4(['check', '--format', 'json', 'wilson'], dir);
    const out = JSON.parse(check.stdout) as { file: string; findings: { rule: string }[] }[];
    assert.deepEqual(out.find((f) => f.file.endsWith('2013-10.form4'))?.findings.map((f) => f.rule), ['missing-box'], 'only the signature date to fill');
    rmSync(join(dir, 'wilson', '2013-10.form4'));
  });

  test('an existing FILE is kept without --force', () => {
    const target = join(dir, 'kept.form4');
    writeFileSync(target, 'mine');
    const r = form4(['next', join('wilson', '2013-09.xml'), '-o', 'kept.form4'], dir);
    assert.equal(r.status, 2);
    assert.equal(readFileSync(target, 'utf8'), 'mine');
    assert.equal(form4(['next', join('wilson', '2013-09.xml'), '-o', 'kept.form4', '--force'], dir).status, 0);
    assert.notEqual(readFileSync(target, 'utf8'), 'mine');
  });

  test('a file that holds no filing: exit 1', () => {
    writeFileSync(join(dir, 'other.xml'), '<?xml version="1.0"?><html/>');
    const r = form4(['next', 'other.xml'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /holds no ownership document/);
  });
});
