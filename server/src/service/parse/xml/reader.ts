/**
 * The XML front end: an EDGAR ownership document (`ownershipDocument`, a bare XML file or the
 * XML inside an EDGAR full-submission `.txt`) read into the same `Filing` the draft reader
 * builds, so that every rule runs on it. Each value keeps the span of its `<value>` (or of the
 * element that carries it), each field the span of its element; an absent element is placed at
 * its parent's start tag. What only the XML can get wrong (its structure, the lexical form of
 * its values, its footnote ids, its lengths) is reported here under the `xml-*` rules.
 */
import { type CalendarDate } from '../../model/calendarDate';
import { codeInfo, type Direction } from '../../model/codes';
import type { Decimal } from '../../model/decimal';
import { type SourceField, sourceField } from '../../model/field';
import type {
  Address,
  DerivativeRow,
  Field,
  Filing,
  Footnote,
  FootnoteRef,
  FormType,
  Issuer,
  NonDerivativeRow,
  OwnershipForm,
  Quantity,
  Relationship,
  Remarks,
  ReportingOwner,
  Signature,
  Table,
  Timeliness,
  TransactionCoding,
} from '../../model/filing';
import { FORM_TYPES } from '../../model/filing';
import type { SyntaxProblem } from '../../rules/types';
import { collapseSpaces } from '../../text/cleanText';
import { type SourceLine, splitLines } from '../../text/lines';
import { positionIn } from '../../text/edits';
import type { Span } from '../../text/position';
import { contentModel, matchContent } from './schema';
import { findOwnershipXml } from './submission';
import { readXmlBoolean, readXmlDate, readXmlDecimal, type XmlReading } from './values';
import { childNamed, childrenNamed, readXmlTree, type XmlElement, type XmlTree } from './xmlTree';
import { checkXmlLimits } from './limits';

/** An ownership document read: the model, the XML tree, and what only XML can get wrong. */
export interface ParsedXml {
  readonly kind: 'xml';
  readonly text: string;
  readonly lines: readonly SourceLine[];
  /** Where the XML lies in the text: all of it, or the part between `<XML>` and `</XML>`. */
  readonly xmlStart: number;
  readonly xmlEnd: number;
  readonly tree: XmlTree;
  /** The `ownershipDocument` element, when the root is one. */
  readonly document: XmlElement | undefined;
  readonly filing: Filing;
  /**
   * The documentType, when it is one of EDGAR's ownership forms. A Form 3 or 5 (or an amendment)
   * is read for its holdings only, for the filing history: its Form 4 checks are not run, and
   * its one problem is the xml-root information saying so.
   */
  readonly formType: FormType | undefined;
  readonly problems: readonly SyntaxProblem[];
  /** The element each field was read from, for edits and hovers. */
  readonly elementOf: ReadonlyMap<Field<unknown>, XmlElement>;
}

/** Reads an ownership XML document or an EDGAR submission holding one. Total: never throws. */
export function parseOwnershipXml(text: string): ParsedXml {
  return new XmlReader(text).read();
}

const NO_REFS: readonly FootnoteRef[] = [];

class XmlReader {
  private readonly lines: SourceLine[];
  private readonly problems: SyntaxProblem[] = [];
  private readonly elementOf = new Map<Field<unknown>, XmlElement>();

  constructor(private readonly source: string) {
    this.lines = splitLines(source);
  }

  read(): ParsedXml {
    const found = findOwnershipXml(this.source);
    const xmlStart = found?.start ?? 0;
    const xmlEnd = found?.end ?? this.source.length;
    const tree = readXmlTree(this.source, xmlStart, xmlEnd);
    for (const p of tree.problems) this.report('xml-malformed', p.start, p.end, p.message);
    const root = tree.root;
    let document: XmlElement | undefined;
    const typeText = root?.localName === 'ownershipDocument' ? (childNamed(root, 'documentType')?.text.trim() ?? '') : '';
    const formType = FORM_TYPES.find((t) => t === typeText);
    const historyOnly = formType !== undefined && formType !== '4' && formType !== '4/A';
    if (!root) {
      this.report('xml-root', xmlStart, xmlStart, 'The file holds no XML element: an EDGAR ownership document starts with <ownershipDocument>');
    } else if (root.localName !== 'ownershipDocument') {
      this.report('xml-root', root.start, root.startTagEnd, `The root element is <${root.name}>: an EDGAR ownership document (Form 4) is an <ownershipDocument>`);
    } else {
      document = root;
      // A Form 3 or 5 follows schemas of its own (X0206, X0306): it is not checked against
      // Form 4's, nor its values as a Form 4's; it is read for the history only.
      if (!historyOnly) this.checkStructure(root);
    }
    const filing = this.filing(document, xmlStart, xmlEnd);
    if (historyOnly) return this.historyOnly(formType, { xmlStart, xmlEnd, tree, document, filing });
    checkXmlLimits(filing, document, (rule, span, message) => this.problems.push({ rule, span, message }), this.elementOf);
    this.problems.sort((a, b) => a.span.start - b.span.start);
    return { kind: 'xml', text: this.source, lines: this.lines, xmlStart, xmlEnd, tree, document, filing, formType, problems: this.problems, elementOf: this.elementOf };
  }

  /**
   * A Form 3 or 5: the model as read (its holdings and transactions, for the history), the XML's
   * well-formedness problems, and one xml-root information that says why nothing else is checked.
   */
  private historyOnly(
    formType: FormType,
    read: Pick<ParsedXml, 'xmlStart' | 'xmlEnd' | 'tree' | 'document' | 'filing'>,
  ): ParsedXml {
    const problems = this.problems.filter((p) => p.rule === 'xml-malformed');
    const documentType = read.document ? childNamed(read.document, 'documentType') : undefined;
    if (documentType) {
      problems.push({
        rule: 'xml-root',
        severity: 'information',
        span: this.span(documentType.start, documentType.end),
        message: `This is a Form ${formType}: it is read for its holdings, as a filing of the reporting person's history, and not checked as a Form 4`,
      });
    }
    problems.sort((a, b) => a.span.start - b.span.start);
    return { kind: 'xml', text: this.source, lines: this.lines, ...read, formType, problems, elementOf: this.elementOf };
  }

  // ---- positions and problems --------------------------------------------------------------

  private pos(offset: number): number {
    return positionIn(this.lines, offset);
  }

  private span(start: number, end: number): Span {
    return { start: this.pos(start), end: this.pos(end) };
  }

  private report(rule: string, start: number, end: number, message: string): void {
    this.problems.push({ rule, span: this.span(start, end), message });
  }

  private reportAt(rule: string, element: XmlElement, message: string): void {
    this.report(rule, element.start, element.startTagEnd, message);
  }

  // ---- the schema's structure -----------------------------------------------------------------

  /** Every element against its content model, without recursion (a deep document is read with a stack). */
  private checkStructure(root: XmlElement): void {
    const stack: { element: XmlElement; parent: string | undefined }[] = [{ element: root, parent: undefined }];
    while (stack.length > 0) {
      const { element, parent } = stack.pop() as { element: XmlElement; parent: string | undefined };
      const model = contentModel(parent, element.localName);
      if (model) {
        const children = element.children.map((c) => c.localName);
        for (const issue of matchContent(element.localName, model, children)) {
          const child = issue.child !== undefined ? element.children[issue.child] : undefined;
          this.reportAt('xml-schema', child ?? element, issue.message);
        }
        if (element.text.trim() !== '') {
          this.report('xml-schema', element.textStart, element.textEnd, `<${element.localName}> holds elements, not text: "${clip(element.text.trim())}" does not belong there`);
        }
      } else if (element.children.length > 0 && element.localName !== 'footnote') {
        const first = element.children[0] as XmlElement;
        this.reportAt('xml-schema', first, `<${element.localName}> holds a value, not elements: <${first.localName}> does not belong there`);
      }
      for (let i = element.children.length - 1; i >= 0; i--) stack.push({ element: element.children[i] as XmlElement, parent: element.localName });
    }
  }

  // ---- fields -----------------------------------------------------------------------------------

  /** A blank field for an element that is absent: at its parent's start tag. */
  private absent<T>(parent: XmlElement | undefined, fallback: number): Field<T> {
    const start = parent ? this.pos(parent.start) : this.pos(fallback);
    const end = parent ? this.pos(parent.startTagEnd) : start;
    return sourceField<T>('', start, end, end, end);
  }

  /** The references of an element: its `<footnoteId id="Fn"/>` children (and its `<value>`'s). */
  private refs(element: XmlElement): readonly FootnoteRef[] {
    let refs: FootnoteRef[] | undefined;
    const add = (holder: XmlElement): void => {
      for (const child of holder.children) {
        if (child.localName !== 'footnoteId') continue;
        const ref = this.footnoteRef(child);
        if (ref) (refs ??= []).push(ref);
      }
    };
    add(element);
    const value = childNamed(element, 'value');
    if (value) add(value);
    return refs ?? NO_REFS;
  }

  private footnoteRef(element: XmlElement): FootnoteRef | undefined {
    const id = element.attributes.find((a) => a.name === 'id');
    if (!id) {
      this.reportAt('xml-footnote-id', element, 'A <footnoteId> has no id: write it as <footnoteId id="F1"/>');
      return undefined;
    }
    const m = /^F([1-9]\d?)$/.exec(id.value);
    if (!m) {
      this.report('xml-footnote-id', id.valueStart, id.valueEnd, `The footnote id "${id.value}" is not F1 to F99: EDGAR suspends a filing with any other form ("F01", "f3", "1")`);
      const digits = /\d{1,2}/.exec(id.value);
      if (!digits) return undefined;
      const at = id.valueStart + digits.index;
      return { id: Number(digits[0]), span: this.span(element.start, element.end), numberSpan: this.span(at, at + digits[0].length) };
    }
    return { id: Number(m[1]), span: this.span(element.start, element.end), numberSpan: this.span(id.valueStart + 1, id.valueEnd) };
  }

  /**
   * A field from an element that carries its value in `<value>` (`<securityTitle><value>…`), or
   * directly (`<issuerCik>…`): its text, the value's span, the element's references.
   */
  private field(element: XmlElement | undefined, parent: XmlElement | undefined): SourceField<unknown> {
    if (!element) return this.absent(parent, 0) as SourceField<unknown>;
    const value = contentModel(parent?.localName, element.localName) ? childNamed(element, 'value') : element;
    const holder = value ?? element;
    const text = collapseSpaces(holder.text).trim();
    const start = this.pos(element.start);
    const end = this.pos(element.end);
    const valueStart = text === '' ? this.pos(holder.startTagEnd) : this.pos(holder.textStart);
    const valueEnd = text === '' ? valueStart : this.pos(holder.textEnd);
    const field = sourceField<unknown>(text, start, end, valueStart, valueEnd, value === element ? NO_REFS : this.refs(element));
    this.elementOf.set(field, element);
    return field;
  }

  private complete<T>(field: SourceField<unknown>, reading: XmlReading<T>, element: XmlElement | undefined, rule: 'xml-decimal' | 'xml-date' | 'xml-choice', what: string): Field<T> {
    const f = field as SourceField<T>;
    if (field.text === '') {
      // A date, boolean or decimal element may not be blank (§3.2): leave it out instead.
      const holder = element && (contentModel(undefined, element.localName) ? childNamed(element, 'value') : element);
      if (holder && holder.children.length === 0) {
        this.reportAt(rule, holder, `${what} is empty: EDGAR suspends a blank ${rule === 'xml-date' ? 'date' : rule === 'xml-decimal' ? 'number' : 'yes/no value'}; leave the element out${rule === 'xml-choice' ? '' : ', or give a footnote instead of the value'}`);
      }
      return f;
    }
    f.value = reading.value;
    f.problem = reading.problem;
    if (reading.form && element) this.report(reading.form.rule, element.start, element.end, reading.form.message);
    return f;
  }

  private string(element: XmlElement | undefined, parent: XmlElement | undefined): Field<string> {
    const field = this.field(element, parent) as SourceField<string>;
    if (field.text !== '') field.value = field.text;
    return field;
  }

  private decimal(element: XmlElement | undefined, parent: XmlElement | undefined, what: string): Field<Decimal> {
    const field = this.field(element, parent);
    return this.complete(field, readXmlDecimal(field.text, what), element, 'xml-decimal', what);
  }

  private quantity(element: XmlElement | undefined, parent: XmlElement | undefined, dollars: boolean, what: string): Field<Quantity> {
    const field = this.field(element, parent);
    const reading = readXmlDecimal(field.text, what);
    return this.complete(field, { ...reading, value: reading.value ? { amount: reading.value, dollars } : undefined }, element, 'xml-decimal', what);
  }

  private date(element: XmlElement | undefined, parent: XmlElement | undefined, what: string): Field<CalendarDate> {
    const field = this.field(element, parent);
    return this.complete(field, readXmlDate(field.text, what), element, 'xml-date', what);
  }

  private boolean(element: XmlElement | undefined, parent: XmlElement | undefined, what: string): Field<boolean> {
    const field = this.field(element, parent);
    return this.complete(field, readXmlBoolean(field.text, what), element, 'xml-choice', what);
  }

  private choice<T extends string>(element: XmlElement | undefined, parent: XmlElement | undefined, choices: readonly T[], what: string): Field<T> {
    const field = this.field(element, parent) as SourceField<T>;
    if (field.text === '') return field;
    const found = choices.find((c) => c === field.text);
    if (found) field.value = found;
    else field.problem = `${what} is ${choices.map((c) => `\`${c}\``).join(' or ')}, not "${field.text}"`;
    return field;
  }

  // ---- the document -------------------------------------------------------------------------

  private filing(doc: XmlElement | undefined, xmlStart: number, xmlEnd: number): Filing {
    const top = doc ? this.span(doc.start, doc.startTagEnd) : this.span(xmlStart, xmlStart);
    const signaturePlace = doc ? this.span(doc.endTagStart, doc.end) : this.span(xmlEnd, xmlEnd);
    const get = (name: string): XmlElement | undefined => (doc ? childNamed(doc, name) : undefined);
    const documentType = get('documentType');
    const typeText = documentType ? documentType.text.trim() : '';
    if (documentType && !FORM_TYPES.some((t) => t === typeText)) {
      this.reportAt('xml-root', documentType, `The documentType is "${typeText}": this checker reads Form 4 (4) and its amendments (4/A), and Forms 3 and 5 for the filing history`);
    }
    const owners = doc ? childrenNamed(doc, 'reportingOwner').map((o) => this.owner(o)) : [];
    const relationships = owners.map((o) => o.relationship).filter((r): r is Relationship => r !== undefined);
    const original = get('dateOfOriginalSubmission');
    const schemaVersion = get('schemaVersion');
    return {
      documentType: typeText.endsWith('/A') ? '4/A' : '4',
      schemaVersion: schemaVersion ? schemaVersion.text.trim() : undefined,
      issuer: this.issuer(get('issuer'), doc),
      reportingOwners: owners,
      relationships,
      periodOfReport: get('periodOfReport') ? this.date(get('periodOfReport'), doc, 'The periodOfReport') : undefined,
      dateOfOriginalSubmission: original ? this.date(original, doc, 'The dateOfOriginalSubmission') : undefined,
      notSubjectToSection16: get('notSubjectToSection16') ? this.boolean(get('notSubjectToSection16'), doc, 'notSubjectToSection16') : undefined,
      aff10b5One: get('aff10b5One') ? this.boolean(get('aff10b5One'), doc, 'aff10b5One') : undefined,
      filingMode: undefined,
      nonDerivativeTable: this.tableI(get('nonDerivativeTable')),
      derivativeTable: this.tableII(get('derivativeTable')),
      footnotes: this.footnotes(get('footnotes')),
      remarks: this.remarks(get('remarks')),
      signatures: doc ? childrenNamed(doc, 'ownerSignature').map((s) => this.signature(s)) : [],
      places: { top, signature: signaturePlace },
    };
  }

  private issuer(element: XmlElement | undefined, doc: XmlElement | undefined): Issuer | undefined {
    if (!element) return undefined;
    void doc;
    return {
      span: this.span(element.start, element.end),
      cik: this.string(childNamed(element, 'issuerCik'), element),
      name: this.string(childNamed(element, 'issuerName'), element),
      tradingSymbol: this.string(childNamed(element, 'issuerTradingSymbol'), element),
    };
  }

  private owner(element: XmlElement): ReportingOwner {
    const id = childNamed(element, 'reportingOwnerId');
    const address = childNamed(element, 'reportingOwnerAddress');
    const relationship = childNamed(element, 'reportingOwnerRelationship');
    const part = (name: string): Field<string> => this.string(address ? childNamed(address, name) : undefined, address ?? element);
    const parts: Address = {
      street1: part('rptOwnerStreet1'),
      street2: part('rptOwnerStreet2'),
      city: part('rptOwnerCity'),
      state: part('rptOwnerState'),
      zipCode: part('rptOwnerZipCode'),
      text: '',
    };
    return {
      span: this.span(element.start, element.end),
      cik: this.string(id ? childNamed(id, 'rptOwnerCik') : undefined, id ?? element),
      name: this.string(id ? childNamed(id, 'rptOwnerName') : undefined, id ?? element),
      address: parts,
      relationship: relationship ? this.relationship(relationship) : undefined,
    };
  }

  private relationship(element: XmlElement): Relationship {
    const flag = (name: string): boolean => {
      const child = childNamed(element, name);
      return child ? this.boolean(child, element, name).value === true : false;
    };
    return {
      span: this.span(element.start, element.end),
      isDirector: flag('isDirector'),
      isOfficer: flag('isOfficer'),
      isTenPercentOwner: flag('isTenPercentOwner'),
      isOther: flag('isOther'),
      officerTitle: this.string(childNamed(element, 'officerTitle'), element),
      otherText: this.string(childNamed(element, 'otherText'), element),
      refs: NO_REFS,
    };
  }

  private tableI(element: XmlElement | undefined): Table<NonDerivativeRow> | undefined {
    if (!element) return undefined;
    const rows: NonDerivativeRow[] = [];
    for (const child of element.children) {
      if (child.localName !== 'nonDerivativeTransaction' && child.localName !== 'nonDerivativeHolding') continue;
      rows.push(this.rowI(child, rows.length + 1));
    }
    return { table: 'I', span: this.span(element.start, element.end), rows };
  }

  private tableII(element: XmlElement | undefined): Table<DerivativeRow> | undefined {
    if (!element) return undefined;
    const rows: DerivativeRow[] = [];
    for (const child of element.children) {
      if (child.localName !== 'derivativeTransaction' && child.localName !== 'derivativeHolding') continue;
      rows.push(this.rowII(child, rows.length + 1));
    }
    return { table: 'II', span: this.span(element.start, element.end), rows };
  }

  /** The facts every row has: title, transaction columns, amounts owned and ownership. */
  private common(row: XmlElement) {
    const transaction = row.localName.endsWith('Transaction');
    const coding = childNamed(row, 'transactionCoding');
    const timelinessElement = childNamed(row, 'transactionTimeliness');
    const amounts = childNamed(row, 'transactionAmounts');
    const post = childNamed(row, 'postTransactionAmounts');
    const nature = childNamed(row, 'ownershipNature');
    const owned = post ? (childNamed(post, 'sharesOwnedFollowingTransaction') ?? childNamed(post, 'valueOwnedFollowingTransaction')) : undefined;
    const sharesElement = amounts ? (childNamed(amounts, 'transactionShares') ?? childNamed(amounts, 'transactionTotalValue')) : undefined;
    const acquiredDisposed = this.choice<Direction>(amounts ? childNamed(amounts, 'transactionAcquiredDisposedCode') : undefined, amounts ?? row, ['A', 'D'], '(A) or (D)');
    const codingField = this.coding(coding, row);
    const timeliness = this.timeliness(timelinessElement, coding, row);
    return {
      span: this.span(row.start, row.end),
      kind: transaction ? ('transaction' as const) : ('holding' as const),
      damaged: false,
      strayRefs: NO_REFS,
      securityTitle: this.string(childNamed(row, 'securityTitle'), row),
      transactionDate: this.date(childNamed(row, 'transactionDate'), row, 'The transactionDate'),
      deemedExecutionDate: this.date(childNamed(row, 'deemedExecutionDate'), row, 'The deemedExecutionDate'),
      coding: codingField,
      timeliness,
      shares: this.quantity(sharesElement, amounts ?? row, sharesElement?.localName === 'transactionTotalValue', 'The amount'),
      acquiredDisposed,
      pricePerShare: this.decimal(amounts ? childNamed(amounts, 'transactionPricePerShare') : undefined, amounts ?? row, 'The price'),
      ownedAfter: this.quantity(owned, post ?? row, owned?.localName === 'valueOwnedFollowingTransaction', 'The amount owned'),
      directOrIndirect: this.choice<OwnershipForm>(nature ? childNamed(nature, 'directOrIndirectOwnership') : undefined, nature ?? row, ['D', 'I'], 'The ownership form'),
      nature: this.string(nature ? childNamed(nature, 'natureOfOwnership') : undefined, nature ?? row),
    };
  }

  private rowI(row: XmlElement, ordinal: number): NonDerivativeRow {
    const c = this.common(row);
    const built: NonDerivativeRow = { table: 'I', ordinal, ...c, fields: [] };
    (built as { fields: readonly Field<unknown>[] }).fields = [
      c.securityTitle, c.transactionDate, c.deemedExecutionDate, c.coding, c.timeliness, c.shares,
      c.acquiredDisposed, c.pricePerShare, c.ownedAfter, c.directOrIndirect, c.nature,
    ];
    return built;
  }

  private rowII(row: XmlElement, ordinal: number): DerivativeRow {
    const c = this.common(row);
    const underlying = childNamed(row, 'underlyingSecurity');
    const amount = underlying ? (childNamed(underlying, 'underlyingSecurityShares') ?? childNamed(underlying, 'underlyingSecurityValue')) : undefined;
    const direction = c.acquiredDisposed.value;
    // The printed form's two cells of column 5: the amount stands in the one its code says.
    const blank = this.absent<Quantity>(childNamed(row, 'transactionAmounts') ?? row, 0);
    const built: DerivativeRow = {
      table: 'II',
      ordinal,
      ...c,
      fields: [],
      exercisePrice: this.decimal(childNamed(row, 'conversionOrExercisePrice'), row, 'The conversion or exercise price'),
      acquiredShares: direction === 'D' ? blank : c.shares,
      disposedShares: direction === 'D' ? c.shares : blank,
      exerciseDate: this.date(childNamed(row, 'exerciseDate'), row, 'The exerciseDate'),
      expirationDate: this.date(childNamed(row, 'expirationDate'), row, 'The expirationDate'),
      underlyingTitle: this.string(underlying ? childNamed(underlying, 'underlyingSecurityTitle') : undefined, underlying ?? row),
      underlyingShares: this.quantity(amount, underlying ?? row, amount?.localName === 'underlyingSecurityValue', 'The underlying amount'),
    };
    (built as { fields: readonly Field<unknown>[] }).fields = [
      built.securityTitle, built.exercisePrice, built.transactionDate, built.deemedExecutionDate, built.coding, built.timeliness,
      built.acquiredShares, built.disposedShares, built.exerciseDate, built.expirationDate, built.underlyingTitle,
      built.underlyingShares, built.pricePerShare, built.ownedAfter, built.directOrIndirect, built.nature,
    ];
    return built;
  }

  /** transactionCoding: the code and the equity swap flag, with the coding's references. */
  private coding(element: XmlElement | undefined, row: XmlElement): Field<TransactionCoding> {
    const codeElement = element ? childNamed(element, 'transactionCode') : undefined;
    const code = this.field(codeElement, element ?? row) as SourceField<TransactionCoding>;
    // The field is the coding element's: its span, the code's value, the coding's references.
    const field = sourceField<TransactionCoding>(
      code.text,
      element ? this.pos(element.start) : code.start,
      element ? this.pos(element.end) : code.end,
      code.valueStart,
      code.valueEnd,
      element ? this.refs(element) : NO_REFS,
    );
    if (element) this.elementOf.set(field, codeElement ?? element);
    const swapElement = element ? childNamed(element, 'equitySwapInvolved') : undefined;
    const swap = swapElement ? this.boolean(swapElement, element, 'equitySwapInvolved').value === true : false;
    const formType = element ? childNamed(element, 'transactionFormType') : undefined;
    if (formType && formType.text.trim() !== '4' && formType.text.trim() !== '5') {
      this.reportAt('xml-choice', formType, `The transactionFormType is "${formType.text.trim()}": a Form 4 reports transactions of form type 4 or 5`);
    }
    if (field.text === '') return field;
    if (field.text.length === 1 && codeInfo(field.text)) field.value = { code: field.text, equitySwap: swap };
    else if (field.text === 'V' || field.text === 'K') field.problem = `${field.text} is not a transactionCode: ${field.text === 'V' ? 'an early transaction has transactionFormType 5 (and timeliness E)' : 'an equity swap sets equitySwapInvolved to 1'}`;
    else field.problem = `"${field.text}" is not a transaction code of General Instruction 8`;
    return field;
  }

  /** transactionTimeliness: E (early: the printed V) or L; a form type 5 transaction is early even without E. */
  private timeliness(element: XmlElement | undefined, coding: XmlElement | undefined, row: XmlElement): Field<Timeliness> {
    const field = this.field(element, row) as SourceField<Timeliness>;
    const formType = coding ? childNamed(coding, 'transactionFormType')?.text.trim() : undefined;
    if (field.text === '') {
      if (formType === '5') field.value = 'E';
      return field;
    }
    if (field.text === 'E' || field.text === 'L') field.value = field.text;
    else field.problem = `The transactionTimeliness is E (early), L (late) or empty, not "${field.text}"`;
    if (field.text === 'E' && formType === '4') this.reportAt('xml-choice', element as XmlElement, 'A transaction of form type 4 is on time by definition: an early one (E) has transactionFormType 5');
    return field;
  }

  private footnotes(element: XmlElement | undefined): Footnote[] {
    if (!element) return [];
    const found: Footnote[] = [];
    for (const child of element.children) {
      if (child.localName !== 'footnote') continue;
      const id = child.attributes.find((a) => a.name === 'id');
      const m = id ? /^F([1-9]\d?)$/.exec(id.value) : null;
      if (!id) {
        this.reportAt('xml-footnote-id', child, 'A <footnote> has no id: write it as <footnote id="F1">');
        continue;
      }
      if (!m) this.report('xml-footnote-id', id.valueStart, id.valueEnd, `The footnote id "${id.value}" is not F1 to F99: EDGAR suspends a filing with any other form ("F01", "f3", "1")`);
      const digits = m ? { text: m[1] as string, at: id.valueStart + 1 } : (() => {
        const d = /\d{1,2}/.exec(id.value);
        return d ? { text: d[0], at: id.valueStart + d.index } : undefined;
      })();
      if (!digits) continue;
      const text = collapseSpaces(footnoteText(child)).trim();
      found.push({
        id: Number(digits.text),
        text,
        span: this.span(child.start, child.end),
        markerSpan: this.span(id.nameStart, id.valueEnd + 1),
        numberSpan: this.span(digits.at, digits.at + digits.text.length),
        textSpan: text === '' ? this.span(child.startTagEnd, child.startTagEnd) : this.span(child.textStart, child.textEnd),
      });
    }
    return found;
  }

  private remarks(element: XmlElement | undefined): Remarks | undefined {
    if (!element) return undefined;
    const text = collapseSpaces(element.text).trim();
    return { text, span: this.span(element.start, element.end), textSpan: text === '' ? this.span(element.startTagEnd, element.startTagEnd) : this.span(element.textStart, element.textEnd) };
  }

  private signature(element: XmlElement): Signature {
    const date = childNamed(element, 'signatureDate');
    return {
      span: this.span(element.start, element.end),
      name: this.string(childNamed(element, 'signatureName'), element),
      date: date ? this.date(date, element, 'The signatureDate') : undefined,
    };
  }
}

/** A footnote's text: its own text and that of any markup inside it (a footnote is mixed content). */
function footnoteText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  const parts: string[] = [element.text];
  const stack = [...element.children].reverse();
  while (stack.length > 0) {
    const e = stack.pop() as XmlElement;
    parts.push(e.text);
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i] as XmlElement);
  }
  return parts.join(' ');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
