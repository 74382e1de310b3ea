/**
 * Rules across rows and tables: holdings-mismatch (graded, fixed, related to the previous row),
 * holdings-negative, exercise-unpaired (graded), exercise-mismatch (related to the paired row),
 * withholding-unpaired. The fixtures follow real filings' facts (RULES.md "Real data worth
 * knowing"), written small for these tests.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_HEADER, check, columnOf, draft, lineOf, rawFindingsOf, rowI, rowII, line1 } from '../../support/drafts';
import { EXERCISE_I, EXERCISE_II, SALE_I, WILSON, applyFix, changedLines, fixOf, none, noErrorOrWarning, one } from './common';

const headerOn = (box3: string, extra: string[] = []): string[] =>
  DEFAULT_HEADER.map((l) => (l.startsWith('3.') ? `3. Date of Earliest Transaction: ${box3}` : l)).concat(extra);

/** Line number (1-based) of a related location. */
const relatedLines = (text: string, rule: string): number[][] => rawFindingsOf(text, rule).map((f) => f.related.map((r) => line1(r.span)));

// Four RSU tranches vesting on 03/15/2025: each Table II M disposal paired with a Table I M
// acquisition, then an F withholding of the taxes; the balance after the F includes 3,019 ESPP
// shares bought earlier, which footnote (2) on the amount owned explains.
const RSU_HEADER = headerOn('03/15/2025', ['Rule 10b5-1(c) Transaction Indication: [ ]']);
const rsuI = (amount: string, owned: string): string => rowI('Class A Common Stock', '03/15/2025', '', 'M', '', amount, 'A', '$0', owned, 'D', '');
const rsuII = (amount: string, vesting: string, owned: string): string =>
  rowII('Restricted Stock Units', '$0 (3)', '03/15/2025', '', 'M', '', '', amount, vesting, '(5)', 'Class A Common Stock', amount, '$0', owned, 'D', '');
const RSU_FOOTNOTES = [
  '(1) Shares withheld by the Issuer to pay the tax withholding obligations resulting from the vesting of restricted stock units.',
  "(2) Includes 3,019 shares of Class A Common Stock acquired by the Reporting Person on February 14, 2025 pursuant to the Issuer's employee stock purchase plan.",
  "(3) Each RSU represents a contingent right to receive one share of the Issuer's Class A Common Stock upon settlement.",
  '(4) The RSUs vest as to 1/16 of the total shares quarterly beginning on March 15, 2022.',
  '(5) RSUs do not expire; they either vest or are canceled prior to vesting date.',
  '(6) The RSUs vest as to 1/16 of the total shares quarterly beginning on March 15, 2023.',
  '(7) The RSUs vest as to 1/16 of the total shares quarterly beginning on March 15, 2024.',
  '(8) The RSUs vest as to 1/16 of the total shares quarterly beginning on March 15, 2025.',
];
const rsuDraft = (withheldOwned: string): string =>
  draft({
    header: RSU_HEADER,
    tableI: [
      rsuI('6,250', '1,114,607'),
      rsuI('13,347', '1,127,954'),
      rsuI('20,691', '1,148,645'),
      rsuI('20,444', '1,169,089'),
      rowI('Class A Common Stock', '03/15/2025', '', 'F (1)', '', '33,148', 'D', '$5.96', withheldOwned, 'D', ''),
    ],
    tableII: [rsuII('6,250', '(4)', '12,500'), rsuII('13,347', '(6)', '93,427'), rsuII('20,691', '(7)', '227,595'), rsuII('20,444', '(8)', '306,656')],
    footnotes: RSU_FOOTNOTES,
    signature: ['/s/ Ryan Sakamoto, Attorney-in-Fact', '', '03/18/2025'],
  });

// A warrant exercised (X) for Class B Common Stock, itself a derivative convertible into Class A:
// both halves in Table II, then an F withholding of Class B, also in Table II.
const WARRANT_FOOTNOTES = [
  '(1) This transaction represents the cashless net exercise of a warrant in exchange for Class B Common Stock.',
  '(2) All of the shares underlying the warrant were fully vested and exercisable as of the date of the reported transaction.',
  '(3) These shares are held of record by Mithril PAL-SPV 1, LLC.',
  "(4) The Class B Common Stock is convertible into the Issuer's Class A Common Stock on a 1-for-1 basis and has no expiration date.",
];
const warrantDraft = (classBOwnedAfterF: string, withheld = '1,171,643'): string =>
  draft({
    header: headerOn('06/28/2021'),
    tableII: [
      rowII('Class B Common Stock Warrant (Right to buy)', '$6.13', '06/28/2021', '', 'X (1)', '', '', '4,502,447', '(2)', '11/20/2022', 'Class B Common Stock', '4,502,447', '$0', '0', 'I', 'See Footnote (3)'),
      rowII('Class B Common Stock (4)', '(4)', '06/28/2021', '', 'X (1)', '', '4,502,447', '', '(4)', '(4)', 'Class A Common Stock', '4,502,447', '$6.13', '4,502,447', 'I', 'See Footnote (3)'),
      rowII('Class B Common Stock (4)', '(4)', '06/28/2021', '', 'F (1)', '', '', withheld, '(4)', '(4)', 'Class A Common Stock', withheld, '$23.5567', classBOwnedAfterF, 'I', 'See Footnote (3)'),
    ],
    footnotes: WARRANT_FOOTNOTES,
    signature: ['/s/ Justin V. Laubach, under power of attorney', '', '06/30/2021'],
  });

// A conversion (C) of Class B Common Stock (Table II, D) into Class A Common Stock (Table I, A).
const conversionDraft = (classA: string, underlying = '628,553'): string =>
  draft({
    header: headerOn('12/09/2024', ['Rule 10b5-1(c) Transaction Indication: [ ]']),
    tableI: [rowI('Class A Common Stock', '12/09/2024', '', 'C', '', classA, 'A', '(1)', classA, 'I', 'By SVF II Beaver (DE) LLC')],
    tableII: [rowII('Class B Common Stock', '(1)', '12/09/2024', '', 'C', '', '', '628,553', '(1)', '(1)', 'Class A Common Stock', underlying, '$0', '137,545', 'I', 'By SVF II Beaver (DE) LLC')],
    footnotes: ['(1) Each share of Class B Common Stock is convertible at any time at the option of the holder into one share of Class A Common Stock and has no expiration date.'],
    signature: ['/s/ Stephen Lam, General Counsel', '', '12/10/2024'],
  });

describe('holdings-mismatch', () => {
  const wilsonOwning = (owned: string): string => draft({ ...WILSON, tableI: [EXERCISE_I, SALE_I.replace('55,500', owned)] });

  test('an amount owned that does not follow from the previous row: error, with the computation', () => {
    const text = wilsonOwning('54,500');
    const f = one(check(text), 'holdings-mismatch');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '54,500'));
    assert.equal(f.column, columnOf(text, '54,500'));
    assert.equal(f.endColumn, f.column + '54,500'.length);
    assert.ok(f.message.includes('55,500 (65,500 \u2212 10,000 disposed on 08/06/2013), not 54,500.'), f.message);
    assert.equal(f.message, 'The amount owned should be 55,500 (65,500 \u2212 10,000 disposed on 08/06/2013), not 54,500.');
  });

  test('it relates to the previous row of the holding', () => {
    const text = wilsonOwning('54,500');
    assert.deepEqual(relatedLines(text, 'holdings-mismatch'), [[lineOf(text, '$4.10 |')]]);
    assert.match(rawFindingsOf(text, 'holdings-mismatch')[0]?.related[0]?.message ?? '', /^Table I row 1: the previous row of this holding, 65,500 owned$/);
  });

  test('the quick fix (preferred) writes the expected figure; the draft then checks clean', () => {
    const text = wilsonOwning('54,500');
    const fix = fixOf(rawFindingsOf(text, 'holdings-mismatch')[0] ?? assert.fail('no finding'));
    assert.equal(fix.title, 'Set the amount owned to 55,500');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed), { removed: [SALE_I.replace('55,500', '54,500')], added: [SALE_I] });
    assert.deepEqual(check(fixed), []);
  });

  test('an additive step says "acquired"; a Table II chain is checked too', () => {
    const text = draft({
      tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '1,000', 'D', ''), rowI('Common Stock', '08/07/2013', '', 'P', '', '500', 'A', '$18.10', '1,600', 'D', '')],
      signature: ['/s/ John N. Wilson', '', '08/08/2013'],
    });
    assert.equal(one(check(text), 'holdings-mismatch').message, 'The amount owned should be 1,500 (1,000 + 500 acquired on 08/07/2013), not 1,600.');
  });

  test('digits transposed between a Table II amount and its holding (757,576 against 757,756)', () => {
    // Real data: an option grant of 757,576 reported with 757,756 owned after. The first row of
    // a holding has no previous row; only this unmistakable typo (two adjacent digits swapped
    // between the amount acquired and the amount owned) is reported there, as a warning…
    const grant = rowII('Stock options (right to buy)', '$0.33', '04/30/2025', '', 'A', '', '757,576', '', '(1)', '04/29/2035', 'Common Stock', '757,576', '$0', '757,756', 'D', '');
    const header = headerOn('04/30/2025', ['Rule 10b5-1(c) Transaction Indication: [ ]']);
    const footnotes = ['(1) 25% of the shares vest and become exercisable on the first annual anniversary of the vesting commencement date.'];
    const signature = ['/s/ Rajesh Melkote', '', '05/02/2025'];
    const alone = draft({ header, tableII: [grant], footnotes, signature });
    const typo = one(check(alone), 'holdings-mismatch');
    assert.equal(typo.severity, 'warning');
    assert.equal(typo.line, lineOf(alone, '757,756'));
    assert.equal(typo.column, columnOf(alone, '757,756'));
    assert.equal(typo.message, 'The amount owned 757,756 is the 757,576 acquired with two digits swapped: one of them may be a typo.');
    // A first row owning more than it acquires is otherwise silent (it held some before).
    assert.deepEqual(check(draft({ header, tableII: [grant.replace('757,756', '857,576')], footnotes, signature })), []);
    // …and the next row of the same option shows it: 757,756 − 100,000 is not 657,576.
    const next = rowII('Stock options (right to buy)', '$0.33', '05/01/2025', '', 'M', '', '', '100,000', '(1)', '04/29/2035', 'Common Stock', '100,000', '$0', '657,576', 'D', '');
    const chained = draft({ header, tableI: [rowI('Common Stock', '05/01/2025', '', 'M', '', '100,000', 'A', '$0.33', '857,756', 'D', '')], tableII: [grant, next], footnotes, signature });
    // Both show: the swapped digits on the grant, and the row that does not follow from it.
    const found = check(chained).filter((x) => x.rule === 'holdings-mismatch');
    assert.deepEqual(found.map((x) => [x.line, x.severity]), [[lineOf(chained, '757,756'), 'warning'], [lineOf(chained, '657,576'), 'error']]);
    const f = found[1] ?? assert.fail('no mismatch on the next row');
    assert.equal(f.line, lineOf(chained, '657,576'));
    assert.equal(f.message, 'The amount owned should be 657,756 (757,756 \u2212 100,000 disposed on 05/01/2025), not 657,576.');
    assert.deepEqual(relatedLines(chained, 'holdings-mismatch'), [[lineOf(chained, '757,576 |')], [lineOf(chained, '757,576 |')]]);
  });

  test('a footnote on the amount owned that explains it (3,019 ESPP shares): information, fix not preferred', () => {
    const text = rsuDraft('1,138,960 (2)');
    const f = one(check(text), 'holdings-mismatch');
    assert.equal(f.severity, 'information');
    assert.equal(f.line, lineOf(text, '1,138,960'));
    assert.equal(f.column, columnOf(text, '1,138,960'));
    assert.equal(f.message, 'The amount owned should be 1,135,941 (1,169,089 \u2212 33,148 disposed on 03/15/2025), not 1,138,960. A footnote on the cell may explain it.');
    const finding = rawFindingsOf(text, 'holdings-mismatch')[0] ?? assert.fail('no finding');
    assert.deepEqual(finding.fixes.map((x) => [x.title, x.preferred]), [['Set the amount owned to 1,135,941', false]]);
    // Applied anyway, it keeps the footnote reference.
    const fixed = applyFix(text, fixOf(finding));
    assert.deepEqual(changedLines(text, fixed).added, [rowI('Class A Common Stock', '03/15/2025', '', 'F (1)', '', '33,148', 'D', '$5.96', '1,135,941 (2)', 'D', '')]);
    none(check(fixed), 'holdings-mismatch');
    assert.deepEqual(relatedLines(text, 'holdings-mismatch'), [[lineOf(text, '1,169,089')]]);
    // The same figure without the footnote is an error.
    assert.equal(one(check(rsuDraft('1,138,960')), 'holdings-mismatch').severity, 'error');
  });

  test('four RSU tranches paired M to M, then F: nothing else is reported', () => {
    // Each tranche is its own holding (its vesting footnote in Date Exercisable tells it apart):
    // reading them as one chain would report three false mismatches on a correct filing.
    const found = check(rsuDraft('1,138,960 (2)'));
    assert.deepEqual(found.map((f) => f.rule), ['holdings-mismatch']);
    assert.deepEqual(check(rsuDraft('1,135,941 (2)')), []);
  });

  test('a sale coded A (LinkedIn, 2013): the difference is twice the amount, so (A)/(D) looks flipped', () => {
    const rows = [
      rowI('Class A Common Stock', '03/05/2013', '', 'S', '', '52,926', 'D', '$175.5828', '8,991', 'I', 'See footnote'),
      rowI('Class A Common Stock', '03/05/2013', '', 'S', '', '5,494', 'A', '$176.4992', '3,497', 'I', 'See footnote'),
      rowI('Class A Common Stock', '03/05/2013', '', 'S', '', '997', 'D', '$177.7036', '2,500', 'I', 'See footnote'),
    ];
    const text = draft({ header: headerOn('03/05/2013'), tableI: rows, signature: ['/s/ Lora Blum, Attorney-In-Fact', '', '03/05/2013'] });
    const f = one(check(text), 'holdings-mismatch');
    assert.equal(f.line, lineOf(text, '3,497'));
    assert.equal(f.message, 'The amount owned should be 14,485 (8,991 + 5,494 acquired on 03/05/2013), not 3,497. The difference is twice the amount, so (A)/(D) may be flipped.');
    // Only the flipped row: the next row follows from 3,497 as written.
    assert.equal(one(check(text), 'code-direction').line, f.line);
    const finding = rawFindingsOf(text, 'holdings-mismatch')[0] ?? assert.fail('no finding');
    // Two fixes and neither is preferred: the row or its balance may be the wrong one
    // (code-direction's flip is the preferred fix when the code implies the direction).
    // The set fix carries the difference through the row that followed from 3,497.
    assert.deepEqual(finding.fixes.map((x) => [x.title, x.preferred]), [['Change (A)/(D) to D', false], ['Set the amount owned to 14,485 and carry the difference through the 1 row after it', false]]);
    const flipped = applyFix(text, fixOf(finding, 'Change'));
    assert.deepEqual(changedLines(text, flipped), { removed: [rows[1] ?? ''], added: [(rows[1] ?? '').replace('| A |', '| D |')] });
    assert.deepEqual(check(flipped), []);
  });

  test('the fix carries through the rows that followed from the wrong figure, as one edit, and stops at one that did not', () => {
    const rows = [
      rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '11,000', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', '', '100', 'D', '$18.50', '10,800', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', '', '200', 'D', '$18.60', '10,600', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', '', '300', 'D', '$18.70', '10,300', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', '', '50', 'D', '$18.80', '9,999', 'D', ''),
    ];
    const text = draft({ tableI: rows });
    const finding = rawFindingsOf(text, 'holdings-mismatch')[0] ?? assert.fail('no finding');
    const fix = fixOf(finding, 'Set');
    assert.equal(fix.title, 'Set the amount owned to 10,900 and carry the difference through the 2 rows after it');
    assert.equal(fix.preferred, true);
    const fixed = applyFix(text, fix);
    assert.deepEqual(changedLines(text, fixed).added.map((l) => l.split('|')[9]?.trim()), ['10,900', '10,700', '10,400']);
    // The fifth row did not follow from the fourth before (10,300 − 50 is 10,250): it keeps its figure and its finding.
    assert.deepEqual(check(fixed).map((f) => [f.rule, f.line]), [['holdings-mismatch', lineOf(fixed, '9,999')]]);
  });

  test('no fix that writes a negative amount owned', () => {
    const rows = [
      rowI('Common Stock', '08/06/2013', '', 'P', '', '100', 'A', '$18.00', '100', 'D', ''),
      rowI('Common Stock', '08/06/2013', '', 'S', '', '300', 'D', '$18.50', '0', 'D', ''),
    ];
    const finding = rawFindingsOf(draft({ tableI: rows }), 'holdings-mismatch')[0] ?? assert.fail('no finding');
    assert.deepEqual(finding.fixes.filter((x) => x.title.startsWith('Set')), []);
  });

  test('near miss: the correct chain, and rows of other holdings (nature, ownership form, footnotes, price)', () => {
    assert.deepEqual(check(draft(WILSON)), []);
    const text = draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '1,000', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '5,000', 'I', 'By Spouse'),
        rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '9,000', 'I', 'By Trust'),
        // Holdings told apart only by their footnotes.
        rowI('Common Stock', '', '', '', '', '', '', '', '3,262', 'I', 'See Footnote (1)'),
        rowI('Common Stock', '', '', '', '', '', '', '', '1,108,442', 'I', 'See Footnote (2)'),
        rowI('Common Stock', '08/06/2013', '', 'P', '', '100', 'A', '$18.00', '3,362', 'I', 'See Footnote (1)'),
      ],
      tableII: [
        rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'A', '', '1,000', '', '08/06/2014', '08/06/2023', 'Common Stock', '1,000', '$0', '1,000', 'D', ''),
        rowII('Stock Option (right to buy)', '$5.20', '08/06/2013', '', 'A', '', '1,000', '', '08/06/2014', '08/06/2023', 'Common Stock', '1,000', '$0', '7,000', 'D', ''),
      ],
      footnotes: ['(1) Held of record by FF Pathfinder VI, LLC.', '(2) Held of record by FF4 Investment LLC.'],
    });
    assert.deepEqual(check(text), []);
  });

  test('near miss: a warrant exercise and withholding in Table II that reconcile', () => {
    assert.deepEqual(check(warrantDraft('3,330,804')), []);
  });
});

describe('holdings: separate lots that look like one holding', () => {
  // Two grants of options with the same exercise price, expiration date and vesting, exercised
  // the same day: each row reports its own grant's balance.
  const grants = (secondOwned: string): string =>
    draft({
      tableI: [
        rowI('Common Stock', '08/06/2013', '', 'M', '', '1,000', 'A', '$4.10', '56,500', 'D', ''),
        rowI('Common Stock', '08/06/2013', '', 'M', '', '2,000', 'A', '$4.10', '58,500', 'D', ''),
      ],
      tableII: [
        rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '1,000', '(1)', '11/05/2020', 'Common Stock', '1,000', '$0', '9,000', 'D', ''),
        rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '2,000', '(1)', '11/05/2020', 'Common Stock', '2,000', '$0', secondOwned, 'D', ''),
      ],
      footnotes: ['(1) The option is fully vested.'],
    });

  test('the second grant reports its own balance: information that says why, no error', () => {
    const text = grants('18,000');
    const found = check(text).filter((f) => f.rule.startsWith('holdings-'));
    assert.deepEqual(found.map((f) => [f.rule, f.severity, f.line]), [['holdings-mismatch', 'information', lineOf(text, '18,000')]]);
    assert.equal(found[0]?.message, 'Table II row 2 reads as a lot of its own: 20,000 before it, 18,000 after. As one holding with Table II row 1, it would own 7,000.');
    const finding = rawFindingsOf(text, 'holdings-mismatch')[0];
    assert.ok(finding);
    assert.equal(fixOf(finding, 'Set the amount owned to 7,000').preferred, false, 'the fix to 7,000 is offered, not preferred');
  });

  test('two series rows converted to 0 the same day: no holdings-negative, information only', () => {
    const text = draft({
      header: headerOn('05/10/2021'),
      tableI: [rowI('Common Stock', '05/10/2021', '', 'C', '', '1,500,000', 'A', '$0', '1,500,000', 'D', '')],
      tableII: [
        rowII('Series A Preferred Stock', '(1)', '05/10/2021', '', 'C', '', '', '1,000,000', '(1)', '(1)', 'Common Stock', '1,000,000', '$0', '0', 'D', ''),
        rowII('Series A Preferred Stock', '(1)', '05/10/2021', '', 'C', '', '', '500,000', '(1)', '(1)', 'Common Stock', '500,000', '$0', '0', 'D', ''),
      ],
      footnotes: ['(1) Each share converted into one share of common stock at the initial public offering, and had no expiration date.'],
      signature: ['/s/ Jane Doe', '', '05/12/2021'],
    });
    const found = check(text).filter((f) => f.rule.startsWith('holdings-'));
    assert.deepEqual(found.map((f) => [f.rule, f.severity]), [['holdings-mismatch', 'information']]);
    assert.match(found[0]?.message ?? '', /^Table II row 2 reads as a lot of its own: 500,000 before it, 0 after\./);
  });

  test('near miss: the same grants on different days are one holding, and the mismatch is an error', () => {
    const text = grants('18,000').replace(/(\| Stock Option \(right to buy\) \| \$4\.10 \| )08\/06\/2013( \|.*2,000)/, '$108/07/2013$2');
    const found = check(text).filter((f) => f.rule === 'holdings-mismatch');
    assert.deepEqual(found.map((f) => f.severity), ['error']);
    assert.match(found[0]?.message ?? '', /^The amount owned should be 7,000/);
  });

  test('near miss: a second grant whose own lot would have been negative is an error', () => {
    // Granted 5,000 and 3,000 owned after it: no reading of the row makes that consistent.
    const text = draft({
      tableII: [
        rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'A', '', '10,000', '', '(1)', '11/05/2020', 'Common Stock', '10,000', '$0', '10,000', 'D', ''),
        rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'A', '', '5,000', '', '(1)', '11/05/2020', 'Common Stock', '5,000', '$0', '3,000', 'D', ''),
      ],
      footnotes: ['(1) The option is fully vested.'],
    });
    assert.deepEqual(check(text).filter((f) => f.rule === 'holdings-mismatch').map((f) => [f.severity, f.line]), [['error', lineOf(text, '| 3,000 |')]]);
  });
});

describe('holdings-negative', () => {
  test('disposing of more than was held: error at the amount, related to the previous row', () => {
    const text = draft({
      tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '1,000', 'D', ''), rowI('Common Stock', '08/06/2013', '', 'S', '', '5,000', 'D', '$18.50', '0', 'D', '')],
    });
    const f = one(check(text), 'holdings-negative');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, '5,000'));
    assert.equal(f.column, columnOf(text, '5,000'));
    assert.equal(f.endColumn, f.column + 5);
    assert.equal(f.message, 'Table I row 2 disposes of 5,000, but the holding had only 1,000 after Table I row 1.');
    assert.deepEqual(relatedLines(text, 'holdings-negative'), [[lineOf(text, '$18.00')]]);
  });

  test('near miss: disposing of exactly everything; a first row whose earlier balance is unknown', () => {
    const text = draft({
      tableI: [rowI('Common Stock', '08/06/2013', '', 'S', '', '5,000', 'D', '$18.00', '1,000', 'D', ''), rowI('Common Stock', '08/06/2013', '', 'S', '', '1,000', 'D', '$18.50', '0', 'D', '')],
    });
    assert.deepEqual(check(text), []);
  });
});

describe('exercise-unpaired: a conversion whose acquisition is coded J (an IPO)', () => {
  // At an IPO two series of preferred stock convert into common stock (Table II, code C,
  // disposed, each to 0), and the filer reports the common stock acquired the same day with
  // code J and a footnote that explains the conversion: one Table I row for both series.
  const ipo = (common: string, footnotes: string[] = []): string =>
    draft({
      header: headerOn('05/10/2021'),
      tableI: [common],
      tableII: [
        rowII('Series A Preferred Stock', '(1)', '05/10/2021', '', 'C', '', '', '1,000,000', '(1)', '(1)', 'Common Stock', '1,000,000', '$0', '0', 'D', ''),
        rowII('Series B Preferred Stock', '(1)', '05/10/2021', '', 'C', '', '', '500,000', '(1)', '(1)', 'Common Stock', '500,000', '$0', '0', 'D', ''),
      ],
      footnotes: ['(1) Each share of preferred stock converted into one share of common stock upon the closing of the initial public offering, and had no expiration date.', ...footnotes],
      signature: ['/s/ Jane Doe', '', '05/12/2021'],
    });

  test('one J acquisition for both series, with its footnote: information naming both codes, at the J', () => {
    const text = ipo(rowI('Common Stock', '05/10/2021', '', 'J (2)', '', '1,500,000', 'A', '$0', '1,500,000', 'D', ''), ['(2) Acquired upon the conversion of the preferred stock reported in Table II.']);
    const found = rawFindingsOf(text, 'exercise-unpaired');
    assert.deepEqual(check(text).filter((f) => f.rule === 'exercise-unpaired').map((f) => [f.severity, f.line, f.column]), [['information', lineOf(text, '1,500,000'), columnOf(text, '| J (2) |') + 2]]);
    assert.equal(found[0]?.message, 'Table I row 1 acquires what the C conversion in Table II row 1 and 1 more gives, but with code J. Both halves usually carry code C. Its footnote may explain why.');
    assert.deepEqual(relatedLines(text, 'exercise-unpaired'), [[lineOf(text, 'Series A'), lineOf(text, 'Series B')]]);
    assert.deepEqual(check(text).filter((f) => f.severity === 'error'), []);
  });

  test('one series, its J acquisition without a footnote: a warning', () => {
    const text = ipo(rowI('Common Stock', '05/10/2021', '', 'J', '', '1,000,000', 'A', '$0', '1,000,000', 'D', '')).replace(/^\| Series B.*\n/m, '');
    const found = check(text).filter((f) => f.rule === 'exercise-unpaired');
    assert.deepEqual(found.map((f) => f.severity), ['warning']);
    assert.equal(found[0]?.message, 'Table I row 1 acquires what the C conversion in Table II row 1 gives, but with code J. Both halves usually carry code C.');
  });

  test('near miss: an acquisition of another amount does not pair, and each conversion stays an error', () => {
    const text = ipo(rowI('Common Stock', '05/10/2021', '', 'J (2)', '', '1,400,000', 'A', '$0', '1,400,000', 'D', ''), ['(2) Acquired upon the conversion of the preferred stock reported in Table II.']);
    assert.deepEqual(check(text).filter((f) => f.rule === 'exercise-unpaired').map((f) => [f.severity, f.line]), [
      ['error', lineOf(text, 'Series A')],
      ['error', lineOf(text, 'Series B')],
    ]);
  });

  test('near miss: an acquisition on another date does not pair', () => {
    const text = ipo(rowI('Common Stock', '05/11/2021', '', 'J (2)', '', '1,500,000', 'A', '$0', '1,500,000', 'D', ''), ['(2) Acquired upon the conversion of the preferred stock reported in Table II.']);
    assert.deepEqual(check(text).filter((f) => f.rule === 'exercise-unpaired').map((f) => f.severity), ['error', 'error']);
  });
});

describe('exercise-unpaired', () => {
  test('a Table II exercise without its acquisition: error at the code', () => {
    const text = draft({ tableI: [SALE_I], tableII: [EXERCISE_II], footnotes: WILSON.footnotes });
    const f = one(check(text), 'exercise-unpaired');
    assert.equal(f.severity, 'error');
    assert.equal(f.line, lineOf(text, 'Stock Option'));
    assert.equal(f.column, columnOf(text, '| M |', 'Stock Option') + 2);
    assert.equal(f.endColumn, f.column + 1);
    assert.equal(f.message, 'The M exercise in Table II row 1 has no row that acquires its Common Stock with code M on 08/06/2013.');
  });

  test('a Table I acquisition by exercise without its Table II disposal: warning', () => {
    const text = draft({ tableI: [EXERCISE_I, SALE_I], footnotes: WILSON.footnotes });
    const f = one(check(text), 'exercise-unpaired');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '$4.10'));
    assert.equal(f.column, columnOf(text, '| M |') + 2);
    assert.equal(f.message, 'Table I row 1 acquires by M exercise on 08/06/2013, but no Table II row disposes of the derivative with code M that day.');
  });

  test('a Table II exercise coded A (its amount in the (A) column): one warning that says so, at the Table II row', () => {
    // Real data: an option exercise whose Table II row puts the 200,000 options in column 5 (A).
    // One error, reported once where it is: the Table I row is correct and gets no finding of its
    // own (it used to get a second warning, a duplicate pointing at a cell with nothing to fix);
    // it is the finding's related location instead.
    const coded = rowII('Stock Option (Right to Buy)', '$8.88', '12/13/2022', '', 'M', '', '200,000', '', '(1)', '08/26/2029', 'Class A Common Stock', '200,000', '$0', '2,219,299', 'D', '');
    const text = draft({
      header: headerOn('12/13/2022'),
      tableI: [rowI('Class A Common Stock', '12/13/2022', '', 'M', '', '200,000', 'A', '$8.88', '301,097', 'D', '')],
      tableII: [coded],
      footnotes: ['(1) The option is fully vested.'],
      signature: ['/s/ Michael Scarpelli', '', '12/15/2022'],
    });
    const found = check(text).filter((f) => f.rule === 'exercise-unpaired');
    assert.deepEqual(found.map((f) => [f.line, f.severity]), [[lineOf(text, '2,219,299'), 'warning']]);
    assert.equal(found[0]?.message, 'Table II row 1 is an M exercise marked A (acquired). An exercise disposes of the derivative: write D.');
    assert.deepEqual(relatedLines(text, 'exercise-unpaired'), [[lineOf(text, '301,097')]]);
  });

  test('near miss: M paired across the tables, with different titles for the underlying', () => {
    assert.deepEqual(check(draft(WILSON)), []);
    const classA = draft({ ...WILSON, tableI: [EXERCISE_I.replace('Common Stock', 'Class A Common Stock'), SALE_I.replace('Common Stock', 'Class A Common Stock')] });
    none(check(classA), 'exercise-unpaired');
  });

  test('near miss: C conversion of Class B (Table II) into Class A (Table I)', () => {
    assert.deepEqual(check(conversionDraft('628,553')), []);
  });

  test('near miss: C conversion then a same-day sale of the Class A shares', () => {
    const text = draft({
      header: headerOn('11/19/2012'),
      tableI: [
        rowI('Class A Common Stock', '11/19/2012', '', 'C', '', '25,000', 'A', '$0.00', '25,000', 'D', ''),
        rowI('Class A Common Stock', '11/19/2012', '', 'S', '', '25,000', 'D', '$18.6145', '0', 'D', ''),
      ],
      tableII: [rowII('Class B Common Stock', '(1)', '11/19/2012', '', 'C', '', '', '25,000', '(1)', '(1)', 'Class A Common Stock', '25,000', '$0.00', '80,665', 'D', '')],
      footnotes: ['(1) Each share of Class B Common Stock is convertible at any time into one share of Class A Common Stock and has no expiration date.'],
      signature: ['/s/ Donna Hammer, Attorney-in-fact', '', '11/21/2012'],
    });
    assert.deepEqual(check(text), []);
  });

  test('near miss: X exercise of a warrant for Class B, both halves in Table II', () => {
    none(check(warrantDraft('3,330,804')), 'exercise-unpaired');
  });

  test('near miss: nothing is reported while a damaged row could hold the missing half', () => {
    const damaged = '| Common Stock | 08/06/2013 | | M | | 10,000 | A | $4.10 | 65,500 | D |';
    const text = draft({ tableI: [damaged], tableII: [EXERCISE_II] });
    none(check(text), 'exercise-unpaired');
    one(check(text), 'row-shape');
  });
});

describe('exercise-mismatch', () => {
  test('the acquisition differs from the underlying amount: warning, related to the Table II row', () => {
    const text = draft({ ...WILSON, tableI: [EXERCISE_I.replace('10,000', '1,000').replace('65,500', '56,500'), SALE_I.replace('10,000', '1,000')] });
    const f = one(check(text), 'exercise-mismatch');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '$4.10 |'));
    assert.equal(f.column, columnOf(text, '1,000', '$4.10 |'));
    assert.equal(f.message, 'The M exercise acquires 1,000 in Table I row 1, but Table II row 1 gives 10,000 underlying.');
    assert.deepEqual(relatedLines(text, 'exercise-mismatch'), [[lineOf(text, 'Stock Option')]]);
  });

  test('the price paid differs from the exercise price', () => {
    const text = draft({ ...WILSON, tableI: [EXERCISE_I.replace('$4.10', '$4.20'), SALE_I] });
    const f = one(check(text), 'exercise-mismatch');
    assert.equal(f.line, lineOf(text, '$4.20'));
    assert.equal(f.column, columnOf(text, '$4.20'));
    assert.equal(f.endColumn, f.column + 5);
    assert.match(f.message, /^The exercise is paid \$4\.2(0)? per share in Table I row 1, but the exercise price in Table II row 1 is \$4\.1(0)?\.$/);
    assert.deepEqual(relatedLines(text, 'exercise-mismatch'), [[lineOf(text, 'Stock Option')]]);
  });

  test('derivatives disposed of and underlying amount disagree within the Table II row', () => {
    const text = draft({
      tableI: [EXERCISE_I.replace('10,000', '9,000').replace('65,500', '64,500'), SALE_I.replace('55,500', '54,500')],
      tableII: [EXERCISE_II.replace('| 10,000 | $0', '| 9,000 | $0')],
      footnotes: WILSON.footnotes,
    });
    const f = one(check(text), 'exercise-mismatch');
    assert.equal(f.line, lineOf(text, 'Stock Option'));
    assert.equal(f.column, columnOf(text, '9,000', 'Stock Option'));
    assert.equal(f.message, 'Table II row 1 disposes of 10,000 derivatives but gives 9,000 underlying shares.');
  });

  test('a conversion acquiring other than its underlying amount', () => {
    const text = conversionDraft('628,353');
    const f = one(check(text), 'exercise-mismatch');
    assert.equal(f.line, lineOf(text, 'Class A Common Stock | 12/09/2024'));
    assert.equal(f.message, 'The C exercise acquires 628,353 in Table I row 1, but Table II row 1 gives 628,553 underlying.');
  });

  test('near miss: a conversion at a ratio (the underlying amount agrees), RSUs at $0, a warrant for Class B', () => {
    none(check(conversionDraft('1,257,106', '1,257,106')), 'exercise-mismatch');
    assert.deepEqual(check(rsuDraft('1,135,941 (2)')), []);
    none(check(warrantDraft('3,330,804')), 'exercise-mismatch');
    // Price written differently but equal: $4.1 against $4.10.
    assert.deepEqual(check(draft({ ...WILSON, tableI: [EXERCISE_I.replace('$4.10', '\\$4.1'), SALE_I] })), []);
  });
});

describe('withholding-unpaired', () => {
  const header = headerOn('03/15/2024', ['Rule 10b5-1(c) Transaction Indication: [ ]']);
  const signature = ['/s/ John N. Wilson', '', '03/18/2024'];

  test('an F row with no acquisition that day and no vesting footnote: warning at the code', () => {
    const text = draft({ header, tableI: [rowI('Common Stock', '03/15/2024', '', 'F', '', '1,400', 'D', '$25.00', '9,600', 'D', '')], signature });
    const f = one(check(text), 'withholding-unpaired');
    assert.equal(f.severity, 'warning');
    assert.equal(f.line, lineOf(text, '1,400'));
    assert.equal(f.column, columnOf(text, '| F |') + 2);
    assert.equal(f.endColumn, f.column + 1);
    assert.equal(f.message, 'Table I row 1 withholds shares (F) on 03/15/2024, but no row acquires them that day and no footnote speaks of a vesting.');
  });

  test('withholding more than was acquired that day: warning at the amount, related to the acquisition', () => {
    const text = draft({
      header,
      tableI: [rowI('Common Stock', '03/15/2024', '', 'M', '', '1,000', 'A', '$0', '11,000', 'D', ''), rowI('Common Stock', '03/15/2024', '', 'F', '', '1,400', 'D', '$25.00', '9,600', 'D', '')],
      tableII: [rowII('Restricted Stock Units', '$0', '03/15/2024', '', 'M', '', '', '1,000', '(1)', '(1)', 'Common Stock', '1,000', '$0', '3,000', 'D', '')],
      footnotes: ['(1) The RSUs vest in four equal annual installments and do not expire.'],
      signature,
    });
    const f = one(check(text), 'withholding-unpaired');
    assert.equal(f.line, lineOf(text, '1,400'));
    assert.equal(f.column, columnOf(text, '1,400'));
    assert.equal(f.message, 'Table I row 2 withholds 1,400 on 03/15/2024, more than the 1,000 acquired that day.');
    assert.deepEqual(relatedLines(text, 'withholding-unpaired'), [[lineOf(text, '11,000')]]);
  });

  test('near miss: F after the RSU tranches; A, F, F, A on one day; F with a vesting footnote', () => {
    none(check(rsuDraft('1,135,941 (2)')), 'withholding-unpaired');
    const grants = draft({
      header: headerOn('03/17/2025', ['Rule 10b5-1(c) Transaction Indication: [ ]']),
      tableI: [
        rowI('Common Share', '03/17/2025', '', 'A', '', '10,000', 'A', '$0', '69,064', 'D', ''),
        rowI('Common Share', '03/17/2025', '', 'F', '', '2,954', 'D', '$27.61', '66,110', 'D', ''),
        rowI('Common Share', '03/17/2025', '', 'F', '', '1,897', 'D', '$27.61', '64,213', 'D', ''),
        rowI('Common Share', '03/17/2025', '', 'A', '', '10,000', 'A', '$0', '74,213', 'D', ''),
      ],
      signature: ['/s/ Yanbing Hong, attorney-in-fact', '', '03/18/2025'],
    });
    assert.deepEqual(check(grants), []);
    const vesting = draft({
      header,
      tableI: [rowI('Common Stock', '03/15/2024', '', 'F (1)', '', '1,400', 'D', '$25.00', '9,600', 'D', '')],
      footnotes: ['(1) Shares withheld to satisfy tax withholding obligations upon the vesting of restricted stock units.'],
      signature,
    });
    assert.deepEqual(check(vesting), []);
  });

  test('near miss: F of Class B in Table II after the X exercise acquiring it in Table II', () => {
    none(check(warrantDraft('3,330,804')), 'withholding-unpaired');
    // Withholding more Class B than the exercise gave is reported, in Table II too.
    const over = warrantDraft('0', '4,502,447').replace('| 4,502,447 | $23.5567 | 0 |', '| 4,502,448 | $23.5567 | 0 |').replace('|  | 4,502,447 | (4) | (4) | Class A Common Stock | 4,502,448', '|  | 4,502,448 | (4) | (4) | Class A Common Stock | 4,502,448');
    const f = one(check(over), 'withholding-unpaired');
    assert.equal(f.message, 'Table II row 3 withholds 4,502,448 on 06/28/2021, more than the 4,502,447 acquired that day.');
    noErrorOrWarning(check(warrantDraft('3,330,804')));
  });
});
