/**
 * The checker: runs every rule that is not off over a parsed draft and completes each report
 * into a finding with the severity the settings give. A rule that throws is a bug in the rule,
 * not in the draft: its error is returned apart and the other rules still run.
 */
import { type Analysis, analyze } from './analysis/analysis';
import type { RuleSeverities } from './config/settings';
import type { ParsedDraft } from './parse/parser';
import { RULES } from './rules/registry';
import type { Finding, Report, RuleContext } from './rules/types';
import { compareRanges } from './text/range';

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Rules that failed with an exception: for the log, never for the user's draft. */
  readonly failures: readonly { readonly rule: string; readonly error: unknown }[];
}

export interface CheckOptions {
  readonly rules?: RuleSeverities;
  /** Asked between rules; when it says stop, the check ends early with what it has. */
  readonly isCancelled?: () => boolean;
  /** The draft's analysis, when the caller already has it (the server keeps one per version). */
  readonly analysis?: Analysis;
}

export function checkDraft(draft: ParsedDraft, options: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [];
  const failures: { rule: string; error: unknown }[] = [];
  const analysis = options.analysis ?? analyze(draft.filing);
  for (const rule of RULES) {
    if (options.isCancelled?.()) break;
    const setting = options.rules?.[rule.id];
    if (setting === 'off') continue;
    const context: RuleContext = {
      draft,
      filing: draft.filing,
      analysis,
      report(report: Report) {
        findings.push({
          rule: rule.id,
          severity: setting ?? report.severity ?? rule.defaultSeverity,
          message: report.message,
          range: report.range,
          related: report.related ?? [],
          unnecessary: report.unnecessary ?? false,
          fixes: report.fixes ?? [],
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      failures.push({ rule: rule.id, error });
    }
  }
  findings.sort((a, b) => compareRanges(a.range, b.range) || a.rule.localeCompare(b.rule));
  return { findings, failures };
}
