/**
 * The default output: one line per finding, `file:line:col  severity  message  rule-id`,
 * grouped by file, and a summary line.
 */
import type { Severity } from '../../service';
import { elsewhere, type FileResult, type FormatOptions, oneBased } from './types';

const COLORS: Readonly<Record<Severity, string>> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export function formatStylish(results: readonly FileResult[], options: FormatOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `${code}${text}${RESET}` : text);
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const blocks: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    const lines = result.findings.map((f) => {
      counts[f.severity]++;
      const p = oneBased(f.span);
      const where = `${result.file}:${p.line}:${p.column}`;
      const line = `${paint(BOLD, where)}  ${paint(COLORS[f.severity], f.severity.padEnd(11))}  ${f.message}  ${paint(DIM, f.rule)}`;
      const others = elsewhere(f).map((r) => {
        const q = oneBased(r.span);
        return `  ${paint(DIM, `${r.uri}:${q.line}:${q.column}`)}  ${r.message}`;
      });
      return [line, ...others].join('\n');
    });
    blocks.push(lines.join('\n'));
  }
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const files = `${results.length} file${results.length === 1 ? '' : 's'}`;
  const summary = total === 0
    ? `No problems in ${files}.`
    : `${total} problem${total === 1 ? '' : 's'} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information, ${plural(counts.hint, 'hint')}) in ${files}.`;
  return [...blocks, paint(total === 0 ? '' : counts.error > 0 ? COLORS.error : COLORS.warning, summary)].join('\n\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
