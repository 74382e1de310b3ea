/**
 * The rule the command line reports while it reads a file's bytes (not-text), and what it reads
 * instead of garbage: UTF-16 drafts with their byte-order mark (Windows Notepad's "Unicode"),
 * EDGAR XML and full submissions beside drafts, XML files of other kinds skipped in folders.
 * Run through the CLI's own entry point in-process.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../../../server/src/cli/run';
import { draft, rowI } from '../../support/drafts';
import { ownershipXml } from '../../support/xml';

const dir = mkdtempSync(join(tmpdir(), 'form4-file-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function check(...args: string[]): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(['check', '--format', 'json', ...args], { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, env: {}, version: 'test' });
  return { status, stdout, stderr };
}

function rules(stdout: string): [string, string[]][] {
  return (JSON.parse(stdout) as { file: string; findings: { rule: string }[] }[]).map((r) => [r.file, r.findings.map((f) => f.rule)]);
}

const CLEAN = draft({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });

describe('not-text', () => {
  test('a PNG named .form4: one finding that says what it is, not four missing boxes', () => {
    writeFileSync(join(dir, 'image.form4'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    const r = check('image.form4');
    assert.equal(r.status, 1);
    const [result] = JSON.parse(r.stdout) as { findings: { rule: string; message: string; line: number }[] }[];
    assert.deepEqual(result?.findings.map((f) => [f.rule, f.line]), [['not-text', 1]]);
    assert.match(result?.findings[0]?.message ?? '', /^The file image\.form4 is not a text file: .*PNG/);
  });

  test('near miss: the same draft in UTF-8, UTF-8 with a mark, UTF-16 LE and BE with their marks, all clean', () => {
    const utf16be = Buffer.from(CLEAN, 'utf16le');
    for (let i = 0; i + 1 < utf16be.length; i += 2) [utf16be[i], utf16be[i + 1]] = [utf16be[i + 1] as number, utf16be[i] as number];
    writeFileSync(join(dir, 'utf8.form4'), CLEAN);
    writeFileSync(join(dir, 'utf8bom.form4'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CLEAN)]));
    writeFileSync(join(dir, 'utf16le.form4'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CLEAN, 'utf16le')]));
    writeFileSync(join(dir, 'utf16be.form4'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]));
    const r = check('utf8.form4', 'utf8bom.form4', 'utf16le.form4', 'utf16be.form4');
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(rules(r.stdout), [['utf8.form4', []], ['utf8bom.form4', []], ['utf16le.form4', []], ['utf16be.form4', []]]);
  });
});

describe('EDGAR filings beside drafts', () => {
  test('a folder: drafts, an ownership XML, a full submission; other XML and text skipped', () => {
    const folder = join(dir, 'filings');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.form4'), CLEAN);
    writeFileSync(join(folder, 'b.xml'), ownershipXml());
    writeFileSync(join(folder, 'c.txt'), `<SEC-DOCUMENT>x.txt : 20130807\n<SEC-HEADER>\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<TEXT>\n<XML>\n${ownershipXml()}</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n`);
    writeFileSync(join(folder, 'pom.xml'), '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n');
    writeFileSync(join(folder, 'notes.txt'), 'Call the issuer about the CIK.\n');
    // The draft and the XML are two filings of one person on one day, so the draft's 56,500 is
    // the figure before the XML's first row; what is tested here is which files are read (the
    // history check has its own tests, test/cli/history.test.ts).
    const r = check('--rule', 'history-mismatch=off', 'filings');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(rules(r.stdout), [[join('filings', 'a.form4'), []], [join('filings', 'b.xml'), []], [join('filings', 'c.txt'), []]]);
  });

  test('an XML file named explicitly that is not an ownership document: its finding says so', () => {
    writeFileSync(join(dir, 'pom.xml'), '<?xml version="1.0"?>\n<project><modelVersion>4.0.0</modelVersion></project>\n');
    const r = check('pom.xml');
    assert.equal(r.status, 1);
    assert.deepEqual(rules(r.stdout), [['pom.xml', ['xml-root']]]);
  });
});
