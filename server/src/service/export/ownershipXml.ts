/**
 * The exporter: a filing model written as EDGAR ownership XML, schema X0508, a Form 4 or (box 4
 * filled) a Form 4/A. The elements follow the schema's order exactly
 * (`ownership4Document.X0508.xsd.xml`); values are written as §3.2 wants them (dates
 * YYYY-MM-DD, decimals as digits and a period, booleans 1/0); each footnote reference becomes a
 * `<footnoteId id="Fn"/>` inside the element it annotates; the file is indented, one element a
 * line, with begin tag, value and end tag on one line (§4.1).
 *
 * Whatever EDGAR needs that the filing does not give, or gives in a form the schema does not take
 * (no CIK, a title over 60 characters, a price with 5 decimals, a state that is not a code of
 * Appendix A…), is an `ExportProblem`: where it is, what is wrong and what to do, in a drafter's
 * words. The XML is written all the same, with the value as given (or an empty element where it
 * is missing), so that a forced export is a file to complete by hand rather than nothing. A filing that gives no
 * problem exports to XML that validates against the schema: the tests hold the exporter to that.
 *
 * Decisions on §4.3 (documented in the README):
 * - `schemaVersion`, `issuerName` and `rptOwnerName` are written: the schema allows them, every
 *   disseminated document carries them, and with them the file carries the draft's facts (who
 *   files, on which issuer) for a person to check and for the XML reader to read back. EDGAR
 *   answers each with a WARNING and uses its own records instead; `omitEdgarFilled` leaves them
 *   out, as §4.3 prefers for a submission.
 * - `rptOwnerCcc` is never written: a CIK confirmation code is a filer's password for EDGAR,
 *   which does not belong in a draft or in a file made from it; the filing tool asks for it.
 */
import { type CalendarDate, formatIsoDate } from '../model/calendarDate';
import { columnsOf, type ColumnKind, tableName } from '../model/columns';
import type { Decimal } from '../model/decimal';
import {
  CIK_PATTERN,
  MAX_LENGTH,
  MAX_OCCURS,
  positiveDecimalFault,
  SCHEMA_VERSION,
  STATE_CODES,
  stateCodeForName,
  xmlLength,
  ZIP_CODE_PATTERN,
} from '../model/edgar';
import type {
  DerivativeRow,
  Field,
  Filing,
  FootnoteRef,
  NonDerivativeRow,
  Quantity,
  Relationship,
  ReportingOwner,
  TableRow,
} from '../model/filing';
import { capitalized, valueMessage } from '../rules/helpers';
import type { Span } from '../text/position';
import { quoted, sentence } from '../text/sentence';
import { codePointName, escapeXmlAttribute, escapeXmlText } from './xmlText';

/** What EDGAR needs that the filing does not give, or cannot take as the filing gives it. */
export interface ExportProblem {
  readonly span: Span;
  /**
   * What is wrong, in plain words, then what to do: short full sentences, as the rules' messages
   * are (held to it by test/service/export/messages.test.ts).
   */
  readonly message: string;
}

export interface ExportOptions {
  /**
   * Leave out what EDGAR fills in from its own records and otherwise discards with a WARNING
   * (§4.3): `schemaVersion`, `issuerName`, `rptOwnerName`.
   */
  readonly omitEdgarFilled?: boolean;
}

export interface ExportResult {
  readonly xml: string;
  /** In the order of the source. */
  readonly problems: readonly ExportProblem[];
}

/** Writes a filing as EDGAR ownership XML (X0508). Total: never throws. */
export function exportOwnershipXml(filing: Filing, options: ExportOptions = {}): ExportResult {
  return new Exporter(filing, options).run();
}

// ---- the writer ------------------------------------------------------------------------------------

const INDENT_UNIT = '  ';

/** Lines of XML, indented by depth. Values and attributes are escaped by the caller. */
class XmlLines {
  private readonly lines: string[] = ['<?xml version="1.0"?>'];
  private readonly indents: string[] = [''];
  private depth = 0;

  private indent(): string {
    let indent = this.indents[this.depth];
    if (indent === undefined) {
      indent = INDENT_UNIT.repeat(this.depth);
      this.indents[this.depth] = indent;
    }
    return indent;
  }

  open(name: string): void {
    this.lines.push(`${this.indent()}<${name}>`);
    this.depth++;
  }

  close(name: string): void {
    this.depth--;
    this.lines.push(`${this.indent()}</${name}>`);
  }

  leaf(name: string, escaped: string): void {
    this.lines.push(`${this.indent()}<${name}>${escaped}</${name}>`);
  }

  /** `<footnote id="F1">text</footnote>`: the one element with an attribute and a value. */
  footnote(id: string, escaped: string): void {
    this.lines.push(`${this.indent()}<footnote id="${id}">${escaped}</footnote>`);
  }

  footnoteId(id: number): void {
    this.lines.push(`${this.indent()}<footnoteId id="F${id}"/>`);
  }

  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

// ---- how values are written -------------------------------------------------------------------------

/**
 * What an element with a `<value>` needs (§3.3): `value` a value (NUMBER_WITH_FOOTNOTE,
 * DATE_WITH_FOOTNOTE…), `valueOrFootnote` a value or a footnote in its place (cm(8):
 * OPT_NUMBER_WITH_FOOTNOTE, OPT_DATE_WITH_FOOTNOTE), `optional` neither (DATE_AND_OR_FOOTNOTE,
 * TRANSACTION_TIMELINESS: the element is left out when it has nothing).
 */
type Need = 'value' | 'valueOrFootnote' | 'optional';

/** A value as it will be written (escaped), or undefined when there is none to write. */
type Written = string | undefined;

/** Short column names for messages: "Table I row 2, column 4 (Price)". */
const COLUMN_NAMES: Readonly<Record<ColumnKind, string>> = {
  title: 'Title',
  exercisePrice: 'Exercise Price',
  date: 'Transaction Date',
  deemedDate: 'Deemed Execution Date',
  code: 'Transaction Code',
  timeliness: 'V',
  amount: 'Amount',
  acquiredAmount: 'Number Acquired (A)',
  disposedAmount: 'Number Disposed of (D)',
  acquiredDisposed: '(A) or (D)',
  price: 'Price',
  exerciseDate: 'Date Exercisable',
  expirationDate: 'Expiration Date',
  underlyingTitle: 'Underlying Title',
  underlyingAmount: 'Underlying Amount',
  owned: 'Amount Owned',
  ownership: 'Ownership Form',
  nature: 'Nature of Ownership',
};

function columnLabel(row: TableRow, kind: ColumnKind): string {
  const column = columnsOf(row.table).find((c) => c.kind === kind);
  return `${tableName(row.table)} row ${row.ordinal}, column ${column?.number ?? '?'} (${COLUMN_NAMES[kind]})`;
}

/** Digits and a period, as EDGAR's decimals are written: `10000`, `18.3654`, `0`. No grouping, no exponent. */
function plainDecimal(value: Decimal): string {
  const fixed = value.abs().toFixed();
  if (!fixed.includes('.')) return fixed;
  const trimmed = fixed.replace(/0+$/, '');
  return trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
}

function groupedDecimal(text: string): string {
  const [whole = '0', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction !== undefined ? `${grouped}.${fraction}` : grouped;
}

function roundedTo4(value: Decimal): string {
  return plainDecimal(value.toDecimalPlaces(4));
}

function bool(value: boolean): string {
  return value ? '1' : '0';
}

// ---- the exporter --------------------------------------------------------------------------------------

class Exporter {
  private readonly out = new XmlLines();
  private readonly problems: ExportProblem[] = [];
  private readonly seen = new Set<string>();
  /** The footnotes the document defines: the first of each number. */
  private readonly defined = new Set<number>();
  /** Footnotes some written element refers to. */
  private readonly referred = new Set<number>();
  /** Footnotes referred to from a place the XML has none for (box 5, a signature…). */
  private readonly referredFromHeader = new Set<number>();

  constructor(
    private readonly filing: Filing,
    private readonly options: ExportOptions,
  ) {
    for (const f of filing.footnotes) this.defined.add(f.id);
  }

  run(): ExportResult {
    const f = this.filing;
    const out = this.out;
    out.open('ownershipDocument');
    if (!this.options.omitEdgarFilled) out.leaf('schemaVersion', SCHEMA_VERSION);
    out.leaf('documentType', f.documentType);
    this.periodOfReport();
    if (f.documentType === '4/A') this.dateOfOriginalSubmission();
    this.headerRefs(f.dateOfOriginalSubmission?.refs, 'Box 4');
    if (f.notSubjectToSection16?.value !== undefined) out.leaf('notSubjectToSection16', bool(f.notSubjectToSection16.value));
    this.headerRefs(f.notSubjectToSection16?.refs, 'The box "no longer subject to Section 16"');
    this.headerRefs(f.filingMode?.refs, 'Box 6');
    this.issuer();
    this.owners();
    if (f.aff10b5One?.value !== undefined) out.leaf('aff10b5One', bool(f.aff10b5One.value));
    this.headerRefs(f.aff10b5One?.refs, 'The Rule 10b5-1(c) box');
    this.somethingReported();
    this.table('nonDerivativeTable', f.nonDerivativeTable?.rows ?? []);
    this.table('derivativeTable', f.derivativeTable?.rows ?? []);
    this.footnotes();
    this.remarks();
    this.signatures();
    out.close('ownershipDocument');
    this.unreferredFootnotes();
    this.problems.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    return { xml: out.text(), problems: this.problems };
  }

  // ---- problems ------------------------------------------------------------------------------------

  private problem(span: Span, message: string): void {
    const key = `${span.start}:${span.end}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({ span, message });
  }

  /** Escapes a text, reporting the characters XML cannot carry. */
  private escaped(text: string, field: { readonly valueSpan: Span } | Span, where: string): string {
    const { text: escaped, dropped } = escapeXmlText(text);
    if (dropped.length > 0) {
      const span = 'valueSpan' in field ? field.valueSpan : field;
      const names = [...new Set(dropped.map(codePointName))].join(', ');
      this.problem(span, `${where} holds ${dropped.length === 1 ? 'a control character' : 'control characters'} (${names}) that XML cannot carry. Delete ${dropped.length === 1 ? 'it' : 'them'}.`);
    }
    return escaped;
  }

  /** A length over the schema's limit; `advice` is what to do, a sentence. */
  private length(text: string, limit: number, span: Span, where: string, advice = 'Shorten it.'): void {
    const n = xmlLength(text);
    if (n > limit) this.problem(span, `${where} has ${n} characters, and EDGAR takes at most ${limit}. ${advice}`);
  }

  /**
   * A field the reader could not read, in a sentence that names the cell: the reader words the
   * problem as the rules show it (`valueMessage`), the value first ('"x" is not a number') or as
   * a sentence of its own ('The V column takes V…'), which then follows the cell's name.
   */
  private unreadable(span: Span, where: string, problem: string): void {
    if (problem.startsWith('"')) this.problem(span, valueMessage(where, problem));
    else if (problem.startsWith('The ')) this.problem(span, sentence(`In ${where.replace(/^The /, 'the ')}, the ${problem.slice(4)}`));
    else this.problem(span, `${where}: ${sentence(problem)}`);
  }

  // ---- values ----------------------------------------------------------------------------------------

  private missing(field: Field<unknown>, need: Need, where: string, what: string): void {
    if (need === 'optional') return;
    if (field.refs.length > 0 && need === 'value') {
      this.problem(field.span, `${where} gives only a footnote. EDGAR needs ${what} in the cell, and the footnote may add to it.`);
    } else if (field.refs.length === 0) {
      this.problem(
        field.span,
        need === 'value' ? `${where} is blank, but EDGAR needs ${what}. Fill it in.` : `${where} is blank. Give ${what}, or a footnote that says why there is none.`,
      );
    }
  }

  private text(field: Field<string>, need: Need, where: string, what: string, limit?: number, advice?: string): Written {
    if (field.problem) this.unreadable(field.valueSpan, where, field.problem);
    const text = field.value ?? field.text;
    if (text === '') {
      this.missing(field, need, where, what);
      return undefined;
    }
    if (limit !== undefined) this.length(text, limit, field.valueSpan, where, advice);
    return this.escaped(text, field, where);
  }

  private date(field: Field<CalendarDate>, need: Need, where: string, what = 'the date'): Written {
    if (field.value) return formatIsoDate(field.value);
    if (field.problem) {
      this.unreadable(field.valueSpan, where, field.problem);
      return this.escaped(field.text, field, where);
    }
    this.missing(field, need, where, what);
    return undefined;
  }

  private decimal(field: Field<Decimal>, need: Need, where: string, what: string): Written {
    if (field.value) return this.checkedDecimal(field.value, field, where);
    if (field.problem) {
      this.unreadable(field.valueSpan, where, field.problem);
      return this.escaped(field.text, field, where);
    }
    this.missing(field, need, where, what);
    return undefined;
  }

  private quantity(field: Field<Quantity>, need: Need, where: string, what: string): Written {
    if (field.value) return this.checkedDecimal(field.value.amount, field, where);
    if (field.problem) {
      this.unreadable(field.valueSpan, where, field.problem);
      return this.escaped(field.text, field, where);
    }
    this.missing(field, need, where, what);
    return undefined;
  }

  private checkedDecimal(value: Decimal, field: Field<unknown>, where: string): string {
    const plain = plainDecimal(value);
    // As the draft writes it ("$18.36545"), so that the drafter finds it.
    const shown = field.text !== '' ? field.text : groupedDecimal(plain);
    const dollar = shown.startsWith('$') ? '$' : '';
    switch (positiveDecimalFault(value)) {
      case 'negative':
        this.problem(field.valueSpan, `${where} is negative, and EDGAR takes no negative number. Write it without the sign: (A) or (D) gives the direction.`);
        break;
      case 'fraction-digits':
        this.problem(field.valueSpan, `${where} ${shown} has ${value.decimalPlaces()} decimals, and EDGAR takes at most 4. Round it to ${dollar}${groupedDecimal(roundedTo4(value))}; a footnote may give it exactly.`);
        break;
      case 'maximum':
      case 'total-digits':
        this.problem(field.valueSpan, `${where} ${shown} is over EDGAR's maximum, 999,999,999,999.9999. Check the figure.`);
        break;
      case undefined:
        break;
    }
    return plain;
  }

  /**
   * An element `<name><value>…</value><footnoteId …/>…</name>`, from a value as it will be
   * written and the field's references. A `value` element with nothing to write gets an empty
   * `<value>` (the problem is already reported), so that the structure stays whole.
   */
  private valued(name: string, written: Written, refs: readonly FootnoteRef[], need: Need, where: string): void {
    const ids = this.refIds(refs, where);
    if (written === undefined && ids.length === 0 && need === 'optional') return;
    const out = this.out;
    out.open(name);
    if (written !== undefined) out.leaf('value', written);
    else if (need === 'value' || ids.length === 0) out.leaf('value', '');
    for (const id of ids) out.footnoteId(id);
    out.close(name);
  }

  /** The footnote numbers of a cell's references, each once, as EDGAR takes them (F1 … F99). */
  private refIds(refs: readonly FootnoteRef[], where: string): number[] {
    if (refs.length === 0) return [];
    const ids: number[] = [];
    for (const ref of refs) {
      if (ids.includes(ref.id)) continue; // EDGAR suspends a second reference from one element (§4.3.6)
      if (ref.id < 1 || ref.id > MAX_OCCURS.footnote) {
        this.problem(ref.span, `${where} refers to footnote (${ref.id}), but EDGAR numbers footnotes 1 to 99. Renumber the footnote.`);
        continue;
      }
      if (!this.defined.has(ref.id)) {
        this.problem(ref.span, `${where} refers to footnote (${ref.id}), which the Explanation of Responses does not have. Add it, or remove the reference.`);
        continue;
      }
      this.referred.add(ref.id);
      ids.push(ref.id);
    }
    return ids;
  }

  /** References written where EDGAR's XML has no footnote (the header boxes, signatures): they cannot be kept. */
  private headerRefs(refs: readonly FootnoteRef[] | undefined, where: string): void {
    if (!refs) return;
    for (const ref of refs) {
      this.referredFromHeader.add(ref.id);
      this.problem(ref.span, `${where} refers to footnote (${ref.id}), which EDGAR's XML cannot keep there. Refer to it from a table cell, or move its text to the Remarks.`);
    }
  }

  // ---- the header ----------------------------------------------------------------------------------

  private periodOfReport(): void {
    const box3 = this.filing.periodOfReport;
    if (!box3) {
      this.problem(this.filing.places.top, 'The draft has no box 3, which EDGAR needs as the period of report. Add "3. Date of Earliest Transaction: MM/DD/YYYY".');
      return;
    }
    const written = this.date(box3, 'value', 'Box 3 (Date of Earliest Transaction)', 'the date of the earliest transaction');
    this.headerRefs(box3.refs, 'Box 3');
    if (written !== undefined) this.out.leaf('periodOfReport', written);
  }

  private dateOfOriginalSubmission(): void {
    const box4 = this.filing.dateOfOriginalSubmission;
    if (!box4) {
      this.problem(this.filing.places.top, 'The document is a 4/A but gives no date of the original filing, which EDGAR needs. Add box 4: "4. If Amendment, Date of Original Filed: MM/DD/YYYY".');
      return;
    }
    const written = this.date(box4, 'value', 'Box 4 (Date of Original Filing)', 'the date the original Form 4 was filed');
    if (written !== undefined) this.out.leaf('dateOfOriginalSubmission', written);
  }

  private issuer(): void {
    const issuer = this.filing.issuer;
    const out = this.out;
    out.open('issuer');
    if (!issuer) {
      this.problem(this.filing.places.top, 'The draft has no box 2, which EDGAR needs. Add "2. Issuer Name and Ticker or Trading Symbol: NAME [TICKER]" and a line `CIK: 0001234567` under it.');
      out.leaf('issuerCik', '');
      out.leaf('issuerTradingSymbol', '');
      out.close('issuer');
      return;
    }
    const name = issuer.name.value ?? issuer.name.text;
    out.leaf('issuerCik', this.cik(issuer.cik, issuer.span, name === '' ? 'Box 2 gives no CIK for the issuer' : `Box 2 gives no CIK for ${name}`, 'box 2', "the issuer's CIK"));
    if (!this.options.omitEdgarFilled && name !== '') {
      this.length(name, MAX_LENGTH.issuerName, issuer.name.valueSpan, "Box 2's issuer name");
      out.leaf('issuerName', this.escaped(name, issuer.name, "Box 2's issuer name"));
    }
    this.headerRefs(issuer.name.refs, 'Box 2');
    const symbol = issuer.tradingSymbol.value ?? issuer.tradingSymbol.text;
    if (symbol === '') {
      this.problem(issuer.span, `Box 2 gives no trading symbol, which EDGAR needs. Write it in square brackets after the issuer's name, as in ${name === '' ? 'QUALYS, INC.' : name} [QLYS].`);
      out.leaf('issuerTradingSymbol', '');
    } else {
      this.length(symbol, MAX_LENGTH.issuerTradingSymbol, issuer.tradingSymbol.valueSpan, `The trading symbol ${quoted(symbol, 12)}`);
      out.leaf('issuerTradingSymbol', this.escaped(symbol, issuer.tradingSymbol, 'The trading symbol'));
    }
    out.close('issuer');
  }

  /** A CIK as EDGAR takes it, or the problem; the text as written either way. */
  private cik(field: Field<string>, boxSpan: Span, absent: string, box: string, whose: string): string {
    const text = field.value ?? field.text;
    if (text === '') {
      this.problem(boxSpan, `${absent}, and EDGAR needs ${whose}. Add a line \`CIK: 0001234567\` under ${box}.`);
      return '';
    }
    if (!CIK_PATTERN.test(text)) {
      this.problem(field.valueSpan, `The CIK ${quoted(text)} is not one EDGAR takes. Write the one to ten digits EDGAR assigned, as in 0001234567.`);
    }
    return this.escaped(text, field, 'The CIK');
  }

  private owners(): void {
    const owners = this.filing.reportingOwners;
    if (owners.length === 0) {
      this.problem(this.filing.places.top, 'The draft names no reporting person. Add "1. Name and Address of Reporting Person: Last First Middle" and a line `CIK: 0001234567` under it.');
    }
    const extra = owners[MAX_OCCURS.reportingOwner];
    if (extra) this.problem(extra.span, `The draft names ${owners.length} reporting persons, and EDGAR takes at most ${MAX_OCCURS.reportingOwner} on one Form 4. File the others on a second one.`);
    const byCik = new Map<string, ReportingOwner>();
    for (const owner of owners) {
      const key = (owner.cik.value ?? owner.cik.text).replace(/^0+(?=\d)/, '');
      const earlier = key !== '' ? byCik.get(key) : undefined;
      if (earlier) this.problem(owner.cik.valueSpan, `${capitalized(ownerLabel(owner))} has the CIK of ${ownerLabel(earlier)}, and EDGAR suspends a filing that names an owner twice. Give each owner once, with its own CIK.`);
      else if (key !== '') byCik.set(key, owner);
      this.owner(owner);
    }
    if (owners.length === 0) {
      // The schema needs one; a forced export gets an owner to fill in.
      this.out.open('reportingOwner');
      this.out.open('reportingOwnerId');
      this.out.leaf('rptOwnerCik', '');
      this.out.close('reportingOwnerId');
      this.out.open('reportingOwnerRelationship');
      this.out.close('reportingOwnerRelationship');
      this.out.close('reportingOwner');
    }
  }

  private owner(owner: ReportingOwner): void {
    const out = this.out;
    const name = owner.name.value ?? owner.name.text;
    const label = ownerLabel(owner);
    out.open('reportingOwner');
    out.open('reportingOwnerId');
    out.leaf('rptOwnerCik', this.cik(owner.cik, owner.span, name === '' ? 'Box 1 gives no CIK for the reporting person' : `Box 1 gives no CIK for ${name}`, 'box 1', "each reporting owner's CIK"));
    if (!this.options.omitEdgarFilled && name !== '') {
      this.length(name, MAX_LENGTH.rptOwnerName, owner.name.valueSpan, `${capitalized(label)}'s name`);
      out.leaf('rptOwnerName', this.escaped(name, owner.name, `${capitalized(label)}'s name`));
    }
    out.close('reportingOwnerId');
    this.headerRefs(owner.name.refs, 'Box 1');
    this.address(owner, label);
    this.relationship(owner, label);
    out.close('reportingOwner');
  }

  private address(owner: ReportingOwner, label: string): void {
    const a = owner.address;
    const parts: readonly { element: string; field: Field<string>; limit: number; what: string }[] = [
      { element: 'rptOwnerStreet1', field: a.street1, limit: MAX_LENGTH.rptOwnerStreet1, what: 'street 1' },
      { element: 'rptOwnerStreet2', field: a.street2, limit: MAX_LENGTH.rptOwnerStreet2, what: 'street 2' },
      { element: 'rptOwnerCity', field: a.city, limit: MAX_LENGTH.rptOwnerCity, what: 'city' },
      { element: 'rptOwnerState', field: a.state, limit: 2, what: 'state' },
      { element: 'rptOwnerZipCode', field: a.zipCode, limit: MAX_LENGTH.rptOwnerZipCode, what: 'ZIP code' },
    ];
    const given = parts.filter((p) => (p.field.value ?? p.field.text).trim() !== '');
    // No part: EDGAR uses the address it has on record for the CIK (§4.3.2).
    if (given.length === 0) return;
    const out = this.out;
    out.open('reportingOwnerAddress');
    for (const part of given) {
      const text = (part.field.value ?? part.field.text).trim();
      const where = `${capitalized(label)}'s ${part.what}`;
      this.headerRefs(part.field.refs, where);
      if (part.element === 'rptOwnerState') this.state(text, part.field, where);
      else this.length(text, part.limit, part.field.valueSpan, where);
      if (part.element === 'rptOwnerZipCode' && !ZIP_CODE_PATTERN.test(text)) {
        this.problem(part.field.valueSpan, `${where} ${quoted(text)} has characters EDGAR does not take. Write only letters, digits, spaces, # and -.`);
      }
      out.leaf(part.element, this.escaped(text, part.field, where));
    }
    out.close('reportingOwnerAddress');
  }

  private state(text: string, field: Field<string>, where: string): void {
    const known = STATE_CODES.get(text);
    if (known && !known.obsolete) return;
    if (known) {
      this.problem(field.valueSpan, `${where} ${quoted(text)} (${known.name}) is an obsolete code EDGAR no longer takes from filers. Write the current code of EDGAR's list (Appendix A).`);
      return;
    }
    const upper = text.toUpperCase();
    const suggestion = STATE_CODES.get(upper)?.obsolete === false ? upper : stateCodeForName(text);
    this.problem(
      field.valueSpan,
      suggestion
        ? `${where} ${quoted(text)} is not a code of EDGAR's list (Appendix A). Write ${suggestion}.`
        : `${where} ${quoted(text, 12)} is not a code of EDGAR's list (Appendix A). Write the code, as in CA for California or X0 for the United Kingdom.`,
    );
  }

  private relationship(owner: ReportingOwner, label: string): void {
    const out = this.out;
    const r = owner.relationship;
    out.open('reportingOwnerRelationship');
    if (!r) {
      this.problem(owner.span, `The draft gives no relationship for ${label}, which EDGAR needs. Add box 5, as in "5. Relationship of Reporting Person(s) to Issuer: Director".`);
      out.close('reportingOwnerRelationship');
      return;
    }
    if (!r.isDirector && !r.isOfficer && !r.isTenPercentOwner && !r.isOther) {
      this.problem(r.span, 'Box 5 selects no relationship, and EDGAR needs one. Check at least one of Director, 10% Owner, Officer (title) or Other (text).');
    }
    out.leaf('isDirector', bool(r.isDirector));
    out.leaf('isOfficer', bool(r.isOfficer));
    out.leaf('isTenPercentOwner', bool(r.isTenPercentOwner));
    out.leaf('isOther', bool(r.isOther));
    if (r.isOfficer) this.relationshipText(r, r.officerTitle, 'officerTitle', 'Officer', 'the officer title', 'Officer (Chief Executive Officer)', 'Abbreviate it, as in EVP, Worldwide Field Ops.');
    if (r.isOther) this.relationshipText(r, r.otherText, 'otherText', 'Other', 'what "Other" is', 'Other (member of 13(d) group)', 'Abbreviate it.');
    this.headerRefs(r.refs, 'Box 5');
    out.close('reportingOwnerRelationship');
  }

  private relationshipText(r: Relationship, field: Field<string>, element: 'officerTitle' | 'otherText', option: string, what: string, example: string, advice: string): void {
    const text = field.value ?? field.text;
    if (text === '') {
      this.problem(r.span, `Box 5 says ${option} but not ${what}, which EDGAR needs. Write it as ${example}.`);
      return;
    }
    this.length(text, MAX_LENGTH[element], field.valueSpan, `Box 5's ${option === 'Officer' ? 'officer title' : 'Other text'} ${quoted(text)}`, advice);
    this.out.leaf(element, this.escaped(text, field, `Box 5's ${option === 'Officer' ? 'officer title' : 'Other text'}`));
  }

  /** §4.3.3: a Form 4 reports something, unless the reporting person is no longer subject to Section 16. */
  private somethingReported(): void {
    const f = this.filing;
    const rows = (f.nonDerivativeTable?.rows.length ?? 0) + (f.derivativeTable?.rows.length ?? 0);
    if (rows > 0 || f.notSubjectToSection16?.value === true) return;
    this.problem(f.places.top, 'The draft reports no transaction and no holding, and EDGAR suspends such a Form 4. Report one, or check the box "no longer subject to Section 16" ([x]).');
  }

  // ---- the tables ------------------------------------------------------------------------------------

  private table(name: 'nonDerivativeTable' | 'derivativeTable', rows: readonly TableRow[]): void {
    if (rows.length === 0) return;
    const extra = rows[MAX_OCCURS.tableRows];
    if (extra) {
      this.problem(extra.span, `${tableName(extra.table)} has ${rows.length} rows, and EDGAR takes at most ${MAX_OCCURS.tableRows} in each table, transactions and holdings together. Report the rest on a second Form 4.`);
    }
    this.out.open(name);
    for (const row of rows) {
      if (row.table === 'I') this.rowI(row);
      else this.rowII(row);
    }
    this.out.close(name);
  }

  private rowI(row: NonDerivativeRow): void {
    const out = this.out;
    const element = row.kind === 'transaction' ? 'nonDerivativeTransaction' : 'nonDerivativeHolding';
    out.open(element);
    this.title('securityTitle', row.securityTitle, columnLabel(row, 'title'), 'the title of the security');
    if (row.kind === 'transaction') {
      this.transactionColumns(row);
      out.open('transactionAmounts');
      const amountWhere = columnLabel(row, 'amount');
      if (row.shares.value?.dollars) {
        this.problem(row.shares.valueSpan, `${amountWhere} is a dollar amount, but EDGAR's Table I takes a number of shares. Write the number of shares; a footnote may give the dollars.`);
      }
      this.valued('transactionShares', this.quantity(row.shares, 'value', amountWhere, 'the number of shares'), row.shares.refs, 'value', amountWhere);
      this.price(row);
      this.acquiredDisposed(row, row.acquiredDisposed.refs);
      out.close('transactionAmounts');
    } else {
      this.holdingExtras(row, ['date', 'deemedDate', 'code', 'timeliness', 'amount', 'acquiredDisposed', 'price']);
    }
    this.owned(row);
    this.ownership(row);
    out.close(element);
  }

  private rowII(row: DerivativeRow): void {
    const out = this.out;
    const element = row.kind === 'transaction' ? 'derivativeTransaction' : 'derivativeHolding';
    out.open(element);
    this.title('securityTitle', row.securityTitle, columnLabel(row, 'title'), 'the title of the derivative security');
    const exerciseWhere = columnLabel(row, 'exercisePrice');
    this.valued('conversionOrExercisePrice', this.decimal(row.exercisePrice, 'valueOrFootnote', exerciseWhere, 'the conversion or exercise price'), row.exercisePrice.refs, 'valueOrFootnote', exerciseWhere);
    if (row.kind === 'transaction') {
      this.transactionColumns(row);
      out.open('transactionAmounts');
      // The amount is in column 5 (A) or column 5 (D); the cell's references go with it.
      const amountWhere = columnLabel(row, row.acquiredDisposed.value === 'D' ? 'disposedAmount' : 'acquiredAmount');
      const amount = this.quantity(row.shares, 'value', amountWhere, 'the number of securities');
      this.valued(row.shares.value?.dollars ? 'transactionTotalValue' : 'transactionShares', amount, row.shares.refs, 'value', amountWhere);
      this.price(row);
      this.acquiredDisposed(row, []);
      out.close('transactionAmounts');
    } else {
      this.holdingExtras(row, ['date', 'deemedDate', 'code', 'timeliness', 'acquiredAmount', 'disposedAmount', 'price']);
    }
    const exercisable = columnLabel(row, 'exerciseDate');
    this.valued('exerciseDate', this.date(row.exerciseDate, 'valueOrFootnote', exercisable, 'the date exercisable'), row.exerciseDate.refs, 'valueOrFootnote', exercisable);
    const expiration = columnLabel(row, 'expirationDate');
    this.valued('expirationDate', this.date(row.expirationDate, 'valueOrFootnote', expiration, 'the expiration date'), row.expirationDate.refs, 'valueOrFootnote', expiration);
    out.open('underlyingSecurity');
    this.title('underlyingSecurityTitle', row.underlyingTitle, columnLabel(row, 'underlyingTitle'), 'the title of the underlying security');
    const underlyingWhere = columnLabel(row, 'underlyingAmount');
    const underlying = this.quantity(row.underlyingShares, 'valueOrFootnote', underlyingWhere, 'the amount of underlying securities');
    if (underlying !== undefined || row.underlyingShares.refs.length > 0) {
      this.valued(row.underlyingShares.value?.dollars ? 'underlyingSecurityValue' : 'underlyingSecurityShares', underlying, row.underlyingShares.refs, 'valueOrFootnote', underlyingWhere);
    }
    out.close('underlyingSecurity');
    this.owned(row);
    this.ownership(row);
    out.close(element);
  }

  private title(element: string, field: Field<string>, where: string, what: string): void {
    const written = this.text(field, 'value', where, what, MAX_LENGTH.securityTitle, 'Shorten it; a footnote may say more.');
    this.valued(element, written, field.refs, 'value', where);
  }

  /** transactionDate, deemedExecutionDate, transactionCoding, transactionTimeliness. */
  private transactionColumns(row: TableRow): void {
    const out = this.out;
    const dateWhere = columnLabel(row, 'date');
    this.valued('transactionDate', this.date(row.transactionDate, 'value', dateWhere, 'the transaction date'), row.transactionDate.refs, 'value', dateWhere);
    const deemedWhere = columnLabel(row, 'deemedDate');
    this.valued('deemedExecutionDate', this.date(row.deemedExecutionDate, 'optional', deemedWhere), row.deemedExecutionDate.refs, 'optional', deemedWhere);
    const codeWhere = columnLabel(row, 'code');
    const coding = row.coding;
    const timeliness = row.timeliness.value;
    out.open('transactionCoding');
    // An early transaction (the V column) is a Form 5 transaction reported on this Form 4 (§4.3.8.2).
    out.leaf('transactionFormType', timeliness === 'E' ? '5' : '4');
    if (coding.value) {
      out.leaf('transactionCode', coding.value.code);
    } else {
      if (coding.problem) this.unreadable(coding.valueSpan, codeWhere, coding.problem);
      else this.problem(coding.span, `${codeWhere} is blank, but EDGAR needs a transaction code. Write the code of General Instruction 8, as in P or S.`);
      out.leaf('transactionCode', this.escaped(coding.text, coding, codeWhere));
    }
    out.leaf('equitySwapInvolved', bool(coding.value?.equitySwap === true));
    for (const id of this.refIds(coding.refs, codeWhere)) out.footnoteId(id);
    out.close('transactionCoding');
    const vWhere = columnLabel(row, 'timeliness');
    if (row.timeliness.problem) this.unreadable(row.timeliness.valueSpan, vWhere, row.timeliness.problem);
    this.valued('transactionTimeliness', timeliness, row.timeliness.refs, 'optional', vWhere);
  }

  private price(row: TableRow): void {
    const where = columnLabel(row, 'price');
    const what = row.table === 'I' ? 'the price per share ($0 when there is none, as for a gift)' : 'the price of the derivative security ($0 when there is none)';
    this.valued('transactionPricePerShare', this.decimal(row.pricePerShare, 'valueOrFootnote', where, what), row.pricePerShare.refs, 'valueOrFootnote', where);
  }

  private acquiredDisposed(row: TableRow, refs: readonly FootnoteRef[]): void {
    const field = row.acquiredDisposed;
    const where = row.table === 'I' ? columnLabel(row, 'acquiredDisposed') : `${tableName(row.table)} row ${row.ordinal}, column 5`;
    let written: Written = field.value;
    if (!written) {
      if (field.problem) this.unreadable(field.valueSpan, where, field.problem);
      else this.problem(field.span, row.table === 'I' ? `${where} is blank, but EDGAR needs A (acquired) or D (disposed of). Write one of them.` : `${where} is blank. Give the number in column 5 (A) or column 5 (D).`);
      written = row.table === 'I' ? this.escaped(field.text, field, where) : '';
    }
    this.valued('transactionAcquiredDisposedCode', written, refs, 'value', where);
  }

  private owned(row: TableRow): void {
    const where = columnLabel(row, 'owned');
    const written = this.quantity(row.ownedAfter, 'value', where, 'the amount owned');
    this.out.open('postTransactionAmounts');
    this.valued(row.ownedAfter.value?.dollars ? 'valueOwnedFollowingTransaction' : 'sharesOwnedFollowingTransaction', written, row.ownedAfter.refs, 'value', where);
    this.out.close('postTransactionAmounts');
  }

  private ownership(row: TableRow): void {
    const out = this.out;
    const formWhere = columnLabel(row, 'ownership');
    const natureWhere = columnLabel(row, 'nature');
    const form = row.directOrIndirect;
    out.open('ownershipNature');
    let written: Written = form.value;
    if (!written) {
      if (form.problem) this.unreadable(form.valueSpan, formWhere, form.problem);
      else this.problem(form.span, `${formWhere} is blank, but EDGAR needs D (direct) or I (indirect). Write one of them.`);
      written = this.escaped(form.text, form, formWhere);
    }
    this.valued('directOrIndirectOwnership', written, form.refs, 'value', formWhere);
    const nature = row.nature.value ?? row.nature.text;
    if (form.value === 'D' && nature !== '') {
      this.problem(row.nature.valueSpan, `${natureWhere} is filled in for a direct holding (D), and EDGAR suspends that. Clear it, or make the ownership form I.`);
    }
    if (form.value === 'I' && nature === '') {
      this.problem(row.nature.span, `${natureWhere} is blank, but EDGAR needs it with I (indirect). Say how the securities are held, as in By Trust or By Spouse.`);
    }
    if (nature !== '' || row.nature.refs.length > 0) {
      const text = this.text(row.nature, 'value', natureWhere, 'the nature of ownership', MAX_LENGTH.natureOfOwnership, 'Shorten it; a footnote may say more.');
      this.valued('natureOfOwnership', text, row.nature.refs, 'value', natureWhere);
    }
    out.close('ownershipNature');
  }

  /** What a holdings row has in columns that EDGAR's holding elements do not have. */
  private holdingExtras(row: TableRow, kinds: readonly ColumnKind[]): void {
    const columns = columnsOf(row.table);
    for (const kind of kinds) {
      const field = row.fields[columns.findIndex((c) => c.kind === kind)];
      if (!field) continue;
      const where = columnLabel(row, kind);
      if (field.text !== '') {
        this.problem(field.valueSpan, `${where} is filled in on a holdings row, which has no such column in EDGAR's XML. Clear it, or make the row a transaction.`);
      }
      for (const ref of field.refs) {
        this.problem(ref.span, `${where} refers to footnote (${ref.id}), which a holdings row cannot keep there. Refer to it from the title or the amount owned.`);
      }
    }
  }

  // ---- footnotes, remarks, signatures ----------------------------------------------------------------

  private footnotes(): void {
    const footnotes = this.filing.footnotes;
    if (footnotes.length === 0) return;
    const first = new Map<number, (typeof footnotes)[number]>();
    for (const f of footnotes) {
      const earlier = first.get(f.id);
      if (earlier) {
        this.problem(f.markerSpan, `There are two footnotes (${f.id}), and EDGAR suspends a filing that defines a footnote twice. Renumber one (only the first is written).`);
        continue;
      }
      if (f.id < 1 || f.id > MAX_OCCURS.footnote) {
        this.problem(f.markerSpan, `Footnote (${f.id}) has a number EDGAR does not take: it numbers footnotes 1 to 99. Renumber it.`);
        continue;
      }
      first.set(f.id, f);
    }
    if (first.size === 0) return;
    this.out.open('footnotes');
    for (const f of [...first.values()].sort((a, b) => a.id - b.id)) {
      const where = `Footnote (${f.id})`;
      this.length(f.text, MAX_LENGTH.footnote, f.textSpan, where, 'Split it in two, or move part of it to the Remarks.');
      this.out.footnote(escapeXmlAttribute(`F${f.id}`).text, this.escaped(f.text, f.textSpan, where));
    }
    this.out.close('footnotes');
  }

  /** A footnote that no element of the XML refers to: EDGAR suspends the filing (§5). */
  private unreferredFootnotes(): void {
    const reported = new Set<number>();
    for (const f of this.filing.footnotes) {
      if (this.referred.has(f.id) || this.referredFromHeader.has(f.id) || reported.has(f.id)) continue;
      if (f.id < 1 || f.id > MAX_OCCURS.footnote) continue;
      reported.add(f.id);
      this.problem(f.markerSpan, `Footnote (${f.id}) is referred to from no cell, and EDGAR suspends a filing with a footnote nothing refers to. Refer to it where it applies, or delete it.`);
    }
  }

  private remarks(): void {
    const remarks = this.filing.remarks;
    if (!remarks || remarks.text === '') return;
    this.length(remarks.text, MAX_LENGTH.remarks, remarks.textSpan, 'The Remarks', 'Shorten them, or move part of them to footnotes.');
    this.out.leaf('remarks', this.escaped(remarks.text, remarks.textSpan, 'The Remarks'));
  }

  private signatures(): void {
    const signatures = this.filing.signatures;
    const out = this.out;
    if (signatures.length === 0) {
      this.problem(this.filing.places.signature, 'The draft is not signed, and EDGAR needs a signature and its date. Add a line "/s/ Name" and the date (MM/DD/YYYY) on the line below it.');
      out.open('ownerSignature');
      out.leaf('signatureName', '');
      out.leaf('signatureDate', '');
      out.close('ownerSignature');
      return;
    }
    const extra = signatures[MAX_OCCURS.ownerSignature];
    if (extra) this.problem(extra.span, `The draft has ${signatures.length} signatures, and EDGAR takes at most ${MAX_OCCURS.ownerSignature}. Remove the ones beyond ${MAX_OCCURS.ownerSignature}.`);
    for (const s of signatures) {
      out.open('ownerSignature');
      const name = s.name.value ?? s.name.text;
      if (name === '') this.problem(s.span, 'The signature gives no name after /s/, and EDGAR needs the name of the person who signs. Write it after /s/.');
      else this.length(name, MAX_LENGTH.signatureName, s.name.valueSpan, 'The signature');
      out.leaf('signatureName', this.escaped(name, s.name, 'The signature'));
      this.headerRefs(s.name.refs, 'The signature');
      if (!s.date) {
        this.problem(s.span, `The signature${name === '' ? '' : ` of ${name}`} has no date, which EDGAR needs. Write it (MM/DD/YYYY) on the line below the /s/ line.`);
        out.leaf('signatureDate', '');
      } else {
        out.leaf('signatureDate', this.date(s.date, 'value', 'The signature date', 'the signature date') ?? '');
        this.headerRefs(s.date.refs, 'The signature date');
      }
      out.close('ownerSignature');
    }
  }
}

function ownerLabel(owner: ReportingOwner): string {
  const name = owner.name.value ?? owner.name.text;
  return name === '' ? 'the reporting person' : name;
}
