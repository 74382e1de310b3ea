/**
 * The checker: runs every model rule that is not off over a filing, adds the problems its front
 * end found while reading, and completes each into a finding with the severity the settings
 * give. A rule's fixes are said in model changes; the source document's front end turns them
 * into text edits here. A rule that throws is a bug in the rule, not in the source: its error
 * is returned apart and the other rules still run.
 */
import { type Analysis, analyze } from './analysis/analysis';
import type { RuleSeverities } from './config/settings';
import { type SourceDocument, sourceEdits } from './document';
import type { PriorHoldings } from './history/holdings';
import type { ModelFix } from './model/changes';
import { RULES, RULES_BY_ID } from './rules/registry';
import type { Finding, Fix, Report, RuleContext } from './rules/types';
import { compareSpans } from './text/position';

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Rules that failed with an exception: for the log, never for the user's source. */
  readonly failures: readonly { readonly rule: string; readonly error: unknown }[];
}

export interface CheckOptions {
  readonly rules?: RuleSeverities;
  /** Asked between rules; when it says stop, the check ends early with what it has. */
  readonly isCancelled?: () => boolean;
  /** The source's analysis, when the caller already has it (the server keeps one per version). */
  readonly analysis?: Analysis;
  /**
   * What the filings before this one in its filing history last reported, per holding
   * (`holdingsBefore`): the history-mismatch rule checks the first row of each holding against
   * it. Without it, the filing is checked on its own.
   */
  readonly history?: PriorHoldings;
}

/** Checks a parsed draft or XML filing. */
export function checkDocument(document: SourceDocument, options: CheckOptions = {}): CheckResult {
  const findings: Finding[] = [];
  const failures: { rule: string; error: unknown }[] = [];
  const analysis = options.analysis ?? analyze(document.filing);
  const settings = options.rules;
  for (const problem of document.problems) {
    const setting = settings?.[problem.rule];
    if (setting === 'off') continue;
    findings.push({
      rule: problem.rule,
      severity: setting ?? problem.severity ?? RULES_BY_ID.get(problem.rule)?.defaultSeverity ?? 'error',
      message: problem.message,
      span: problem.span,
      related: problem.related ?? [],
      unnecessary: false,
      fixes: problem.fixes ?? [],
    });
  }
  // An XML file that holds no ownership document, or holds a Form 3 or 5 (read for the filing
  // history only), has nothing for the Form 4 rules to check: its xml-root finding says what it is.
  const readable = document.kind !== 'xml' || (document.document !== undefined && (document.formType === undefined || document.formType === '4' || document.formType === '4/A'));
  for (const rule of RULES) {
    if (!rule.check || !readable) continue;
    if (options.isCancelled?.()) break;
    const setting = settings?.[rule.id];
    if (setting === 'off') continue;
    const context: RuleContext = {
      filing: document.filing,
      analysis,
      history: options.history,
      report(report: Report) {
        findings.push({
          rule: rule.id,
          severity: setting ?? report.severity ?? rule.defaultSeverity,
          message: report.message,
          span: report.span,
          related: report.related ?? [],
          unnecessary: report.unnecessary ?? false,
          fixes: realize(document, report.fixes),
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      failures.push({ rule: rule.id, error });
    }
  }
  findings.sort((a, b) => compareSpans(a.span, b.span) || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return { findings, failures };
}

/** Checks a parsed draft: `checkDocument` for the draft front end. */
export function checkDraft(draft: SourceDocument, options: CheckOptions = {}): CheckResult {
  return checkDocument(draft, options);
}

/** A rule's model fixes as the source's text edits; a fix its front end cannot make is dropped. */
function realize(document: SourceDocument, fixes: readonly ModelFix[] | undefined): Fix[] {
  if (!fixes || fixes.length === 0) return [];
  const made: Fix[] = [];
  for (const fix of fixes) {
    const edits = sourceEdits(document, fix.changes);
    if (edits && edits.length > 0) made.push({ title: fix.title, preferred: fix.preferred, edits });
  }
  return made;
}
