/**
 * docs/format.md, "Escapes": every text the draft syntax would misread, written by the import
 * so that the draft reads it back unchanged. Each case puts one text into one element of a
 * correct filing and asserts the round trip (facts and findings equal, no note but the
 * schemaVersion's). The last group is what no escape reaches: it must come out as a note.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { escapeText } from '../../../server/src/service/import/draftText';
import { cleanText } from '../../../server/src/service/text/cleanText';
import { imported, roundTrip, SCHEMA_NOTE } from '../../support/importing';
import { EXERCISE_XML, footnotesXml, issuerXml, nonDerivativeXml, ownerXml, ownershipXml, signatureXml } from '../../support/xml';

const WEIGHTED = `The price reported is the weighted average sale price of the shares sold, ranging from $18.00 to $18.81 per share. Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the Reporting Person will provide full information regarding the number of shares sold at each separate price.`;

/** The Wilson filing with one text replaced. */
function withText(where: 'title' | 'nature' | 'owner' | 'street' | 'issuer' | 'officerTitle' | 'footnote' | 'remarks' | 'signature', text: string): string {
  const sale = (title: string, nature?: string): string =>
    nonDerivativeXml({ title, date: '2013-08-06', coding: { code: 'S' }, shares: '10000', price: { value: '18.3654', footnotes: ['F1'] }, acquiredDisposed: 'D', owned: '55500', ownership: nature === undefined ? 'D' : 'I', nature });
  const owner = (o: { name?: string; street1?: string; officerTitle?: string }): string =>
    ownerXml({ cik: '0001234567', name: o.name ?? 'Wilson John N', street1: o.street1 ?? 'C/O QUALYS, INC.', city: 'REDWOOD CITY', state: 'CA', zipCode: '94065', officer: true, officerTitle: o.officerTitle ?? 'EVP' });
  return ownershipXml({
    issuer: where === 'issuer' ? issuerXml('0001107843', text, 'QLYS') : undefined,
    owners: where === 'owner' ? owner({ name: text }) : where === 'street' ? owner({ street1: text }) : where === 'officerTitle' ? owner({ officerTitle: text }) : owner({}),
    tableI: `${EXERCISE_XML}\n${where === 'title' ? sale(text) : where === 'nature' ? sale('Common Stock', text) : sale('Common Stock')}`,
    footnotes: footnotesXml([['F1', where === 'footnote' ? `${text} ${WEIGHTED}` : WEIGHTED]]),
    remarks: where === 'remarks' ? `  <remarks>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</remarks>` : undefined,
    signatures: signatureXml(where === 'signature' ? text : '/s/ John N. Wilson', '2013-08-07'),
  });
}

/** A carried text: the round trip holds, with the schema note alone. */
function carried(where: Parameters<typeof withText>[0], text: string): string {
  const trip = roundTrip(withText(where, text));
  assert.deepEqual(trip.notes, [SCHEMA_NOTE]);
  return trip.imported.draft;
}

describe('escapes in a table cell', () => {
  const cases: [string, string][] = [
    ['a pipe', 'Class A | Series 1'],
    ['a backtick, which would start inline code and hide the pipes after it', 'Common `Stock'],
    ['a backslash before a character it escapes', 'Units \\* \\|'],
    ['a backslash at the end', 'Units \\'],
    ['text that reads as a footnote reference', 'Series (12) Notes'],
    ['a list of references', 'Series (1, 2)'],
    ['a Markdown-escaped reference', 'Note \\(3\\)'],
    ['a superscript digit', 'Units²'],
    ['a tag', 'Common <b>Stock</b>'],
    ['a sup tag', 'Notes <sup>1</sup>'],
    ['a literal entity', 'R&amp;D &nbsp; &#40;'],
    ['an ampersand that starts nothing (kept as it is)', 'AT&T'],
    ['a less-than that starts nothing (kept as it is)', 'x < y'],
    ['"Table II", which starts Table II', 'Warrants (see Table II)'],
    ['"/s/", which starts a signature', '/s/ Common Stock'],
    ['"Explanation of Responses", which starts the footnotes', 'Explanation of Responses units'],
    ['"Signature of Reporting Person", which starts the signature', 'Signature of Reporting Person shares'],
    ['a separator cell', '---'],
    ['a title that starts like a box label', '1. Name and Address of Reporting Person: Units'],
    ['a title that is the exit box\'s label', '[x] Check this box if no longer subject to Section 16'],
    ['a title that starts like the remarks', 'Remarks: Units'],
    ['a title that is a column title', 'Title of Derivative Security'],
  ];
  for (const [what, text] of cases) {
    test(`${what}: ${JSON.stringify(text)}`, () => {
      carried('title', text);
      carried('nature', text);
    });
  }

  test('the escapes as written', () => {
    assert.equal(escapeText('Class A | Series 1', 'cell'), 'Class A \\| Series 1');
    assert.equal(escapeText('Series (12) Notes', 'cell'), 'Series &#40;12) Notes');
    assert.equal(escapeText('Common <b>Stock</b>', 'cell'), 'Common &lt;b>Stock&lt;/b>');
    assert.equal(escapeText('R&amp;D', 'cell'), 'R&amp;amp;D');
    assert.equal(escapeText('AT&T x < y', 'cell'), 'AT&T x < y');
    assert.equal(escapeText('see Table II', 'cell'), 'see &#84;able II');
    assert.equal(escapeText('---', 'cell'), '&#45;--');
    assert.equal(escapeText('Units²', 'cell'), 'Units&#178;');
  });
});

describe('escapes in the header', () => {
  const cases: [Parameters<typeof withText>[0], string, string][] = [
    ['owner', 'a name with commas (box 1 with detail lines is the name only)', 'Jones, Day & Co, The'],
    ['owner', 'a name with a reference-like number', 'Fund (2) LP'],
    ['owner', 'a name with "Table I", which starts Table I', 'Table I Holdings LLC'],
    ['owner', 'a name with a tag', 'Smith <u>John</u>'],
    ['street', 'an address part with a reference-like number', 'Suite (12)'],
    ['street', 'an address part with "Table II"', '1 Table II Road'],
    ['issuer', 'an issuer name with "Table II"', 'Table II Corp'],
    ['issuer', 'an issuer name with an entity', 'Smith &amp; Sons'],
    ['officerTitle', 'an officer title with a comma and a semicolon (inside its parentheses)', 'EVP, Sales; Ops'],
    ['officerTitle', 'an officer title with a check mark', 'Head [x] Ops'],
    ['officerTitle', 'an officer title with an unclosed parenthesis', 'CEO (Interim'],
  ];
  for (const [where, what, text] of cases) test(`${what}: ${JSON.stringify(text)}`, () => void carried(where, text));
});

describe('escapes in prose and signatures', () => {
  const cases: [Parameters<typeof withText>[0], string, string][] = [
    ['footnote', 'a footnote starting with a colon (the marker would take it)', ': see below.'],
    ['footnote', 'a footnote starting with a period', '... continued.'],
    ['footnote', 'a footnote with a tag and an entity', 'See <b>Exhibit</b> &nbsp; 99.'],
    ['footnote', 'a footnote with a backslash', 'Path C:\\*files'],
    ['footnote', 'a footnote that starts like the remarks', 'Remarks: see Exhibit 24.'],
    ['footnote', 'a footnote that holds a signature and a table', '/s/ Jane Doe signed Table II.'],
    ['footnote', 'a footnote that starts like a box label', '2. Issuer Name and Ticker or Trading Symbol: see above.'],
    ['remarks', 'remarks starting with a star', '*Exhibit 24 attached.'],
    ['remarks', 'remarks that start like a signature', '/s/ Jane Doe, see Exhibit 24.'],
    ['remarks', 'remarks that start like the footnotes', 'Explanation of Responses follows.'],
    ['remarks', 'remarks with a tag', 'See <u>Exhibit 24</u>.'],
    ['signature', 'a signature that ends like a date', '/s/ John N. Wilson 8/7/2013'],
    ['signature', 'a signature with a reference-like number', '/s/ Fund (2) LP, by its GP'],
    ['signature', 'a signature without its own /s/', 'SoftBank Group Corp., By : /s/ Yuko Yamamoto'],
  ];
  for (const [where, what, text] of cases) test(`${what}: ${JSON.stringify(text)}`, () => void carried(where, text));

  test('a signature without a date before one with a date keeps its own (none)', () => {
    const xml = ownershipXml({ signatures: [signatureXml('/s/ A', undefined), signatureXml('/s/ B', '2013-08-07')].join('\n') });
    const trip = roundTrip(xml);
    assert.deepEqual(trip.back.filing.signatures.map((s) => s.date?.value !== undefined), [false, true]);
  });
});

describe('what no escape reaches: a note, never a silent change', () => {
  test('an issuer name with "[": box 2 reads the ticker from the first bracket', () => {
    const result = imported(withText('issuer', 'ACME [DE] CORP'));
    assert.ok(result.notes.some((n) => /^The issuer name is not carried: the filing has "ACME \[DE\] CORP", and the draft reads "ACME"/.test(n.message)), result.notes.map((n) => n.message).join('\n'));
  });

  test('an officer title holding "(12)": box 5 reads it as a footnote reference', () => {
    const result = imported(withText('officerTitle', 'Director (12) Ops'));
    assert.ok(result.notes.some((n) => /^Owner 1 officerTitle is not carried/.test(n.message)), result.notes.map((n) => n.message).join('\n'));
  });
});

describe('escapeText', () => {
  test('cleaning an escaped text gives the text back, in every place', () => {
    const texts = ['a|b', 'x\\|y', '`', '&amp;', '<b>', '(1)', '²', 'Table II', '/s/', 'a\\b', ': x', '...'];
    for (const text of texts) {
      for (const place of ['cell', 'box', 'prose', 'signature'] as const) {
        const written = escapeText(text, place);
        assert.equal(cleanText(written, 0, written.length).text, text, `${place}: ${JSON.stringify(written)}`);
      }
    }
  });
});
