/**
 * Whether a draft may be exported, the same for the command line and the editor: it may when
 * the check finds no error and the exporter no problem. What stands in the way is listed once:
 * the check's errors, then the export problems that no error already covers (a missing ticker is
 * a `missing-box` error and an export problem at the same box: it is said once, by the rule).
 */
import type { Filing } from '../model/filing';
import type { Finding, Severity } from '../rules/types';
import type { Span } from '../text/position';
import { type ExportOptions, type ExportProblem, exportOwnershipXml } from './ownershipXml';

/** The id export problems are listed under, beside the rules' ids. */
export const EXPORT_RULE_ID = 'export';

export interface CheckedExport {
  readonly xml: string;
  /** The check's error-level findings. */
  readonly errors: readonly Finding[];
  /** The exporter's problems that no error already covers. */
  readonly problems: readonly ExportProblem[];
}

/** Exports a filing whose findings are known, and says what stands in the way of filing it. */
export function exportChecked(filing: Filing, findings: readonly Finding[], options?: ExportOptions): CheckedExport {
  const { xml, problems } = exportOwnershipXml(filing, options);
  const errors = findings.filter((f) => f.severity === 'error');
  return { xml, errors, problems: problems.filter((p) => !errors.some((e) => covers(e.span, p.span))) };
}

/** Whether the export is refused: any error, any problem. */
export function isBlocked(result: CheckedExport): boolean {
  return result.errors.length > 0 || result.problems.length > 0;
}

/** An export problem as a finding under the `export` id, for the outputs that list findings. */
export function problemAsFinding(problem: ExportProblem, severity: Severity = 'error'): Finding {
  return { rule: EXPORT_RULE_ID, severity, message: problem.message, span: problem.span, related: [], unnecessary: false, fixes: [] };
}

/** What stands in the way, errors and problems together, in the order of the source. */
export function blockingFindings(result: CheckedExport, severity: Severity = 'error'): Finding[] {
  const all = [...result.errors.map((f) => (f.severity === severity ? f : { ...f, severity })), ...result.problems.map((p) => problemAsFinding(p, severity))];
  return all.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/** An error covers a problem it overlaps: the same cell, box or row says the same thing twice. */
function covers(error: Span, problem: Span): boolean {
  if (error.start === problem.start) return true;
  return error.start < problem.end && problem.start < error.end;
}
