/**
 * `form4 format [--check]` and `form4 fix`, run as a process from the bundle on temporary copies:
 * files are rewritten in place (in the encoding they were read in), XML is skipped by format
 * with a note, `--check` changes nothing, and the exit codes follow `check`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { applyEdits, fixAll, formatDraft, parseDraft } from '../../server/src/service';
import { draft, rowI } from '../support/drafts';
import { PROJECT_ROOT } from '../support/paths';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');
const MISALIGNED = readFileSync(join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'misaligned.form4'), 'utf8');
const WILSON_XML = join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'wilson.xml');
const formatted = (text: string): string => applyEdits(text, formatDraft(parseDraft(text)));

/** A draft whose one error (58,000 owned where 57,500 follows) has a preferred fix, and one warning (late) that has none. */
const FIXABLE = draft({
  tableI: [
    rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', ''),
    rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.10', '58,000', 'D', ''),
  ],
  signature: ['/s/ John N. Wilson', '', '08/12/2013'],
});
/** An error no fix can mend: a code that is not a code. */
const UNFIXABLE = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'Q', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function form4(args: readonly string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
let dir = '';

before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`));
beforeEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'form4-format-'));
  writeFileSync(join(dir, 'misaligned.form4'), MISALIGNED);
  writeFileSync(join(dir, 'aligned.form4'), formatted(MISALIGNED));
  copyFileSync(WILSON_XML, join(dir, 'wilson.xml'));
});
after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('form4 format', () => {
  test('the fixture is not formatted, so the tests below test something', () => {
    assert.notEqual(formatted(MISALIGNED), MISALIGNED);
  });

  test('rewrites the drafts of a folder in place, skips the XML with a note, and exits 0', () => {
    const xml = readFileSync(join(dir, 'wilson.xml'), 'utf8');
    const r = form4(['format', '.']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, 'Formatted misaligned.form4\n');
    assert.equal(r.stderr, 'form4: wilson.xml is skipped: it is EDGAR XML, and only drafts are formatted\nFormatted 1 draft (2 drafts read).\n');
    assert.equal(read('misaligned.form4'), formatted(MISALIGNED));
    assert.equal(read('wilson.xml'), xml);
    const again = form4(['format', 'misaligned.form4']);
    assert.deepEqual([again.status, again.stdout, again.stderr], [0, '', 'Nothing to format (1 draft read).\n']);
  });

  test('--check lists the drafts that are not formatted, changes nothing, and exits 1', () => {
    const r = form4(['format', '--check', 'misaligned.form4', 'aligned.form4']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, 'misaligned.form4\n');
    assert.equal(r.stderr, '1 of 2 drafts is not formatted: run "form4 format" to format it.\n');
    assert.equal(read('misaligned.form4'), MISALIGNED);
  });

  test('--check exits 0 when every draft is formatted', () => {
    const r = form4(['format', '--check', 'aligned.form4']);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '', 'The draft is formatted.\n']);
  });

  test('a UTF-16 draft with its byte-order mark is written back as UTF-16 with the mark', () => {
    writeFileSync(join(dir, 'notepad.form4'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MISALIGNED, 'utf16le')]));
    assert.equal(form4(['format', 'notepad.form4']).status, 0);
    const bytes = readFileSync(join(dir, 'notepad.form4'));
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), formatted(MISALIGNED));
  });

  test('2: no files, an unknown option, a folder with no draft, a missing file', () => {
    const pick = (r: Run): [number | null, string] => [r.status, r.stderr];
    assert.deepEqual(pick(form4(['format'])), [2, 'form4: no files given: form4 format [--check] <files or folders…>\n']);
    assert.deepEqual(pick(form4(['format', '--write', 'aligned.form4'])), [2, 'form4: unknown option "--write" for form4 format (it takes --check)\n']);
    mkdirSync(join(dir, 'xml-only'));
    copyFileSync(WILSON_XML, join(dir, 'xml-only', 'wilson.xml'));
    assert.deepEqual(pick(form4(['format', 'xml-only'])), [
      2,
      `form4: ${join('xml-only', 'wilson.xml')} is skipped: it is EDGAR XML, and only drafts are formatted\nform4: no drafts (*.form4, *.form4.md) to format in xml-only\n`,
    ]);
    assert.deepEqual(pick(form4(['format', 'nope.form4'])), [2, 'form4: cannot read "nope.form4": no such file or folder\n']);
  });
});

describe('form4 fix', () => {
  test('applies fix-all in place, then reports what remains as check does (a warning only: exit 0)', () => {
    writeFileSync(join(dir, 'fixable.form4'), FIXABLE);
    const r = form4(['fix', 'fixable.form4']);
    assert.equal(r.status, 0);
    const expected = applyEdits(FIXABLE, fixAll(FIXABLE).edits);
    assert.equal(read('fixable.form4'), expected);
    assert.match(expected, /\| 57,500 \|/);
    assert.equal(r.stderr, 'form4: fixed 1 problem in fixable.form4\n');
    assert.match(r.stdout, /^fixable\.form4:\d+:\d+ {2}warning {6}.*late-filing$/m);
    assert.match(r.stdout, /^1 problem \(0 errors, 1 warning, 0 information, 0 hints\) in 1 file\.$/m);
    assert.doesNotMatch(r.stdout, /holdings-mismatch/);
  });

  test('exit 1 when an error remains, and the file is left as it was when nothing could be fixed', () => {
    writeFileSync(join(dir, 'unfixable.form4'), UNFIXABLE);
    const r = form4(['fix', '--format', 'json', 'unfixable.form4']);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, '');
    assert.deepEqual((JSON.parse(r.stdout) as { findings: { rule: string }[] }[])[0]?.findings.map((f) => f.rule), ['unknown-code']);
    assert.equal(read('unfixable.form4'), UNFIXABLE);
  });

  test('takes the options of check: --rule turns a rule off, so its fix is not applied either', () => {
    writeFileSync(join(dir, 'fixable.form4'), FIXABLE);
    const r = form4(['fix', '--rule', 'holdings-mismatch=off', '--max-warnings', '0', 'fixable.form4']);
    assert.equal(r.status, 1);
    assert.equal(read('fixable.form4'), FIXABLE);
    assert.equal(r.stderr, 'form4: 1 warning exceeds --max-warnings 0\n');
  });

  test('2: no files, an unknown option', () => {
    assert.deepEqual([form4(['fix']).status, form4(['fix']).stderr], [2, 'form4: no files given: form4 fix <files or folders…>\n']);
    assert.equal(form4(['fix', '--frobnicate', 'aligned.form4']).status, 2);
  });
});
