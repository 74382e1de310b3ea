/**
 * Changes to the model, as text edits of an ownership XML document: a value rewritten inside
 * its element, a footnote element added to `<footnotes>` or removed, the Rule 10b5-1(c) flag
 * added after the last reporting owner. A change the document cannot take without building
 * elements that are not there (a value into an absent element) gives no edits: the fix is not
 * offered.
 */
import { formatIsoDate } from '../../model/calendarDate';
import type { Change } from '../../model/changes';
import type { Decimal } from '../../model/decimal';
import type { Field } from '../../model/filing';
import type { TextEdit } from '../../rules/types';
import { positionIn } from '../../text/edits';
import type { ParsedXml } from './reader';
import { childNamed, type XmlElement } from './xmlTree';

export function xmlEdits(doc: ParsedXml, changes: readonly Change[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const change of changes) {
    const made = xmlEdit(doc, change);
    if (!made) return undefined;
    edits.push(...made);
  }
  return edits;
}

/** A decimal as EDGAR's XML writes it: digits and a period. */
export function plainDecimal(value: Decimal): string {
  return value.toFixed();
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

function xmlEdit(doc: ParsedXml, change: Change): readonly TextEdit[] | undefined {
  switch (change.kind) {
    case 'setAmount':
      return setValue(change.field, plainDecimal(change.amount));
    case 'setDate':
      return setValue(change.field, formatIsoDate(change.date));
    case 'flipDirection': {
      const direction = change.row.acquiredDisposed.value;
      return direction ? setValue(change.row.acquiredDisposed, direction === 'A' ? 'D' : 'A') : undefined;
    }
    case 'addFootnote':
      return addFootnote(doc, change.id, change.text);
    case 'removeFootnote':
      return [removeElement(doc, change.footnote.span.start, change.footnote.span.end)];
    case 'addAff10b5One':
      return addAfterOwners(doc, `<aff10b5One>${change.checked ? 1 : 0}</aff10b5One>`);
    case 'addPeriodOfReport':
      // periodOfReport is required: a document without it has a schema finding of its own.
      return undefined;
  }
}

/** Rewrites a value that is there; an absent or empty one would need elements built. */
function setValue(field: Field<unknown>, text: string): TextEdit[] | undefined {
  if (field.text === '') return undefined;
  return [{ span: field.valueSpan, newText: text }];
}

/** The indentation of the line an offset stands on, and the document's line break. */
function layout(doc: ParsedXml, offset: number): { indent: string; eol: string } {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, offset))?.[0] ?? '';
  return { indent, eol: doc.text.includes('\r\n') ? '\r\n' : '\n' };
}

function insertAt(doc: ParsedXml, offset: number, text: string): TextEdit {
  const p = positionIn(doc.lines, offset);
  return { span: { start: p, end: p }, newText: text };
}

function addFootnote(doc: ParsedXml, id: number, text: string): TextEdit[] | undefined {
  const root = doc.document;
  if (!root) return undefined;
  const footnote = `<footnote id="F${id}">${escapeXml(text)}</footnote>`;
  const footnotes = childNamed(root, 'footnotes');
  if (footnotes) {
    const last = footnotes.children[footnotes.children.length - 1];
    if (last) {
      const { indent, eol } = layout(doc, last.start);
      return [insertAt(doc, last.end, `${eol}${indent}${footnote}`)];
    }
    if (footnotes.selfClosing) return undefined;
    return [insertAt(doc, footnotes.startTagEnd, footnote)];
  }
  // No <footnotes>: one, where the schema places it (before remarks and signatures).
  const before = childNamed(root, 'remarks') ?? childNamed(root, 'ownerSignature');
  if (!before) return undefined;
  const { indent, eol } = layout(doc, before.start);
  return [insertAt(doc, before.start, `<footnotes>${eol}${indent}    ${footnote}${eol}${indent}</footnotes>${eol}${indent}`)];
}

function addAfterOwners(doc: ParsedXml, element: string): TextEdit[] | undefined {
  const root = doc.document;
  if (!root) return undefined;
  const owners = root.children.filter((c: XmlElement) => c.localName === 'reportingOwner');
  const last = owners[owners.length - 1];
  if (!last) return undefined;
  const { indent, eol } = layout(doc, last.start);
  return [insertAt(doc, last.end, `${eol}${indent}${element}`)];
}

/** Removes an element, with its line when it stands alone on it. */
function removeElement(doc: ParsedXml, startPos: number, endPos: number): TextEdit {
  return { span: { start: startPos, end: endPos }, newText: '' };
}
