/**
 * The rendered page in a real browser: headless Chromium (Debian's, driven by playwright-core, as
 * the e2e runner drives it) opens the page `form4 render` writes for the two examples and three
 * corpus filings, takes a screenshot of each (test-results/browser/), and asserts from the DOM as
 * laid out: Table I has 11 columns and Table II 16 under the printed titles, every value of the
 * filing stands in its column as the model reads it, the page fetches nothing and the browser
 * reports no Content Security Policy violation, and it prints in landscape on A4 and Letter with
 * the tables inside the printable width and rows kept whole.
 *
 * Run by `npm run test:browser` (not by `npm test`: it needs Chromium). The corpus part is skipped
 * with a message when ../shared/corpus is absent. FORM4_UPDATE_SCREENSHOT=1 also writes the
 * README's docs/images/preview.png from the Wilson example.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { checkDocument, parseSource, renderFilingHtml, sourceKindOf } from '../../server/src/service';
import { formatDate, type CalendarDate } from '../../server/src/service/model/calendarDate';
import { columnsOf, type ColumnKind } from '../../server/src/service/model/columns';
import { parseDecimal } from '../../server/src/service/model/decimal';
import type { Decimal } from '../../server/src/service/model/decimal';
import type { Field, Filing, Quantity, TransactionCoding } from '../../server/src/service/model/filing';
import { CORPUS, EXAMPLES, PROJECT_ROOT } from '../support/paths';
import { type CellLayout, type PageLayout, READ_LAYOUT } from './layout';

const CHROMIUM = process.env['FORM4_CHROMIUM'] ?? '/usr/bin/chromium';
const SHOTS = join(PROJECT_ROOT, 'test-results', 'browser');
const README_SHOT = join(PROJECT_ROOT, 'docs', 'images', 'preview.png');

const EXAMPLE_FILES = ['qualys-wilson-2013.form4', 'qualys-posey-2024-ocr.form4'];
/** A one-owner XML filing with both tables, a joint filing of three owners in a full submission, a derivative grant. */
const CORPUS_FILES = ['edgartools__374WaterForm4.xml', 'krymer15-edgar-app__0000921895-25-001190.txt', 'secform4project__softbank_derivative_acquisition.xml'];

const TABLE_I_TITLES = [
  '1. Title of Security (Instr. 3)', '2. Transaction Date (Month/Day/Year)', '2A. Deemed Execution Date, if any (Month/Day/Year)',
  '3. Transaction Code (Instr. 8) / Code', '3. Transaction Code (Instr. 8) / V',
  '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) / Amount',
  '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) / (A) or (D)',
  '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) / Price',
  '5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)',
  '6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)', '7. Nature of Indirect Beneficial Ownership (Instr. 4)',
];
const N5 = '5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)';
const N6 = '6. Date Exercisable and Expiration Date (Month/Day/Year)';
const N7 = '7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)';
const TABLE_II_TITLES = [
  '1. Title of Derivative Security (Instr. 3)', '2. Conversion or Exercise Price of Derivative Security', '3. Transaction Date (Month/Day/Year)',
  '3A. Deemed Execution Date, if any (Month/Day/Year)', '4. Transaction Code (Instr. 8) / Code', '4. Transaction Code (Instr. 8) / V',
  `${N5} / (A)`, `${N5} / (D)`, `${N6} / Date Exercisable`, `${N6} / Expiration Date`, `${N7} / Title`, `${N7} / Amount or Number of Shares`,
  '8. Price of Derivative Security (Instr. 5)', '9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)',
  '10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)', '11. Nature of Indirect Beneficial Ownership (Instr. 4)',
];

/** Printable widths in CSS pixels (96 per inch) of a landscape page with the page's 10 mm margins. */
const PRINTABLE = { A4: Math.floor(((297 - 20) / 25.4) * 96), Letter: Math.floor(((279.4 - 20) / 25.4) * 96) } as const;

let browser: Browser | undefined;
let workDir = '';

before(async () => {
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set FORM4_CHROMIUM)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  workDir = mkdtempSync(join(tmpdir(), 'form4-browser-'));
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

interface Opened {
  readonly page: Page;
  readonly filing: Filing;
  readonly layout: PageLayout;
  /** What the browser reported: console errors (CSP violations among them) and requests. */
  readonly errors: string[];
  readonly requests: string[];
}

/** Renders a source as `form4 render` does, opens the page from a file, reads its layout. */
async function open(path: string, width = 1400): Promise<Opened> {
  const text = readFileSync(path, 'utf8');
  const name = path.split('/').pop() ?? 'page';
  const document = parseSource(sourceKindOf(name, text) ?? 'draft', text);
  const html = renderFilingHtml(document.filing, { findings: checkDocument(document).findings });
  const file = join(workDir, `${name}.html`);
  writeFileSync(file, html);
  assert.ok(browser);
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  const layout = (await page.evaluate(READ_LAYOUT)) as PageLayout;
  return { page, filing: document.filing, layout, errors, requests: requests.filter((u) => u !== pathToFileURL(file).href) };
}

function grouped(value: string): Decimal | undefined {
  return parseDecimal(value.replace(/^\$ /, ''));
}

/** Asserts that a cell shows the field: as written when unread, else its value in the column's form. */
function assertShows(cell: CellLayout | undefined, field: Field<unknown>, kind: ColumnKind, where: string): void {
  assert.ok(cell, `${where}: no cell`);
  assert.equal(cell.colspan, 1, where);
  if (field.problem !== undefined || field.value === undefined) {
    assert.equal(cell.value, field.text.replace(/\s+/g, ' ').trim(), where);
    return;
  }
  const value = field.value;
  switch (kind) {
    case 'date':
    case 'deemedDate':
    case 'exerciseDate':
    case 'expirationDate':
      assert.equal(cell.value, formatDate(value as CalendarDate), where);
      return;
    case 'amount':
    case 'acquiredAmount':
    case 'disposedAmount':
    case 'owned':
    case 'underlyingAmount': {
      const q = value as Quantity;
      assert.equal(cell.value.startsWith('$ '), q.dollars, `${where}: ${cell.value}`);
      assert.ok(grouped(cell.value)?.equals(q.amount), `${where}: ${cell.value} is not ${q.amount.toFixed()}`);
      return;
    }
    case 'price':
    case 'exercisePrice':
      assert.ok(cell.value.startsWith('$ '), `${where}: ${cell.value}`);
      assert.ok(grouped(cell.value)?.equals(value as Decimal), `${where}: ${cell.value} is not ${(value as Decimal).toFixed()}`);
      return;
    case 'code': {
      const c = value as TransactionCoding;
      assert.equal(cell.value, c.equitySwap ? `${c.code} (K)` : c.code, where);
      return;
    }
    case 'timeliness':
      assert.equal(cell.value, value === 'E' ? 'V' : 'L', where);
      return;
    default:
      assert.equal(cell.value, String(value).replace(/\s+/g, ' ').trim(), where);
  }
}

async function checkPage(path: string): Promise<Opened> {
  const opened = await open(path);
  const { layout, filing, page } = opened;
  const name = path.split('/').pop() ?? '';
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  assert.deepEqual(layout.tables.I.titles, TABLE_I_TITLES);
  assert.deepEqual(layout.tables.II.titles, TABLE_II_TITLES);
  for (const [id, table] of [['I', filing.nonDerivativeTable], ['II', filing.derivativeTable]] as const) {
    const rows = layout.tables[id].rows;
    const model = table?.rows ?? [];
    assert.equal(rows.length, model.length, `${name}: Table ${id} rows`);
    const columns = columnsOf(id);
    model.forEach((row, r) => {
      const cells = rows[r] ?? [];
      assert.equal(cells.length, id === 'I' ? 11 : 16, `${name}: Table ${id} row ${r + 1} cells`);
      columns.forEach((column, c) => {
        const field = row.fields[c];
        assert.ok(field);
        const where = `${name}: Table ${id} row ${r + 1}, ${column.number} ${column.name}`;
        assertShows(cells[c], field, column.kind, where);
        const refs = [...field.refs, ...(c === columns.length - 1 ? row.strayRefs : [])].map((ref) => `(${ref.id})`);
        assert.deepEqual(cells[c]?.sups, refs, `${where}: footnote marks`);
      });
    });
  }
  assert.deepEqual(layout.footnotes, filing.footnotes.map((f) => `${f.id}. ${f.text.replace(/\s+/g, ' ').trim()}`), `${name}: footnotes`);
  assert.deepEqual(opened.errors, [], `${name}: the browser reported errors`);
  assert.deepEqual(opened.requests, [], `${name}: the page fetched something`);
  return opened;
}

describe('browser: the examples', () => {
  const present = EXAMPLE_FILES.every((f) => existsSync(join(EXAMPLES, f)));
  for (const file of EXAMPLE_FILES) {
    test(file, { skip: present ? false : `${EXAMPLES} is absent` }, async () => {
      const opened = await checkPage(join(EXAMPLES, file));
      if (file === 'qualys-wilson-2013.form4' && process.env['FORM4_UPDATE_SCREENSHOT'] === '1') {
        await opened.page.setViewportSize({ width: 1280, height: 800 });
        mkdirSync(join(PROJECT_ROOT, 'docs', 'images'), { recursive: true });
        await opened.page.screenshot({ path: README_SHOT, fullPage: true });
      }
      await opened.page.close();
    });
  }
});

describe('browser: corpus filings', () => {
  const present = existsSync(CORPUS);
  if (!present) console.log(`browser: corpus filings skipped: ${CORPUS} is absent`);
  for (const file of CORPUS_FILES) {
    test(file, { skip: present ? false : `${CORPUS} is absent` }, async () => {
      const opened = await checkPage(join(CORPUS, file));
      await opened.page.close();
    });
  }
});

describe('browser: printing', () => {
  const source = join(EXAMPLES, 'qualys-wilson-2013.form4');
  for (const paper of ['A4', 'Letter'] as const) {
    test(`landscape ${paper}: the tables fit the printable width, rows are kept whole, a PDF comes out`, { skip: existsSync(source) ? false : `${source} is absent` }, async () => {
      const { page } = await open(source, PRINTABLE[paper]);
      await page.emulateMedia({ media: 'print' });
      const layout = (await page.evaluate(READ_LAYOUT)) as PageLayout;
      assert.equal(layout.rowBreakInside, 'avoid');
      assert.ok(layout.scrollWidth <= layout.clientWidth, `the page is ${layout.scrollWidth}px wide, the paper ${layout.clientWidth}px`);
      assert.ok(layout.tables.II.width <= layout.clientWidth, `Table II is ${layout.tables.II.width}px wide`);
      const pdf = await page.pdf({ format: paper, landscape: true, printBackground: true });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      writeFileSync(join(SHOTS, `wilson-${paper}.pdf`), pdf);
      await page.close();
    });
  }
});
