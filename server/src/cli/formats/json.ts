/**
 * `--format json`: an array of `{ "file", "findings": [ { "rule", "severity", "message",
 * "line", "column", "endLine", "endColumn" } ] }`, lines and columns 1-based (columns count
 * UTF-16 code units, as editors do). Every file checked is listed, with or without findings.
 * A finding that compares with another file (history-mismatch) adds `"related": [ { "file",
 * "message", "line", … } ]`, the places in those files.
 */
import { elsewhere, type FileResult, oneBased } from './types';

export function formatJson(results: readonly FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    findings: r.findings.map((f) => {
      const others = elsewhere(f).map((rel) => ({ file: rel.uri, message: rel.message, ...oneBased(rel.span) }));
      return { rule: f.rule, severity: f.severity, message: f.message, ...oneBased(f.span), ...(others.length > 0 ? { related: others } : {}) };
    }),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
