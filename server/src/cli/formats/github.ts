/**
 * `--format github`: GitHub Actions workflow commands, which annotate the pull request:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`.
 */
import type { Severity } from '../../service';
import { elsewhere, type FileResult, oneBased } from './types';

const COMMAND: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Workflow command escaping: data escapes %, CR and LF; properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const p = oneBased(f.span);
      const file = r.file.replace(/\\/g, '/');
      lines.push(`::${COMMAND[f.severity]} file=${escapeProperty(file)},line=${p.line},col=${p.column},endLine=${p.endLine},endColumn=${p.endColumn},title=${escapeProperty(f.rule)}::${escapeData(f.message + elsewhere(f).map((rel) => ` (see ${rel.uri.replace(/\\/g, '/')}:${oneBased(rel.span).line})`).join(''))}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
