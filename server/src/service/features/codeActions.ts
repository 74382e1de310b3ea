/**
 * Quick fixes and fix-all. A quick fix is a finding's own fix (the rules say what to change, the
 * front end writes it); fix-all applies every preferred fix, re-checks and repeats, because one
 * fix can change what the next should be.
 */
import { checkDocument } from '../check';
import type { RuleSeverities } from '../config/settings';
import { parseSource } from '../document';
import type { Finding, TextEdit } from '../rules/types';
import { applyEdits, diffAsEdit, editsOverlap } from '../text/edits';
import { type Span, spansOverlap } from '../text/position';

export interface QuickFix {
  readonly title: string;
  readonly finding: Finding;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

/** A key that is the same for two fixes making the same edits. */
function editsKey(edits: readonly TextEdit[]): string {
  return edits.map((e) => `${e.span.start}:${e.span.end}:${e.newText}`).sort().join('\u0000');
}

/**
 * The fixes of the findings that touch `span`. Two rules may propose the very same edit (a sale
 * coded A is both a code-direction and a holdings finding, and each offers to flip (A)/(D)):
 * each distinct edit is offered once, preferred if either proposal was.
 */
export function quickFixes(findings: readonly Finding[], span: Span): QuickFix[] {
  const fixes: QuickFix[] = [];
  const byKey = new Map<string, number>();
  for (const finding of findings) {
    if (!spansOverlap(finding.span, span)) continue;
    for (const fix of finding.fixes) {
      const key = editsKey(fix.edits);
      const seen = byKey.get(key);
      if (seen !== undefined) {
        const earlier = fixes[seen];
        if (earlier && fix.preferred && !earlier.preferred) fixes[seen] = { ...earlier, preferred: true };
        continue;
      }
      byKey.set(key, fixes.length);
      fixes.push({ title: fix.title, finding, edits: fix.edits, preferred: fix.preferred });
    }
  }
  return fixes;
}

const MAX_PASSES = 10;

/**
 * Applies all preferred fixes until none is left (at most ten passes) and returns the change
 * as edits against `text`, with the number of fixes applied and of the passes that applied
 * some (the property tests hold fix-all to one or two).
 */
export function fixAll(text: string, rules?: RuleSeverities, kind: 'draft' | 'xml' = 'draft'): { edits: TextEdit[]; applied: number; passes: number } {
  let current = text;
  let applied = 0;
  let passes = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = checkDocument(parseSource(kind, current), { rules }).findings;
    const taken: TextEdit[] = [];
    const seen = new Set<string>();
    let chosen = 0;
    for (const finding of findings) {
      const fix = finding.fixes.find((f) => f.preferred);
      if (!fix) continue;
      const key = editsKey(fix.edits);
      if (seen.has(key)) continue; // the same edit proposed for two findings
      if (fix.edits.some((e) => taken.some((t) => editsOverlap(e, t)))) continue;
      seen.add(key);
      taken.push(...fix.edits);
      chosen++;
    }
    if (chosen === 0) break;
    current = applyEdits(current, taken);
    applied += chosen;
    passes++;
  }
  const edit = diffAsEdit(text, current);
  return { edits: edit ? [edit] : [], applied, passes };
}
