/** Footnote rules: references without footnotes, footnotes without references, numbering. */
import { count, grouped } from '../text/count';
import { capitalized, cellLabel } from './helpers';
import type { RuleDefinition } from './types';

export const footnoteUndefined: RuleDefinition = {
  id: 'footnote-undefined',
  group: 'Footnotes',
  defaultSeverity: 'error',
  summary: 'A reference to a footnote that the Explanation of Responses does not have.',
  description:
    'Every `(n)` in a cell or box must have its footnote in the Explanation of Responses. The quick fix appends a stub footnote `(n)` for you to write.',
  example: { draft: '| Common Stock | 08/06/2013 | | S (4) | …\n\nExplanation of Responses:\n(1) …', message: 'The code of Table I row 2 refers to footnote (4), but the Explanation of Responses has no footnote (4).' },
  source: 'model',
  check({ analysis, report }) {
    const { uses, footnotesById } = analysis.footnotes;
    for (const use of uses) {
      if (footnotesById.has(use.ref.id)) continue;
      report({
        span: use.ref.span,
        message: `${capitalized(use.row && use.column !== undefined ? cellLabel(use.row, use.column) : use.where)} refers to footnote (${use.ref.id}), but the Explanation of Responses has no footnote (${use.ref.id}).`,
        // Not preferred: fix-all must not turn a missing footnote into an empty one (footnote-empty).
        fixes: [{ title: `Add footnote (${use.ref.id}) to the Explanation of Responses`, preferred: false, changes: [{ kind: 'addFootnote', id: use.ref.id, text: '' }] }],
      });
    }
  },
};

export const footnoteUnused: RuleDefinition = {
  id: 'footnote-unused',
  group: 'Footnotes',
  defaultSeverity: 'error',
  severityNote: 'error, tagged unnecessary',
  summary: 'A footnote that nothing refers to (EDGAR suspends such a filing).',
  description:
    'EDGAR suspends a filing whose footnotes are not all referred to (Technical Specification §5). Either a reference was forgotten (add `(n)` to the cell it explains) or the footnote is left over. The quick fix removes it when that does not renumber the footnotes after it, and not when it is the only footnote that dates the plan of a checked Rule 10b5-1(c) box (10b5-1-adoption would follow): the message then says to refer to it.',
  example: { draft: 'Explanation of Responses:\n(1) …\n(2) The option is fully vested.', message: 'Nothing refers to footnote (2), and EDGAR suspends a filing with an unused footnote. Refer to it from a cell, or remove it.' },
  source: 'model',
  check({ filing, analysis, report }) {
    const { usesById } = analysis.footnotes;
    // With the 10b5-1 box checked, the footnotes that date the plan's adoption are what
    // 10b5-1-adoption asks for: removing the last of them would trade this error for that one.
    const planDates = filing.aff10b5One?.value === true ? filing.footnotes.filter((f) => analysis.facts(f).adoptionDate !== undefined) : [];
    for (const footnote of filing.footnotes) {
      if (usesById.has(footnote.id)) continue;
      const datesPlan = planDates.length === 1 && planDates[0] === footnote;
      report({
        span: footnote.span,
        message: datesPlan
          ? `Nothing refers to footnote (${footnote.id}), and EDGAR suspends a filing with an unused footnote. It dates the 10b5-1 plan: refer to it from the rows made under the plan.`
          : `Nothing refers to footnote (${footnote.id}), and EDGAR suspends a filing with an unused footnote. Refer to it from a cell, or remove it.`,
        unnecessary: !datesPlan,
        // The front end declines it where removing would renumber the footnotes after it.
        fixes: datesPlan ? [] : [{ title: `Remove footnote (${footnote.id})`, preferred: false, changes: [{ kind: 'removeFootnote', footnote }] }],
      });
    }
  },
};

export const footnoteEmpty: RuleDefinition = {
  id: 'footnote-empty',
  group: 'Footnotes',
  defaultSeverity: 'error',
  source: 'model',
  summary: 'A footnote with no text (a stub left to write).',
  description:
    'A footnote that says nothing explains nothing, and EDGAR rejects a footnote without text. The quick fix of footnote-undefined writes a stub `(n) ` for you to complete; this rule keeps it from being filed empty. Fix-all does not write such stubs: it would turn a missing footnote into an empty one.',
  example: { draft: 'Explanation of Responses:\n(1) The price is a weighted average.\n(2) ', message: 'Footnote (2) has no text. Write what it explains, or remove it with its references.' },
  check({ filing, report }) {
    for (const f of filing.footnotes) {
      if (f.text.trim() === '') report({ span: f.span, message: `Footnote (${f.id}) has no text. Write what it explains, or remove it with its references.` });
    }
  },
};

export const footnoteDuplicate: RuleDefinition = {
  id: 'footnote-duplicate',
  group: 'Footnotes',
  defaultSeverity: 'error',
  summary: 'Two footnotes with the same number, or one footnote referenced twice from the same cell.',
  description:
    'Footnote numbers identify footnotes (EDGAR\'s F1…F99): two footnotes numbered alike leave references ambiguous. A cell that refers to the same footnote twice (`(1)(1)`) is a typo.',
  example: { draft: '(1) The shares are held by a trust.\n(1) The option vests monthly.', message: 'Two footnotes are numbered (1). Give this one the next free number.' },
  source: 'model',
  check({ analysis, report }) {
    for (const [id, list] of analysis.footnotes.footnotesById) {
      const [first, ...others] = list;
      if (!first) continue;
      for (const other of others) {
        report({
          span: other.markerSpan,
          message: `Two footnotes are numbered (${id}). Give this one the next free number.`,
          related: [{ span: first.markerSpan, message: `The first footnote (${id})` }],
        });
      }
    }
    const done = new Set<object>();
    for (const { holder } of analysis.footnotes.uses) {
      if (holder.refs.length < 2 || done.has(holder)) continue;
      done.add(holder);
      // One finding per footnote repeated in the cell, at its second reference: a cell pasted
      // with a reference 350,000 times (seen in the fuzz) gets one finding, not 349,999.
      const seen = new Map<number, { first: (typeof holder.refs)[number]; second?: (typeof holder.refs)[number]; count: number }>();
      for (const ref of holder.refs) {
        const known = seen.get(ref.id);
        if (!known) seen.set(ref.id, { first: ref, count: 1 });
        else {
          known.count++;
          known.second ??= ref;
        }
      }
      for (const [id, { first, second, count }] of seen) {
        if (!second) continue;
        const message = count === 2
          ? `This cell refers to footnote (${id}) twice. Remove one of the references.`
          : `This cell refers to footnote (${id}) ${count.toLocaleString('en-US')} times. Keep one of the references.`;
        report({ span: second.span, message, related: [{ span: first.span, message: 'The first reference' }] });
      }
    }
  },
};

const FOOTNOTE_LIMIT = 1000;
const FOOTNOTE_COUNT = 99;
const REMARKS_LIMIT = 2000;

export const footnoteLimits: RuleDefinition = {
  id: 'footnote-limits',
  group: 'Footnotes',
  defaultSeverity: 'error',
  summary: 'A footnote over 1,000 characters, more than 99 footnotes, remarks over 2,000 characters.',
  description:
    'EDGAR\'s limits: a footnote holds at most 1,000 characters, a form at most 99 footnotes (F1…F99), and the remarks at most 2,000 characters. Split a long footnote in two, or move text to the remarks.',
  example: { draft: '(1) (1,200 characters of text)', message: 'Footnote (1) has 1,200 characters, and EDGAR accepts at most 1,000. Shorten it, or split it in two.' },
  source: 'model',
  check({ filing, report }) {
    for (const f of filing.footnotes) {
      if (f.text.length > FOOTNOTE_LIMIT) {
        report({ span: f.span, message: `Footnote (${f.id}) has ${grouped(f.text.length)} characters, and EDGAR accepts at most ${grouped(FOOTNOTE_LIMIT)}. Shorten it, or split it in two.` });
      }
    }
    const extra = filing.footnotes[FOOTNOTE_COUNT];
    if (extra) report({ span: extra.span, message: `The draft has ${count(filing.footnotes.length, 'footnote')}, and EDGAR accepts at most ${FOOTNOTE_COUNT}. Merge some, or move text to the remarks.` });
    for (const f of filing.footnotes) {
      if (f.id > FOOTNOTE_COUNT && f.numberSpan) report({ span: f.numberSpan, message: `Footnote numbers go from 1 to ${FOOTNOTE_COUNT} in EDGAR (F1 to F${FOOTNOTE_COUNT}). Renumber this footnote.` });
    }
    const remarks = filing.remarks;
    if (remarks && remarks.text.length > REMARKS_LIMIT) {
      report({ span: remarks.span, message: `The remarks have ${grouped(remarks.text.length)} characters, and EDGAR accepts at most ${grouped(REMARKS_LIMIT)}. Shorten them.` });
    }
  },
};

export const footnoteOrder: RuleDefinition = {
  id: 'footnote-order',
  group: 'Footnotes',
  defaultSeverity: 'information',
  summary: 'Footnotes not numbered in order of first reference.',
  description:
    'Readers expect footnote (1) to be the first one referred to, (2) the second, and so on through the form. A footnote first referred to after a higher-numbered one reads out of order; renaming footnote numbers (F2 in the editor) renumbers the references with them.',
  example: { draft: '| … | S (2) | … |\n| … | S (1) | … |', message: 'Footnote (1) is first referred to after footnote (2). Number footnotes in the order the draft first refers to them.' },
  source: 'model',
  check({ analysis, report }) {
    const firstUse = new Map<number, (typeof analysis.footnotes.uses)[number]>();
    for (const use of analysis.footnotes.uses) if (!firstUse.has(use.ref.id)) firstUse.set(use.ref.id, use);
    let highest: number | undefined;
    for (const [id, use] of firstUse) {
      if (highest !== undefined && id < highest) {
        report({ span: use.ref.span, message: `Footnote (${id}) is first referred to after footnote (${highest}). Number footnotes in the order the draft first refers to them.` });
      }
      highest = highest === undefined ? id : Math.max(highest, id);
    }
  },
};
