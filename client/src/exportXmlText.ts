/**
 * What the "Form 4: Export EDGAR XML" command says and proposes, decided without `vscode` so that
 * node:test can check it: the name of the XML beside a draft, and the modal message that lists
 * what stands in the way of filing it.
 */
import type { ExportXmlItem } from '../../server/src/lsp/protocol';

/** Items listed in the modal message; the rest are counted ("…and 4 more"). */
export const LISTED = 5;

/** `wilson.form4` and `wilson.form4.md` are exported as `wilson.xml`; an untitled draft as `form4.xml`. */
export function xmlFileName(draftName: string): string {
  const base = draftName.replace(/\.form4(?:\.md)?$/i, '').replace(/\.md$/i, '');
  return `${base === '' || /^untitled-\d+$/i.test(base) ? 'form4' : base}.xml`;
}

/** Errors and problems together, in the order of the draft. */
export function blockers(result: { readonly errors: readonly ExportXmlItem[]; readonly problems: readonly ExportXmlItem[] }): ExportXmlItem[] {
  return [...result.errors, ...result.problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The modal message for a draft that EDGAR would refuse: a sentence, and the first few items by line. */
export function refusalMessage(draftName: string, items: readonly ExportXmlItem[]): { message: string; detail: string } {
  const count = items.length;
  const message = `${draftName} has ${count} ${count === 1 ? 'problem' : 'problems'} that EDGAR would refuse. Export it anyway?`;
  const lines = items.slice(0, LISTED).map((i) => `Line ${i.range.start.line + 1}: ${i.message}${i.rule === 'export' ? '' : ` (${i.rule})`}`);
  if (count > LISTED) lines.push(`…and ${count - LISTED} more.`);
  return { message, detail: lines.join('\n') };
}
