/**
 * `--format json`: an array of `{ "file", "findings": [ { "rule", "severity", "message",
 * "line", "column", "endLine", "endColumn" } ] }`, lines and columns 1-based (columns count
 * UTF-16 code units, as editors do). Every file checked is listed, with or without findings.
 */
import { type FileResult, oneBased } from './types';

export function formatJson(results: readonly FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    findings: r.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, ...oneBased(f.span) })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
