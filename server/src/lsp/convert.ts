/**
 * Conversions from the language service's types to LSP's: the service's packed positions and
 * spans become LSP positions and ranges here, and only here.
 */
import {
  CompletionItemKind,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type DocumentSymbol,
  SymbolKind as LspSymbolKind,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { CompletionKind, DraftSymbol, Finding, Severity, SymbolKind, TextEdit } from '../service';
import { ruleDocumentationUrl, toRange } from '../service';

export const SOURCE = 'form4';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string, relatedSupport: boolean): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding.span),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocumentationUrl(finding.rule) },
    message: finding.message,
  };
  if (finding.unnecessary) diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (finding.related.length > 0) {
    if (relatedSupport) {
      diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri ?? uri, range: toRange(r.span) }, message: r.message }));
    } else {
      // Clients that cannot show related locations get them in the message.
      diagnostic.message += ` See ${finding.related.map((r) => `${r.uri !== undefined && r.uri !== uri ? `${r.uri} ` : ''}line ${toRange(r.span).start.line + 1}`).join(', ')}.`;
    }
  }
  return diagnostic;
}

export function toTextEdits(edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(e.span), newText: e.newText }));
}

const COMPLETION_KIND: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  code: CompletionItemKind.EnumMember,
  choice: CompletionItemKind.EnumMember,
  footnote: CompletionItemKind.Reference,
  title: CompletionItemKind.Text,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export function toCompletionKind(kind: CompletionKind): CompletionItemKind {
  return COMPLETION_KIND[kind];
}

const SYMBOL_KIND: Readonly<Record<SymbolKind, LspSymbolKind>> = {
  section: LspSymbolKind.Namespace,
  box: LspSymbolKind.Field,
  row: LspSymbolKind.Event,
  holding: LspSymbolKind.Variable,
  footnote: LspSymbolKind.String,
  signature: LspSymbolKind.Key,
};

export function toDocumentSymbol(symbol: DraftSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: toRange(symbol.span),
    selectionRange: toRange(symbol.selectionSpan),
    children: symbol.children.map(toDocumentSymbol),
  };
}
