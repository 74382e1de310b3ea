/**
 * `form4 import`, run as a process from its bundle (dist/cli.js): one filing to stdout or to a
 * file, several into a folder, the notes on stderr, and the exit codes of `form4 check` (0, 1 for
 * a file that holds no Form 4, 2 for usage and I/O). The filings are written from facts
 * (test/support/xml.ts); the imported drafts check as their XML does.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { importOwnershipXml } from '../../server/src/service';
import { PROJECT_ROOT } from '../support/paths';
import { fullSubmission, ownershipXml } from '../support/xml';
import { draft } from '../support/drafts';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

function form4(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const WILSON = ownershipXml();
/** The Wilson filing signed late: one warning, for the findings to compare. */
const LATE = ownershipXml({ signatures: '  <ownerSignature><signatureName>/s/ John N. Wilson</signatureName><signatureDate>2013-08-12</signatureDate></ownerSignature>' });
const SCHEMA_NOTE = /^wilson\.xml:3:3 {2}note {2}The schema version \(schemaVersion "X0508"\) is not carried\. /;

let dir = '';

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), 'form4-import-'));
  writeFileSync(join(dir, 'wilson.xml'), WILSON);
  writeFileSync(join(dir, 'late.xml'), LATE);
  writeFileSync(join(dir, '0001234567-13-000001.txt'), fullSubmission(LATE));
  writeFileSync(join(dir, 'page.html'), '<html><body><p>Form 4</p></body></html>');
  writeFileSync(join(dir, 'draft.form4'), draft());
  writeFileSync(join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'wilson.xml'), WILSON);
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('form4 import: one filing', () => {
  test('to stdout: the draft, the notes on stderr, exit 0', () => {
    const r = form4(['import', 'wilson.xml'], dir);
    assert.equal(r.status, 0);
    const expected = importOwnershipXml(WILSON);
    assert.equal(expected.kind, 'draft');
    assert.equal(r.stdout, expected.kind === 'draft' ? expected.draft : '');
    assert.match(r.stderr, SCHEMA_NOTE);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1);
  });

  test('-o FILE: written there, nothing on stdout', () => {
    const r = form4(['import', 'wilson.xml', '-o', 'out.form4'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(join(dir, 'out.form4'), 'utf8'), /^1\. Name and Address of Reporting Person: Wilson John N$/m);
    assert.match(r.stderr, /^form4: wilson\.xml → out\.form4 \(1 note\)$/m);
  });

  test('-o DIR (an existing folder): DIR/<base name>.form4', () => {
    mkdirSync(join(dir, 'into'));
    const r = form4(['import', '0001234567-13-000001.txt', '--output', 'into'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(readdirSync(join(dir, 'into')), ['0001234567-13-000001.form4']);
  });

  test('a full submission imports as its XML does', () => {
    const txt = form4(['import', '0001234567-13-000001.txt'], dir);
    const xml = form4(['import', 'late.xml'], dir);
    assert.equal(txt.stdout, xml.stdout);
  });
});

describe('form4 import: several filings', () => {
  test('-o DIR, created: each as DIR/<base name>.form4, and they check as their XML', () => {
    const r = form4(['import', 'wilson.xml', 'late.xml', '0001234567-13-000001.txt', '-o', 'drafts'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(join(dir, 'drafts')).sort(), ['0001234567-13-000001.form4', 'late.form4', 'wilson.form4']);
    const findings = (path: string): string[][] => {
      const run = form4(['check', '--format', 'json', path], dir);
      const [file] = JSON.parse(run.stdout) as { findings: { rule: string; severity: string; message: string }[] }[];
      return (file?.findings ?? []).filter((f) => !f.rule.startsWith('xml-')).map((f) => [f.rule, f.severity, f.message]);
    };
    assert.deepEqual(findings('drafts/late.form4'), findings('late.xml'));
    assert.deepEqual(findings('drafts/late.form4').map((f) => f[0]), ['late-filing']);
    assert.deepEqual(findings('drafts/wilson.form4'), []);
  });

  test('without -o: usage error, exit 2, nothing written', () => {
    const r = form4(['import', 'wilson.xml', 'late.xml'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'form4: 2 filings need -o DIR, a folder to write each draft in: form4 import <filing.xml|.txt …> [-o FILE|DIR]\n');
    assert.equal(r.stdout, '');
  });

  test('two filings of the same base name would overwrite each other: exit 2', () => {
    const r = form4(['import', 'wilson.xml', 'other/wilson.xml', '-o', 'twice'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^form4: "other\/wilson\.xml" and "wilson\.xml" would both be written to twice\/wilson\.form4$/m);
    assert.equal(existsSync(join(dir, 'twice')), false);
  });
});

describe('form4 import: what is refused', () => {
  test('a file that holds no ownership document: one line, exit 1', () => {
    for (const [file, reason] of [
      ['page.html', 'it holds <html>, not an EDGAR ownership document (<ownershipDocument>)'],
      ['draft.form4', 'it holds no EDGAR ownership document (<ownershipDocument>)'],
      ['image.xml', 'it is not a text file (it is a PNG image)'],
    ] as const) {
      const r = form4(['import', file], dir);
      assert.equal(r.status, 1, file);
      assert.equal(r.stderr, `form4: ${file} is not imported: ${reason}\n`);
      assert.equal(r.stdout, '');
    }
  });

  test('a Form 5 is not a Form 4', () => {
    writeFileSync(join(dir, 'form5.xml'), WILSON.replace('<documentType>4</documentType>', '<documentType>5</documentType>'));
    const r = form4(['import', 'form5.xml'], dir);
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'form4: form5.xml is not imported: it is a Form 5 ownership document; the import reads Form 4 and 4/A\n');
  });

  test('among several: the others are still written, exit 1', () => {
    const r = form4(['import', 'page.html', 'wilson.xml', '-o', 'mixed'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(readdirSync(join(dir, 'mixed')), ['wilson.form4']);
    assert.match(r.stderr, /^form4: page\.html is not imported: /m);
  });

  test('usage and I/O: exit 2 with a one-line message', () => {
    const cases: [string[], string][] = [
      [['import'], 'form4: no filings given: form4 import <filing.xml|.txt …> [-o FILE|DIR]\n'],
      [['import', 'wilson.xml', '-o'], 'form4: -o needs a file or a folder: form4 import <filing.xml|.txt …> [-o FILE|DIR]\n'],
      [['import', '--strict', 'wilson.xml'], 'form4: unknown option "--strict" for form4 import\n'],
      [['import', 'nope.xml'], 'form4: cannot read "nope.xml": no such file or folder\n'],
      [['import', 'wilson.xml', '-o', 'missing/folder/out.form4'], 'form4: cannot write "missing/folder/out.form4": no such file or folder\n'],
    ];
    for (const [args, message] of cases) {
      const r = form4(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.equal(r.stderr.split('\n').filter((l) => !/ note /.test(l)).join('\n'), message, args.join(' '));
    }
  });

  test('--help names the command', () => {
    const r = form4(['import', '--help'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^ {7}form4 import <filing\.xml\|\.txt …> \[-o FILE\|DIR\]$/m);
  });
});
