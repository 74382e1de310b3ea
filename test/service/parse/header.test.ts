/**
 * FORMAT.md §1, header boxes: the colon form, the short labels, EDGAR's rendered table form with
 * `<u>` values and `<input … checked>` marks, `[x]`/`[ ]` marks, box 5 lists, joint filers, box 6,
 * the exit box and the 10b5-1 box, and labels written loosely. Each box is checked for its kind,
 * its label's range and its value's range.
 */
import assert from 'node:assert/strict';
import { pos } from '../../../server/src/service/text/position';
import { LINE } from '../../../server/src/service/text/position';
import { describe, test } from 'node:test';
import type { Address, Filing, Relationship } from '../../../server/src/service/model/filing';
import { notationOf } from '../../../server/src/service/parse/draft/footnoteRefs';
import type { BoxKind, DraftBox } from '../../../server/src/service/parse/draft/header';
import type { DraftSection } from '../../../server/src/service/parse/draft/parser';
import { at, col, example, find, findAfter, parseFull, r, wholeLine } from './helpers';

/** The model and, beside it, the draft's boxes and sections, as these tests read them. */
type Read = Filing & { readonly boxes: readonly DraftBox[]; readonly sections: readonly DraftSection[] };

function parse(lines: readonly string[]): Read {
  const d = parseFull(lines);
  return { ...d.filing, boxes: d.boxes, sections: d.sections };
}

/** An address as the parts' texts. */
function parts(address: Address | undefined): Record<string, string | undefined> | undefined {
  if (!address) return undefined;
  const found: Record<string, string | undefined> = { text: address.text };
  for (const key of ['street1', 'street2', 'city', 'state', 'zipCode'] as const) found[key] = address[key].value;
  return found;
}

/** A relationship's options and texts. */
function options(r: Relationship | undefined): Record<string, unknown> {
  return r
    ? { isDirector: r.isDirector, isOfficer: r.isOfficer, isTenPercentOwner: r.isTenPercentOwner, isOther: r.isOther, officerTitle: r.officerTitle.value, otherText: r.otherText.value }
    : {};
}

function box(filing: Read, kind: BoxKind, nth = 0): DraftBox {
  const found = filing.boxes.filter((b) => b.kind === kind)[nth];
  assert.ok(found, `no ${kind} box #${nth}; boxes: ${filing.boxes.map((b) => b.kind).join(', ')}`);
  return found;
}

/** The minimal header of FORMAT.md §1, verbatim. */
const MINIMAL = [
  '1. Name and Address of Reporting Person: Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
  '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
  '3. Date of Earliest Transaction: 08/06/2013',
  '4. If Amendment, Date of Original Filed:',
  '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
  '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
  'Rule 10b5-1(c) Transaction Indication: [ ]',
];

describe('header boxes in the colon form (FORMAT.md §1 minimal header)', () => {
  const filing = parse(MINIMAL);

  test('every line is a box of the right kind, with exact label, value and box ranges', () => {
    const expected: [BoxKind, string, string][] = [
      ['reportingPerson', '1. Name and Address of Reporting Person:', 'Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065'],
      ['issuer', '2. Issuer Name and Ticker or Trading Symbol:', 'QUALYS, INC. [QLYS]'],
      ['earliestTransaction', '3. Date of Earliest Transaction:', '08/06/2013'],
      ['amendment', '4. If Amendment, Date of Original Filed:', ''],
      ['relationship', '5. Relationship of Reporting Person(s) to Issuer:', 'Officer (EVP, Worldwide Field Ops)'],
      ['filingMode', '6. Individual or Joint/Group Filing:', 'Form filed by One Reporting Person'],
      ['rule10b5-1', 'Rule 10b5-1(c) Transaction Indication:', '[ ]'],
    ];
    assert.deepEqual(filing.boxes.map((b) => b.kind), expected.map((e) => e[0]));
    expected.forEach(([kind, label, value], line) => {
      const b = box(filing, kind);
      assert.equal(b.line, line, kind);
      assert.deepEqual(b.labelSpan, find(MINIMAL, line, label), `${kind} label`);
      assert.equal(b.value.text, value, `${kind} value`);
      assert.deepEqual(b.span, wholeLine(MINIMAL, line), `${kind} box`);
      // The value's cell runs from the label's end to the line's end.
      assert.deepEqual(b.value.span, r(line, label.length, (MINIMAL[line] ?? '').length), `${kind} cell`);
      if (value !== '') assert.deepEqual(b.value.valueSpan, find(MINIMAL, line, value), `${kind} value range`);
      assert.deepEqual(b.value.refs, []);
    });
    // Box 4 is empty: its value range is the empty point at the end of the label.
    assert.deepEqual(box(filing, 'amendment').value.valueSpan, at(3, MINIMAL[3]?.length ?? -1));
  });

  test('the facts: owner and address, issuer and ticker, dates, relationship, filing mode, 10b5-1', () => {
    assert.equal(filing.reportingOwners.length, 1);
    const owner = filing.reportingOwners[0];
    assert.equal(owner?.name.text, 'Wilson John N');
    // "C/O QUALYS, INC." is one street line although a comma is inside it.
    assert.deepEqual(parts(owner?.address), {
      text: 'C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
      street1: 'C/O QUALYS, INC.',
      street2: '1600 BRIDGE PARKWAY',
      city: 'REDWOOD CITY',
      state: 'CA',
      zipCode: '94065',
    });
    assert.equal(filing.issuer?.name.text, 'QUALYS, INC.');
    assert.equal(filing.issuer?.tradingSymbol.value, 'QLYS');
    assert.deepEqual(filing.periodOfReport?.value, { year: 2013, month: 8, day: 6 });
    assert.equal(filing.periodOfReport?.problem, undefined);
    // Box 4 empty: an original Form 4.
    assert.equal(filing.dateOfOriginalSubmission?.text, '');
    assert.equal(filing.dateOfOriginalSubmission?.value, undefined);
    assert.equal(filing.dateOfOriginalSubmission?.problem, undefined);
    assert.equal(filing.documentType, '4');
    assert.equal(filing.relationships.length, 1);
    assert.deepEqual(options(filing.relationships[0]), {
      isDirector: false,
      isOfficer: true,
      isTenPercentOwner: false,
      isOther: false,
      officerTitle: 'EVP, Worldwide Field Ops',
      otherText: undefined,
    });
    assert.equal(filing.filingMode?.value, false);
    assert.equal(filing.aff10b5One?.value, false);
    assert.equal(filing.notSubjectToSection16, undefined);
    assert.deepEqual(filing.sections.map((s) => s.kind), ['header']);
    assert.deepEqual(filing.sections[0]?.span, { start: pos(0, 0), end: pos(6, MINIMAL[6]?.length ?? -1) });
  });

  test('box 4 with a date makes the draft a 4/A', () => {
    const lines = ['4. If Amendment, Date of Original Filed (Month/Day/Year): 8/1/2013'];
    const f = parse(lines);
    assert.deepEqual(f.dateOfOriginalSubmission?.value, { year: 2013, month: 8, day: 1 });
    assert.deepEqual(f.dateOfOriginalSubmission?.valueSpan, find(lines, 0, '8/1/2013'));
    assert.equal(f.documentType, '4/A');
  });

  test('a full label needs no colon (as in EDGAR\'s rendering)', () => {
    const lines = ['3. Date of Earliest Transaction (Month/Day/Year) 08/06/2013'];
    const b = box(parse(lines), 'earliestTransaction');
    assert.deepEqual(b.labelSpan, find(lines, 0, '3. Date of Earliest Transaction (Month/Day/Year)'));
    assert.deepEqual(b.value.valueSpan, find(lines, 0, '08/06/2013'));
  });
});

describe('short labels', () => {
  const lines = [
    'Reporting Person: Doe Jane A, 1 Main St, Springfield, IL 62701',
    'Issuer: ACME CORP [ACME]',
    'Earliest Transaction: 1/5/2024',
    'Amendment: 02/03/2024',
    'Relationship: Director, 10% Owner',
    'Filing: Joint',
  ];
  const filing = parse(lines);

  test('each short label is its box, with exact label and value ranges', () => {
    const expected: [BoxKind, string, string][] = [
      ['reportingPerson', 'Reporting Person:', 'Doe Jane A, 1 Main St, Springfield, IL 62701'],
      ['issuer', 'Issuer:', 'ACME CORP [ACME]'],
      ['earliestTransaction', 'Earliest Transaction:', '1/5/2024'],
      ['amendment', 'Amendment:', '02/03/2024'],
      ['relationship', 'Relationship:', 'Director, 10% Owner'],
      ['filingMode', 'Filing:', 'Joint'],
    ];
    assert.deepEqual(filing.boxes.map((b) => b.kind), expected.map((e) => e[0]));
    expected.forEach(([kind, label, value], line) => {
      const b = box(filing, kind);
      assert.deepEqual(b.labelSpan, find(lines, line, label), kind);
      assert.deepEqual(b.value.valueSpan, find(lines, line, value), kind);
      assert.equal(b.value.text, value);
    });
  });

  test('the facts read from short labels', () => {
    assert.equal(filing.reportingOwners[0]?.name.text, 'Doe Jane A');
    assert.deepEqual(parts(filing.reportingOwners[0]?.address), {
      text: '1 Main St, Springfield, IL 62701',
      street1: '1 Main St',
      street2: undefined,
      city: 'Springfield',
      state: 'IL',
      zipCode: '62701',
    });
    assert.equal(filing.issuer?.name.text, 'ACME CORP');
    assert.equal(filing.issuer?.tradingSymbol.value, 'ACME');
    assert.deepEqual(filing.periodOfReport?.value, { year: 2024, month: 1, day: 5 });
    assert.deepEqual(filing.dateOfOriginalSubmission?.value, { year: 2024, month: 2, day: 3 });
    assert.equal(filing.documentType, '4/A');
    assert.equal(filing.relationships[0]?.isDirector, true);
    assert.equal(filing.relationships[0]?.isTenPercentOwner, true);
    assert.equal(filing.relationships[0]?.isOfficer, false);
    assert.equal(filing.relationships[0]?.isOther, false);
    assert.equal(filing.filingMode?.value, true);
  });

  test('near miss: a short label without its colon is free text', () => {
    const f = parse([
      'Issuer QUALYS, INC. [QLYS]',
      'Reporting Person Wilson John N',
      'Earliest Transaction 08/06/2013',
      'Relationship to the issuer: see below',
      'Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934',
      'Filing status: pending',
    ]);
    assert.deepEqual(f.boxes, []);
    assert.equal(f.issuer, undefined);
    assert.deepEqual(f.reportingOwners, []);
  });
});

describe('labels match regardless of spaces, `*`, case and hints', () => {
  const lines = [
    '**1.  NAME and address   of Reporting Person***: Doe Jane A, 1 Main St, Springfield, IL 62701',
    '2 . issuer name AND ticker or trading symbol : ACME CORP [ACME]',
    '3. date of earliest transaction (Month/Day/Year): 08/06/2013',
    '4. If Amendment, Date Original Filed (Month/Day/Year):',
    '5. RELATIONSHIP of Reporting Person(s) to Issuer (Check all applicable): Director',
    '6.Individual or Joint/Group Filing (Check Applicable Line): Individual',
    '> ** Rule 10b5-1(c) Transaction Indication **: [X]',
  ];
  const filing = parse(lines);

  test('each label is found, its range from the box number (or first word) to the colon', () => {
    const expected: [BoxKind, string][] = [
      ['reportingPerson', '1.  NAME and address   of Reporting Person***:'],
      ['issuer', '2 . issuer name AND ticker or trading symbol :'],
      ['earliestTransaction', '3. date of earliest transaction (Month/Day/Year):'],
      ['amendment', '4. If Amendment, Date Original Filed (Month/Day/Year):'],
      ['relationship', '5. RELATIONSHIP of Reporting Person(s) to Issuer (Check all applicable):'],
      ['filingMode', '6.Individual or Joint/Group Filing (Check Applicable Line):'],
      ['rule10b5-1', 'Rule 10b5-1(c) Transaction Indication **:'],
    ];
    assert.deepEqual(filing.boxes.map((b) => b.kind), expected.map((e) => e[0]));
    expected.forEach(([kind, label], line) => assert.deepEqual(box(filing, kind).labelSpan, find(lines, line, label), kind));
  });

  test('the values after loose labels', () => {
    assert.equal(filing.reportingOwners[0]?.name.text, 'Doe Jane A');
    assert.equal(filing.issuer?.tradingSymbol.value, 'ACME');
    assert.deepEqual(filing.periodOfReport?.value, { year: 2013, month: 8, day: 6 });
    assert.deepEqual(box(filing, 'amendment').value.valueSpan, at(3, lines[3]?.length ?? -1));
    assert.equal(filing.documentType, '4');
    assert.equal(filing.relationships[0]?.isDirector, true);
    assert.equal(filing.filingMode?.value, false);
    assert.equal(filing.aff10b5One?.value, true);
  });
});

describe('the EDGAR-rendered header table (qualys-wilson-2013.form4)', () => {
  const wilson = example('qualys-wilson-2013.form4');

  test('box 1: name, street parts, city, state and zip from the underlined values', (t) => {
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    const b = box(f, 'reportingPerson');
    assert.equal(b.line, 15);
    assert.deepEqual(b.labelSpan, find(lines, 15, '1. Name and Address of Reporting Person *'));
    // The value runs from the first underlined word to the last hint, "(Zip)".
    assert.deepEqual(b.value.valueSpan, r(15, find(lines, 15, 'Wilson John N').start % LINE, find(lines, 15, '(Zip)').end % LINE));
    assert.equal(f.reportingOwners.length, 1);
    assert.equal(f.reportingOwners[0]?.name.text, 'Wilson John N');
    assert.deepEqual(parts(f.reportingOwners[0]?.address), {
      text: 'C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY CA 94065',
      street1: 'C/O QUALYS, INC.',
      street2: '1600 BRIDGE PARKWAY',
      city: 'REDWOOD CITY',
      state: 'CA',
      zipCode: '94065',
    });
  });

  test('box 2 issuer and ticker, box 3 date, box 4 empty', (t) => {
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    const issuer = box(f, 'issuer');
    assert.equal(issuer.line, 15);
    assert.deepEqual(issuer.labelSpan, find(lines, 15, '2. Issuer Name and Ticker or Trading Symbol'));
    assert.deepEqual(issuer.value.valueSpan, find(lines, 15, 'QUALYS, INC. [QLYS]'));
    assert.equal(f.issuer?.name.text, 'QUALYS, INC.');
    assert.equal(f.issuer?.tradingSymbol.value, 'QLYS');

    const earliest = box(f, 'earliestTransaction');
    assert.equal(earliest.line, 16);
    assert.deepEqual(earliest.labelSpan, find(lines, 16, '3. Date of Earliest Transaction (Month/Day/Year)'));
    assert.deepEqual(earliest.value.valueSpan, find(lines, 16, '08/06/2013'));
    assert.deepEqual(f.periodOfReport?.value, { year: 2013, month: 8, day: 6 });

    const amendment = box(f, 'amendment');
    const label = find(lines, 17, '4. If Amendment, Date of Original Filed (Month/Day/Year)');
    assert.deepEqual(amendment.labelSpan, label);
    assert.equal(amendment.value.text, '');
    // The rest of the cell: one space, then the cell's closing pipe.
    assert.deepEqual(amendment.value.span, r(17, col(label.end), col(label.end) + 1));
    assert.deepEqual(amendment.value.valueSpan, at(17, col(label.end) + 1));
    assert.equal(f.documentType, '4');
  });

  test('box 5: the checked Officer with its underlined title "EVP, Worldwide Field Ops"', (t) => {
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    const b = box(f, 'relationship');
    assert.deepEqual(b.labelSpan, find(lines, 15, '5. Relationship of Reporting Person(s) to Issuer (Check all applicable)'));
    assert.deepEqual(b.value.valueSpan, r(15, find(lines, 15, 'Director 10% Owner').start % LINE, find(lines, 15, 'Worldwide Field Ops').end % LINE));
    assert.equal(f.relationships.length, 1);
    const rel = f.relationships[0];
    assert.equal(rel?.isOfficer, true);
    assert.equal(rel?.isDirector, false);
    assert.equal(rel?.isTenPercentOwner, false);
    assert.equal(rel?.isOther, false);
    assert.equal(rel?.officerTitle.value, 'EVP, Worldwide Field Ops');
    assert.equal(rel?.otherText.value, undefined);
  });

  test('the exit box is there without a mark; there is no box 6 and no 10b5-1 box', (t) => {
    if (!wilson) return t.skip('examples not beside the project');
    const { lines } = wilson;
    const f = parse(lines);
    assert.deepEqual(f.boxes.map((b) => b.kind), ['exitBox', 'reportingPerson', 'issuer', 'relationship', 'earliestTransaction', 'amendment']);
    assert.deepEqual(box(f, 'exitBox').labelSpan, find(lines, 4, 'Check this box if no longer subject to Section 16'));
    assert.equal(f.notSubjectToSection16?.value, undefined);
    assert.equal(f.filingMode, undefined);
    assert.equal(f.aff10b5One, undefined);
  });
});

describe('the OCR-damaged header (qualys-posey-2024-ocr.form4)', () => {
  const posey = example('qualys-posey-2024-ocr.form4');

  test('boxes in tab-separated cells are read; labels with tags inside still match', (t) => {
    if (!posey) return t.skip('examples not beside the project');
    const { lines } = posey;
    const f = parse(lines);
    const issuer = box(f, 'issuer');
    assert.equal(issuer.line, 13);
    assert.deepEqual(issuer.labelSpan, r(13, find(lines, 13, '2. Issuer Name').start % LINE, find(lines, 13, 'Trading Symbol').end % LINE));
    assert.deepEqual(issuer.value.valueSpan, find(lines, 13, 'QUALYS, INC. [QLYS]'));
    // The value stops at the cell's tab.
    assert.deepEqual(issuer.value.span, r(13, find(lines, 13, 'Trading Symbol').end % LINE, find(lines, 13, '\t', 1).start % LINE));
    assert.equal(f.issuer?.tradingSymbol.value, 'QLYS');
    const person = box(f, 'reportingPerson');
    assert.equal(person.line, 17);
    assert.deepEqual(person.labelSpan, find(lines, 17, '1. Name and Address of Reporting Person*'));
    assert.deepEqual(person.value.valueSpan, find(lines, 17, 'POSEY BRUCE K'));
    assert.equal(f.reportingOwners[0]?.name.text, 'POSEY BRUCE K');
    // The OCR moved box 3's date away from its label: the box is there, blank, not misread.
    const earliest = box(f, 'earliestTransaction');
    assert.equal(earliest.line, 15);
    assert.deepEqual(earliest.labelSpan, find(lines, 15, '3. Date of Earliest Transaction (Month/Day/Year)'));
    assert.equal(earliest.value.text, '');
    assert.equal(f.periodOfReport?.value, undefined);
    assert.equal(f.periodOfReport?.problem, undefined);
  });
});

describe('check marks: the exit box and the 10b5-1 box', () => {
  const exit = (line: string): boolean | undefined => parse([line]).notSubjectToSection16?.value;
  const rule = (line: string): boolean | undefined => parse([line]).aff10b5One?.value;

  test('the exit box: checked when the line starts with [x], unchecked with [ ], undefined unmarked', () => {
    assert.equal(exit('[x] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.'), true);
    assert.equal(exit('[X] Check this box if no longer subject to Section 16.'), true);
    assert.equal(exit('- [x] Check this box if no longer subject to Section 16.'), true);
    assert.equal(exit('\u2612 Check this box if no longer subject to Section 16.'), true);
    assert.equal(exit('<input checked="" type="checkbox"/> Check this box if no longer subject to Section 16.'), true);
    assert.equal(exit('[ ] Check this box if no longer subject to Section 16.'), false);
    assert.equal(exit('<input type="checkbox"/> Check this box if no longer subject to Section 16.'), false);
    assert.equal(exit('Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.'), undefined);
  });

  test('the exit box label range excludes the mark', () => {
    const lines = ['[x] CHECK this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.'];
    const f = parse(lines);
    assert.deepEqual(box(f, 'exitBox').labelSpan, find(lines, 0, 'CHECK this box if no longer subject to Section 16'));
    assert.deepEqual(box(f, 'exitBox').line, 0);
  });

  test('the 10b5-1 box: [x] checked, [ ] not checked, no mark undefined', () => {
    assert.equal(rule('Rule 10b5-1(c) Transaction Indication: [x]'), true);
    assert.equal(rule('Rule 10b5-1(c) Transaction Indication: [X]'), true);
    assert.equal(rule('[x] Rule 10b5-1(c) Transaction Indication'), true);
    assert.equal(rule('<input type="checkbox" checked/> Rule 10b5-1(c) Transaction Indication'), true);
    assert.equal(rule('Rule 10b5-1(c) Transaction Indication: [ ]'), false);
    assert.equal(rule('Rule 10b5-1(c) Transaction Indication:'), undefined);
    assert.equal(rule('Rule 10b5-1(c) Transaction Indication Check this box to indicate that a transaction was made pursuant to a contract'), undefined);
  });

  test('a mark in another cell of the same row is not the box\'s mark', () => {
    const lines = ['| [x] Check this box if no longer subject to Section 16 | Rule 10b5-1(c) Transaction Indication [ ] |'];
    const f = parse(lines);
    assert.equal(f.notSubjectToSection16?.value, true);
    assert.equal(f.aff10b5One?.value, false);
    assert.deepEqual(box(f, 'rule10b5-1').labelSpan, find(lines, 0, 'Rule 10b5-1(c) Transaction Indication'));
    const unmarked = parse(['| [x] Check this box if no longer subject to Section 16 | Rule 10b5-1(c) Transaction Indication |']);
    assert.equal(unmarked.aff10b5One?.value, undefined);
  });
});

describe('box 5, relationship', () => {
  const rel = (value: string): Record<string, unknown> => {
    const found = parse([`5. Relationship of Reporting Person(s) to Issuer: ${value}`]).relationships[0];
    assert.ok(found);
    return options(found);
  };
  const none = { isDirector: false, isOfficer: false, isTenPercentOwner: false, isOther: false, officerTitle: undefined, otherText: undefined };

  test('a list with commas inside the parentheses', () => {
    assert.deepEqual(rel('Officer (EVP, Sales)'), { ...none, isOfficer: true, officerTitle: 'EVP, Sales' });
    assert.deepEqual(rel('Director, Officer (EVP, Sales), 10% Owner'), { ...none, isDirector: true, isOfficer: true, isTenPercentOwner: true, officerTitle: 'EVP, Sales' });
    assert.deepEqual(rel('Director, 10% Owner, Officer (Chief Executive Officer), Other (Member of 13(d) group)'), {
      isDirector: true,
      isOfficer: true,
      isTenPercentOwner: true,
      isOther: true,
      officerTitle: 'Chief Executive Officer',
      otherText: 'Member of 13(d) group',
    });
  });

  test('Other (text), and an option without its text', () => {
    assert.deepEqual(rel('Other (see Remarks)'), { ...none, isOther: true, otherText: 'see Remarks' });
    assert.deepEqual(rel('Officer'), { ...none, isOfficer: true });
    assert.deepEqual(rel('director'), { ...none, isDirector: true });
  });

  test('the rendered form: [x] marks select the options, the underlined value is the title', () => {
    assert.deepEqual(rel('[x] Director [ ] 10% Owner [x] Officer (give title below) [ ] Other (specify below) <u>CEO</u>'), {
      ...none,
      isDirector: true,
      isOfficer: true,
      officerTitle: 'CEO',
    });
    assert.deepEqual(
      rel('<input checked="checked" type="checkbox"/> Director <input type="checkbox"/> 10% Owner <input type="checkbox"/> Officer (give title below) <input checked type="checkbox"/> Other (specify below) <u>Member of 13(d) group</u>'),
      { ...none, isDirector: true, isOther: true, otherText: 'Member of 13(d) group' },
    );
    assert.deepEqual(rel('Director 10% Owner Officer (give title below) Other (specify below)'), none);
  });
});

describe('joint filers and box 6', () => {
  test('two box 1 lines are two reporting owners; box 6 says joint', () => {
    const lines = [
      '1. Name and Address of Reporting Person: Doe Jane A, 1 Main St, Springfield, IL 62701',
      '1. Name and Address of Reporting Person: Roe Richard, 2 Oak Ave, Suite 5, Boston, MA 02110',
      '2. Issuer Name and Ticker or Trading Symbol: ACME CORP [ACME]',
      '5. Relationship of Reporting Person(s) to Issuer: Director',
      '5. Relationship of Reporting Person(s) to Issuer: 10% Owner',
      '6. Individual or Joint/Group Filing: Form filed by More than One Reporting Person',
    ];
    const f = parse(lines);
    assert.deepEqual(f.reportingOwners.map((o) => o.name.text), ['Doe Jane A', 'Roe Richard']);
    assert.deepEqual(f.reportingOwners.map((o) => Math.floor(o.span.start / LINE)), [0, 1]);
    assert.deepEqual(box(f, 'reportingPerson', 1).value.valueSpan, find(lines, 1, 'Roe Richard, 2 Oak Ave, Suite 5, Boston, MA 02110'));
    assert.deepEqual(parts(f.reportingOwners[1]?.address), {
      text: '2 Oak Ave, Suite 5, Boston, MA 02110',
      street1: '2 Oak Ave',
      street2: 'Suite 5',
      city: 'Boston',
      state: 'MA',
      zipCode: '02110',
    });
    assert.deepEqual(f.relationships.map((x) => [x.isDirector, x.isTenPercentOwner]), [[true, false], [false, true]]);
    assert.equal(f.filingMode?.value, true);
  });

  test('box 6: individual, joint, the printed lines, marks, and neither', () => {
    const mode = (value: string): boolean | undefined => parse([`6. Individual or Joint/Group Filing: ${value}`]).filingMode?.value;
    assert.equal(mode('Individual'), false);
    assert.equal(mode('Form filed by One Reporting Person'), false);
    assert.equal(mode('Joint'), true);
    assert.equal(mode('Form filed by More than One Reporting Person'), true);
    assert.equal(mode('[x] Form filed by One Reporting Person [ ] Form filed by More than One Reporting Person'), false);
    assert.equal(mode('[ ] Form filed by One Reporting Person [x] Form filed by More than One Reporting Person'), true);
    assert.equal(
      mode('<input checked="" type="checkbox"/> Form filed by One Reporting Person <input type="checkbox"/> Form filed by More than One Reporting Person'),
      false,
    );
    assert.equal(mode(''), undefined);
    assert.equal(mode('Form filed by One Reporting Person Form filed by More than One Reporting Person'), undefined);
    const f = parse(['6. Individual or Joint/Group Filing:']);
    assert.ok(f.filingMode, 'an empty box 6 is still a box');
  });
});

describe('box values with footnote references', () => {
  test('the reference is kept apart from the value', () => {
    const lines = ['2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS] (1)'];
    const f = parse(lines);
    const b = box(f, 'issuer');
    assert.equal(b.value.text, 'QUALYS, INC. [QLYS]');
    assert.deepEqual(b.value.valueSpan, find(lines, 0, 'QUALYS, INC. [QLYS]'));
    assert.deepEqual(
      b.value.refs.map((x) => ({ id: x.id, range: x.span, numberRange: x.numberSpan, notation: notationOf(lines[0] ?? '', x) })),
      [{ id: 1, range: find(lines, 0, '(1)'), numberRange: findAfter(lines, 0, '[QLYS] (', '1'), notation: 'paren' }],
    );
    assert.equal(f.issuer?.tradingSymbol.value, 'QLYS');
    assert.equal(f.issuer?.name.text, 'QUALYS, INC.');
  });

  test('a relationship with a reference still reads its option', () => {
    const lines = ['5. Relationship of Reporting Person(s) to Issuer: Director (2)'];
    const f = parse(lines);
    assert.equal(f.relationships[0]?.isDirector, true);
    assert.deepEqual(f.relationships[0]?.refs.map((x) => x.id), [2]);
  });

  test('a box 3 date with a superscript reference', () => {
    const lines = ['3. Date of Earliest Transaction: 08/06/2013\u207d\u00b3\u207e'];
    const f = parse(lines);
    assert.deepEqual(f.periodOfReport?.value, { year: 2013, month: 8, day: 6 });
    assert.deepEqual(f.periodOfReport?.refs.map((x) => [x.id, notationOf(lines[0] ?? '', x)]), [[3, 'superscript']]);
    assert.deepEqual(f.periodOfReport?.refs[0]?.span, find(lines, 0, '\u207d\u00b3\u207e'));
  });
});
