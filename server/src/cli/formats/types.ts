import { type Finding, type RelatedLocation, type Span, toRange } from '../../service';

export interface FileResult {
  /** The path as the user gave it or as found under a folder given. */
  readonly file: string;
  readonly findings: readonly Finding[];
}

export interface FormatOptions {
  readonly color: boolean;
  readonly version: string;
  /** The current folder, for SARIF's relative URIs. */
  readonly cwd: string;
}

/** 1-based positions, as people and CI tools count. */
export function oneBased(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
  const range = toRange(span);
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/**
 * A finding's related locations in other files (an earlier filing of the history), which every
 * format prints: the editor shows them, and a reader of the command line's output must be able
 * to find the figure the finding compares with.
 */
export function elsewhere(finding: Finding): (RelatedLocation & { readonly uri: string })[] {
  return finding.related.filter((r): r is RelatedLocation & { readonly uri: string } => r.uri !== undefined);
}
