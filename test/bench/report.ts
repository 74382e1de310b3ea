/**
 * The benchmark's results: the figures of the targets table (docs/performance.md), the scaling
 * rows and the other figures, printed as they come, then as a summary, and as the Markdown
 * section of docs/performance.md (`--markdown` prints it, `--update-docs` writes it there).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Machine, mb, ms, ratio, size as draftSize } from './measure';

/** One bound of a target: the figure must be at most (or at least) `limit`. */
export interface Bound {
  readonly what: string;
  readonly value: number;
  readonly limit: number;
  readonly kind: 'atMost' | 'atLeast';
}

export interface TargetFigure {
  readonly name: string;
  /** What was measured, with the times behind the ratio: "912 ms vs 1.9 ms". */
  readonly measured: string;
  readonly target: string;
  readonly bounds: readonly Bound[];
  /** Why there is no value: "timed out after 120 s", "dist/server.js missing". */
  readonly missing?: string;
}

export interface ScalingRow {
  readonly rows: number;
  readonly bytes: number;
  readonly median?: number;
  readonly runs?: number;
  readonly retainedHeap?: number;
  readonly rss?: number;
  readonly peakRss?: number;
  readonly findings?: number;
  readonly missing?: string;
}

export interface OtherFigure {
  readonly name: string;
  readonly value: string;
  readonly note: string;
}

/** "met (4.2× under)", "missed (48× over)". */
export function verdict(bound: Bound): { met: boolean; text: string } {
  if (!Number.isFinite(bound.value)) return { met: false, text: 'not measured' };
  if (bound.kind === 'atMost') {
    const met = bound.value <= bound.limit;
    return { met, text: met ? `met, ${ratio(bound.limit / bound.value)} under the target` : `missed, ${ratio(bound.value / bound.limit)} over the target` };
  }
  const met = bound.value >= bound.limit;
  return { met, text: met ? `met, ${ratio(bound.value / bound.limit)} beyond the target` : `missed, ${ratio(bound.limit / bound.value)} short of the target` };
}

export function figureVerdict(figure: TargetFigure): { met: boolean; text: string } {
  if (figure.missing) return { met: false, text: `not measured: ${figure.missing}` };
  const parts = figure.bounds.map((b) => ({ b, v: verdict(b) }));
  const met = parts.every((p) => p.v.met);
  const text = parts.length === 1 ? (parts[0]?.v.text ?? '') : parts.map((p) => `${p.b.what} ${p.v.text}`).join('; ');
  return { met, text };
}

export class Results {
  readonly targets: TargetFigure[] = [];
  readonly scaling: ScalingRow[] = [];
  readonly others: OtherFigure[] = [];

  /** The load average at the end of the run, and warnings about the run's conditions. */
  loadAtEnd = '';
  readonly warnings: string[] = [];

  constructor(readonly machine: Machine, readonly quick: boolean) {}

  warn(text: string): void {
    this.warnings.push(text);
    console.log(`  warning: ${text}`);
  }

  target(figure: TargetFigure): void {
    this.targets.push(figure);
    const v = figureVerdict(figure);
    console.log(`  ${figure.name}`);
    console.log(`      ${figure.missing ? figure.missing : figure.measured}    target ${figure.target}: ${v.met ? 'MET' : 'MISSED'}${figure.missing ? '' : ` (${v.text})`}`);
  }

  other(name: string, value: string, note = ''): void {
    this.others.push({ name, value, note });
    console.log(`  ${name.padEnd(62)} ${value.padStart(10)}${note ? `  ${note}` : ''}`);
  }

  scale(row: ScalingRow): void {
    this.scaling.push(row);
    console.log(`  ${scalingLine(row, this.scaling)}`);
  }

  printSummary(): void {
    console.log('\nTargets (docs/performance.md):');
    for (const f of this.targets) {
      const v = figureVerdict(f);
      console.log(`  ${v.met ? 'MET   ' : 'MISSED'} ${f.name}: ${f.missing ?? f.measured} (target ${f.target}${f.missing ? '' : `; ${v.text}`})`);
    }
    const met = this.targets.filter((f) => figureVerdict(f).met).length;
    console.log(`  ${met} of ${this.targets.length} targets met`);
  }

  /** The generated section of docs/performance.md. */
  markdown(): string {
    const m = this.machine;
    const lines: string[] = [];
    lines.push(`Measured ${m.date} on commit ${m.commit}${this.quick ? ' (**--quick**: fewer runs, not for this page)' : ''}.`, '');
    lines.push('| machine | |', '| --- | --- |');
    lines.push(`| CPU | ${m.cpu} |`, `| cores | ${m.cores} |`, `| RAM | ${m.ram} |`, `| Node | ${m.node} |`, `| OS | ${m.os} |`, `| load average (1, 5, 15 min) | ${m.load} at start, ${this.loadAtEnd} at the end |`, '');
    for (const w of this.warnings) lines.push(`> ${w}`, '');
    lines.push('| figure | measured | target | met? |', '| --- | --- | --- | --- |');
    for (const f of this.targets) {
      const v = figureVerdict(f);
      lines.push(`| ${f.name} | ${escape(f.missing ?? f.measured)} | ${escape(f.target)} | ${v.met ? '**yes**' : '**no**'}${f.missing ? '' : `: ${v.text}`} |`);
    }
    lines.push('', 'Scaling (parse + check in a fresh process per size; `too-many-rows` off; heap and RSS after the first run, its result kept; peak RSS of that first run, reading the draft included):', '');
    lines.push('| rows | size | parse + check (median) | per row | growth | heap kept by the result | RSS after | peak RSS |', '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const row of this.scaling) lines.push(scalingMarkdownRow(row, this.scaling));
    lines.push('', 'Other figures:', '', '| figure | value | notes |', '| --- | ---: | --- |');
    for (const o of this.others) lines.push(`| ${escape(o.name)} | ${escape(o.value)} | ${escape(o.note)} |`);
    return lines.join('\n');
  }

  /** Replaces the generated section of a docs file (between the bench markers). */
  updateDocs(path: string): void {
    const text = readFileSync(path, 'utf8');
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const i = text.indexOf(start);
    const j = text.indexOf(end);
    if (i === -1 || j < i) throw new Error(`${path} has no ${start} … ${end} section`);
    writeFileSync(path, `${text.slice(0, i + start.length)}\n${this.markdown()}\n${text.slice(j)}`);
  }
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}

interface ScalingCells {
  readonly rows: string;
  readonly size: string;
  readonly time?: string;
  readonly perRow?: string;
  readonly growth?: string;
  readonly heap?: string;
  readonly rss?: string;
  readonly peak?: string;
}

function scalingCells(row: ScalingRow, all: readonly ScalingRow[]): ScalingCells {
  const size = draftSize(row.bytes);
  const head = { rows: row.rows.toLocaleString('en-US'), size };
  if (row.missing || row.median === undefined) return head;
  const previous = all[all.indexOf(row) - 1];
  return {
    ...head,
    time: `${ms(row.median)}${row.runs ? ` (${row.runs} run${row.runs === 1 ? '' : 's'})` : ''}`,
    perRow: `${((row.median * 1000) / row.rows).toFixed(1)} µs`,
    growth: previous?.median !== undefined ? `×${(row.median / previous.median).toFixed(1)} for ×${(row.rows / previous.rows).toFixed(0)} rows` : '',
    heap: mb(row.retainedHeap ?? NaN),
    rss: mb(row.rss ?? NaN),
    peak: mb(row.peakRss ?? NaN),
  };
}

function scalingLine(row: ScalingRow, all: readonly ScalingRow[]): string {
  const c = scalingCells(row, all);
  const head = `${c.rows.padStart(7)} rows ${c.size.padStart(8)}`;
  if (c.time === undefined) return `${head}  ${row.missing ?? 'not measured'}`;
  return `${head}  ${c.time.padStart(18)}  ${c.perRow?.padStart(9)}/row  ${(c.growth ?? '').padEnd(20)}  heap kept ${c.heap?.padStart(8)}  RSS ${c.rss?.padStart(8)}  peak ${c.peak?.padStart(8)}`;
}

function scalingMarkdownRow(row: ScalingRow, all: readonly ScalingRow[]): string {
  const c = scalingCells(row, all);
  if (c.time === undefined) return `| ${c.rows} | ${c.size} | ${row.missing ?? 'not measured'} | | | | | |`;
  return `| ${c.rows} | ${c.size} | ${c.time} | ${c.perRow} | ${c.growth} | ${c.heap} | ${c.rss} | ${c.peak} |`;
}
