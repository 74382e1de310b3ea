/**
 * The import: an EDGAR ownership document (a bare XML file, or an EDGAR full-submission `.txt`
 * holding one) written as a draft that holds every fact of the filing, with a note for each fact
 * a draft does not carry. `form4 import` and the editor's "Open EDGAR XML as Draft" both call it.
 *
 * Besides the notes of `writeDraft` (facts of the model a draft cannot show), this notes what
 * the XML holds and a draft does not: EDGAR's own elements (schemaVersion, rptOwnerCcc,
 * rptOwnerStateDescription, rptOwnerGoodAddress), a transactionFormType that the timeliness does
 * not imply, a footnote reference where no field reads it, and XML that is not well formed.
 */
import { buildFootnoteIndex } from '../analysis/footnoteIndex';
import { parseOwnershipXml, type ParsedXml } from '../parse/xml/reader';
import { quoted, sentence } from '../text/sentence';
import { childNamed, childrenNamed, type XmlElement } from '../parse/xml/xmlTree';
import { positionIn } from '../text/edits';
import type { Span } from '../text/position';
import { type DraftNote, writeDraft } from './writeDraft';

export interface ImportedDraft {
  readonly kind: 'draft';
  /** The draft's text. */
  readonly draft: string;
  /** Each fact the draft does not carry, in the order of the filing. */
  readonly notes: readonly DraftNote[];
  /** The XML as read (its filing is what the draft was written from). */
  readonly source: ParsedXml;
}

export interface RefusedImport {
  readonly kind: 'refused';
  /** Why, in one line: the text holds no Form 4 ownership document. */
  readonly reason: string;
}

/** Reads `text` as EDGAR ownership XML and writes it as a draft, or says why it cannot. */
export function importOwnershipXml(text: string | ParsedXml): ImportedDraft | RefusedImport {
  const source = typeof text === 'string' ? parseOwnershipXml(text) : text;
  const reason = refusal(source);
  if (reason) return { kind: 'refused', reason };
  const notes: DraftNote[] = [];
  const malformed = source.problems.filter((p) => p.rule === 'xml-malformed');
  const first = malformed[0];
  if (first) {
    notes.push({
      // The first problem says how the XML is not well formed; the XML's check lists every one.
      message: `${sentence(first.message)} The draft holds what could be read.`,
      span: first.span,
    });
  }
  const draft = writeDraft(source.filing, { onNote: (n) => notes.push(n) });
  notes.push(...xmlOnlyNotes(source));
  notes.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  return { kind: 'draft', draft, notes, source };
}

function refusal(source: ParsedXml): string | undefined {
  const root = source.tree.root;
  if (!source.document) {
    return root ? `it holds <${root.name}>, not an EDGAR ownership document (<ownershipDocument>)` : 'it holds no EDGAR ownership document (<ownershipDocument>)';
  }
  const type = childNamed(source.document, 'documentType')?.text.trim();
  if (type !== undefined && type !== '4' && type !== '4/A') return `it is a Form ${type === '' ? '(no documentType)' : type} ownership document; the import reads Form 4 and 4/A`;
  return undefined;
}

/** What the model does not read from the XML, as notes. */
function xmlOnlyNotes(source: ParsedXml): DraftNote[] {
  const doc = source.document as XmlElement;
  const notes: DraftNote[] = [];
  const at = (e: XmlElement): Span => ({ start: positionIn(source.lines, e.start), end: positionIn(source.lines, e.end) });
  const version = childNamed(doc, 'schemaVersion');
  if (version && version.text.trim() !== '') {
    notes.push({ message: `The schema version (schemaVersion ${quoted(version.text.trim(), 12)}) is not carried. EDGAR sets it, and an export writes the version it follows.`, span: at(version) });
  }
  childrenNamed(doc, 'reportingOwner').forEach((owner, i) => {
    const n = i + 1;
    const ccc = childNamed(childNamed(owner, 'reportingOwnerId') ?? owner, 'rptOwnerCcc');
    if (ccc && ccc.text.trim() !== '') {
      notes.push({ message: `The EDGAR access code of reporting owner ${n} (rptOwnerCcc) is not carried. A draft does not keep a filer's access code.`, span: at(ccc) });
    }
    const address = childNamed(owner, 'reportingOwnerAddress');
    const description = address ? childNamed(address, 'rptOwnerStateDescription') : undefined;
    if (description && description.text.trim() !== '') {
      notes.push({ message: `The state description "${description.text.trim()}" of reporting owner ${n} (rptOwnerStateDescription) is not carried. EDGAR writes it for display.`, span: at(description) });
    }
    const good = address ? childNamed(address, 'rptOwnerGoodAddress') : undefined;
    if (good) notes.push({ message: `The good-address mark of reporting owner ${n} (rptOwnerGoodAddress) is not carried. It is EDGAR's own mark.`, span: at(good) });
  });
  for (const [tableName, rowNames] of [['nonDerivativeTable', ['nonDerivativeTransaction']], ['derivativeTable', ['derivativeTransaction']]] as const) {
    const table = childNamed(doc, tableName);
    if (!table) continue;
    let ordinal = 0;
    for (const row of table.children) {
      if (row.localName === rowNames[0] || row.localName.endsWith('Holding')) ordinal++;
      if (row.localName !== rowNames[0]) continue;
      const formType = childNamed(childNamed(row, 'transactionCoding') ?? row, 'transactionFormType');
      const timeliness = childNamed(row, 'transactionTimeliness');
      const early = (timeliness ? (childNamed(timeliness, 'value') ?? timeliness).text.trim() : '') ;
      const type = formType?.text.trim();
      const where = `Table ${tableName === 'nonDerivativeTable' ? 'I' : 'II'} row ${ordinal}`;
      if (formType && type === '5' && early === 'L') {
        notes.push({ message: `${where} gives form type 5 with timeliness L, which is not carried. The draft's V column says V (form type 5, early) or L (late), not both.`, span: at(formType) });
      } else if (formType && type === '4' && early === 'E') {
        notes.push({ message: `${where} gives form type 4 with timeliness E (early). The draft writes it as V, which means form type 5.`, span: at(formType) });
      }
    }
  }
  notes.push(...strayFootnoteIds(source, at));
  return notes;
}

/** `<footnoteId/>` elements that no field of the filing reads (they stand where the schema has none). */
function strayFootnoteIds(source: ParsedXml, at: (e: XmlElement) => Span): DraftNote[] {
  const read = new Set<number>();
  for (const use of buildFootnoteIndex(source.filing).uses) read.add(use.ref.span.start);
  // Table II's (A)/(D) code is no column of its own, so the index does not list its references;
  // the draft writes them in the amount's cell (writeDraft notes it).
  for (const row of source.filing.derivativeTable?.rows ?? []) for (const ref of row.acquiredDisposed.refs) read.add(ref.span.start);
  const notes: DraftNote[] = [];
  const stack: { element: XmlElement; parent: XmlElement | undefined }[] = [{ element: source.document as XmlElement, parent: undefined }];
  while (stack.length > 0) {
    const { element, parent } = stack.pop() as { element: XmlElement; parent: XmlElement | undefined };
    if (element.localName === 'footnoteId') {
      const span = at(element);
      if (!read.has(span.start)) {
        const id = element.attributes.find((a) => a.name === 'id')?.value ?? '';
        notes.push({ message: `The footnote reference ${id === '' ? '' : `${id} `}in <${parent?.localName ?? '?'}> is not carried, because no column of the form stands for that element.`, span });
      }
      continue;
    }
    for (const child of element.children) stack.push({ element: child, parent: element });
  }
  return notes;
}
