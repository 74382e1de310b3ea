/**
 * What a rule is and what it reports. A rule is defined once (id, default severity, its
 * documentation, and where it is checked); every other part of the project (CLI, LSP, docs,
 * settings schema) reads the definition.
 *
 * Most rules check the filing model and see no text (`check`). A few are about a syntax that
 * only one front end has (a pipe row with a cell too many, an XML element out of order): the
 * front end reports those while it reads, under the rule's id, and they obey the same settings.
 */
import type { Analysis } from '../analysis/analysis';
import type { ModelFix } from '../model/changes';
import type { Filing } from '../model/filing';
import type { PriorHoldings } from '../history/holdings';
import type { Span } from '../text/position';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** A text edit: replace `span` of the source with `newText`. */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

/** A quick fix, as text edits: what a front end made of a rule's model fix. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The one right fix, applied by fix-all and offered first. */
  readonly preferred: boolean;
}

export interface RelatedLocation {
  /**
   * The file the location is in, as the host named it (`HistoryFiling.uri`), when it is not the
   * finding's own file (an earlier filing of the history); absent for a place in the same file.
   */
  readonly uri?: string;
  readonly span: Span;
  readonly message: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly related: readonly RelatedLocation[];
  /** Reported text that can go (an unused footnote): editors fade it. */
  readonly unnecessary: boolean;
  readonly fixes: readonly Fix[];
}

/** What a rule's check reports; the checker completes it into a Finding. */
export interface Report {
  readonly span: Span;
  readonly message: string;
  /** This finding's own severity where the rule grades its findings (RULES.md "see text"). */
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly unnecessary?: boolean;
  readonly fixes?: readonly ModelFix[];
}

/** What a front end reports about its own syntax, under a syntax rule's id. */
export interface SyntaxProblem {
  readonly rule: string;
  readonly span: Span;
  readonly message: string;
  readonly severity?: Severity;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
}

export interface RuleContext {
  readonly filing: Filing;
  readonly analysis: Analysis;
  /** What the earlier filings of the filing's history reported, when the host gives it. */
  readonly history?: PriorHoldings;
  report(report: Report): void;
}

/** How a rule's check reports, for helpers that report on its behalf. */
export type Reporter = RuleContext['report'];

export type RuleGroup = 'Reading the draft' | 'Header' | 'Footnotes' | 'Rows' | 'Across rows and tables' | 'Filing' | 'EDGAR XML' | 'Across filings';

export interface RuleDefinition {
  readonly id: string;
  readonly group: RuleGroup;
  readonly defaultSeverity: Severity;
  /** How the rule grades its findings, when not all have the default severity. */
  readonly severityNote?: string;
  /** One line: what the rule finds. */
  readonly summary: string;
  /** Markdown: why it matters and what exactly is checked. */
  readonly description: string;
  /** A short excerpt that the rule reports, and the message it gives. */
  readonly example: { readonly draft: string; readonly message: string };
  /**
   * Where the rule is checked: on the model (`check`), or by a front end while it reads
   * (`draft`: pipe rows; `xml`: the ownership XML), or by the host that reads the file's bytes
   * (`file`: the command line; an editor decodes files itself).
   */
  readonly source: 'model' | 'draft' | 'xml' | 'file';
  check?(context: RuleContext): void;
}
