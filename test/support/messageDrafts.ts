/**
 * Test support: a wide set of drafts and EDGAR XML documents whose findings, together, produce
 * most messages of most rules: the examples, the test fixtures, each rule's documented example,
 * the corpus, generated drafts with planted errors, and simple damage done to a correct draft and
 * to a correct XML filing (each cell blanked or replaced by a wrong value, a cell dropped or
 * added, each header line, footnote or signature line dropped, each XML line dropped, each XML
 * value replaced). For tests that hold every message to the same standard.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/service/rules/registry';
import { generateDraft } from './generate';
import { CORPUS, EXAMPLES, PROJECT_ROOT } from './paths';

export interface Sample {
  /** Where it comes from, for failure messages. */
  readonly name: string;
  readonly kind: 'draft' | 'xml';
  readonly text: string;
}

const FIXTURE_FOLDERS = [join(PROJECT_ROOT, 'test', 'e2e', 'fixtures'), join(PROJECT_ROOT, 'test', 'editors', 'fixtures')];

/** Cell values that are wrong in some column: each replaces each cell of each row in turn. */
const WRONG_VALUES = ['', 'x', '-5', '1,00', '13/45/2013', '2013-08-06', '08/01/2013', '08/20/2013', '(9)', 'A', 'D', 'I', 'V', 'Q', 'G', 'J', 's', '$99.00', '99,999,999', 'By Trust'];

/** XML values that are wrong for some element: each replaces each `<value>` in turn. */
const WRONG_XML_VALUES = ['', 'N', 'x', '10,000', '$4.10', '08/06/2013', '1.123456', 'F01', 'A'.repeat(101)];

function filesIn(folder: string, pattern: RegExp): { name: string; text: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(folder, f), 'utf8') }));
}

const kindOf = (name: string): 'draft' | 'xml' => (/\.(xml|txt|html)$/i.test(name) ? 'xml' : 'draft');

/** The pipe table rows of a draft: line index and cells (without the outer pipes). */
function dataRows(lines: readonly string[]): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  lines.forEach((l, line) => {
    if (!/^\|.*\|\s*$/.test(l) || /^\|[\s|:-]+\|\s*$/.test(l)) return;
    const cells = l.trim().slice(1, -1).split('|').map((c) => c.trim());
    if (cells.length !== 11 && cells.length !== 16) return;
    if (!/\d\d\/\d\d\/\d{4}|\d/.test(l) || /Title|Code \|/.test(l)) return;
    rows.push({ line, cells });
  });
  return rows;
}

/** Damage done to a correct draft, one change at a time. */
export function draftDamage(name: string, text: string): Sample[] {
  const lines = text.split('\n');
  const samples: Sample[] = [];
  const withLine = (i: number, replacement: string | undefined, what: string): void => {
    const changed = [...lines];
    if (replacement === undefined) changed.splice(i, 1);
    else changed[i] = replacement;
    samples.push({ name: `${name}, ${what}`, kind: 'draft', text: changed.join('\n') });
  };
  for (const row of dataRows(lines)) {
    const render = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
    row.cells.forEach((_, c) => {
      for (const value of WRONG_VALUES) {
        const cells = [...row.cells];
        cells[c] = value;
        withLine(row.line, render(cells), `line ${row.line + 1} cell ${c + 1} = ${JSON.stringify(value)}`);
      }
      withLine(row.line, render(row.cells.filter((_, k) => k !== c)), `line ${row.line + 1} without cell ${c + 1}`);
      withLine(row.line, render([...row.cells.slice(0, c), ...(row.cells[c] ?? '').split(' '), ...row.cells.slice(c + 1)]), `line ${row.line + 1} cell ${c + 1} split`);
    });
    withLine(row.line, render([...row.cells, 'extra']), `line ${row.line + 1} with a cell too many`);
    withLine(row.line, render([...row.cells, row.cells[0] ?? '', row.cells[1] ?? '']), `line ${row.line + 1} with two cells too many`);
    withLine(row.line, `${lines[row.line]}\n${lines[row.line]}`, `line ${row.line + 1} twice`);
  }
  lines.forEach((l, i) => {
    if (l.trim() !== '' && !l.startsWith('|')) withLine(i, undefined, `without line ${i + 1}`);
    if (/^\(\d+\)|^- /.test(l)) withLine(i, l.replace(/^(\(\d+\)|-) .*/, '$1 '), `line ${i + 1} emptied`);
    if (/^\d\d\/\d\d\/\d{4}$/.test(l.trim())) for (const date of ['08/05/2013', '08/30/2013', '02/30/2013']) withLine(i, date, `signed ${date}`);
  });
  return samples;
}

/** Damage done to a correct EDGAR XML document, one change at a time. */
export function xmlDamage(name: string, text: string): Sample[] {
  const lines = text.split('\n');
  const samples: Sample[] = [];
  lines.forEach((l, i) => {
    samples.push({ name: `${name}, without line ${i + 1}`, kind: 'xml', text: lines.filter((_, k) => k !== i).join('\n') });
    const value = /^(\s*<(\w+)>)([^<]*)(<\/\2>)\s*$/.exec(l);
    if (!value) return;
    for (const wrong of WRONG_XML_VALUES) {
      const changed = [...lines];
      changed[i] = `${value[1]}${wrong}${value[4]}`;
      samples.push({ name: `${name}, line ${i + 1} = ${JSON.stringify(wrong.slice(0, 12))}`, kind: 'xml', text: changed.join('\n') });
    }
  });
  return samples;
}

/** Every sample: files as they are, then each rule's example, generated drafts, and the damage. */
export function messageSamples(): Sample[] {
  const samples: Sample[] = [];
  const files = [
    ...filesIn(EXAMPLES, /\.form4$/),
    ...FIXTURE_FOLDERS.flatMap((f) => filesIn(f, /\.(form4|xml)$/)),
    ...filesIn(CORPUS, /\.(xml|txt)$/),
  ];
  for (const file of files) samples.push({ name: file.name, kind: kindOf(file.name), text: file.text });
  for (const rule of RULES) if (rule.example) samples.push({ name: `the example of ${rule.id}`, kind: /^\s*</.test(rule.example.draft) ? 'xml' : 'draft', text: rule.example.draft });
  for (let seed = 1; seed <= 6; seed++) {
    const generated = generateDraft({ rows: 40, seed, broken: { fraction: 0.3 } });
    samples.push({ name: `generated draft ${seed}`, kind: 'draft', text: generated.text });
  }
  for (const file of files) {
    if (file.name === 'clean.form4' || file.name === 'misaligned.form4' || file.name === 'two-findings.form4') samples.push(...draftDamage(file.name, file.text));
    if (file.name === 'wilson.xml') samples.push(...xmlDamage(file.name, file.text));
  }
  return samples;
}
