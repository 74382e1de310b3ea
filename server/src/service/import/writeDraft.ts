/**
 * A filing written as a draft in the project's canonical layout (docs/format.md), so that the
 * draft reader reads every fact of it back: boxes 1–6 in colon form with the detail lines (CIKs,
 * address parts), one box 1 and one box 5 per reporting owner, the exit box and the Rule
 * 10b5-1(c) line when the filing states them, both tables (a column-title row, a separator, one
 * pipe row per transaction or holding), the footnotes under "Explanation of Responses:", the
 * remarks, and one `/s/` line and date per signature.
 *
 * What the draft cannot show is never dropped silently: each such fact is handed to `onNote`
 * (docs/format.md, "Facts a draft does not carry"), and the draft is read back and compared
 * with the filing, fact by fact, so that anything else that would read differently is noted too.
 */
import type {
  DerivativeRow,
  Field,
  Filing,
  FootnoteRef,
  NonDerivativeRow,
  Relationship,
  ReportingOwner,
  Signature,
  TableRow,
  Timeliness,
  TransactionCoding,
} from '../model/filing';
import { type CalendarDate, formatDate } from '../model/calendarDate';
import type { Span } from '../text/position';
import { quoted } from '../text/sentence';
import { dateCell, escapeText, priceCell, quantityCell, textCell, withRefs } from './draftText';
import { formatDraft } from '../features/formatting';
import { parseDraft } from '../parse/draft/parser';
import { applyEdits } from '../text/edits';
import { readBackNotes } from './readBack';

/** A fact of the filing that the draft does not show, or shows otherwise, in words. */
export interface DraftNote {
  readonly message: string;
  /** Where the fact stands in the filing's source, when it has a place there. */
  readonly span?: Span;
}

export interface WriteDraftOptions {
  /** Receives each fact the draft does not carry. */
  readonly onNote?: (note: DraftNote) => void;
  /**
   * Read the written draft back and note every fact that reads differently from the filing
   * (default true). The notes of this check name the fact and both readings.
   */
  readonly verify?: boolean;
}

export const TABLE_I_HEADING = 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned';
export const TABLE_II_HEADING =
  'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)';

/** The column titles of the project's template (snippets/form4.code-snippets). */
export const TABLE_I_TITLES = [
  '1. Title of Security',
  '2. Transaction Date',
  '2A. Deemed Execution Date, if any',
  '3. Transaction Code',
  'V',
  '4. Amount',
  '(A) or (D)',
  'Price',
  '5. Amount Beneficially Owned Following Reported Transaction(s)',
  '6. Ownership Form: Direct (D) or Indirect (I)',
  '7. Nature of Indirect Beneficial Ownership',
] as const;

export const TABLE_II_TITLES = [
  '1. Title of Derivative Security',
  '2. Conversion or Exercise Price',
  '3. Transaction Date',
  '3A. Deemed Execution Date',
  '4. Code',
  'V',
  '5. Number Acquired (A)',
  '5. Number Disposed of (D)',
  '6. Date Exercisable',
  '6. Expiration Date',
  '7. Title of Underlying Security',
  '7. Amount of Underlying Securities',
  '8. Price of Derivative Security',
  '9. Number Owned Following Reported Transaction(s)',
  '10. Ownership Form (D/I)',
  '11. Nature of Indirect Beneficial Ownership',
] as const;

export const EXIT_BOX_LABEL = 'Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).';
const INDIVIDUAL = 'Form filed by One Reporting Person';
const JOINT = 'Form filed by More than One Reporting Person';

/** Writes the filing as a draft. Pure and total: any filing gives a draft. */
export function writeDraft(filing: Filing, options: WriteDraftOptions = {}): string {
  const writer = new DraftWriter(filing);
  const written = writer.write();
  // The tables aligned as Format Document aligns them: an imported draft is already formatted.
  const text = applyEdits(written, formatDraft(parseDraft(written)));
  const notes = [...writer.notes];
  if (options.verify !== false) notes.push(...readBackNotes(filing, text, writer.notedKeys));
  for (const note of notes) options.onNote?.(note);
  return text;
}

function row(cells: readonly string[]): string {
  return `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
}

function tableHead(titles: readonly string[]): string[] {
  return [row(titles), `|${titles.map(() => '---').join('|')}|`];
}

/** A check box as the draft marks it: `[x]`, `[ ]`, or no mark for a value it does not state. */
function mark(field: Field<boolean>): string {
  return field.value === true ? '[x]' : field.value === false ? '[ ]' : '';
}

class DraftWriter {
  readonly notes: DraftNote[] = [];
  /** The read-back keys of facts already noted, so that the read-back check does not note them twice. */
  readonly notedKeys = new Set<string>();

  constructor(private readonly filing: Filing) {}

  private note(message: string, span: Span | undefined, ...keys: string[]): void {
    this.notes.push(span ? { message, span } : { message });
    for (const key of keys) this.notedKeys.add(key);
  }

  write(): string {
    const f = this.filing;
    const lines: string[] = [f.documentType === '4/A' ? 'FORM 4/A' : 'FORM 4', '', 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', ''];
    if (f.notSubjectToSection16) lines.push(`${mark(f.notSubjectToSection16)} ${EXIT_BOX_LABEL}`.trim(), '');
    lines.push(...this.header());
    if (f.aff10b5One) lines.push(`Rule 10b5-1(c) Transaction Indication: ${mark(f.aff10b5One)}`.trimEnd());
    lines.push('', TABLE_I_HEADING, '', ...tableHead(TABLE_I_TITLES));
    for (const r of f.nonDerivativeTable?.rows ?? []) lines.push(this.rowI(r));
    lines.push('', TABLE_II_HEADING, '', ...tableHead(TABLE_II_TITLES));
    for (const r of f.derivativeTable?.rows ?? []) lines.push(this.rowII(r));
    lines.push('', 'Explanation of Responses:', '');
    for (const footnote of f.footnotes) lines.push(`(${footnote.id}) ${escapeText(footnote.text, 'prose')}`.trimEnd());
    if (f.remarks) lines.push('', `Remarks: ${escapeText(f.remarks.text, 'prose')}`.trimEnd());
    lines.push('', ...this.signatures(f.signatures));
    return `${lines.join('\n').replace(/\n+$/, '')}\n`;
  }

  // ---- the header ------------------------------------------------------------------------

  private header(): string[] {
    const f = this.filing;
    const lines: string[] = [];
    for (const owner of f.reportingOwners) lines.push(...this.owner(owner));
    if (f.issuer) {
      const symbol = f.issuer.tradingSymbol.text;
      const name = withRefs(escapeText(f.issuer.name.text, 'box'), f.issuer.name.refs);
      lines.push(`2. Issuer Name and Ticker or Trading Symbol: ${name}${symbol === '' ? '' : `${name === '' ? '' : ' '}[${escapeText(symbol, 'box')}]`}`.trimEnd());
      lines.push(`   CIK: ${withRefs(escapeText(f.issuer.cik.text, 'box'), f.issuer.cik.refs)}`.trimEnd());
    }
    if (f.periodOfReport) lines.push(`3. Date of Earliest Transaction (Month/Day/Year): ${this.boxDate(f.periodOfReport)}`.trimEnd());
    const original = f.dateOfOriginalSubmission;
    lines.push(`4. If Amendment, Date of Original Filed (Month/Day/Year): ${original ? this.boxDate(original) : ''}`.trimEnd());
    const amends = (original?.text ?? '') !== '';
    if (f.documentType === '4/A' && !amends) {
      this.note('The filing is a 4/A but gives no date of the original filing, so the draft reads as a Form 4. A draft is a 4/A when box 4 has a date.', f.places.top, 'documentType');
    } else if (f.documentType === '4' && amends) {
      this.note('The filing is a Form 4 but gives a date of the original filing, so the draft reads as a 4/A. A draft with a date in box 4 is a 4/A.', original?.span, 'documentType');
    }
    f.reportingOwners.forEach((owner, i) => lines.push(this.relationship(owner, i + 1)));
    const joint = f.filingMode?.value ?? f.reportingOwners.length > 1;
    lines.push(`6. Individual or Joint/Group Filing: ${joint ? JOINT : INDIVIDUAL}`);
    return lines;
  }

  private boxDate(field: Field<CalendarDate>): string {
    return withRefs(field.value ? formatDate(field.value) : escapeText(field.text, 'box'), field.refs);
  }

  private owner(owner: ReportingOwner): string[] {
    const a = owner.address;
    const detail = (label: string, field: Field<string>): string => `   ${label}: ${withRefs(escapeText(field.text, 'box'), field.refs)}`.trimEnd();
    const name = withRefs(escapeText(owner.name.text, 'box'), owner.name.refs);
    if (a.text !== '') {
      // A draft's address written on the box line, not in parts: it stays there.
      return [`1. Name and Address of Reporting Person: ${name}${name === '' ? '' : ', '}${escapeText(a.text, 'box')}`, detail('CIK', owner.cik)];
    }
    return [
      `1. Name and Address of Reporting Person: ${name}`.trimEnd(),
      detail('CIK', owner.cik),
      detail('Street 1', a.street1),
      detail('Street 2', a.street2),
      detail('City', a.city),
      detail('State', a.state),
      detail('ZIP', a.zipCode),
    ];
  }

  private relationship(owner: ReportingOwner, n: number): string {
    const r: Relationship | undefined = owner.relationship;
    const label = '5. Relationship of Reporting Person(s) to Issuer:';
    if (!r) {
      this.note(`Reporting owner ${n} has no relationship to the issuer (reportingOwnerRelationship), so the draft gives it an empty box 5.`, owner.span, `owner ${n} relationship`);
      return label;
    }
    const items: string[] = [];
    if (r.isDirector) items.push('Director');
    if (r.isTenPercentOwner) items.push('10% Owner');
    const title = escapeText(r.officerTitle.text, 'box');
    const other = escapeText(r.otherText.text, 'box');
    const officer = r.isOfficer ? (title === '' ? 'Officer' : `Officer (${title})`) : undefined;
    const otherItem = r.isOther ? (other === '' ? 'Other' : `Other (${other})`) : undefined;
    // A text with an unclosed "(" swallows what follows it in the list: it goes last.
    const unclosed = (t: string): boolean => (t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length;
    if (officer && otherItem && unclosed(title)) items.push(otherItem, officer);
    else items.push(...[officer, otherItem].filter((x): x is string => x !== undefined));
    if (!r.isOfficer && r.officerTitle.text !== '') {
      this.note(`The officer title ${quoted(r.officerTitle.text)} of reporting owner ${n} is not carried, because isOfficer is not set. Box 5 gives a title only to Officer.`, r.officerTitle.span, `owner ${n} officerTitle`);
    }
    if (!r.isOther && r.otherText.text !== '') {
      this.note(`The Other text ${quoted(r.otherText.text)} of reporting owner ${n} is not carried, because isOther is not set. Box 5 gives a text only to Other.`, r.otherText.span, `owner ${n} otherText`);
    }
    return withRefs(`${label} ${items.join(', ')}`.trimEnd(), r.refs);
  }

  // ---- the tables --------------------------------------------------------------------------

  private rowNotes(r: TableRow): void {
    const where = `Table ${r.table} row ${r.ordinal}`;
    if (r.damaged) this.note(`${where} could not be placed in its columns, so it is written as its cells were read.`, r.span);
    if (r.strayRefs.length > 0) {
      this.note(`The references ${r.strayRefs.map((x) => `(${x.id})`).join(' ')} beyond the columns of ${where} are not carried.`, r.span, where);
    }
  }

  private rowI(r: NonDerivativeRow): string {
    this.rowNotes(r);
    return row([
      textCell(r.securityTitle),
      dateCell(r.transactionDate),
      dateCell(r.deemedExecutionDate),
      codeCell(r.coding),
      timelinessCell(r.timeliness),
      quantityCell(r.shares),
      choiceCell(r.acquiredDisposed),
      priceCell(r.pricePerShare),
      quantityCell(r.ownedAfter),
      choiceCell(r.directOrIndirect),
      textCell(r.nature),
    ]);
  }

  private rowII(r: DerivativeRow): string {
    this.rowNotes(r);
    const where = `Table II row ${r.ordinal}`;
    const direction = r.acquiredDisposed;
    // Table II has no (A)/(D) column: the amount stands in column 5 (A) or 5 (D), and the
    // references of the code stand with it, as on the printed form.
    const disposed = direction.value === 'D';
    const amount = disposed ? r.disposedShares : r.acquiredShares;
    const own = new Set(amount.refs.map((x) => x.id));
    const codeRefs: FootnoteRef[] = direction.refs.filter((x) => !own.has(x.id));
    if (codeRefs.length > 0 && amount === r.shares && !sameRefs(direction.refs, amount.refs)) {
      this.note(
        `In ${where}, the reference${codeRefs.length > 1 ? 's' : ''} ${codeRefs.map((x) => `(${x.id})`).join(' ')} of the (A)/(D) code ${codeRefs.length > 1 ? 'are' : 'is'} written in the amount's cell, as the printed form shows. A draft does not tell the two apart.`,
        direction.span,
      );
    }
    if (direction.value === undefined && direction.text !== '') {
      this.note(`In ${where}, the (A)/(D) code ${quoted(direction.text)} is neither A nor D, so the amount is written in column 5 (A).`, direction.span, `${where}, (A) or (D)`);
    } else if (direction.value !== undefined && r.shares.text === '') {
      this.note(`In ${where}, the (A)/(D) code ${direction.value} has no amount to stand with. A Table II row shows the code by the column its amount is in.`, direction.span, `${where}, (A) or (D)`);
    }
    const amountCell = amount === r.shares ? quantityCell(amount, codeRefs) : quantityCell(amount);
    const other = disposed ? r.acquiredShares : r.disposedShares;
    const otherCell = other === r.shares || other.text !== '' || other.refs.length > 0 ? quantityCell(other) : '';
    return row([
      textCell(r.securityTitle),
      priceCell(r.exercisePrice),
      dateCell(r.transactionDate),
      dateCell(r.deemedExecutionDate),
      codeCell(r.coding),
      timelinessCell(r.timeliness),
      disposed ? otherCell : amountCell,
      disposed ? amountCell : otherCell,
      dateCell(r.exerciseDate),
      dateCell(r.expirationDate),
      textCell(r.underlyingTitle),
      quantityCell(r.underlyingShares),
      priceCell(r.pricePerShare),
      quantityCell(r.ownedAfter),
      choiceCell(r.directOrIndirect),
      textCell(r.nature),
    ]);
  }

  // ---- signatures -------------------------------------------------------------------------------

  /**
   * `/s/ name`, a blank line and the date, per signature. A date line dates every signature
   * still without one above it, so after a signature without a date the later ones carry
   * theirs on the `/s/` line itself.
   */
  private signatures(signatures: readonly Signature[]): string[] {
    const lines: string[] = [];
    let undatedAbove = false;
    for (const s of signatures) {
      const name = withRefs(escapeText(signatureName(s.name.text), 'signature'), s.name.refs);
      const date = s.date && s.date.text !== '' ? (s.date.value ? formatDate(s.date.value) : escapeText(s.date.text, 'cell')) : undefined;
      if (date === undefined) {
        lines.push(`/s/ ${name}`.trimEnd(), '');
        undatedAbove = true;
      } else if (undatedAbove) {
        lines.push(`/s/ ${name}   ${date}`, '');
      } else {
        lines.push(`/s/ ${name}`.trimEnd(), '', date, '');
      }
    }
    return lines;
  }
}

/** EDGAR's signatureName usually starts with its own "/s/": the draft's `/s/` is that one. */
export function signatureName(text: string): string {
  return text.replace(/^\s*\/s\/\s*/i, '');
}

function sameRefs(a: readonly FootnoteRef[], b: readonly FootnoteRef[]): boolean {
  return a.length === b.length && a.every((x, i) => x.id === b[i]?.id);
}

function codeCell(field: Field<TransactionCoding>): string {
  const value = field.value;
  const text = value ? `${value.code}${value.equitySwap ? '(K)' : ''}` : escapeText(field.text, 'cell');
  return withRefs(text, field.refs);
}

function timelinessCell(field: Field<Timeliness>): string {
  const value = field.value;
  const text = value === 'E' ? 'V' : value === 'L' ? 'L' : escapeText(field.text, 'cell');
  return withRefs(text, field.refs);
}

function choiceCell(field: Field<string>): string {
  return withRefs(field.value ?? escapeText(field.text, 'cell'), field.refs);
}
