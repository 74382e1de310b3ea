/**
 * The parser: one pass over the lines of a draft, building the filing model. It never throws
 * and never stops: a line it does not recognise is free text, a damaged row is kept (and
 * reported by the rules), and every part read keeps its source range.
 */
import type {
  Box,
  CheckBox,
  DerivativeRow,
  Filing,
  Footnote,
  Issuer,
  NonDerivativeRow,
  Relationship,
  Remarks,
  ReportingOwner,
  Section,
  Signature,
  TableSection,
} from '../model/filing';
import type { TableId } from '../model/columns';
import { cleanText, collapseSpaces } from '../text/cleanText';
import { type SourceLine, splitLines } from '../text/lines';
import { lineRange, type Range } from '../text/range';
import { isSeparatorRow, readCell, splitRow } from './cells';
import { dateField } from './fields';
import { footnoteItemStart } from './footnoteItems';
import { matchBox, readCheckBox, readFilingMode, readIssuer, readRelationship, readReportingOwner } from './header';
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

export interface ParsedDraft {
  readonly text: string;
  readonly lines: readonly SourceLine[];
  readonly filing: Filing;
}

/**
 * Where the parser is. `between` is after a table, before the footnotes; `after` is after the
 * form's boilerplate ended the footnotes or the remarks, where no table starts any more.
 */
type State = 'header' | 'tableI' | 'tableII' | 'between' | 'explanation' | 'remarks' | 'after' | 'signature';

interface OpenFootnote {
  id: number;
  line: number;
  markerRange: Range;
  numberRange?: Range;
  textStart: number;
  parts: string[];
  lastLine: number;
  lastEnd: number;
}

interface OpenTable {
  table: TableId;
  headingLine: number;
  rows: (NonDerivativeRow | DerivativeRow)[];
  lastLine: number;
}

/** Parses a draft. Total: any string gives a model. */
export function parseDraft(text: string): ParsedDraft {
  return new DraftParser(text).parse();
}

class DraftParser {
  private readonly lines: SourceLine[];
  private state: State = 'header';
  private readonly boxes: Box[] = [];
  private tableI: OpenTable | undefined;
  private tableII: OpenTable | undefined;
  private current: OpenTable | undefined;
  private explanation: { line: number; range: Range } | undefined;
  private readonly footnotes: Footnote[] = [];
  private openFootnote: OpenFootnote | undefined;
  private remarks:
    | { line: number; startChar: number; parts: string[]; hasText: boolean; lastLine: number; lastEnd: number; textLine: number; textChar: number }
    | undefined;
  private readonly signatures: { sig: Omit<Signature, 'date'>; date?: Signature['date'] }[] = [];
  private pendingSignatures: { sig: Omit<Signature, 'date'>; date?: Signature['date'] }[] = [];
  private signatureLabelLine: number | undefined;

  constructor(private readonly text: string) {
    this.lines = splitLines(text);
  }

  parse(): ParsedDraft {
    for (const line of this.lines) this.readLine(line);
    this.closeFootnote();
    return { text: this.text, lines: this.lines, filing: this.buildFiling() };
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
      this.explanation = { line: line.index, range: lineRange(line.index, 0, t.length) };
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
    if (box) this.boxes.push(box);
  }

  // ---- tables --------------------------------------------------------------------------

  private startTable(table: TableId, line: number): void {
    this.closeTable();
    const open: OpenTable = { table, headingLine: line, rows: [], lastLine: line };
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
    if (t.trim() === '') return;
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
    const built = buildRow(table.table, line.index, lineRange(line.index, rowStart, rowEnd), cells, row.delimiter, table.rows.length + 1);
    table.rows.push(built);
    table.lastLine = line.index;
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
        markerRange: item.markerRange,
        numberRange: item.numberRange,
        textStart: item.textStart,
        parts: [cleanLine(t, item.textStart)],
        lastLine: line.index,
        lastEnd: t.trimEnd().length,
      };
      return;
    }
    if (t.trim() === '' || !this.openFootnote) return;
    this.openFootnote.parts.push(cleanLine(t, 0));
    this.openFootnote.lastLine = line.index;
    this.openFootnote.lastEnd = t.trimEnd().length;
  }

  private closeFootnote(): void {
    const f = this.openFootnote;
    if (!f) return;
    this.openFootnote = undefined;
    this.footnotes.push({
      id: f.id,
      text: collapseSpaces(f.parts.join(' ')).trim(),
      line: f.line,
      range: { start: f.markerRange.start, end: { line: f.lastLine, character: f.lastEnd } },
      markerRange: f.markerRange,
      numberRange: f.numberRange,
      textRange: { start: { line: f.line, character: f.textStart }, end: { line: f.lastLine, character: f.lastEnd } },
      lastLine: f.lastLine,
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
    if (line.text.trim() === '') return;
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
    let nameText = t.slice(at + 3, nameEnd);
    let nameSpanEnd = nameEnd;
    // `/s/ John N. Wilson   08/07/2013`: a date at the end of the line. The trailing spaces and
    // pipe are trimmed first: `\s*\|?\s*$` in the regex backtracked in O(n²) for each of
    // its start positions on a long run of spaces (100,000 spaces took 7 s, 400,000 almost 2 min).
    let tail = nameText.trimEnd();
    if (tail.endsWith('|')) tail = tail.slice(0, -1).trimEnd();
    const trailing = /\s(\d{1,2}\/\d{1,2}\/\d{2,4})$/.exec(tail);
    if (!dateSpan && trailing) {
      const start = at + 3 + trailing.index + 1;
      dateSpan = { start, end: start + (trailing[1] ?? '').length };
      nameText = nameText.slice(0, trailing.index);
      nameSpanEnd = at + 3 + trailing.index;
    }
    const nameCell = readCell(t, line.index, { start: at + 3, end: nameSpanEnd });
    const sig: Omit<Signature, 'date'> = {
      line: line.index,
      range: lineRange(line.index, at, t.trimEnd().length),
      name: nameCell.text,
      nameRange: nameCell.valueRange,
    };
    const entry: { sig: Omit<Signature, 'date'>; date?: Signature['date'] } = { sig };
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

  private buildFiling(): Filing {
    const lineText = (n: number): string => this.lines[n]?.text ?? '';
    const reportingOwners: ReportingOwner[] = [];
    const relationships: Relationship[] = [];
    let issuer: Issuer | undefined;
    let periodOfReport: Filing['periodOfReport'];
    let dateOfOriginalSubmission: Filing['dateOfOriginalSubmission'];
    let filingMode: Filing['filingMode'];
    let notSubjectToSection16: CheckBox | undefined;
    let aff10b5One: CheckBox | undefined;
    for (const box of this.boxes) {
      switch (box.kind) {
        case 'reportingPerson':
          reportingOwners.push(readReportingOwner(box));
          break;
        case 'issuer':
          issuer ??= readIssuer(box);
          break;
        case 'earliestTransaction':
          periodOfReport ??= { box, date: dateField(box.value) };
          break;
        case 'amendment':
          dateOfOriginalSubmission ??= { box, date: dateField(box.value) };
          break;
        case 'relationship':
          relationships.push(readRelationship(box));
          break;
        case 'filingMode':
          filingMode ??= { box, joint: readFilingMode(box) };
          break;
        case 'exitBox':
          notSubjectToSection16 ??= readCheckBox(box, lineText(box.line));
          break;
        case 'rule10b5-1':
          aff10b5One ??= readCheckBox(box, lineText(box.line));
          break;
      }
    }
    const signatures: Signature[] = this.signatures.map((e) => (e.date ? { ...e.sig, date: e.date } : { ...e.sig }));
    const nonDerivativeTable = this.section<NonDerivativeRow>(this.tableI);
    const derivativeTable = this.section<DerivativeRow>(this.tableII);
    const remarks = this.buildRemarks();
    return {
      documentType: dateOfOriginalSubmission?.date.cell.text ? '4/A' : '4',
      reportingOwners,
      issuer,
      periodOfReport,
      dateOfOriginalSubmission,
      relationships,
      filingMode,
      notSubjectToSection16,
      aff10b5One,
      boxes: this.boxes,
      nonDerivativeTable,
      derivativeTable,
      explanation: this.explanation,
      footnotes: this.footnotes,
      remarks,
      signatures,
      signatureLabelLine: this.signatureLabelLine,
      sections: this.buildSections(nonDerivativeTable, derivativeTable, remarks, signatures),
    };
  }

  private section<R extends NonDerivativeRow | DerivativeRow>(open: OpenTable | undefined): TableSection<R> | undefined {
    if (!open) return undefined;
    const lastLine = open.rows[open.rows.length - 1]?.line ?? open.headingLine;
    return {
      table: open.table,
      headingLine: open.headingLine,
      range: { start: { line: open.headingLine, character: 0 }, end: { line: lastLine, character: this.lines[lastLine]?.text.length ?? 0 } },
      rows: open.rows as R[],
    };
  }

  private buildRemarks(): Remarks | undefined {
    const r = this.remarks;
    if (!r) return undefined;
    return {
      text: collapseSpaces(r.parts.join(' ')).trim(),
      line: r.line,
      range: { start: { line: r.line, character: Math.max(0, r.startChar) }, end: { line: r.lastLine, character: r.lastEnd } },
      textRange: { start: { line: r.textLine, character: Math.max(0, r.textChar) }, end: { line: r.lastLine, character: r.lastEnd } },
    };
  }

  private buildSections(
    tableI: TableSection<NonDerivativeRow> | undefined,
    tableII: TableSection<DerivativeRow> | undefined,
    remarks: Remarks | undefined,
    signatures: readonly Signature[],
  ): Section[] {
    const sections: Section[] = [];
    const firstBox = this.boxes[0];
    const lastBox = this.boxes[this.boxes.length - 1];
    if (firstBox && lastBox) sections.push({ kind: 'header', range: { start: firstBox.range.start, end: lastBox.range.end } });
    if (tableI) sections.push({ kind: 'tableI', range: tableI.range });
    if (tableII) sections.push({ kind: 'tableII', range: tableII.range });
    if (this.explanation) {
      const last = this.footnotes[this.footnotes.length - 1];
      sections.push({ kind: 'explanation', range: { start: this.explanation.range.start, end: last ? last.range.end : this.explanation.range.end } });
    }
    if (remarks) sections.push({ kind: 'remarks', range: remarks.range });
    const firstSig = signatures[0];
    const lastSig = signatures[signatures.length - 1];
    if (firstSig && lastSig) {
      const end = lastSig.date ? lastSig.date.cell.range.end : lastSig.range.end;
      sections.push({ kind: 'signature', range: { start: firstSig.range.start, end } });
    }
    return sections;
  }
}

/** A line of prose (footnote or remarks) as read: tags, escapes and extra spaces removed. */
function cleanLine(text: string, from: number): string {
  return collapseSpaces(cleanText(text, from, text.length).text).trim();
}
