/**
 * What the exporter asks for: each problem at the exact box or cell, in a sentence that says what
 * to do, and the XML still written (well formed, with the value as given) for a forced export.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkDraft } from '../../../server/src/service/check';
import { blockingFindings, exportChecked, isBlocked } from '../../../server/src/service/export/exportCheck';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { escapeXmlAttribute, escapeXmlText } from '../../../server/src/service/export/xmlText';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { toRange } from '../../../server/src/service/text/range';
import { columnOf, lineOf, rowI, rowII } from '../../support/drafts';
import { readXml, rows, textAt } from '../../support/xmlFacts';
import { fixture, header } from './fixtures';

interface Placed {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

function problemsOf(text: string): Placed[] {
  return exportOwnershipXml(parseDraft(text).filing).problems.map((p) => {
    const r = toRange(p.span);
    return { line: r.start.line + 1, column: r.start.character + 1, message: p.message };
  });
}

const PURCHASE = rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '');

describe('export problems', () => {
  test('a draft without CIKs: exactly the two CIK problems, at box 1 and box 2', () => {
    const text = fixture({ header: header({ cik: false }), tableI: [PURCHASE] });
    assert.deepEqual(problemsOf(text), [
      { line: lineOf(text, '1. Name and Address'), column: 1, message: "Box 1 gives no CIK for Wilson John N, and EDGAR needs each reporting owner's CIK. Add a line `CIK: 0001234567` under box 1." },
      { line: lineOf(text, '2. Issuer Name'), column: 1, message: "Box 2 gives no CIK for QUALYS, INC., and EDGAR needs the issuer's CIK. Add a line `CIK: 0001234567` under box 2." },
    ]);
    // The rules say nothing about CIKs: a draft without them checks clean, and only export asks.
    assert.deepEqual(checkDraft(parseDraft(text)).findings, []);
  });

  test('a CIK that is not one to ten digits', () => {
    const text = fixture({ tableI: [PURCHASE] }).replace('CIK: 0001234567', 'CIK: 123-4567');
    assert.deepEqual(problemsOf(text), [{ line: lineOf(text, 'CIK: 123-4567'), column: columnOf(text, '123-4567'), message: 'The CIK "123-4567" is not one EDGAR takes. Write the one to ten digits EDGAR assigned, as in 0001234567.' }]);
  });

  test('a title of 61 characters, at the title cell; the forced XML keeps it whole', () => {
    const title = `Series A Convertible Participating Preferred Stock, par ${'$0.01'}`.padEnd(61, 'x');
    assert.equal(title.length, 61);
    const text = fixture({ tableI: [rowI(title, '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] });
    assert.deepEqual(problemsOf(text), [
      { line: lineOf(text, title), column: columnOf(text, title), message: 'Table I row 1, column 1 (Title) has 61 characters, and EDGAR takes at most 60. Shorten it; a footnote may say more.' },
    ]);
    const root = readXml(exportOwnershipXml(parseDraft(text).filing).xml);
    assert.equal(rows(root, 'nonDerivativeTable')[0]?.facts['securityTitle'], title);
  });

  test('a price with 5 decimals', () => {
    const text = fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.36545', '56,500', 'D', '')] });
    assert.deepEqual(problemsOf(text), [
      { line: lineOf(text, '18.36545'), column: columnOf(text, '$18.36545'), message: 'Table I row 1, column 4 (Price) $18.36545 has 5 decimals, and EDGAR takes at most 4. Round it to $18.3655; a footnote may give it exactly.' },
    ]);
  });

  test('an amount over EDGAR\'s maximum', () => {
    const text = fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '1,000,000,000,000', 'D', '')] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), ["Table I row 1, column 5 (Amount Owned) 1,000,000,000,000 is over EDGAR's maximum, 999,999,999,999.9999. Check the figure."]);
  });

  test('a state that is not a code of Appendix A; one written by name; an obsolete code', () => {
    const zz = fixture({ tableI: [PURCHASE] }).replace('State: CA', 'State: ZZ');
    assert.deepEqual(problemsOf(zz), [
      { line: lineOf(zz, 'State: ZZ'), column: columnOf(zz, 'ZZ'), message: 'Wilson John N\'s state "ZZ" is not a code of EDGAR\'s list (Appendix A). Write the code, as in CA for California or X0 for the United Kingdom.' },
    ]);
    assert.deepEqual(problemsOf(zz.replace('State: ZZ', 'State: California')).map((p) => p.message), ['Wilson John N\'s state "California" is not a code of EDGAR\'s list (Appendix A). Write CA.']);
    assert.deepEqual(problemsOf(zz.replace('State: ZZ', 'State: ca')).map((p) => p.message), ['Wilson John N\'s state "ca" is not a code of EDGAR\'s list (Appendix A). Write CA.']);
    assert.deepEqual(problemsOf(zz.replace('State: ZZ', 'State: G5')).map((p) => p.message), ['Wilson John N\'s state "G5" (CZECHOSLOVAKIA) is an obsolete code EDGAR no longer takes from filers. Write the current code of EDGAR\'s list (Appendix A).']);
  });

  test('a ZIP code with characters EDGAR does not take, and one too long', () => {
    const text = fixture({ tableI: [PURCHASE] }).replace('ZIP: 94065', 'ZIP: 94065/1234*5');
    assert.deepEqual(problemsOf(text).map((p) => p.message), [
      'Wilson John N\'s ZIP code has 12 characters, and EDGAR takes at most 10. Shorten it.',
      'Wilson John N\'s ZIP code "94065/1234*5" has characters EDGAR does not take. Write only letters, digits, spaces, # and -.',
    ]);
  });

  test('no trading symbol: an export problem, said once with the rule\'s error', () => {
    const text = fixture({ tableI: [PURCHASE] }).replace('QUALYS, INC. [QLYS]', 'QUALYS, INC.');
    assert.deepEqual(problemsOf(text).map((p) => p.message), ['Box 2 gives no trading symbol, which EDGAR needs. Write it in square brackets after the issuer\'s name, as in QUALYS, INC. [QLYS].']);
    const parsed = parseDraft(text);
    const checked = exportChecked(parsed.filing, checkDraft(parsed).findings);
    assert.deepEqual(checked.errors.map((e) => e.rule), ['missing-box']);
    assert.deepEqual(checked.problems, [], 'the rule already says it, at the same box');
    assert.equal(isBlocked(checked), true);
    assert.deepEqual(blockingFindings(checked, 'warning').map((f) => [f.rule, f.severity]), [['missing-box', 'warning']]);
  });

  test('a reporting owner with no relationship', () => {
    const text = fixture({ header: header().filter((l) => !l.startsWith('5.')), tableI: [PURCHASE] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), [
      'The draft gives no relationship for Wilson John N, which EDGAR needs. Add box 5, as in "5. Relationship of Reporting Person(s) to Issuer: Director".',
    ]);
  });

  test('an officer title over 30 characters', () => {
    const text = fixture({ header: header({ relationship: 'Officer (Executive Vice President, Worldwide Field Operations)' }), tableI: [PURCHASE] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), ['Box 5\'s officer title "Executive Vice Presiden…" has 52 characters, and EDGAR takes at most 30. Abbreviate it, as in EVP, Worldwide Field Ops.']);
  });

  test('a signature without a date, and no signature at all', () => {
    const undated = fixture({ tableI: [PURCHASE], signature: ['/s/ John N. Wilson'] });
    assert.deepEqual(problemsOf(undated), [{ line: lineOf(undated, '/s/'), column: 1, message: 'The signature of John N. Wilson has no date, which EDGAR needs. Write it (MM/DD/YYYY) on the line below the /s/ line.' }]);
    const unsigned = fixture({ tableI: [PURCHASE], signature: [] });
    assert.deepEqual(problemsOf(unsigned).map((p) => p.message), ['The draft is not signed, and EDGAR needs a signature and its date. Add a line "/s/ Name" and the date (MM/DD/YYYY) on the line below it.']);
  });

  test('a footnote referred to from box 5, where the XML has none; a footnote nothing refers to', () => {
    const text = fixture({
      header: header({ relationship: 'Officer (EVP, Worldwide Field Ops) (1)' }),
      tableI: [rowI('Common Stock', '08/06/2013', '', 'P (2)', '', '1,000', 'A', '$18.00', '56,500', 'D', '')],
      footnotes: ['(1) The Reporting Person is also the principal accounting officer.', '(2) Bought in the open market.', '(3) Not referred to.'],
    });
    assert.deepEqual(problemsOf(text).map((p) => p.message), [
      "Box 5 refers to footnote (1), which EDGAR's XML cannot keep there. Refer to it from a table cell, or move its text to the Remarks.",
      'Footnote (3) is referred to from no cell, and EDGAR suspends a filing with a footnote nothing refers to. Refer to it where it applies, or delete it.',
    ]);
  });

  test('a reference to a footnote the draft does not have', () => {
    const text = fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00 (4)', '56,500', 'D', '')] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), ['Table I row 1, column 4 (Price) refers to footnote (4), which the Explanation of Responses does not have. Add it, or remove the reference.']);
  });

  test('a dollar amount in Table I, and a nature of ownership with D', () => {
    const text = fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '$18,000', 'A', '$18.00', '56,500', 'D', 'By Trust')] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), [
      "Table I row 1, column 4 (Amount) is a dollar amount, but EDGAR's Table I takes a number of shares. Write the number of shares; a footnote may give the dollars.",
      'Table I row 1, column 7 (Nature of Ownership) is filled in for a direct holding (D), and EDGAR suspends that. Clear it, or make the ownership form I.',
    ]);
  });

  test('a Table I price left blank without a footnote (a gift needs $0)', () => {
    const text = fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'G', '', '500', 'D', '', '55,000', 'D', '')] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), ['Table I row 1, column 4 (Price) is blank. Give the price per share ($0 when there is none, as for a gift), or a footnote that says why there is none.']);
  });

  test('a price on a Table II holdings row, which EDGAR\'s holding has no place for', () => {
    const text = fixture({ tableII: [rowII('Stock Option (right to buy)', '$4.10', '', '', '', '', '', '', '11/05/2011', '11/05/2020', 'Common Stock', '1,000', '$2.00', '1,000', 'D', '')] });
    assert.deepEqual(problemsOf(text).map((p) => p.message), ["Table II row 1, column 8 (Price) is filled in on a holdings row, which has no such column in EDGAR's XML. Clear it, or make the row a transaction."]);
  });

  test('two owners with the same CIK (§4.3.2)', () => {
    const box1 = header().slice(0, 6);
    const text = fixture({ header: [...box1, ...header()], tableI: [PURCHASE] });
    assert.ok(problemsOf(text).some((p) => p.message === 'Wilson John N has the CIK of Wilson John N, and EDGAR suspends a filing that names an owner twice. Give each owner once, with its own CIK.'));
  });

  test('nothing reported and the exit box not checked (§4.3.3)', () => {
    const text = fixture({});
    assert.deepEqual(problemsOf(text).map((p) => p.message), ['The draft reports no transaction and no holding, and EDGAR suspends such a Form 4. Report one, or check the box "no longer subject to Section 16" ([x]).']);
    assert.deepEqual(problemsOf(fixture({ header: header({ exit: '[x]' }) })), []);
  });

  test('more than 30 rows in a table', () => {
    const many = Array.from({ length: 31 }, (_, i) => rowI('Common Stock', '08/06/2013', '', 'P', '', '10', 'A', '$18.00', String(55_500 + 10 * (i + 1)), 'D', ''));
    assert.deepEqual(problemsOf(fixture({ tableI: many })).map((p) => p.message), ['Table I has 31 rows, and EDGAR takes at most 30 in each table, transactions and holdings together. Report the rest on a second Form 4.']);
  });

  test('a control character XML cannot carry: reported, and left out of the XML', () => {
    const text = fixture({ tableI: [PURCHASE], remarks: 'Filed late\u0007 by mistake.' });
    assert.deepEqual(problemsOf(text).map((p) => p.message), ['The Remarks holds a control character (U+0007) that XML cannot carry. Delete it.']);
    assert.equal(textAt(readXml(exportOwnershipXml(parseDraft(text).filing).xml), 'remarks'), 'Filed late by mistake.');
  });

  test('a forced export of a draft with many problems is still well formed, with the structure whole', () => {
    const text = 'FORM 4\n\n1. Name and Address of Reporting Person: Nobody\n';
    const { xml, problems } = exportOwnershipXml(parseDraft(text).filing);
    assert.ok(problems.length >= 4);
    const root = readXml(xml);
    assert.equal(textAt(root, 'issuer/issuerCik'), '');
    assert.equal(textAt(root, 'reportingOwner/reportingOwnerId/rptOwnerCik'), '');
    assert.equal(textAt(root, 'ownerSignature/signatureName'), '');
  });
});

describe('escaping', () => {
  test('text: & < > and " escaped, non-ASCII as character references, controls dropped and returned', () => {
    assert.deepEqual(escapeXmlText('Common Stock'), { text: 'Common Stock', dropped: [] });
    assert.deepEqual(escapeXmlText('A & B <C> "D" \'E\''), { text: 'A &amp; B &lt;C&gt; &quot;D&quot; \'E\'', dropped: [] });
    assert.deepEqual(escapeXmlText('Société’s 😀'), { text: 'Soci&#233;t&#233;&#8217;s &#128512;', dropped: [] });
    assert.deepEqual(escapeXmlText('a\u0000b\u001Bc\uFFFEd\uD800'), { text: 'abcd', dropped: [0x0, 0x1b, 0xfffe, 0xd800] });
    assert.deepEqual(escapeXmlText(']]>'), { text: ']]&gt;', dropped: [] });
  });

  test('attributes: \' too', () => {
    assert.equal(escapeXmlAttribute('F1\'"&').text, 'F1&apos;&quot;&amp;');
  });
});
