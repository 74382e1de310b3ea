/**
 * `form4 export`, run in-process through `runCli` (and once as the bundled process): where the
 * XML goes, what is refused and how it is listed, `--force`, the settings as `check` reads them,
 * and the exit codes. Every XML written is validated against the SEC's schema.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runCli } from '../../server/src/cli/run';
import { columnOf, lineOf, rowI } from '../support/drafts';
import { PROJECT_ROOT } from '../support/paths';
import { readXml, rows, textAt } from '../support/xmlFacts';
import { NO_XSD, validateOwnershipXml } from '../support/xsd';
import { AMENDMENT, fixture, header, RSU_VEST } from '../service/export/fixtures';

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

let dir = '';

function form4(...args: string[]): Run {
  let stdout = '';
  let stderr = '';
  const status = runCli(args, { cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTty: false, env: {}, version: 'test' });
  return { status, stdout, stderr };
}

const PURCHASE = rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '');
const CLEAN = fixture({ tableI: [PURCHASE] });
const NO_CIK = fixture({ header: header({ cik: false }), tableI: [PURCHASE] });
/** 61 characters: one over EDGAR's limit. */
const LONG_TITLE = 'Series A Convertible Participating Preferred Stock, par value';
const TITLE_61 = fixture({ tableI: [rowI(LONG_TITLE, '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });
const PRICE_5 = fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.36545', '56,500', 'D', '')] });
const STATE_ZZ = CLEAN.replace('State: CA', 'State: ZZ');
/** An error of the rules (the amount owned does not follow), and nothing EDGAR lacks. */
const MISMATCH = fixture({
  tableI: [PURCHASE, rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.10', '58,000', 'D', '')],
});

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'form4-export-'));
  const files: Record<string, string> = {
    'clean.form4': CLEAN,
    'rsu.form4.md': RSU_VEST,
    'amendment.form4': AMENDMENT,
    'no-cik.form4': NO_CIK,
    'title.form4': TITLE_61,
    'price.form4': PRICE_5,
    'state.form4': STATE_ZZ,
    'mismatch.form4': MISMATCH,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  mkdirSync(join(dir, 'relaxed'));
  writeFileSync(join(dir, 'relaxed', '.form4rc.json'), JSON.stringify({ rules: { 'holdings-mismatch': 'warning' } }));
  writeFileSync(join(dir, 'relaxed', 'mismatch.form4'), MISMATCH);
  mkdirSync(join(dir, 'other'));
  writeFileSync(join(dir, 'other', 'clean.form4'), CLEAN);
  writeFileSync(join(dir, 'binary.form4'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function assertValid(xml: string): Promise<void> {
  if (NO_XSD) return;
  assert.deepEqual(await validateOwnershipXml(xml), []);
}

describe('form4 export: where the XML goes', () => {
  test('one draft, no -o: the XML on stdout, nothing on stderr, exit 0; it validates', async () => {
    const r = form4('export', 'clean.form4');
    assert.equal(r.status, 0);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.startsWith('<?xml version="1.0"?>\n<ownershipDocument>'));
    assert.equal(textAt(readXml(r.stdout), 'issuer/issuerTradingSymbol'), 'QLYS');
    await assertValid(r.stdout);
  });

  test('-o FILE: written there, said on stdout; the same XML as on stdout', () => {
    const r = form4('export', 'clean.form4', '-o', 'clean-out.xml');
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, 'Wrote clean-out.xml\n', '']);
    assert.equal(readFileSync(join(dir, 'clean-out.xml'), 'utf8'), form4('export', 'clean.form4').stdout);
    assert.equal(form4('export', 'clean.form4', '--output=clean-out2.xml').status, 0);
    assert.ok(existsSync(join(dir, 'clean-out2.xml')));
  });

  test('several drafts and -o DIR: each as DIR/<base name>.xml, the folder made; a 4/A validates against its schema', async () => {
    const r = form4('export', 'clean.form4', 'rsu.form4.md', 'amendment.form4', '-o', 'out');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `Wrote ${join('out', 'clean.xml')}\nWrote ${join('out', 'rsu.xml')}\nWrote ${join('out', 'amendment.xml')}\n`);
    const amendment = readFileSync(join(dir, 'out', 'amendment.xml'), 'utf8');
    assert.equal(textAt(readXml(amendment), 'documentType'), '4/A');
    await assertValid(amendment);
    await assertValid(readFileSync(join(dir, 'out', 'rsu.xml'), 'utf8'));
  });

  test('one draft and -o an existing folder: written into it', () => {
    mkdirSync(join(dir, 'into'));
    assert.equal(form4('export', 'clean.form4', '-o', 'into').status, 0);
    assert.ok(existsSync(join(dir, 'into', 'clean.xml')));
  });

  test('2: several drafts without -o DIR, two drafts of one name into one folder, no drafts, a bad option', () => {
    assert.deepEqual(pick(form4('export', 'clean.form4', 'rsu.form4.md')), [2, 'form4: 2 drafts need a folder to be written to: form4 export <drafts…> -o DIR\n']);
    assert.deepEqual(pick(form4('export', 'clean.form4', join('other', 'clean.form4'), '-o', 'same')), [
      2,
      `form4: clean.form4 and ${join('other', 'clean.form4')} would both be written to ${join('same', 'clean.xml')}: export them to different folders\n`,
    ]);
    assert.deepEqual(pick(form4('export')), [2, 'form4: no drafts given: form4 export <draft.form4 …> [-o FILE|DIR] [--force]\n']);
    assert.deepEqual(pick(form4('export', 'clean.form4', '--pretty')), [2, 'form4: unknown option "--pretty" for form4 export\n']);
    assert.deepEqual(pick(form4('export', 'clean.form4', '-o')), [2, 'form4: -o needs a file or folder: form4 export draft.form4 -o draft.xml\n']);
    assert.deepEqual(pick(form4('export', 'clean.form4', '-o', join('nowhere', 'x.xml'))), [2, `form4: cannot write "${join('nowhere', 'x.xml')}": its folder does not exist\n`]);
  });

  test('2: a missing draft, a binary file', () => {
    assert.deepEqual(pick(form4('export', 'nope.form4')), [2, 'form4: cannot read "nope.form4": no such file or folder\n']);
    assert.deepEqual(pick(form4('export', 'binary.form4')), [2, 'form4: "binary.form4" is not a text file: it is a PNG image\n']);
  });

  test('--help documents export; form4 --help names it', () => {
    const r = form4('export', '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: form4 export <draft\.form4 …> \[-o FILE\|DIR\] \[--force\]/);
    assert.match(r.stdout, /--force {14}write the XML even so/);
    assert.match(form4('--help').stdout, /form4 export <draft\.form4 …> \[-o FILE\|DIR\] \[--force\]/);
  });
});

describe('form4 export: what is refused, and --force', () => {
  test('a draft without CIKs: refused, exit 1, the two problems listed in the stylish format under "export"', () => {
    const r = form4('export', 'no-cik.form4', '-o', 'no-cik.xml');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      [
        `no-cik.form4:${lineOf(NO_CIK, '1. Name')}:1  error        Box 1 gives no CIK for Wilson John N, and EDGAR needs each reporting owner's CIK. Add a line \`CIK: 0001234567\` under box 1.  export`,
        `no-cik.form4:${lineOf(NO_CIK, '2. Issuer')}:1  error        Box 2 gives no CIK for QUALYS, INC., and EDGAR needs the issuer's CIK. Add a line \`CIK: 0001234567\` under box 2.  export`,
        '',
        '2 problems (2 errors, 0 warnings, 0 information, 0 hints) in 1 file.',
        'form4: no-cik.form4 was not exported. Fix what is listed, or write it anyway with --force.',
        '',
      ].join('\n'),
    );
    assert.equal(existsSync(join(dir, 'no-cik.xml')), false);
  });

  test('--force: written, exit 0, the same problems listed as warnings on stderr', () => {
    const r = form4('export', 'no-cik.form4', '--force');
    assert.equal(r.status, 0);
    assert.match(r.stderr, /^no-cik\.form4:\d+:1 {2}warning {6}Box 1 gives no CIK for Wilson John N/);
    assert.match(r.stderr, /2 problems \(0 errors, 2 warnings, 0 information, 0 hints\) in 1 file\.\n$/);
    assert.equal(textAt(readXml(r.stdout), 'issuer/issuerCik'), '');
  });

  test('a 61-character title: refused at its cell; forced, the title is written whole', () => {
    const r = form4('export', 'title.form4');
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`^title\\.form4:${lineOf(TITLE_61, LONG_TITLE)}:${columnOf(TITLE_61, LONG_TITLE)}  error {8}Table I row 1, column 1 \\(Title\\) has 61 characters, and EDGAR takes at most 60\\. Shorten it; a footnote may say more\\.  export$`, 'm'));
    const forced = form4('export', 'title.form4', '--force');
    assert.equal(forced.status, 0);
    assert.equal(rows(readXml(forced.stdout), 'nonDerivativeTable')[0]?.facts['securityTitle'], LONG_TITLE);
    assert.equal(LONG_TITLE.length, 61);
  });

  test('a price with 5 decimals: refused; forced, written as given', () => {
    const r = form4('export', 'price.form4');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /price\.form4:\d+:\d+ {2}error {8}Table I row 1, column 4 \(Price\) \$18\.36545 has 5 decimals, and EDGAR takes at most 4\. Round it to \$18\.3655; a footnote may give it exactly\. {2}export/);
    const forced = form4('export', 'price.form4', '--force');
    assert.equal(forced.status, 0);
    assert.equal(rows(readXml(forced.stdout), 'nonDerivativeTable')[0]?.facts['transactionAmounts/transactionPricePerShare'], '18.36545');
  });

  test('a state that is not a code of Appendix A: refused; forced, written as given', () => {
    const r = form4('export', 'state.form4');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /state\.form4:\d+:\d+ {2}error {8}Wilson John N's state "ZZ" is not a code of EDGAR's list \(Appendix A\)\./);
    const forced = form4('export', 'state.form4', '--force');
    assert.equal(forced.status, 0);
    assert.equal(textAt(readXml(forced.stdout), 'reportingOwner/reportingOwnerAddress/rptOwnerState'), 'ZZ');
  });

  test('an error of the rules refuses too; .form4rc.json and --rule lower it, as for check', async () => {
    const r = form4('export', 'mismatch.form4');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /mismatch\.form4:\d+:\d+ {2}error {8}The amount owned should be 57,500 .* {2}holdings-mismatch/);
    const relaxed = form4('export', join('relaxed', 'mismatch.form4'));
    assert.equal(relaxed.status, 0, relaxed.stderr);
    assert.equal(relaxed.stderr, '', 'a warning does not stand in the way, and is not listed');
    await assertValid(relaxed.stdout);
    assert.equal(form4('export', 'mismatch.form4', '--rule', 'holdings-mismatch=off').status, 0);
  });

  test('several drafts, one refused: the others are written, exit 1', () => {
    const r = form4('export', 'clean.form4', 'no-cik.form4', '-o', 'mixed');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, `Wrote ${join('mixed', 'clean.xml')}\n`);
    assert.equal(existsSync(join(dir, 'mixed', 'no-cik.xml')), false);
  });
});

describe('form4 export: the bundled command', () => {
  test('the XML on stdout of the process, byte for byte what runCli writes', () => {
    const cli = join(PROJECT_ROOT, 'dist', 'cli.js');
    assert.ok(existsSync(cli), `${cli} is missing: run npm run build`);
    const r = spawnSync(process.execPath, [cli, 'export', 'clean.form4'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, form4('export', 'clean.form4').stdout);
  });
});

function pick(r: Run): [number, string] {
  return [r.status, r.stderr];
}
