/**
 * What a rule is and what it reports. A rule is defined once (id, default severity, its
 * documentation, its check); every other part of the project (CLI, LSP, docs, settings schema)
 * reads the definition.
 */
import type { Analysis } from '../analysis/analysis';
import type { Filing } from '../model/filing';
import type { ParsedDraft } from '../parse/parser';
import type { Range } from '../text/range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** A quick fix: the edits it makes and what it says it does. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one right fix, applied by fix-all and offered first. */
  readonly preferred: boolean;
}

export interface RelatedLocation {
  readonly range: Range;
  readonly message: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly related: readonly RelatedLocation[];
  /** Reported text that can go (an unused footnote): editors fade it. */
  readonly unnecessary: boolean;
  readonly fixes: readonly Fix[];
}

/** What a rule's check reports; the checker completes it into a Finding. */
export interface Report {
  readonly range: Range;
  readonly message: string;
  /** This finding's own severity where the rule grades its findings (RULES.md "see text"). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly unnecessary?: boolean;
  readonly fixes?: readonly Fix[];
}

export interface RuleContext {
  readonly draft: ParsedDraft;
  readonly filing: Filing;
  readonly analysis: Analysis;
  report(report: Report): void;
}

/** How a rule's check reports, for helpers that report on its behalf. */
export type Reporter = RuleContext['report'];

export interface RuleDefinition {
  readonly id: string;
  readonly group: 'Reading the draft' | 'Header' | 'Footnotes' | 'Rows' | 'Across rows and tables' | 'Filing';
  readonly defaultSeverity: Severity;
  /** How the rule grades its findings, when not all have the default severity. */
  readonly severityNote?: string;
  /** One line: what the rule finds. */
  readonly summary: string;
  /** Markdown: why it matters and what exactly is checked. */
  readonly description: string;
  /** A short draft excerpt that the rule reports, and the message it gives. */
  readonly example: { readonly draft: string; readonly message: string };
  check(context: RuleContext): void;
}
