/**
 * docs/format.md, "Facts a draft does not carry": each one, when a filing has it, comes out of
 * the import as a note (with its place in the XML), never as a silent change. And what the
 * import refuses: a text with no Form 4 ownership document.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { importOwnershipXml } from '../../../server/src/service/import/importXml';
import { writeDraft, type DraftNote } from '../../../server/src/service/import/writeDraft';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { toRange } from '../../../server/src/service/text/range';
import { filingFacts } from '../../support/facts';
import { imported } from '../../support/importing';
import { messageSamples } from '../../support/messageDrafts';
import { messageProblems } from '../../support/messages';
import { derivativeXml, footnotesXml, issuerXml, nonDerivativeXml, OWNER, ownerXml, ownershipXml, WEIGHTED_AVERAGE_XML } from '../../support/xml';

/** The notes of an import, without the schemaVersion's (every ownershipXml() has it). */
function notes(xml: string): string[] {
  return imported(xml).notes.map((n) => n.message).filter((m) => !m.startsWith('The schema version ('));
}

/** The 1-based line in the XML where a note points. */
function lineOfNote(xml: string, start: string): number | undefined {
  const note = imported(xml).notes.find((n) => n.message.startsWith(start));
  return note?.span ? toRange(note.span).start.line + 1 : undefined;
}

function lineOf(xml: string, needle: string): number {
  return xml.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

describe('facts of EDGAR that a draft does not keep', () => {
  test('schemaVersion, at its element', () => {
    const xml = ownershipXml();
    assert.deepEqual(imported(xml).notes.map((n) => n.message), ['The schema version (schemaVersion "X0508") is not carried. EDGAR sets it, and an export writes the version it follows.']);
    assert.equal(lineOfNote(xml, 'The schema version'), lineOf(xml, '<schemaVersion>'));
  });

  test('rptOwnerStateDescription, rptOwnerCcc, rptOwnerGoodAddress', () => {
    const xml = ownershipXml({
      owners: ownerXml({ cik: '0001000001', name: 'SB Management Ltd', street1: '1-7-1 KAIGAN', city: 'TOKYO', stateDescription: 'JAPAN', tenPercentOwner: true })
        .replace('<rptOwnerName>', '<rptOwnerCcc>x1y2z3w$</rptOwnerCcc><rptOwnerName>')
        .replace('</reportingOwnerAddress>', '<rptOwnerGoodAddress>1</rptOwnerGoodAddress></reportingOwnerAddress>'),
    });
    assert.deepEqual(notes(xml), [
      "The EDGAR access code of reporting owner 1 (rptOwnerCcc) is not carried. A draft does not keep a filer's access code.",
      'The state description "JAPAN" of reporting owner 1 (rptOwnerStateDescription) is not carried. EDGAR writes it for display.',
      "The good-address mark of reporting owner 1 (rptOwnerGoodAddress) is not carried. It is EDGAR's own mark.",
    ]);
    // An empty one is no fact.
    assert.deepEqual(notes(ownershipXml({ owners: OWNER.replace('</reportingOwnerAddress>', '<rptOwnerStateDescription></rptOwnerStateDescription></reportingOwnerAddress>') })), []);
  });
});

describe('facts of the model a draft cannot show', () => {
  test('a documentType that box 4 contradicts', () => {
    assert.deepEqual(notes(ownershipXml({ documentType: '4/A' })), [
      'The filing is a 4/A but gives no date of the original filing, so the draft reads as a Form 4. A draft is a 4/A when box 4 has a date.',
    ]);
    assert.deepEqual(notes(ownershipXml({ header: '  <periodOfReport>2013-08-06</periodOfReport>\n  <dateOfOriginalSubmission>2013-08-07</dateOfOriginalSubmission>' })), [
      'The filing is a Form 4 but gives a date of the original filing, so the draft reads as a 4/A. A draft with a date in box 4 is a 4/A.',
    ]);
  });

  test('an officerTitle without isOfficer, an otherText without isOther', () => {
    assert.deepEqual(notes(ownershipXml({ owners: ownerXml({ cik: '1', name: 'Doe Jane', director: true, officerTitle: 'CFO', otherText: 'Founder' }) })), [
      'The officer title "CFO" of reporting owner 1 is not carried, because isOfficer is not set. Box 5 gives a title only to Officer.',
      'The Other text "Founder" of reporting owner 1 is not carried, because isOther is not set. Box 5 gives a text only to Other.',
    ]);
  });

  test('an owner without reportingOwnerRelationship', () => {
    const second = '  <reportingOwner><reportingOwnerId><rptOwnerCik>0000000002</rptOwnerCik><rptOwnerName>Roe Richard</rptOwnerName></reportingOwnerId></reportingOwner>';
    assert.deepEqual(notes(ownershipXml({ owners: `${OWNER}\n${second}` })), ['Reporting owner 2 has no relationship to the issuer (reportingOwnerRelationship), so the draft gives it an empty box 5.']);
  });

  test('a reference on a Table II (A)/(D) code: written in the amount\'s cell, the facts kept', () => {
    const option = derivativeXml({
      title: 'Stock Option (right to buy)', exercisePrice: '4.10', date: '2013-08-06', coding: { code: 'M' }, shares: '10000', price: '0',
      acquiredDisposed: { value: 'D', footnotes: ['F2'] }, exerciseDate: '2010-11-05', expirationDate: '2020-11-05', underlyingTitle: 'Common Stock', underlyingShares: '10000', owned: '140591', ownership: 'D',
    });
    const xml = ownershipXml({ tableII: option, footnotes: `${WEIGHTED_AVERAGE_XML}\n${footnotesXml([['F2', 'The option was exercised in full.']])}` });
    const result = imported(xml);
    assert.deepEqual(notes(xml), [
      "In Table II row 1, the reference (2) of the (A)/(D) code is written in the amount's cell, as the printed form shows. A draft does not tell the two apart.",
    ]);
    assert.match(result.draft, /\| 10,000 \(2\) +\|/);
    assert.deepEqual(filingFacts(parseDraft(result.draft).filing), filingFacts(result.source.filing));
  });

  test('a Table II (A)/(D) code that is neither A nor D, or has no amount', () => {
    const row = (ad: string, shares: string | undefined): string =>
      derivativeXml({ title: 'Warrants', exercisePrice: '11.5', date: '2013-08-06', coding: { code: 'J' }, shares, price: '0', acquiredDisposed: ad, exerciseDate: '2013-08-06', expirationDate: '2018-08-06', underlyingTitle: 'Common Stock', underlyingShares: '100', owned: '0', ownership: 'D' });
    assert.deepEqual(notes(ownershipXml({ tableII: row('X', '100') })), ['In Table II row 1, the (A)/(D) code "X" is neither A nor D, so the amount is written in column 5 (A).']);
    assert.deepEqual(notes(ownershipXml({ tableII: row('D', undefined) })), ['In Table II row 1, the (A)/(D) code D has no amount to stand with. A Table II row shows the code by the column its amount is in.']);
  });

  test('a transactionFormType that the V column cannot say', () => {
    const row = (formType: string, timeliness: string): string =>
      nonDerivativeXml({ title: 'Common Stock', date: '2013-08-06', coding: { code: 'G', formType }, timeliness, shares: '100', price: '0', acquiredDisposed: 'D', owned: '100', ownership: 'D' });
    assert.deepEqual(notes(ownershipXml({ tableI: row('5', 'L'), tableII: '' })), [
      "Table I row 1 gives form type 5 with timeliness L, which is not carried. The draft's V column says V (form type 5, early) or L (late), not both.",
    ]);
    assert.deepEqual(notes(ownershipXml({ tableI: row('4', 'E'), tableII: '' })), ['Table I row 1 gives form type 4 with timeliness E (early). The draft writes it as V, which means form type 5.']);
  });

  test('a footnote reference in an element no column stands for', () => {
    const xml = ownershipXml().replace('<postTransactionAmounts>', '<postTransactionAmounts>\n        <footnoteId id="F1"/>');
    assert.deepEqual(notes(xml), ['The footnote reference F1 in <postTransactionAmounts> is not carried, because no column of the form stands for that element.']);
  });

  test('XML that is not well formed: imported as far as it reads, with a note', () => {
    const xml = ownershipXml().replace('<issuerName>QUALYS, INC.</issuerName>', '<issuerName>QUALYS & CO</issuerName>');
    assert.deepEqual(notes(xml), ['The character & must be written &amp; (here it starts no entity or character reference). The draft holds what could be read.']);
  });
});

describe('what the read-back check catches: limits no escape reaches', () => {
  test('an issuer name with a "[": box 2 reads its ticker from the first bracket', () => {
    assert.deepEqual(notes(ownershipXml({ issuer: issuerXml('0001107843', 'ACME [DE] CORP', 'ACME') })), [
      'The issuer name is not carried: the filing has "ACME [DE] CORP", and the draft reads "ACME".',
      'The trading symbol is not carried: the filing has "ACME", and the draft reads "DE".',
    ]);
  });

  test('a holding whose cells hold no number or date and a column-title word: read as a column-title row', () => {
    const holding = nonDerivativeXml({ holding: true, title: 'Units underlying the Notes', owned: { footnotes: ['F1'] }, ownership: 'D' });
    assert.deepEqual(notes(ownershipXml({ tableI: holding, tableII: '' })), [
      'Table I is not carried: the filing has "1 rows", and the draft reads "0 rows".',
      'Table I row 1 is not carried: the filing has "holding", and the draft reads nothing.',
    ]);
  });

  test('a transaction with every transaction column blank reads as a holding', () => {
    assert.deepEqual(notes(ownershipXml({ tableI: nonDerivativeXml({ title: 'Common Stock', owned: '100', ownership: 'D' }), tableII: '' })), [
      'Table I row 1 is not carried: the filing has "transaction", and the draft reads "holding".',
    ]);
  });
});

describe('writeDraft on its own', () => {
  test('notes go to onNote; verify: false leaves out the read-back check', () => {
    const source = imported(ownershipXml({ issuer: issuerXml('1', 'ACME [DE]', 'AC') })).source;
    const seen: DraftNote[] = [];
    const text = writeDraft(source.filing, { onNote: (n) => seen.push(n) });
    assert.equal(seen.length, 2);
    const unchecked: DraftNote[] = [];
    assert.equal(writeDraft(source.filing, { onNote: (n) => unchecked.push(n), verify: false }), text);
    assert.deepEqual(unchecked, []);
  });

  test('a draft written from a draft reads back with the same facts', () => {
    const draft = parseDraft(imported(ownershipXml()).draft);
    const again = writeDraft(draft.filing);
    assert.deepEqual(filingFacts(parseDraft(again).filing), filingFacts(draft.filing));
  });
});

describe('what the import refuses', () => {
  test('no ownership document, or not a Form 4', () => {
    const refused = (text: string): string | undefined => {
      const r = importOwnershipXml(text);
      return r.kind === 'refused' ? r.reason : undefined;
    };
    assert.equal(refused(''), 'it holds no EDGAR ownership document (<ownershipDocument>)');
    assert.equal(refused('<html><body/></html>'), 'it holds <html>, not an EDGAR ownership document (<ownershipDocument>)');
    assert.equal(refused('1. Name and Address of Reporting Person: Wilson John N'), 'it holds no EDGAR ownership document (<ownershipDocument>)');
    assert.equal(refused(ownershipXml({ documentType: '5' })), 'it is a Form 5 ownership document; the import reads Form 4 and 4/A');
    assert.equal(refused(ownershipXml({ documentType: '3' })), 'it is a Form 3 ownership document; the import reads Form 4 and 4/A');
  });
});

const PARTIAL = ' The draft holds what could be read.';

describe('the notes are messages a drafter reads', () => {
  test('each a short full sentence, held to the standard of the rules\' messages (test/support/messages.ts)', () => {
    const seen = new Map<string, string>();
    for (const sample of messageSamples().filter((s) => s.kind === 'xml')) {
      const result = importOwnershipXml(sample.text);
      if (result.kind !== 'draft') continue;
      for (const n of result.notes) if (!seen.has(n.message)) seen.set(n.message, sample.name);
    }
    assert.ok(seen.size >= 20, `${seen.size} notes`);
    // The note on XML that is not well formed quotes the reader's message (held to the standard
    // in test/service/messages.test.ts) and adds a sentence: only its length may go over.
    const problemsOf = (m: string): string[] => (m.endsWith(PARTIAL) ? messageProblems(m.slice(0, -PARTIAL.length)) : messageProblems(m));
    const bad = [...seen].filter(([m]) => problemsOf(m).length > 0).map(([m, name]) => `${m}\n    ${problemsOf(m).join('; ')} (in ${name})`);
    assert.deepEqual(bad, []);
  });
});
