/**
 * Quick fixes and fix-all. A quick fix is a finding's own fix (the rules make them); fix-all
 * applies every preferred fix, re-checks and repeats, because one fix can change what the next
 * should be (setting an amount owned changes the expected figure of the row after it).
 */
import { checkDraft } from '../check';
import type { RuleSeverities } from '../config/settings';
import { parseDraft } from '../parse/parser';
import type { Finding, TextEdit } from '../rules/types';
import { applyEdits, diffAsEdit, editsOverlap } from '../text/edits';
import { type Range, rangesOverlap } from '../text/range';

export interface QuickFix {
  readonly title: string;
  readonly finding: Finding;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

/** The fixes of the findings that touch `range`. */
export function quickFixes(findings: readonly Finding[], range: Range): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const finding of findings) {
    if (!rangesOverlap(finding.range, range)) continue;
    for (const fix of finding.fixes) fixes.push({ title: fix.title, finding, edits: fix.edits, preferred: fix.preferred });
  }
  return fixes;
}

const MAX_PASSES = 10;

/**
 * Applies all preferred fixes until none is left (at most ten passes) and returns the change
 * as edits against `text`, with the number of fixes applied.
 */
export function fixAll(text: string, rules?: RuleSeverities): { edits: TextEdit[]; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const findings = checkDraft(parseDraft(current), { rules }).findings;
    const chosen: TextEdit[][] = [];
    const taken: TextEdit[] = [];
    const seen = new Set<string>();
    for (const finding of findings) {
      const fix = finding.fixes.find((f) => f.preferred);
      if (!fix) continue;
      const key = JSON.stringify(fix.edits);
      if (seen.has(key)) continue; // the same footnote stub for two references to it
      if (fix.edits.some((e) => taken.some((t) => editsOverlap(e, t)))) continue;
      seen.add(key);
      chosen.push([...fix.edits]);
      taken.push(...fix.edits);
    }
    if (chosen.length === 0) break;
    current = applyEdits(current, taken);
    applied += chosen.length;
  }
  const edit = diffAsEdit(text, current);
  return { edits: edit ? [edit] : [], applied };
}
