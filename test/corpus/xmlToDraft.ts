/**
 * TEST SUPPORT, not product code: converts an EDGAR ownership XML document (a bare Form 4 XML
 * file, or an EDGAR full-submission `.txt` with the XML between `<XML>` and `</XML>`) into a
 * draft in the canonical format of FORMAT.md, so that the checker can be measured on real
 * filings (test/corpus/corpus.test.ts, test/bench/bench.ts). It stays here until the project has
 * its own EDGAR XML bridge; it is not meant to be complete, only exact on what it writes.
 *
 * The draft it writes:
 * - boxes 1–6 in colon form, one box 1 line and one box 5 line per reportingOwner (joint filers),
 *   box 5 in list form (`Director, 10% Owner, Officer (title), Other (text)`), the exit box when
 *   the XML has notSubjectToSection16 and the Rule 10b5-1(c) line only when it has aff10b5One;
 * - `Table I - …` and `Table II - …`, each with a column-title row, a separator row and one
 *   Markdown pipe row per transaction or holding, in document order (11 and 16 cells);
 * - a footnote reference `(n)` for each `<footnoteId id="Fn"/>`, in the cell of the element it
 *   annotates; amounts with thousands separators, prices with `$`, dates MM/DD/YYYY; a
 *   transactionTimeliness of E as `V`; equitySwapInvolved as `(K)` after the code; a dollar value
 *   (transactionTotalValue, valueOwnedFollowingTransaction, underlyingSecurityValue) with `$`;
 * - `Explanation of Responses:` with `(n) text`, `Remarks:`, and for each ownerSignature a
 *   `/s/ name` line followed by its date line.
 *
 * The XML reader below is small and tolerant (elements, attributes, text, entities, CDATA,
 * comments, processing instructions; unclosed or stray tags do not stop it) and has no
 * dependency.
 */

// ---- a small tolerant XML reader ---------------------------------------------------------------

export interface XmlElement {
  /** The local name: a namespace prefix (`edgar:value`) is dropped. */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes `&amp;`, `&lt;`, `&#39;`, `&#x27;` and the like; an unknown entity stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

/**
 * Parses XML into a tree under a synthetic `#document` element. Never throws: a closing tag
 * with no open element of its name is ignored, one that closes an outer element closes the
 * elements left open inside it, and an unterminated construct ends the document.
 */
export function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = (): XmlElement => stack[stack.length - 1] ?? root;
  const addText = (t: string): void => {
    if (t !== '') top().children.push(t);
  };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      addText(decodeEntities(text.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(text.slice(i, lt)));
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      i = end === -1 ? text.length : end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, end === -1 ? text.length : end));
      i = end === -1 ? text.length : end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      i = end === -1 ? text.length : end + 2;
    } else if (text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (text[lt + 1] === '/') {
      const end = text.indexOf('>', lt + 2);
      const name = localName(text.slice(lt + 2, end === -1 ? text.length : end).trim());
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k]?.name === name) {
          stack.length = k;
          break;
        }
      }
      i = end === -1 ? text.length : end + 1;
    } else if (/[A-Za-z_]/.test(text[lt + 1] ?? '')) {
      const end = findTagEnd(text, lt + 1);
      const body = text.slice(lt + 1, end === -1 ? text.length : end);
      const selfClosing = body.endsWith('/');
      const inner = selfClosing ? body.slice(0, -1) : body;
      const nameMatch = /^[^\s/>]+/.exec(inner);
      const rawName = nameMatch?.[0] ?? '';
      const attributes: Record<string, string> = {};
      for (const m of inner.slice(rawName.length).matchAll(ATTRIBUTE)) {
        const key = localName(m[1] ?? '');
        if (key !== '') attributes[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      }
      const element: XmlElement = { name: localName(rawName), attributes, children: [] };
      top().children.push(element);
      if (!selfClosing) stack.push(element);
      i = end === -1 ? text.length : end + 1;
    } else {
      // A `<` that starts no markup ("a < b" written unescaped): text.
      addText('<');
      i = lt + 1;
    }
  }
  return root;
}

/** The `>` that ends a start tag, skipping `>` inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    } else if (ch === '<') {
      return i - 1; // an unclosed tag: end it before the next one
    }
  }
  return -1;
}

export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function childElement(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** The first element of that name anywhere below `element`, depth first. */
export function findElement(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of childElements(element)) {
    if (child.name === name) return child;
    const found = findElement(child, name);
    if (found) return found;
  }
  return undefined;
}

/** All the text below an element, in document order. */
export function textContent(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}

// ---- reading the ownership document -------------------------------------------------------------

/**
 * The ownership XML of a file: the text between `<XML>` and `</XML>` of an EDGAR full-submission
 * `.txt`, or the file itself.
 */
export function ownershipXmlOf(fileText: string): string {
  const open = /<XML>/i.exec(fileText);
  if (!open) return fileText;
  const close = fileText.toUpperCase().indexOf('</XML>', open.index);
  return fileText.slice(open.index + open[0].length, close === -1 ? fileText.length : close);
}

/** A value as EDGAR wraps it: `<x><value>…</value></x>`, or `<x>…</x>` for plain elements. */
export function valueOf(element: XmlElement | undefined): string {
  if (!element) return '';
  const value = childElement(element, 'value');
  const text = value ? textContent(value) : element.children.filter((c): c is string => typeof c === 'string').join('');
  return collapse(text);
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** `<footnoteId id="F2"/>` directly inside the element (or inside its `<value>`): 2. */
export function footnoteNumbers(element: XmlElement | undefined): number[] {
  if (!element) return [];
  const ids = [...childElements(element, 'footnoteId'), ...childElements(childElement(element, 'value'), 'footnoteId')];
  const numbers: number[] = [];
  for (const f of ids) {
    const m = /(\d+)/.exec(f.attributes.id ?? '');
    if (m) numbers.push(Number(m[1]));
  }
  return numbers;
}

export function isTrue(text: string): boolean {
  return /^(?:1|true)$/i.test(text.trim());
}

/** `2013-08-06` → `08/06/2013`; anything else is written as it is (the checker judges it). */
export function formatXmlDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  return m ? `${m[2]}/${m[3]}/${m[1]}` : text.trim();
}

/** `1234567.5` → `1,234,567.5`; a value that is not a plain decimal is written as it is. */
export function formatXmlNumber(text: string): string {
  const t = text.trim();
  const m = /^(\d+)(\.\d+)?$/.exec(t);
  if (!m) return t;
  return (m[1] ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (m[2] ?? '');
}

function money(text: string): string {
  return text.trim() === '' ? '' : `$${formatXmlNumber(text)}`;
}

/** Text written into a pipe cell: a `|`, `\` or `<` must not be read as markup. */
function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '\\<');
}

/** Prose (a footnote, the remarks) on one line; `<` escaped so it is not read as a tag. */
function escapeProse(text: string): string {
  return collapse(text).replace(/\\/g, '\\\\').replace(/</g, '\\<');
}

/** A cell: its value, then its footnote references. */
function cell(value: string, ...annotated: (XmlElement | undefined)[]): string {
  const refs = annotated.flatMap(footnoteNumbers);
  const unique = refs.filter((n, i) => refs.indexOf(n) === i);
  return [escapeCell(value), ...unique.map((n) => `(${n})`)].filter((p) => p !== '').join(' ');
}

function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

export const TABLE_I_HEADING = 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned';
export const TABLE_II_HEADING =
  'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)';

const TABLE_I_TITLES = [
  '1. Title of Security (Instr. 3)',
  '2. Transaction Date (Month/Day/Year)',
  '2A. Deemed Execution Date, if any (Month/Day/Year)',
  '3. Transaction Code (Instr. 8)',
  'V',
  '4. Amount',
  '(A) or (D)',
  'Price',
  '5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)',
  '6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)',
  '7. Nature of Indirect Beneficial Ownership (Instr. 4)',
];

const TABLE_II_TITLES = [
  '1. Title of Derivative Security (Instr. 3)',
  '2. Conversion or Exercise Price of Derivative Security',
  '3. Transaction Date (Month/Day/Year)',
  '3A. Deemed Execution Date, if any (Month/Day/Year)',
  '4. Transaction Code (Instr. 8)',
  'V',
  '5. Number of Derivative Securities Acquired (A)',
  '5. Number of Derivative Securities Disposed of (D)',
  '6. Date Exercisable',
  '6. Expiration Date',
  '7. Title of Underlying Securities',
  '7. Amount or Number of Shares of Underlying Securities',
  '8. Price of Derivative Security (Instr. 5)',
  '9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)',
  '10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)',
  '11. Nature of Indirect Beneficial Ownership (Instr. 4)',
];

function tableHead(titles: readonly string[]): string[] {
  return [row(titles), `|${titles.map(() => '---').join('|')}|`];
}

/** The cells common to both tables: date, deemed date, code, V, and the ownership columns. */
interface Common {
  title: string;
  date: string;
  deemed: string;
  code: string;
  timeliness: string;
  /** The amount (shares or `$` value) and its cell. */
  amount: string;
  direction: string;
  directionText: string;
  price: string;
  owned: string;
  form: string;
  nature: string;
}

function commonCells(el: XmlElement): Common {
  const coding = childElement(el, 'transactionCoding');
  const codeElement = childElement(coding, 'transactionCode');
  const code = valueOf(codeElement);
  const swap = isTrue(valueOf(childElement(coding, 'equitySwapInvolved')));
  const timelinessElement = childElement(el, 'transactionTimeliness');
  const timeliness = valueOf(timelinessElement);
  const amounts = childElement(el, 'transactionAmounts');
  const sharesElement = childElement(amounts, 'transactionShares');
  const totalElement = childElement(amounts, 'transactionTotalValue');
  const directionElement = childElement(amounts, 'transactionAcquiredDisposedCode');
  const priceElement = childElement(amounts, 'transactionPricePerShare');
  const post = childElement(el, 'postTransactionAmounts');
  const ownedShares = childElement(post, 'sharesOwnedFollowingTransaction');
  const ownedValue = childElement(post, 'valueOwnedFollowingTransaction');
  const nature = childElement(el, 'ownershipNature');
  const formElement = childElement(nature, 'directOrIndirectOwnership');
  const natureElement = childElement(nature, 'natureOfOwnership');
  const titleElement = childElement(el, 'securityTitle');
  const dateElement = childElement(el, 'transactionDate');
  const deemedElement = childElement(el, 'deemedExecutionDate');
  const direction = valueOf(directionElement);
  const amount = sharesElement
    ? cell(formatXmlNumber(valueOf(sharesElement)), sharesElement, totalElement, amounts)
    : totalElement
      ? cell(money(valueOf(totalElement)), totalElement, amounts)
      : cell('', amounts);
  return {
    title: cell(valueOf(titleElement), titleElement),
    date: cell(formatXmlDate(valueOf(dateElement)), dateElement),
    deemed: cell(formatXmlDate(valueOf(deemedElement)), deemedElement),
    code: cell(code === '' ? '' : `${code}${swap ? '(K)' : ''}`, coding, codeElement),
    timeliness: cell(timeliness === 'E' ? 'V' : '', timelinessElement),
    amount,
    direction,
    directionText: cell(direction, directionElement),
    price: cell(money(valueOf(priceElement)), priceElement),
    owned: ownedShares
      ? cell(formatXmlNumber(valueOf(ownedShares)), ownedShares, post)
      : cell(money(valueOf(ownedValue)), ownedValue, post),
    form: cell(valueOf(formElement), formElement),
    nature: cell(valueOf(natureElement), natureElement, nature),
  };
}

function nonDerivativeRow(el: XmlElement): string {
  const c = commonCells(el);
  return row([c.title, c.date, c.deemed, c.code, c.timeliness, c.amount, c.directionText, c.price, c.owned, c.form, c.nature]);
}

function derivativeRow(el: XmlElement): string {
  const c = commonCells(el);
  // Table II has no (A)/(D) column: the amount goes into column 5 (A) or 5 (D), and the
  // references on transactionAcquiredDisposedCode go with it.
  const amount = [c.amount, c.directionText.replace(/^[AD]\s*/, '')].filter((p) => p !== '').join(' ');
  const acquired = c.direction === 'D' ? '' : amount;
  const disposed = c.direction === 'D' ? amount : '';
  const exercisePrice = childElement(el, 'conversionOrExercisePrice');
  const exerciseDate = childElement(el, 'exerciseDate');
  const expirationDate = childElement(el, 'expirationDate');
  const underlying = childElement(el, 'underlyingSecurity');
  const underlyingTitle = childElement(underlying, 'underlyingSecurityTitle');
  const underlyingShares = childElement(underlying, 'underlyingSecurityShares');
  const underlyingValue = childElement(underlying, 'underlyingSecurityValue');
  return row([
    c.title,
    cell(money(valueOf(exercisePrice)), exercisePrice),
    c.date,
    c.deemed,
    c.code,
    c.timeliness,
    acquired,
    disposed,
    cell(formatXmlDate(valueOf(exerciseDate)), exerciseDate),
    cell(formatXmlDate(valueOf(expirationDate)), expirationDate),
    cell(valueOf(underlyingTitle), underlyingTitle, underlying),
    underlyingShares
      ? cell(formatXmlNumber(valueOf(underlyingShares)), underlyingShares)
      : cell(money(valueOf(underlyingValue)), underlyingValue),
    c.price,
    c.owned,
    c.form,
    c.nature,
  ]);
}

function ownerLine(owner: XmlElement): string {
  const id = childElement(owner, 'reportingOwnerId');
  const address = childElement(owner, 'reportingOwnerAddress');
  const part = (name: string): string => valueOf(childElement(address, name));
  const stateZip = [part('rptOwnerState'), part('rptOwnerZipCode')].filter((p) => p !== '').join(' ');
  const parts = [valueOf(childElement(id, 'rptOwnerName')), part('rptOwnerStreet1'), part('rptOwnerStreet2'), part('rptOwnerCity'), stateZip];
  return `1. Name and Address of Reporting Person: ${parts.filter((p) => p !== '').join(', ')}`;
}

function relationshipLine(owner: XmlElement): string {
  const r = childElement(owner, 'reportingOwnerRelationship');
  const flag = (name: string): boolean => isTrue(valueOf(childElement(r, name)));
  const title = valueOf(childElement(r, 'officerTitle'));
  const other = valueOf(childElement(r, 'otherText'));
  const items: string[] = [];
  if (flag('isDirector')) items.push('Director');
  if (flag('isTenPercentOwner')) items.push('10% Owner');
  if (flag('isOfficer')) items.push(title === '' ? 'Officer' : `Officer (${title})`);
  if (flag('isOther')) items.push(other === '' ? 'Other' : `Other (${other})`);
  return `5. Relationship of Reporting Person(s) to Issuer: ${items.join(', ')}`;
}

/** Converts an ownership XML document (or a full-submission text holding one) into a draft. */
export function xmlToDraft(xml: string): string {
  const tree = parseXml(ownershipXmlOf(xml));
  const doc = findElement(tree, 'ownershipDocument') ?? tree;
  const field = (name: string): string => valueOf(childElement(doc, name));
  const owners = childElements(doc, 'reportingOwner');
  const issuer = childElement(doc, 'issuer');
  const symbol = valueOf(childElement(issuer, 'issuerTradingSymbol'));
  const lines: string[] = ['FORM 4', '', 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', ''];
  for (const owner of owners) lines.push(ownerLine(owner));
  lines.push(`2. Issuer Name and Ticker or Trading Symbol: ${valueOf(childElement(issuer, 'issuerName'))}${symbol === '' ? '' : ` [${symbol}]`}`);
  lines.push(`3. Date of Earliest Transaction: ${formatXmlDate(field('periodOfReport'))}`.trimEnd());
  lines.push(`4. If Amendment, Date of Original Filed: ${formatXmlDate(field('dateOfOriginalSubmission'))}`.trimEnd());
  for (const owner of owners) lines.push(relationshipLine(owner));
  lines.push(`6. Individual or Joint/Group Filing: ${owners.length > 1 ? 'Form filed by More than One Reporting Person' : 'Form filed by One Reporting Person'}`);
  const exit = childElement(doc, 'notSubjectToSection16');
  if (exit) lines.push(`[${isTrue(valueOf(exit)) ? 'x' : ' '}] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.`);
  const plan = childElement(doc, 'aff10b5One');
  if (plan) lines.push(`Rule 10b5-1(c) Transaction Indication: [${isTrue(valueOf(plan)) ? 'x' : ' '}]`);

  lines.push('', TABLE_I_HEADING, '', ...tableHead(TABLE_I_TITLES));
  for (const el of childElements(childElement(doc, 'nonDerivativeTable'))) {
    if (el.name === 'nonDerivativeTransaction' || el.name === 'nonDerivativeHolding') lines.push(nonDerivativeRow(el));
  }
  lines.push('', TABLE_II_HEADING, '', ...tableHead(TABLE_II_TITLES));
  for (const el of childElements(childElement(doc, 'derivativeTable'))) {
    if (el.name === 'derivativeTransaction' || el.name === 'derivativeHolding') lines.push(derivativeRow(el));
  }

  lines.push('', 'Explanation of Responses:', '');
  for (const footnote of childElements(childElement(doc, 'footnotes'), 'footnote')) {
    const id = /(\d+)/.exec(footnote.attributes.id ?? '')?.[1];
    if (id === undefined) continue;
    lines.push(`(${Number(id)}) ${escapeProse(textContent(footnote))}`);
  }
  const remarks = escapeProse(textContent(childElement(doc, 'remarks')));
  if (remarks !== '') lines.push('', `Remarks: ${remarks}`);
  lines.push('');
  for (const signature of childElements(doc, 'ownerSignature')) {
    const name = collapse(textContent(childElement(signature, 'signatureName'))).replace(/^\/s\/\s*/i, '');
    lines.push(`/s/ ${name}`, '', formatXmlDate(collapse(textContent(childElement(signature, 'signatureDate')))), '');
  }
  return lines.join('\n');
}
