/**
 * Test support: short drafts in, exact findings out. Lines and columns here are 1-based, as a
 * person reads them in an editor's status bar and as the CLI prints them.
 */
import { checkDraft } from '../../server/src/service/check';
import type { RuleSeverities } from '../../server/src/service/config/settings';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import type { Finding } from '../../server/src/service/rules/types';
import type { Span } from '../../server/src/service/text/position';
import { toRange } from '../../server/src/service/text/range';

export interface Found {
  readonly rule: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
}

export function toFound(f: Finding): Found {
  const range = toRange(f.span);
  return {
    rule: f.rule,
    severity: f.severity,
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
    message: f.message,
  };
}

/** Every finding of a draft, with 1-based positions. */
export function check(text: string, rules?: RuleSeverities): Found[] {
  const result = checkDraft(parseDraft(text), { rules });
  if (result.failures.length > 0) {
    throw new Error(`rules failed: ${result.failures.map((f) => `${f.rule}: ${String(f.error)}`).join('; ')}`);
  }
  return result.findings.map(toFound);
}

/** The findings of one rule. */
export function findingsOf(text: string, rule: string): Found[] {
  return check(text).filter((f) => f.rule === rule);
}

/** The raw findings (with fixes and related locations) of one rule. */
export function rawFindingsOf(text: string, rule: string): Finding[] {
  return checkDraft(parseDraft(text)).findings.filter((f) => f.rule === rule);
}

/** 1-based line number of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split(/\r?\n/).findIndex((l) => l.includes(needle));
  if (index === -1) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

/** 1-based column of `needle` in the first line containing it (or containing `lineNeedle`). */
export function columnOf(text: string, needle: string, lineNeedle: string = needle): number {
  const line = text.split(/\r?\n/)[lineOf(text, lineNeedle) - 1] ?? '';
  const index = line.indexOf(needle);
  if (index === -1) throw new Error(`line has no ${JSON.stringify(needle)}`);
  return index + 1;
}

export const TABLE_I_HEADER = [
  'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  '',
  '| Title | Date | Deemed | Code | V | Amount | (A) or (D) | Price | Owned After | D/I | Nature |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];

export const TABLE_II_HEADER = [
  'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  '',
  '| Title | Exercise Price | Date | Deemed | Code | V | (A) | (D) | Date Exercisable | Expiration Date | Underlying Title | Underlying Amount | Price | Owned After | D/I | Nature |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];

export interface DraftParts {
  /** Header lines; the default is a complete, correct header with box 3 = 08/06/2013. */
  readonly header?: readonly string[];
  readonly tableI?: readonly string[];
  readonly tableII?: readonly string[];
  readonly footnotes?: readonly string[];
  readonly remarks?: string;
  /** Signature lines; the default signs on 08/07/2013. */
  readonly signature?: readonly string[];
}

export const DEFAULT_HEADER = [
  '1. Name and Address of Reporting Person: Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
  '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
  '3. Date of Earliest Transaction: 08/06/2013',
  '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
  '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
];

export const DEFAULT_SIGNATURE = ['/s/ John N. Wilson', '', '08/07/2013'];

/**
 * Assembles a draft from its parts. With no parts it is a complete draft with no finding:
 * tests change one thing and assert the one finding that change makes.
 */
export function draft(parts: DraftParts = {}): string {
  const lines: string[] = ['FORM 4', ''];
  lines.push(...(parts.header ?? DEFAULT_HEADER), '');
  if (parts.tableI) lines.push(...TABLE_I_HEADER, ...parts.tableI, '');
  if (parts.tableII) lines.push(...TABLE_II_HEADER, ...parts.tableII, '');
  if (parts.footnotes) lines.push('Explanation of Responses:', '', ...parts.footnotes, '');
  if (parts.remarks !== undefined) lines.push(`Remarks: ${parts.remarks}`, '');
  lines.push(...(parts.signature ?? DEFAULT_SIGNATURE), '');
  return lines.join('\n');
}

/** A Table I row from its 11 cells. */
export function rowI(...cells: string[]): string {
  if (cells.length !== 11) throw new Error(`rowI takes 11 cells, got ${cells.length}`);
  return `| ${cells.join(' | ')} |`;
}

/** A Table II row from its 16 cells. */
export function rowII(...cells: string[]): string {
  if (cells.length !== 16) throw new Error(`rowII takes 16 cells, got ${cells.length}`);
  return `| ${cells.join(' | ')} |`;
}

/** The 1-based line of a span, 0 when there is none: for assertions on related locations. */
export function line1(span: Span | undefined): number {
  return span === undefined ? 0 : toRange(span).start.line + 1;
}
