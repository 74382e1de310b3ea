/**
 * Shared pieces of the rule tests: the rows of a small correct filing (Wilson's option exercise
 * and same-day sale, 08/06/2013), and helpers to pick the one finding a test is about, to apply
 * a quick fix and to see which lines it changed.
 */
import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../../server/src/service/rules/types';
import { applyEdits } from '../../../server/src/service/text/edits';
import { type Found, rowI, rowII } from '../../support/drafts';

/** M: 10,000 acquired on exercise at $4.10, owned 65,500 after. */
export const EXERCISE_I = rowI('Common Stock', '08/06/2013', '', 'M', '', '10,000', 'A', '$4.10', '65,500', 'D', '');
/** S: the 10,000 sold at a weighted average (footnote 1), owned 55,500 after. */
export const SALE_I = rowI('Common Stock', '08/06/2013', '', 'S', '', '10,000', 'D', '$18.3654 (1)', '55,500', 'D', '');
/** The Table II half of the exercise: 10,000 options disposed of. */
export const EXERCISE_II = rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '10,000', '11/05/2010', '11/05/2020', 'Common Stock', '10,000', '$0', '140,591', 'D', '');

export const WEIGHTED_AVERAGE_FOOTNOTE =
  '(1) The price reported is the weighted average sale price of the shares sold, ranging from $18.00 to $18.81 per share. Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the Reporting Person will provide full information regarding the number of shares sold at each separate price.';

/** The parts of the correct Wilson filing: no finding at all. */
export const WILSON = {
  tableI: [EXERCISE_I, SALE_I],
  tableII: [EXERCISE_II],
  footnotes: [WEIGHTED_AVERAGE_FOOTNOTE],
} as const;

/** The single finding of `rule` among `found`; fails when there is none or several. */
export function one(found: readonly Found[], rule: string): Found {
  const matching = found.filter((f) => f.rule === rule);
  assert.equal(matching.length, 1, `expected one ${rule} finding, got ${matching.length}: ${JSON.stringify(found, null, 1)}`);
  return matching[0] as Found;
}

/** Asserts that `rule` reports nothing. */
export function none(found: readonly Found[], rule: string): void {
  const matching = found.filter((f) => f.rule === rule);
  assert.deepEqual(matching, [], `expected no ${rule} finding`);
}

/** Asserts that there is no error or warning at all (information and hints may remain). */
export function noErrorOrWarning(found: readonly Found[]): void {
  assert.deepEqual(found.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
}

/** The single fix of a finding with the given title prefix (or the only fix). */
export function fixOf(finding: Finding, titleStart?: string): Fix {
  const fixes = titleStart === undefined ? finding.fixes : finding.fixes.filter((f) => f.title.startsWith(titleStart));
  assert.equal(fixes.length, 1, `expected one fix${titleStart ? ` "${titleStart}…"` : ''}, got ${finding.fixes.map((f) => f.title).join(' / ') || 'none'}`);
  return fixes[0] as Fix;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/**
 * The lines an edit changed: the old lines it replaced and the new lines it wrote, found by
 * trimming the common first and last lines.
 */
export function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

/**
 * 1-based column where cell `index` (0-based) of the first line containing `lineNeedle`
 * starts: just after its opening `|`. Blank cells are reported over their whole width.
 */
export function cellColumn(text: string, lineNeedle: string, index: number): number {
  const line = text.split('\n').find((l) => l.includes(lineNeedle));
  assert.ok(line !== undefined, `no line contains ${lineNeedle}`);
  let at = -1;
  for (let i = 0; i <= index; i++) {
    at = line.indexOf('|', at + 1);
    assert.notEqual(at, -1, `line has no cell ${index}`);
  }
  return at + 2;
}
