/**
 * The Form 4 language service: plain functions over text and the project's own types. The LSP
 * server, the CLI and the tests use it through this module; it imports nothing from the editor,
 * the LSP library or Node's I/O. Positions are packed numbers (`text/position.ts`); hosts convert
 * them with `toRange` and `fromPosition` (`text/range.ts`).
 */
export { parseDraft, type ParsedDraft } from './parse/draft/parser';
export { reparseDraft } from './parse/draft/incremental';
export { parseSource, sourceKindOf, type SourceDocument } from './document';
export { parseOwnershipXml, type ParsedXml } from './parse/xml/reader';
export { findOwnershipXml, sniffOwnership } from './parse/xml/submission';
export { writeDraft, type DraftNote, type WriteDraftOptions } from './import/writeDraft';
export { importOwnershipXml, type ImportedDraft, type RefusedImport } from './import/importXml';
export { checkDocument, checkDraft, type CheckOptions, type CheckResult } from './check';
export { RULES, RULES_BY_ID } from './rules/registry';
export type { Finding, Fix, RelatedLocation, RuleDefinition, Severity, SeveritySetting, TextEdit } from './rules/types';
export { SEVERITIES, SEVERITY_SETTINGS } from './rules/types';
export {
  mergeSeverities,
  readConfigObject,
  readRuleOption,
  readRuleSeverities,
  type RuleSeverities,
  type SettingsReading,
} from './config/settings';
export type { Pos, Span } from './text/position';
export { fromPosition, fromRange, type Position, type Range, toPosition, toRange } from './text/range';
export { applyEdits } from './text/edits';
export { count, grouped } from './text/count';
export { formatDraft } from './features/formatting';
export { ruleDocumentationUrl, DOCUMENTATION_URL } from './rules/documentation';
export { rulesDocumentationMarkdown, rulesTableMarkdown } from './rules/documentationMarkdown';
export { analyze, type Analysis } from './analysis/analysis';
export { hoverAt, type HoverOptions, type HoverResult } from './features/hover';
export { hoverInFiling } from './features/hoverXml';
export { completionsAt, type Completion, type CompletionKind, type CompletionOptions } from './features/completion';
export { placeOf, snippetsAt, type SnippetDefinition } from './features/snippetCompletion';
export { newConfigText, ruleSeverityEdit, type OffsetEdit, type SeverityEdit } from './config/ruleSeverityEdit';
export { quickFixes, fixAll, type QuickFix } from './features/codeActions';
export { documentSymbols, type DraftSymbol, type SymbolKind } from './features/symbols';
export { foldingRanges, type FoldingRange } from './features/folding';
export { definitionAt, referencesAt, prepareRename, renameFootnote, type PrepareRename } from './features/footnoteNavigation';
export { inlayHints, type InlayHint } from './features/inlayHints';
export { exportOwnershipXml, type ExportOptions, type ExportProblem, type ExportResult } from './export/ownershipXml';
export { blockingFindings, type CheckedExport, EXPORT_RULE_ID, exportChecked, isBlocked, problemAsFinding } from './export/exportCheck';
export { renderFilingHtml, type RenderOptions, type RenderPage, STANDALONE_CSP } from './render/renderHtml';
export * from './history';
export { historyMismatch, describeReport } from './rules/history';
export { FORM_TYPES, type FormType, isAmendment } from './model/filing';
export { historyHoverAt } from './features/historyHover';
