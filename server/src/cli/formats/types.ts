import type { Finding } from '../../service';

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
export function oneBased(f: Finding): { line: number; column: number; endLine: number; endColumn: number } {
  return {
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}
