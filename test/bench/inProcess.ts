/**
 * The figures measured inside this process: parse + check against the floor and against
 * markdownlint, the examples, the corpus, and hostile inputs. The product is used only through
 * parseDraft and checkDraft.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDraft, parseDraft } from '../../server/src/service';
import { generateDraft } from '../support/generate';
import { CORPUS, EXAMPLES } from '../support/paths';
import { corpusDrafts } from './corpus';
import { compare, count, describeTiming, ms, ratio, timeIt } from './measure';
import type { Results } from './report';

/** The rule every large generated draft breaks by design (30 rows per table at most). */
export const BENCH_RULES = { 'too-many-rows': 'off' } as const;

/** Parse + check, the way every host runs the service. */
export function parseAndCheck(text: string, rules: Readonly<Record<string, 'off'>> = BENCH_RULES): number {
  return checkDraft(parseDraft(text), { rules }).findings.length;
}

/**
 * The floor: the least any reader of a draft must do. The text split into lines, each table
 * line (first non-blank character `|`) split at `|` into trimmed cells; the results are kept.
 */
export function floor(text: string): (string | string[])[] {
  const out: (string | string[])[] = [];
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('|')) out.push(line.split('|').map((cell) => cell.trim()));
    else out.push(line);
  }
  return out;
}

type Lint = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

/** markdownlint 0.40 is ESM only; tsc (module node16) leaves this import() as it is. */
async function loadMarkdownlint(): Promise<Lint> {
  const module = (await import('markdownlint/sync')) as unknown as { lint: Lint };
  return module.lint;
}

export interface Drafts {
  readonly thousand: string;
  readonly tenThousand: string;
}

export async function inProcessFigures(drafts: Drafts, results: Results, quick: boolean): Promise<void> {
  const runs = quick ? { minRuns: 3, minMs: 200 } : { minRuns: 10, minMs: 3_000 };

  console.log('\nparse + check vs the floor (10,000 rows; interleaved pairs):');
  const vsFloor = compare(() => parseAndCheck(drafts.tenThousand), () => floor(drafts.tenThousand), quick ? 2 : 7, 5);
  results.other('floor: lines and trimmed pipe cells, 10,000 rows', ms(vsFloor.b.median), describeTiming(vsFloor.b));
  results.other('parse + check, 10,000 rows', ms(vsFloor.a.median), `${describeTiming(vsFloor.a)}, ${parseAndCheck(drafts.tenThousand)} findings`);
  results.target({
    name: 'parse + check vs the floor, 10,000 rows',
    measured: `${ms(vsFloor.a.median)} vs ${ms(vsFloor.b.median)}: ${ratio(vsFloor.ratio)} (CPU time ${ratio(vsFloor.cpuRatio)}; median of ${vsFloor.pairs} pairs)`,
    target: '≤ 10×',
    bounds: [{ what: 'ratio', value: vsFloor.ratio, limit: 10, kind: 'atMost' }],
  });

  console.log('\nmarkdownlint 0.40 (default rules) vs parse + check (1,000 rows; interleaved pairs):');
  const check1k = timeIt(() => parseAndCheck(drafts.thousand), runs);
  results.other('parse + check, 1,000 rows', ms(check1k.median), `${describeTiming(check1k)}, ${parseAndCheck(drafts.thousand)} findings`);
  try {
    const lint = await loadMarkdownlint();
    // Seconds a run, varying by half from run to run: few pairs, each against 5 checks.
    const vsLint = compare(() => lint({ strings: { draft: drafts.thousand } }), () => parseAndCheck(drafts.thousand), quick ? 1 : 3, 5);
    const issues = lint({ strings: { draft: drafts.thousand } })['draft']?.length ?? 0;
    results.other('markdownlint 0.40, default rules, 1,000 rows', ms(vsLint.a.median), `${describeTiming(vsLint.a)}, ${count(issues)} issues`);
    results.target({
      name: 'markdownlint 0.40 (default rules) vs parse + check, 1,000 rows',
      measured: `markdownlint ${ms(vsLint.a.median)} vs ${ms(vsLint.b.median)}: markdownlint ${ratio(vsLint.ratio)} slower (CPU time ${ratio(vsLint.cpuRatio)}; median of ${vsLint.pairs} pairs)`,
      target: 'markdownlint ≥ 100× slower',
      bounds: [{ what: 'ratio', value: vsLint.ratio, limit: 100, kind: 'atLeast' }],
    });
  } catch (error) {
    results.target({ name: 'markdownlint 0.40 (default rules) vs parse + check, 1,000 rows', measured: '', target: 'markdownlint ≥ 100× slower', bounds: [], missing: `markdownlint could not be loaded: ${(error as Error).message}` });
  }

  console.log('\nthe examples and the corpus (default rules):');
  for (const name of ['qualys-wilson-2013.form4', 'qualys-posey-2024-ocr.form4']) {
    const path = join(EXAMPLES, name);
    if (!existsSync(path)) {
      results.other(`parse + check ${name}`, 'skipped', `${path} is absent`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const t = timeIt(() => parseAndCheck(text, {}), { minRuns: 50, minMs: quick ? 100 : 1_000 });
    results.other(`parse + check ${name}`, ms(t.median), `${describeTiming(t)}, ${parseAndCheck(text, {})} findings`);
  }
  const corpus = corpusDrafts(CORPUS);
  if (!corpus) {
    results.other('parse + check of the corpus', 'skipped', `${CORPUS} is absent`);
  } else {
    const all = (): number => corpus.reduce((n, d) => n + parseAndCheck(d.text, {}), 0);
    const t = timeIt(all, { minRuns: 20, minMs: quick ? 100 : 1_000 });
    results.other(`parse + check of the ${corpus.length} corpus filings (converted once, untimed)`, ms(t.median), `${all()} findings, ${ms(t.median / corpus.length)} per filing`);
  }

  console.log('\nhostile inputs (default rules):');
  const oneRow = generateDraft({ rows: 1, seed: 1 });
  const [rowLine] = oneRow.tableI;
  const hostile: [string, string][] = [
    ['200,000-character line of pipes', `Table I\n${'|'.repeat(200_000)}\n`],
    ['10,000 unclosed <sup> tags in a cell', oneRow.text.replace(rowLine ?? '', `| ${'<sup>('.repeat(10_000)} | 1 |`)],
    ['100,000 "(" on a box line', `2. Issuer Name and Ticker or Trading Symbol: ${'('.repeat(100_000)}`],
  ];
  for (const [name, text] of hostile) {
    const t = timeIt(() => parseAndCheck(text, {}), { minRuns: 5, minMs: quick ? 100 : 500 });
    results.other(name, ms(t.median), `${describeTiming(t)}, ${parseAndCheck(text, {})} findings`);
  }
}
