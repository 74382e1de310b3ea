/**
 * The draft front end's parser: one pass over the lines of a draft, building the filing model
 * and the draft's own syntax (box labels, table headings, sections) beside it. It never throws
 * and never stops: a line it does not recognise is free text, a damaged row is kept (and
 * reported), and every part read keeps its source span.
 */
import type { CalendarDate } from '../../model/calendarDate';
import type { TableId } from '../../model/columns';
import type {
  Address,
  DerivativeRow,
  Field,
  Filing,
  Footnote,
  Issuer,
  NonDerivativeRow,
  Relationship,
  Remarks,
  ReportingOwner,
  Signature,
  Table,
  TableRow,
} from '../../model/filing';
import type { SyntaxProblem } from '../../rules/types';
import { cleanText, collapseSpaces } from '../../text/cleanText';
import { type SourceLine, splitLines } from '../../text/lines';
import { LINE, lineSpan, type Span } from '../../text/position';
import { type CellField, isSeparatorRow, readCell, splitRow } from './cells';
import { absentField, NO_REFS, sourceField } from '../../model/field';
import { dateField, textField } from './fields';
import { footnoteItemStart } from './footnoteItems';
import {
  type AddressParts,
  boxField,
  boxSpan,
  type DraftBox,
  matchBox,
  readCheckBox,
  readFilingMode,
  readIssuerBox,
  readOwnerBox,
  readRelationshipBox,
} from './header';
import { detailLine, type DetailKind } from './details';
import { rowShapeProblem } from './rowShape';
import {
  dateOnlyLine,
  isBoilerplate,
  isSignatureLabel,
  remarksStart,
  signatureStart,
  startsExplanation,
  startsTableI,
  startsTableII,
} from './sections';
import { buildRow, isHeaderRow, tableOfColumnTitles } from './tableRows';

/** A table as the draft writes it: its heading line, beside the model's rows. */
export interface DraftTable {
  readonly table: TableId;
  /** The line that starts the table ("Table I - Non-Derivative Securities…", or its column titles). */
  readonly headingLine: number;
  /** From the heading to the last row. */
  readonly span: Span;
}

export interface DraftSection {
  readonly kind: 'header' | 'tableI' | 'tableII' | 'explanation' | 'remarks' | 'signature';
  readonly span: Span;
}

/** A draft read: the model, and what only the draft's syntax has. */
export interface ParsedDraft {
  readonly kind: 'draft';
  readonly text: string;
  readonly lines: readonly SourceLine[];
  readonly filing: Filing;
  /** Findings about the draft's own syntax (a row with a cell too many), under their rule ids. */
  readonly problems: readonly SyntaxProblem[];
  readonly boxes: readonly DraftBox[];
  /** The lines under box 1 and box 2 that give a CIK or an address part. */
  readonly details: readonly DetailField[];
  readonly tables: readonly DraftTable[];
  /** The line that starts the Explanation of Responses. */
  readonly explanation: { readonly line: number; readonly span: Span } | undefined;
  /** The "** Signature of Reporting Person" label, when the draft has one. */
  readonly signatureLabelLine: number | undefined;
  readonly sections: readonly DraftSection[];
}

/** A detail line under box 1 or 2 (`CIK: 0001234567`, `City: Redwood City`), read. */
export interface DetailField {
  readonly kind: DetailKind;
  /** The box it belongs to. */
  readonly box: DraftBox;
  readonly line: number;
  readonly span: Span;
  readonly labelSpan: Span;
  readonly field: Field<string>;
}

/**
 * Where the parser is. `between` is after a table, before the footnotes; `after` is after the
 * form's boilerplate ended the footnotes or the remarks, where no table starts any more.
 */
type State = 'header' | 'tableI' | 'tableII' | 'between' | 'explanation' | 'remarks' | 'after' | 'signature';

interface OpenFootnote {
  id: number;
  line: number;
  markerSpan: Span;
  numberSpan?: Span;
  textStart: number;
  parts: string[];
  lastLine: number;
  lastEnd: number;
}

interface OpenTable {
  table: TableId;
  headingLine: number;
  rows: TableRow[];
}

interface OpenSignature {
  span: Span;
  name: Field<string>;
  date: Field<CalendarDate> | undefined;
}

/** Parses a draft. Total: any string gives a model. */
export function parseDraft(text: string): ParsedDraft {
  return new DraftParser(text).parse();
}

class DraftParser {
  private readonly lines: SourceLine[];
  private state: State = 'header';
  private readonly boxes: DraftBox[] = [];
  private readonly details: DetailField[] = [];
  private tableI: OpenTable | undefined;
  private tableII: OpenTable | undefined;
  private current: OpenTable | undefined;
  private explanation: { line: number; span: Span } | undefined;
  private readonly footnotes: Footnote[] = [];
  private openFootnote: OpenFootnote | undefined;
  private remarks:
    | { line: number; startChar: number; parts: string[]; hasText: boolean; lastLine: number; lastEnd: number; textLine: number; textChar: number }
    | undefined;
  private readonly signatures: OpenSignature[] = [];
  private pendingSignatures: OpenSignature[] = [];
  private signatureLabelLine: number | undefined;
  private readonly problems: SyntaxProblem[] = [];

  constructor(private readonly text: string) {
    this.lines = splitLines(text);
  }

  parse(): ParsedDraft {
    for (const line of this.lines) this.readLine(line);
    this.closeFootnote();
    const nonDerivativeTable = this.table<NonDerivativeRow>(this.tableI);
    const derivativeTable = this.table<DerivativeRow>(this.tableII);
    const signatures: Signature[] = this.signatures.map((s) => ({ span: s.span, name: s.name, date: s.date }));
    const remarks = this.buildRemarks();
    const filing = this.buildFiling(nonDerivativeTable, derivativeTable, signatures, remarks);
    const tables: DraftTable[] = [];
    if (this.tableI && nonDerivativeTable) tables.push({ table: 'I', headingLine: this.tableI.headingLine, span: nonDerivativeTable.span });
    if (this.tableII && derivativeTable) tables.push({ table: 'II', headingLine: this.tableII.headingLine, span: derivativeTable.span });
    return {
      kind: 'draft',
      text: this.text,
      lines: this.lines,
      filing,
      problems: this.problems,
      boxes: this.boxes,
      details: this.details,
      tables,
      explanation: this.explanation,
      signatureLabelLine: this.signatureLabelLine,
      sections: this.buildSections(filing, remarks),
    };
  }

  private readLine(line: SourceLine): void {
    const t = line.text;
    const sig = signatureStart(t);
    if (sig) {
      this.closeFootnote();
      this.closeTable();
      this.readSignature(line, sig.at);
      this.state = 'signature';
      return;
    }
    if (isSignatureLabel(t)) {
      this.closeFootnote();
      this.closeTable();
      this.signatureLabelLine ??= line.index;
      this.state = 'signature';
      return;
    }
    const explanationMayStart =
      this.state !== 'signature' && this.state !== 'explanation' && this.state !== 'remarks' && (this.state !== 'after' || !this.explanation);
    if (explanationMayStart && startsExplanation(t)) {
      this.closeTable();
      this.explanation = { line: line.index, span: lineSpan(line.index, 0, t.length) };
      this.state = 'explanation';
      return;
    }
    const remarks = this.state !== 'signature' && this.state !== 'remarks' ? remarksStart(t) : undefined;
    if (remarks && this.state !== 'header') {
      this.closeFootnote();
      this.closeTable();
      this.startRemarks(line, remarks.rest);
      return;
    }
    if (this.beforeFootnotes()) {
      // FORMAT.md: Table II starts at the *first* line containing "Table II". A later mention
      // ("see Table II, column 5") must not start it again and drop the rows already read.
      if (startsTableII(t) && !this.tableII) {
        this.startTable('II', line.index);
        return;
      }
      if (startsTableI(t) && !this.tableI && !this.tableII) {
        this.startTable('I', line.index);
        return;
      }
    }
    switch (this.state) {
      case 'header':
        this.readHeaderLine(line);
        return;
      case 'tableI':
      case 'tableII':
        this.readTableLine(line);
        return;
      case 'between':
        this.readBetweenLine(line);
        return;
      case 'after':
        return;
      case 'explanation':
        this.readExplanationLine(line);
        return;
      case 'remarks':
        this.readRemarksLine(line);
        return;
      case 'signature':
        this.readSignatureAreaLine(line);
        return;
    }
  }

  private beforeFootnotes(): boolean {
    return this.state === 'header' || this.state === 'tableI' || this.state === 'tableII' || this.state === 'between';
  }

  // ---- header --------------------------------------------------------------------------

  private readHeaderLine(line: SourceLine): void {
    const row = splitRow(line.text);
    if (row) {
      if (isSeparatorRow(line.text, row)) return;
      const cells = row.cells.map((span) => readCell(line.text, line.index, span));
      const table = tableOfColumnTitles(cells);
      if (table) {
        this.startTable(table, line.index);
        return;
      }
      for (const span of row.cells) {
        const box = matchBox(line.text, line.index, span.start, span.end);
        if (box) this.boxes.push(box);
      }
      return;
    }
    const box = matchBox(line.text, line.index, 0, line.text.length);
    if (box) {
      this.boxes.push(box);
      return;
    }
    this.readDetailLine(line);
  }

  /** `CIK: 0001234567` or an address part under box 1, `CIK:` under box 2. */
  private readDetailLine(line: SourceLine): void {
    const owner = this.boxes[this.boxes.length - 1];
    if (!owner || (owner.kind !== 'reportingPerson' && owner.kind !== 'issuer')) return;
    const found = detailLine(line.text);
    if (!found || (owner.kind === 'issuer' && found.kind !== 'cik')) return;
    const cell = readCell(line.text, line.index, { start: found.valueStart, end: line.text.length });
    this.details.push({
      kind: found.kind,
      box: owner,
      line: line.index,
      span: lineSpan(line.index, found.labelStart, Math.max(found.labelEnd, line.text.trimEnd().length)),
      labelSpan: lineSpan(line.index, found.labelStart, found.labelEnd),
      field: textField(cell),
    });
  }

  // ---- tables --------------------------------------------------------------------------

  private startTable(table: TableId, line: number): void {
    this.closeTable();
    const open: OpenTable = { table, headingLine: line, rows: [] };
    if (table === 'I') this.tableI = open;
    else this.tableII = open;
    this.current = open;
    this.state = table === 'I' ? 'tableI' : 'tableII';
  }

  private closeTable(): void {
    this.current = undefined;
    if (this.state === 'tableI' || this.state === 'tableII') this.state = 'between';
  }

  /**
   * After a table ended at a line of free text: a Table II column-title row still starts Table
   * II when the draft has no "Table II" line (as in the Posey example, where only a blank line
   * separates the tables, but an OCR'd or pasted draft may have a stray line there too).
   */
  private readBetweenLine(line: SourceLine): void {
    if (this.tableII) return;
    const row = splitRow(line.text);
    if (!row || isSeparatorRow(line.text, row)) return;
    const cells = row.cells.map((span) => readCell(line.text, line.index, span));
    if (isHeaderRow(cells) && tableOfColumnTitles(cells) === 'II') this.startTable('II', line.index);
  }

  private readTableLine(line: SourceLine): void {
    const table = this.current;
    if (!table) return;
    const t = line.text;
    if (isBlankLine(t)) return;
    const row = splitRow(t);
    if (!row) {
      // Text after the data rows ends the table; text before them is its title.
      if (table.rows.length > 0) this.closeTable();
      return;
    }
    if (isSeparatorRow(t, row)) return;
    const cells = row.cells.map((span) => readCell(t, line.index, span));
    if (isHeaderRow(cells)) {
      // A Table II column-title row inside Table I: the draft has no "Table II" line.
      if (table.table === 'I' && !this.tableII && tableOfColumnTitles(cells) === 'II') this.startTable('II', line.index);
      return;
    }
    if (cells.every((c) => c.text === '' && c.refs.length === 0)) return;
    const first = row.cells[0];
    const last = row.cells[row.cells.length - 1];
    const rowStart = row.delimiter === 'pipe' ? Math.max(0, (first?.start ?? 1) - 1) : 0;
    const rowEnd = row.delimiter === 'pipe' ? Math.min(t.length, (last?.end ?? t.length) + 1) : t.length;
    const built = buildRow(table.table, lineSpan(line.index, rowStart, rowEnd), cells, table.rows.length + 1);
    if (built.damaged) this.problems.push(rowShapeProblem(built, cells, row.delimiter, row.count));
    table.rows.push(built);
  }

  // ---- explanation of responses ----------------------------------------------------------

  private readExplanationLine(line: SourceLine): void {
    const t = line.text;
    if (isBoilerplate(t)) {
      this.closeFootnote();
      this.state = 'after';
      return;
    }
    const item = footnoteItemStart(t, line.index);
    if (item) {
      this.closeFootnote();
      const previous = this.footnotes[this.footnotes.length - 1];
      this.openFootnote = {
        id: item.id ?? (previous ? previous.id + 1 : 1),
        line: line.index,
        markerSpan: item.markerSpan,
        numberSpan: item.numberSpan,
        textStart: item.textStart,
        parts: [cleanLine(t, item.textStart)],
        lastLine: line.index,
        lastEnd: t.trimEnd().length,
      };
      return;
    }
    if (isBlankLine(t) || !this.openFootnote) return;
    this.openFootnote.parts.push(cleanLine(t, 0));
    this.openFootnote.lastLine = line.index;
    this.openFootnote.lastEnd = t.trimEnd().length;
  }

  private closeFootnote(): void {
    const f = this.openFootnote;
    if (!f) return;
    this.openFootnote = undefined;
    const end = f.lastLine * LINE + f.lastEnd;
    this.footnotes.push({
      id: f.id,
      text: collapseSpaces(f.parts.join(' ')).trim(),
      span: { start: f.markerSpan.start, end },
      markerSpan: f.markerSpan,
      numberSpan: f.numberSpan,
      textSpan: { start: f.line * LINE + f.textStart, end },
    });
  }

  // ---- remarks -------------------------------------------------------------------------------

  private startRemarks(line: SourceLine, rest: number): void {
    const tail = line.text.slice(rest);
    const textChar = rest + (tail.length - tail.trimStart().length);
    const first = cleanLine(line.text, rest);
    this.remarks = {
      line: line.index,
      startChar: line.text.search(/\S/),
      parts: [first],
      hasText: first !== '',
      lastLine: line.index,
      lastEnd: line.text.trimEnd().length,
      textLine: line.index,
      textChar,
    };
    this.state = 'remarks';
  }

  private readRemarksLine(line: SourceLine): void {
    const r = this.remarks;
    if (!r) return;
    if (isBoilerplate(line.text)) {
      this.state = 'after';
      return;
    }
    if (isBlankLine(line.text)) return;
    const part = cleanLine(line.text, 0);
    // The text starts at the first line with words. A flag, not `parts.join('')` on every
    // line, which made long remarks O(n²).
    if (!r.hasText) {
      r.textLine = line.index;
      r.textChar = line.text.search(/\S/);
      r.hasText = part !== '';
    }
    r.parts.push(part);
    r.lastLine = line.index;
    r.lastEnd = line.text.trimEnd().length;
  }

  // ---- signatures ----------------------------------------------------------------------------

  private readSignature(line: SourceLine, at: number): void {
    const t = line.text;
    const row = splitRow(t);
    // `| /s/ Name | 08/07/2013 |`: the name is the first cell, the date the first date cell.
    const nameEnd = row && row.delimiter === 'pipe' ? (row.cells.find((c) => c.end > at)?.end ?? t.length) : t.length;
    let dateSpan: { start: number; end: number } | undefined;
    if (row && row.delimiter === 'pipe') {
      for (const c of row.cells) {
        if (c.start >= nameEnd && dateOnlyLine(t.slice(c.start, c.end))) {
          dateSpan = c;
          break;
        }
      }
    }
    let nameSpanEnd = nameEnd;
    // `/s/ John N. Wilson   08/07/2013`: a date at the end of the line. The trailing spaces and
    // pipe are trimmed first: `\s*\|?\s*$` in the regex backtracked in O(n²) for each of
    // its start positions on a long run of spaces (100,000 spaces took 7 s, 400,000 almost 2 min).
    let tail = t.slice(at + 3, nameEnd).trimEnd();
    if (tail.endsWith('|')) tail = tail.slice(0, -1).trimEnd();
    const trailing = /\s(\d{1,2}\/\d{1,2}\/\d{2,4})$/.exec(tail);
    if (!dateSpan && trailing) {
      const start = at + 3 + trailing.index + 1;
      dateSpan = { start, end: start + (trailing[1] ?? '').length };
      nameSpanEnd = at + 3 + trailing.index;
    }
    const name = textField(readCell(t, line.index, { start: at + 3, end: nameSpanEnd }));
    const entry: OpenSignature = { span: lineSpan(line.index, at, t.trimEnd().length), name, date: undefined };
    if (dateSpan) entry.date = dateField(readCell(t, line.index, dateSpan));
    else this.pendingSignatures.push(entry);
    this.signatures.push(entry);
  }

  private readSignatureAreaLine(line: SourceLine): void {
    if (this.pendingSignatures.length === 0 || !dateOnlyLine(line.text)) return;
    const t = line.text;
    const start = t.search(/\d/);
    const m = /\d{1,2}\/\d{1,2}\/\d{2,4}/.exec(t.slice(start));
    const end = start + (m?.[0].length ?? 0);
    const date = dateField(readCell(t, line.index, { start, end }));
    for (const entry of this.pendingSignatures) entry.date = date;
    this.pendingSignatures = [];
  }

  // ---- the model -----------------------------------------------------------------------------

  private buildFiling(
    nonDerivativeTable: Table<NonDerivativeRow> | undefined,
    derivativeTable: Table<DerivativeRow> | undefined,
    signatures: readonly Signature[],
    remarks: Remarks | undefined,
  ): Filing {
    const relationships: Relationship[] = [];
    let issuer: Issuer | undefined;
    let periodOfReport: Filing['periodOfReport'];
    let dateOfOriginalSubmission: Filing['dateOfOriginalSubmission'];
    let filingMode: Filing['filingMode'];
    let notSubjectToSection16: Filing['notSubjectToSection16'];
    let aff10b5One: Filing['aff10b5One'];
    const ownerBoxes: DraftBox[] = [];
    for (const box of this.boxes) {
      switch (box.kind) {
        case 'reportingPerson':
          ownerBoxes.push(box);
          break;
        case 'issuer':
          issuer ??= this.issuer(box);
          break;
        case 'earliestTransaction':
          periodOfReport ??= dateField(boxCell(box));
          break;
        case 'amendment':
          dateOfOriginalSubmission ??= dateField(boxCell(box));
          break;
        case 'relationship':
          relationships.push(relationship(box));
          break;
        case 'filingMode':
          filingMode ??= boxField(box, readFilingMode(box));
          break;
        case 'exitBox':
          notSubjectToSection16 ??= boxField(box, readCheckBox(box));
          break;
        case 'rule10b5-1':
          aff10b5One ??= boxField(box, readCheckBox(box));
          break;
      }
    }
    const reportingOwners: ReportingOwner[] = ownerBoxes.map((box, i) => this.owner(box, relationships[Math.min(i, relationships.length - 1)]));
    return {
      documentType: dateOfOriginalSubmission?.text ? '4/A' : '4',
      schemaVersion: undefined,
      issuer,
      reportingOwners,
      relationships,
      periodOfReport,
      dateOfOriginalSubmission,
      notSubjectToSection16,
      aff10b5One,
      filingMode,
      nonDerivativeTable,
      derivativeTable,
      footnotes: this.footnotes,
      remarks,
      signatures,
      places: { top: this.top(), signature: this.signaturePlace() },
    };
  }

  private detailsOf(box: DraftBox, kind: DetailKind): Field<string> | undefined {
    for (const d of this.details) if (d.box === box && d.kind === kind) return d.field;
    return undefined;
  }

  private owner(box: DraftBox, relationship: Relationship | undefined): ReportingOwner {
    const { name, address } = readOwnerBox(box, this.addressGiven(box));
    return {
      span: box.span,
      cik: this.detailsOf(box, 'cik') ?? absentField(box.span.end),
      name: boxField<string>(box, name === '' ? undefined : name, name),
      address: this.address(box, address),
      relationship,
    };
  }

  /** The address: its parts from the detail lines where the draft gives them, else from box 1's text. */
  /** Whether detail lines under box 1 give the address (a CIK line alone does not). */
  private addressGiven(box: DraftBox): boolean {
    return this.details.some((d) => d.box === box && d.kind !== 'cik');
  }

  private address(box: DraftBox, parts: AddressParts): Address {
    const given = this.addressGiven(box);
    const part = (kind: DetailKind, read: string | undefined): Field<string> => {
      const detail = this.detailsOf(box, kind);
      if (given) return detail ?? absentField(box.span.end);
      return read === undefined ? absentField(box.span.end) : boxField<string>(box, read, read, NO_REFS);
    };
    return {
      street1: part('street1', parts.street1),
      street2: part('street2', parts.street2),
      city: part('city', parts.city),
      state: part('state', parts.state),
      zipCode: part('zipCode', parts.zipCode),
      text: given ? '' : parts.text,
    };
  }

  private issuer(box: DraftBox): Issuer {
    const { name, tradingSymbol } = readIssuerBox(box);
    return {
      span: box.span,
      cik: this.detailsOf(box, 'cik') ?? absentField(box.span.end),
      name: boxField<string>(box, name === '' ? undefined : name, name),
      tradingSymbol: boxField<string>(box, tradingSymbol, tradingSymbol ?? '', NO_REFS),
    };
  }

  /** Where a finding about a missing box goes: the draft's first non-blank line. */
  private top(): Span {
    const line = this.lines.find((l) => !isBlankLine(l.text)) ?? this.lines[0];
    if (!line) return lineSpan(0, 0, 0);
    const start = line.text.search(/\S/);
    return lineSpan(line.index, Math.max(0, start), line.text.trimEnd().length);
  }

  /** Where a missing signature goes: the signature label, or the draft's last line. */
  private signaturePlace(): Span {
    const labelLine = this.signatureLabelLine;
    const label = labelLine !== undefined ? this.lines[labelLine] : undefined;
    if (label) return lineSpan(label.index, 0, label.text.length);
    const last = this.lines[this.lines.length - 1];
    return lineSpan(this.lines.length - 1, 0, last?.text.length ?? 0);
  }

  private table<R extends TableRow>(open: OpenTable | undefined): Table<R> | undefined {
    if (!open) return undefined;
    const lastRow = open.rows[open.rows.length - 1];
    const lastLine = lastRow ? Math.floor(lastRow.span.start / LINE) : open.headingLine;
    return {
      table: open.table,
      span: { start: open.headingLine * LINE, end: lastLine * LINE + (this.lines[lastLine]?.text.length ?? 0) },
      rows: open.rows as R[],
    };
  }

  private buildRemarks(): Remarks | undefined {
    const r = this.remarks;
    if (!r) return undefined;
    const end = r.lastLine * LINE + r.lastEnd;
    return {
      text: collapseSpaces(r.parts.join(' ')).trim(),
      span: { start: r.line * LINE + Math.max(0, r.startChar), end },
      textSpan: { start: r.textLine * LINE + Math.max(0, r.textChar), end },
    };
  }

  private buildSections(filing: Filing, remarks: Remarks | undefined): DraftSection[] {
    const sections: DraftSection[] = [];
    const firstBox = this.boxes[0];
    const lastBox = this.boxes[this.boxes.length - 1];
    if (firstBox && lastBox) {
      const lastDetail = this.details[this.details.length - 1];
      const end = lastDetail && lastDetail.span.end > lastBox.span.end ? lastDetail.span.end : lastBox.span.end;
      sections.push({ kind: 'header', span: { start: firstBox.span.start, end } });
    }
    if (filing.nonDerivativeTable) sections.push({ kind: 'tableI', span: filing.nonDerivativeTable.span });
    if (filing.derivativeTable) sections.push({ kind: 'tableII', span: filing.derivativeTable.span });
    if (this.explanation) {
      const last = this.footnotes[this.footnotes.length - 1];
      sections.push({ kind: 'explanation', span: { start: this.explanation.span.start, end: last ? last.span.end : this.explanation.span.end } });
    }
    if (remarks) sections.push({ kind: 'remarks', span: remarks.span });
    const firstSig = filing.signatures[0];
    const lastSig = filing.signatures[filing.signatures.length - 1];
    if (firstSig && lastSig) {
      const end = lastSig.date ? lastSig.date.span.end : lastSig.span.end;
      sections.push({ kind: 'signature', span: { start: firstSig.span.start, end } });
    }
    return sections;
  }
}

/** A box's value cell as a blank field spanning the whole box, for a reader to complete. */
function boxCell(box: DraftBox): CellField {
  const span = boxSpan(box);
  return sourceField(box.value.text, span.start, span.end, box.value.valueStart, box.value.valueEnd, box.value.refs);
}

/** Box 5 as a model relationship: the options it selects and their texts. */
function relationship(box: DraftBox): Relationship {
  const r = readRelationshipBox(box);
  const text = (value: string | undefined): Field<string> =>
    value === undefined ? absentField(box.span.end) : boxField<string>(box, value, value, NO_REFS);
  return {
    span: box.span,
    isDirector: r.isDirector,
    isOfficer: r.isOfficer,
    isTenPercentOwner: r.isTenPercentOwner,
    isOther: r.isOther,
    officerTitle: text(r.officerTitle),
    otherText: text(r.otherText),
    refs: box.value.refs,
  };
}

/** A line of nothing but white space (as `trim` sees it), without making a trimmed copy of it. */
function isBlankLine(text: string): boolean {
  return !/\S/.test(text);
}

/** A line of prose (footnote or remarks) as read: tags, escapes and extra spaces removed. */
function cleanLine(text: string, from: number): string {
  return collapseSpaces(cleanText(text, from, text.length).text).trim();
}

export type { CellField };
