/**
 * The findings of a check, looked up by the span of what the page shows. A cell is marked when a
 * finding touches it: their spans overlap, or an empty finding (a place to type) lies inside it.
 * Findings are indexed by line so that a page of 10,000 rows does not compare every cell with
 * every finding.
 */
import type { Finding, Severity } from '../rules/types';
import { lineOf, type Span } from '../text/position';
import { escapeHtml } from './html';
import { spanAttribute } from './spans';

const NONE: Finding[] = [];
const NO_CLASSES: readonly string[] = [];

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };

export class Marks {
  private readonly byLine = new Map<number, Finding[]>();
  private readonly shown = new Set<Finding>();

  constructor(private readonly findings: readonly Finding[]) {
    for (const finding of findings) {
      const last = lineOf(finding.span.end);
      for (let line = lineOf(finding.span.start); line <= last; line++) {
        const list = this.byLine.get(line);
        if (list) list.push(finding);
        else this.byLine.set(line, [finding]);
      }
    }
  }

  /** The findings touching `span`, most severe first, in source order within a severity. */
  touching(span: Span): Finding[] {
    if (this.byLine.size === 0) return NONE;
    let found: Set<Finding> | undefined;
    const last = lineOf(span.end);
    for (let line = lineOf(span.start); line <= last; line++) {
      const onLine = this.byLine.get(line);
      if (onLine === undefined) continue;
      for (const finding of onLine) if (touches(finding.span, span)) (found ??= new Set()).add(finding);
    }
    if (found === undefined) return NONE;
    const list = [...found].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.span.start - b.span.start);
    for (const finding of list) this.shown.add(finding);
    return list;
  }

  /**
   * The attributes of an element showing what lies at `span`: `data-span`, and for findings the
   * classes `finding finding-<severity>` (the most severe) and a title with every message.
   * `classes` are the element's own classes. `reveal` is what `data-span` points at, when it is
   * less than `span`: a field's value rather than its whole cell or box line.
   */
  attributes(span: Span, classes: readonly string[] = NO_CLASSES, reveal: Span = span): string {
    const found = this.touching(span);
    const all = found.length > 0 ? [...classes, 'finding', `finding-${found[0]!.severity}`] : classes;
    let out = ` data-span="${spanAttribute(reveal)}"`;
    if (all.length > 0) out += ` class="${all.join(' ')}"`;
    if (found.length > 0) out += ` title="${escapeHtml(found.map(describe).join('\n'))}"`;
    return out;
  }

  /** The findings no element of the page showed, in source order (call after rendering everything else). */
  unshown(): Finding[] {
    return this.findings.filter((f) => !this.shown.has(f));
  }
}

/** `error form4/holdings-chain: …`, as a cell's title and the list of other findings say it. */
export function describe(finding: Finding): string {
  return `${finding.severity} ${finding.rule}: ${finding.message}`;
}

function touches(finding: Span, cell: Span): boolean {
  if (finding.start === finding.end) {
    return cell.start === cell.end ? finding.start === cell.start : cell.start <= finding.start && finding.start < cell.end;
  }
  if (cell.start === cell.end) return finding.start <= cell.start && cell.start < finding.end;
  return finding.start < cell.end && cell.start < finding.end;
}
