/**
 * `form4 render`, run as a process from its bundle (dist/cli.js): one source to stdout or to a
 * file, several into a folder as DIR/<base name>.html, the findings of the check marked (with the
 * settings `form4 check` reads), and the exit codes of the other commands (0, 1 for a file it
 * cannot render, 2 for usage and I/O).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkDocument, parseDraft, parseOwnershipXml, renderFilingHtml } from '../../server/src/service';
import { pageName } from '../../server/src/cli/render';
import { PROJECT_ROOT } from '../support/paths';
import { draft, rowI } from '../support/drafts';
import { byClass, readPage } from '../support/html';
import { fullSubmission, ownershipXml } from '../support/xml';

const CLI = join(PROJECT_ROOT, 'dist', 'cli.js');

function form4(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = draft();
/** A purchase of 08/06/2013 signed on 08/12/2013: late-filing, a warning, marks the transaction date. */
const LATE = draft({
  tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '100', 'A', '$4.10', '65,600', 'D', '')],
  signature: ['/s/ John N. Wilson', '', '08/12/2013'],
});
const XML = ownershipXml();

let dir = '';

before(() => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), 'form4-render-'));
  writeFileSync(join(dir, 'clean.form4'), CLEAN);
  writeFileSync(join(dir, 'late.form4'), LATE);
  writeFileSync(join(dir, 'wilson.xml'), XML);
  writeFileSync(join(dir, '0001234567-13-000001.txt'), fullSubmission(XML));
  writeFileSync(join(dir, 'notes.txt'), 'Nothing about a Form 4 here.\n');
  writeFileSync(join(dir, 'image.xml'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  mkdirSync(join(dir, 'quiet'));
  writeFileSync(join(dir, 'quiet', 'late.form4'), LATE);
  writeFileSync(join(dir, 'quiet', '.form4rc.json'), JSON.stringify({ rules: { 'late-filing': 'off' } }));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('form4 render: one source', () => {
  test('a draft to stdout: the page the service renders with the findings, exit 0', () => {
    const r = form4(['render', 'late.form4'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const parsed = parseDraft(LATE);
    assert.equal(r.stdout, renderFilingHtml(parsed.filing, { findings: checkDocument(parsed).findings }));
    assert.deepEqual(byClass(readPage(r.stdout), 'finding-warning').map((e) => e.attributes['class']), ['col-date c finding finding-warning']);
  });

  test('findings are not a failure: a draft with an error still renders, exit 0', () => {
    writeFileSync(join(dir, 'error.form4'), draft({ header: ['2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]'] }));
    const r = form4(['render', 'error.form4'], dir);
    assert.equal(r.status, 0);
    assert.ok(byClass(readPage(r.stdout), 'finding-error').length > 0);
  });

  test('--no-findings: the form alone', () => {
    const r = form4(['render', '--no-findings', 'late.form4'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, renderFilingHtml(parseDraft(LATE).filing));
  });

  test('the nearest .form4rc.json and --rule apply, as for check', () => {
    assert.equal(byClass(readPage(form4(['render', 'quiet/late.form4'], dir).stdout), 'finding').length, 0);
    assert.equal(byClass(readPage(form4(['render', '--rule', 'late-filing=off', 'late.form4'], dir).stdout), 'finding').length, 0);
    assert.equal(byClass(readPage(form4(['render', '--rule=late-filing=error', 'late.form4'], dir).stdout), 'finding-error').length, 1);
  });

  test('an EDGAR XML file and a full submission give the page of their filing', () => {
    const xml = form4(['render', 'wilson.xml'], dir);
    assert.equal(xml.status, 0);
    const parsed = parseOwnershipXml(XML);
    assert.equal(xml.stdout, renderFilingHtml(parsed.filing, { findings: checkDocument(parsed).findings }));
    const txt = form4(['render', '0001234567-13-000001.txt'], dir);
    assert.equal(txt.status, 0);
    assert.match(txt.stdout, /QUALYS, INC\./);
  });

  test('-o FILE: written there, one line on stderr, nothing on stdout', () => {
    const r = form4(['render', 'clean.form4', '-o', 'page.html'], dir);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, 'form4: clean.form4 → page.html\n');
    assert.equal(readFileSync(join(dir, 'page.html'), 'utf8'), form4(['render', 'clean.form4'], dir).stdout);
  });

  test('-o DIR (an existing folder): DIR/<base name>.html', () => {
    mkdirSync(join(dir, 'into'));
    const r = form4(['render', 'wilson.xml', '--output', 'into'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(readdirSync(join(dir, 'into')), ['wilson.html']);
  });
});

describe('form4 render: several sources', () => {
  test('-o DIR, created: each as DIR/<base name>.html', () => {
    const r = form4(['render', 'clean.form4', 'late.form4', 'wilson.xml', '0001234567-13-000001.txt', '-o', 'pages'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(join(dir, 'pages')).sort(), ['0001234567-13-000001.html', 'clean.html', 'late.html', 'wilson.html']);
    assert.equal(r.stderr.trimEnd().split('\n').length, 4);
  });

  test('without -o: usage error, exit 2, nothing written', () => {
    const r = form4(['render', 'clean.form4', 'late.form4'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'form4: 2 sources need -o DIR, a folder to write each page in: form4 render <draft|xml …> [-o FILE|DIR] [--no-findings]\n');
    assert.equal(r.stdout, '');
  });

  test('two sources of the same base name would overwrite each other: exit 2', () => {
    const r = form4(['render', 'late.form4', 'quiet/late.form4', '-o', 'twice'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^form4: "quiet\/late\.form4" and "late\.form4" would both be written to twice\/late\.html$/m);
    assert.equal(existsSync(join(dir, 'twice')), false);
  });
});

describe('form4 render: what is refused', () => {
  test('a text file with no ownership document and a file that is not text: one line each, exit 1', () => {
    for (const [file, reason] of [
      ['notes.txt', 'it holds no EDGAR ownership document'],
      ['image.xml', 'it is not a text file (it is a PNG image)'],
    ] as const) {
      const r = form4(['render', file], dir);
      assert.equal(r.status, 1, file);
      assert.equal(r.stderr, `form4: ${file} is not rendered: ${reason}\n`);
      assert.equal(r.stdout, '');
    }
  });

  test('among several: the others are still written, exit 1', () => {
    const r = form4(['render', 'notes.txt', 'clean.form4', '-o', 'mixed'], dir);
    assert.equal(r.status, 1);
    assert.deepEqual(readdirSync(join(dir, 'mixed')), ['clean.html']);
  });

  test('usage and I/O: exit 2 with a one-line message', () => {
    for (const [args, message] of [
      [['render'], 'form4: no drafts or filings given: form4 render <draft|xml …> [-o FILE|DIR] [--no-findings]\n'],
      [['render', '--bogus', 'clean.form4'], 'form4: unknown option "--bogus" for form4 render\n'],
      [['render', 'clean.form4', '-o'], 'form4: -o needs a file or a folder: form4 render <draft|xml …> [-o FILE|DIR] [--no-findings]\n'],
      [['render', '--pdf', 'clean.form4'], 'form4: --pdf is not supported: open the page in a browser and print it to PDF (landscape)\n'],
      [['render', 'missing.form4'], /^form4: cannot read "missing\.form4": /],
    ] as const) {
      const r = form4(args, dir);
      assert.equal(r.status, 2, args.join(' '));
      if (typeof message === 'string') assert.equal(r.stderr, message);
      else assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    }
  });

  test('--help: the command\'s own help, exit 0', () => {
    const r = form4(['render', '--help'], dir);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: form4 render <draft\|xml …> \[-o FILE\|DIR\] \[--no-findings\]\n/);
    assert.match(r.stdout, /print it\n\(Ctrl\+P or Cmd\+P, landscape, A4 or Letter\)/);
    assert.match(form4(['--help'], dir).stdout, /form4 render <draft\|xml …>/);
  });
});

describe('form4 render: page names', () => {
  test('the base name with .html', () => {
    assert.equal(pageName('/a/wilson.form4'), 'wilson.html');
    assert.equal(pageName('/a/wilson.form4.md'), 'wilson.html');
    assert.equal(pageName('/a/0000320193-22-000061.txt'), '0000320193-22-000061.html');
    assert.equal(pageName('/a/doc4.xml'), 'doc4.html');
    assert.equal(pageName('/a/README'), 'README.html');
  });
});
