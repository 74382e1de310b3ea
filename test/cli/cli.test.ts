/**
 * The command-line checker, run as a process from its bundle (dist/cli.js) the way a user runs
 * it: each output format, the exit codes, --rule, --quiet, --max-warnings and .form4rc.json
 * discovery.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RULES } from '../../server/src/service';
import { draft, rowI } from '../support/drafts';
import { PROJECT_ROOT } from '../support/paths';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function form4(args: readonly string[], cwd: string): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A correct draft, and one with exactly one error (a wrong amount owned) and one warning (late). */
const CLEAN = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });
const BROKEN = draft({
  tableI: [
    rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', ''),
    rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.10', '58,000', 'D', ''),
  ],
  signature: ['/s/ John N. Wilson', '', '08/12/2013'],
});
const BROKEN_OWNED_LINE = BROKEN.split('\n').findIndex((l) => l.includes('58,000')) + 1;
const BROKEN_OWNED_COLUMN = (BROKEN.split('\n')[BROKEN_OWNED_LINE - 1] ?? '').indexOf('58,000') + 1;

let dir = '';

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), 'form4-cli-'));
  writeFileSync(join(dir, 'clean.form4'), CLEAN);
  writeFileSync(join(dir, 'broken.form4'), BROKEN);
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'nested', 'deeper', 'broken.form4.md'), BROKEN);
  writeFileSync(join(dir, 'nested', 'notes.txt'), 'not a draft');
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('exit codes', () => {
  test('0: a clean draft, with the summary line', () => {
    const r = form4(['check', 'clean.form4'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'No problems in 1 file.\n');
    assert.equal(r.stderr, '');
  });

  test('1: a draft with an error', () => {
    const r = form4(['check', 'broken.form4'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, new RegExp(`^broken\\.form4:${BROKEN_OWNED_LINE}:${BROKEN_OWNED_COLUMN}  error {8}The amount owned should be 57,500 \\(56,500 \\+ 1,000 acquired on 08/06/2013\\), not 58,000\\.  holdings-mismatch$`, 'm'));
    assert.match(r.stdout, /^2 problems \(1 error, 1 warning, 0 information, 0 hints\) in 1 file\.$/m);
  });

  test('2: a missing file, with a one-line message and no stack trace', () => {
    const r = form4(['check', 'nope.form4'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'form4: cannot read "nope.form4": no such file or folder\n');
    assert.equal(r.stdout, '');
  });

  test('2: an unknown rule id (with a suggestion), an unknown format, a bad option', () => {
    assert.deepEqual(pick(form4(['check', '--rule', 'late-filling=off', 'clean.form4'], dir)), [2, 'form4: unknown rule id "late-filling" (did you mean "late-filing"?)\n']);
    assert.deepEqual(pick(form4(['check', '--format', 'xml', 'clean.form4'], dir)), [2, 'form4: unknown format "xml"; use stylish, json, sarif or github\n']);
    assert.deepEqual(pick(form4(['check', '--rule', 'late-filing=loud', 'clean.form4'], dir)), [2, 'form4: unknown severity "loud" for late-filing; use one of error, warning, information, hint, off\n']);
    assert.deepEqual(pick(form4(['check', '--max-warnings', 'many', 'clean.form4'], dir)), [2, 'form4: --max-warnings needs a whole number, got "many"\n']);
    assert.deepEqual(pick(form4(['check'], dir)), [2, 'form4: no files given: form4 check <files or folders…>\n']);
    assert.deepEqual(pick(form4(['lint', 'x'], dir)), [2, 'form4: unknown command "lint" (try "form4 check <files>" or "form4 --help")\n']);
  });

  test('2: a folder without drafts', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    assert.deepEqual(pick(form4(['check', 'empty'], dir)), [2, 'form4: no drafts (*.form4, *.form4.md) or EDGAR filings (*.xml, *.txt) in empty\n']);
  });

  test('--max-warnings: warnings over the bar exit 1, within it 0', () => {
    const warningsOnly = ['check', '--rule', 'holdings-mismatch=off', 'broken.form4'];
    assert.equal(form4(warningsOnly, dir).status, 0);
    assert.equal(form4([...warningsOnly, '--max-warnings', '1'], dir).status, 0);
    const over = form4([...warningsOnly, '--max-warnings', '0'], dir);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'form4: 1 warning exceeds --max-warnings 0\n');
  });

  test('--quiet reports errors only', () => {
    const r = form4(['check', '--quiet', '--format', 'json', 'broken.form4'], dir);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as { findings: { rule: string }[] }[];
    assert.deepEqual(out[0]?.findings.map((f) => f.rule), ['holdings-mismatch']);
  });
});

function pick(r: Run): [number | null, string] {
  return [r.status, r.stderr];
}

describe('folders', () => {
  test('a folder is searched recursively for *.form4 and *.form4.md, in a stable order', () => {
    const r = form4(['check', '--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout) as { file: string }[];
    assert.deepEqual(out.map((f) => f.file), ['broken.form4', 'clean.form4', 'nested/deeper/broken.form4.md']);
  });
});

describe('formats', () => {
  test('json: files with their findings, 1-based positions', () => {
    const r = form4(['check', '--format', 'json', 'clean.form4', 'broken.form4'], dir);
    const out = JSON.parse(r.stdout) as { file: string; findings: Record<string, unknown>[] }[];
    assert.equal(out.length, 2);
    assert.deepEqual(out[0], { file: 'clean.form4', findings: [] });
    const mismatch = out[1]?.findings.find((f) => f['rule'] === 'holdings-mismatch');
    assert.deepEqual(mismatch, {
      rule: 'holdings-mismatch',
      severity: 'error',
      message: 'The amount owned should be 57,500 (56,500 + 1,000 acquired on 08/06/2013), not 58,000.',
      line: BROKEN_OWNED_LINE,
      column: BROKEN_OWNED_COLUMN,
      endLine: BROKEN_OWNED_LINE,
      endColumn: BROKEN_OWNED_COLUMN + 6,
    });
  });

  test('github: workflow commands with escaped properties and data', () => {
    const r = form4(['check', '--format', 'github', 'broken.form4'], dir);
    const lines = r.stdout.trimEnd().split('\n');
    // By position: the late transaction date comes before the amount owned on the next row.
    assert.equal(lines[1], `::error file=broken.form4,line=${BROKEN_OWNED_LINE},col=${BROKEN_OWNED_COLUMN},endLine=${BROKEN_OWNED_LINE},endColumn=${BROKEN_OWNED_COLUMN + 6},title=holdings-mismatch::The amount owned should be 57,500 (56,500 + 1,000 acquired on 08/06/2013), not 58,000.`);
    assert.match(lines[0] ?? '', /^::warning file=broken\.form4,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=late-filing::The transaction of 08\/06\/2013 \(and 1 other row\) was due by 08\/08\/2013/);
  });

  test('github: information becomes ::notice and "%" is escaped', () => {
    const r = form4(['check', '--format', 'github', '--rule', 'late-filing=information', 'broken.form4'], dir);
    assert.match(r.stdout, /^::notice file=broken\.form4,.*title=late-filing::/m);
    const header = ['1. Name and Address of Reporting Person: Wilson John N', '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]', '5. Relationship of Reporting Person(s) to Issuer:'];
    const percent = form4(['check', '--format', 'github', 'pct.form4'], writeDraft('pct.form4', draft({ header })));
    assert.equal(percent.stdout, '::error file=pct.form4,line=5,col=1,endLine=5,endColumn=50,title=missing-box::Box 5 selects no relationship. Check at least one of Director, Officer (with its title), 10%25 Owner or Other (with its text).\n');
  });

  test('sarif: SARIF 2.1.0 with one rule entry per rule id and regions', () => {
    const r = form4(['check', '--format', 'sarif', 'broken.form4'], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: {
        tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[]; relatedLocations: unknown[] }[];
      }[];
    };
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0] ?? assert.fail('no run');
    assert.equal(run.tool.driver.name, 'form4');
    assert.deepEqual(run.tool.driver.rules.map((x) => x.id), RULES.map((x) => x.id));
    const holdings = run.tool.driver.rules.find((x) => x.id === 'holdings-mismatch');
    assert.equal(holdings?.defaultConfiguration.level, 'error');
    assert.match(holdings?.helpUri ?? '', /docs\/rules\.md#holdings-mismatch$/);
    const result = run.results.find((x) => x.ruleId === 'holdings-mismatch') ?? assert.fail('no result');
    assert.equal(run.tool.driver.rules[result.ruleIndex]?.id, 'holdings-mismatch');
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0]?.physicalLocation.artifactLocation, { uri: 'broken.form4', uriBaseId: '%SRCROOT%', index: 0 });
    assert.deepEqual(result.locations[0]?.physicalLocation.region, { startLine: BROKEN_OWNED_LINE, startColumn: BROKEN_OWNED_COLUMN, endLine: BROKEN_OWNED_LINE, endColumn: BROKEN_OWNED_COLUMN + 6 });
    assert.equal(result.relatedLocations.length, 1);
    assert.equal(run.results.find((x) => x.ruleId === 'late-filing')?.level, 'warning');
  });
});

function writeDraft(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return dir;
}

describe('severity settings', () => {
  test('--rule changes a severity, or turns a rule off', () => {
    const off = form4(['check', '--format', 'json', '--rule', 'holdings-mismatch=off', 'broken.form4'], dir);
    assert.equal(off.status, 0);
    assert.deepEqual((JSON.parse(off.stdout) as { findings: { rule: string }[] }[])[0]?.findings.map((f) => f.rule), ['late-filing']);
    const demoted = form4(['check', '--format', 'json', '--rule', 'holdings-mismatch=hint', 'broken.form4'], dir);
    assert.equal(demoted.status, 0);
    assert.equal((JSON.parse(demoted.stdout) as { findings: { rule: string; severity: string }[] }[])[0]?.findings.find((f) => f.rule === 'holdings-mismatch')?.severity, 'hint');
  });

  test('the nearest .form4rc.json applies, found by walking up; --rule overrides it', () => {
    const project = mkdtempSync(join(tmpdir(), 'form4-rc-'));
    try {
      mkdirSync(join(project, 'a', 'b'), { recursive: true });
      writeFileSync(join(project, '.form4rc.json'), JSON.stringify({ rules: { 'late-filing': 'off' } }));
      writeFileSync(join(project, 'a', '.form4rc.json'), JSON.stringify({ rules: { 'holdings-mismatch': 'warning' } }));
      writeFileSync(join(project, 'top.form4'), BROKEN);
      writeFileSync(join(project, 'a', 'b', 'deep.form4'), BROKEN);
      const r = form4(['check', '--format', 'json', '.'], project);
      const out = JSON.parse(r.stdout) as { file: string; findings: { rule: string; severity: string }[] }[];
      // top.form4: the root file turns late-filing off.
      assert.deepEqual(out.find((f) => f.file === 'top.form4')?.findings.map((f) => [f.rule, f.severity]), [['holdings-mismatch', 'error']]);
      // a/b/deep.form4: the nearest file (a/) applies, not the root one: late-filing is back.
      assert.deepEqual(out.find((f) => f.file === 'a/b/deep.form4')?.findings.map((f) => [f.rule, f.severity]), [['late-filing', 'warning'], ['holdings-mismatch', 'warning']]);
      assert.equal(r.status, 1);
      const overridden = form4(['check', '--format', 'json', '--rule', 'holdings-mismatch=off', 'a/b/deep.form4'], project);
      assert.deepEqual((JSON.parse(overridden.stdout) as { findings: { rule: string }[] }[])[0]?.findings.map((f) => f.rule), ['late-filing']);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  test('an invalid .form4rc.json is a usage error naming the file and the problem', () => {
    const project = mkdtempSync(join(tmpdir(), 'form4-rc-'));
    try {
      writeFileSync(join(project, 'x.form4'), CLEAN);
      writeFileSync(join(project, '.form4rc.json'), '{ "rules": { "late-filling": "off" } }');
      const r = form4(['check', 'x.form4'], project);
      assert.equal(r.status, 2);
      assert.equal(r.stderr, `form4: ${join(project, '.form4rc.json')}: unknown rule id "late-filling" (did you mean "late-filing"?)\n`);
      writeFileSync(join(project, '.form4rc.json'), '{ "rules": ');
      const broken = form4(['check', 'x.form4'], project);
      assert.equal(broken.status, 2);
      assert.match(broken.stderr, /^form4: .*\.form4rc\.json: not valid JSON \(.+\)\n$/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });
});

describe('help, version, rules', () => {
  test('--help prints the usage on stdout and exits 0; --version the package version', () => {
    const help = form4(['--help'], dir);
    assert.equal(help.status, 0);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /^Usage: form4 check \[options\] <files or folders…>/);
    assert.match(help.stdout, /^ {7}form4 fix \[options\] <files or folders…>$/m);
    assert.match(help.stdout, /^ {7}form4 format \[--check\] <files or folders…>$/m);
    const version = form4(['--version'], dir);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('form4 with no arguments is a usage error: the usage on stderr, exit 2 (as form4 check with nothing to check)', () => {
    const none = form4([], dir);
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.equal(none.stderr, form4(['--help'], dir).stdout);
  });

  test('form4 rules lists every rule with its default severity', () => {
    const r = form4(['rules', '--format', 'json'], dir);
    const rules = JSON.parse(r.stdout) as { id: string; severity: string }[];
    assert.deepEqual(rules.map((x) => [x.id, x.severity]), RULES.map((x) => [x.id, x.defaultSeverity]));
  });
});

describe('the $form4 problem matcher', () => {
  test('its pattern reads every stylish line: file, line, column, severity, message, rule', () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      contributes: { problemMatchers: { name: string; pattern: { regexp: string } }[] };
    };
    const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'form4') ?? assert.fail('no form4 problem matcher');
    const pattern = new RegExp(matcher.pattern.regexp);
    const lines = form4(['check', 'broken.form4'], dir).stdout.split('\n').filter((l) => l.startsWith('broken.form4:'));
    assert.equal(lines.length, 2);
    const read = lines.map((l) => pattern.exec(l)?.slice(1));
    assert.deepEqual(read[1], ['broken.form4', String(BROKEN_OWNED_LINE), String(BROKEN_OWNED_COLUMN), 'error', 'The amount owned should be 57,500 (56,500 + 1,000 acquired on 08/06/2013), not 58,000.', 'holdings-mismatch']);
    assert.equal(read[0]?.[5], 'late-filing');
  });
});
