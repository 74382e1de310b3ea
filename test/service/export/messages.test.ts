/**
 * The export's problems are messages a drafter reads, as the rules' findings are: each is a short
 * full sentence in the drafter's words, held to the same standard (`messageProblems`,
 * test/support/messages.ts). Checked on the problems of drafts made to give most of them (the
 * cases of problems.test.ts and more) and on the wide set of drafts and XML filings the rules'
 * messages are checked on (test/support/messageDrafts.ts).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSource } from '../../../server/src/service/document';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { rowI, rowII } from '../../support/drafts';
import { messageSamples, type Sample } from '../../support/messageDrafts';
import { messageProblems } from '../../support/messages';
import { EXERCISE_AND_SALE, fixture, header } from './fixtures';

const PURCHASE = rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '');
const OPTION = rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '1,000', '11/05/2011', '11/05/2020', 'Common Stock', '1,000', '$0', '4,000', 'D', '');
const withPurchase = (text: string): string => fixture({ tableI: [PURCHASE] }).replace(/CIK: 0001234567/, text);

/** Drafts made to give export problems, one or a few each. */
const PROBLEM_DRAFTS: readonly (readonly [string, string])[] = [
  ['no CIKs', fixture({ header: header({ cik: false }), tableI: [PURCHASE] })],
  ['a CIK that is not digits', withPurchase('CIK: 123-4567')],
  ['a title of 61 characters', fixture({ tableI: [rowI('T'.repeat(61), '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')] })],
  ['a price with 5 decimals', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.36545', '56,500', 'D', '')] })],
  ['an amount over the maximum', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '1,000,000,000,000', 'D', '')] })],
  ['a state not in the list', fixture({ tableI: [PURCHASE] }).replace('State: CA', 'State: ZZ')],
  ['a state by name', fixture({ tableI: [PURCHASE] }).replace('State: CA', 'State: California')],
  ['an obsolete state', fixture({ tableI: [PURCHASE] }).replace('State: CA', 'State: G5')],
  ['a long city', fixture({ tableI: [PURCHASE] }).replace('City: REDWOOD CITY', `City: ${'REDWOOD '.repeat(8)}`)],
  ['a ZIP code EDGAR does not take', fixture({ tableI: [PURCHASE] }).replace('ZIP: 94065', 'ZIP: 94065/1234*5')],
  ['no trading symbol', fixture({ tableI: [PURCHASE] }).replace('QUALYS, INC. [QLYS]', 'QUALYS, INC.')],
  ['a long trading symbol', fixture({ tableI: [PURCHASE] }).replace('[QLYS]', '[QUALYSQUALYS]')],
  ['no box 2', fixture({ header: header().filter((l) => !l.startsWith('2.') && !l.includes('0001107843')), tableI: [PURCHASE] })],
  ['no box 3', fixture({ header: header().filter((l) => !l.startsWith('3.')), tableI: [PURCHASE] })],
  ['no box 1', fixture({ header: header().slice(6), tableI: [PURCHASE] })],
  ['no relationship', fixture({ header: header().filter((l) => !l.startsWith('5.')), tableI: [PURCHASE] })],
  ['a relationship with no box checked', fixture({ header: header({ relationship: '' }), tableI: [PURCHASE] })],
  ['an officer with no title', fixture({ header: header({ relationship: 'Officer' }), tableI: [PURCHASE] })],
  ['an Other with no text', fixture({ header: header({ relationship: 'Other' }), tableI: [PURCHASE] })],
  ['a long officer title', fixture({ header: header({ relationship: 'Officer (Executive Vice President, Worldwide Field Operations)' }), tableI: [PURCHASE] })],
  ['a long Other text', fixture({ header: header({ relationship: `Other (${'member of a group '.repeat(6)})` }), tableI: [PURCHASE] })],
  ['a 4/A with no box 4', fixture({ tableI: [PURCHASE] }).replace('FORM 4', 'FORM 4/A')],
  ['a signature with no date', fixture({ tableI: [PURCHASE], signature: ['/s/ John N. Wilson'] })],
  ['a signature with no name', fixture({ tableI: [PURCHASE], signature: ['/s/', '', '08/07/2013'] })],
  ['no signature', fixture({ tableI: [PURCHASE], signature: [] })],
  ['three signatures', fixture({ tableI: [PURCHASE], signature: ['/s/ A', '08/07/2013', '/s/ B', '08/07/2013', '/s/ C', '08/07/2013'] })],
  [
    'footnotes referred to from box 5, from nowhere, twice, beyond 99',
    fixture({
      header: header({ relationship: 'Officer (EVP, Worldwide Field Ops) (1)' }),
      tableI: [rowI('Common Stock', '08/06/2013', '', 'P (2)', '', '1,000 (100)', 'A', '$18.00 (4)', '56,500', 'D', '')],
      footnotes: ['(1) The Reporting Person is also the principal accounting officer.', '(2) Bought in the open market.', '(2) Twice.', '(3) Not referred to.', '(100) Too far.'],
    }),
  ],
  ['a long footnote', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P (1)', '', '1,000', 'A', '$18.00', '56,500', 'D', '')], footnotes: [`(1) ${'A long footnote. '.repeat(300)}`] })],
  ['long remarks', fixture({ tableI: [PURCHASE], remarks: 'Long remarks. '.repeat(200) })],
  ['a control character', fixture({ tableI: [PURCHASE], remarks: 'Filed late\u0007 by mistake\u0001.' })],
  ['a dollar amount, a nature with D', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '$18,000', 'A', '$18.00', '56,500', 'D', 'By Trust')] })],
  ['an indirect holding with no nature', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'I', '')] })],
  ['a long nature', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'I', `By ${'Trust '.repeat(30)}`)] })],
  ['a blank price', fixture({ tableI: [rowI('Common Stock', '08/06/2013', '', 'G', '', '500', 'D', '', '55,000', 'D', '')] })],
  ['blank cells', fixture({ tableI: [rowI('', '', '', '', '', '', '', '', '', '', '')], tableII: [rowII('', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '')] })],
  ['cells with only a footnote', fixture({ tableI: [rowI('(1)', '(1)', '', 'P', '', '(1)', 'A', '(1)', '(1)', 'D', '')], footnotes: ['(1) Given in a footnote.'] })],
  ['unreadable cells', fixture({ tableI: [rowI('Common Stock', '13/45/2013', 'x', 'Q', 'x', '1,00', 'x', 'x', 'x', 'x', '')], tableII: [rowII('Option', 'x', '02/30/2013', '', 'M', 'x', 'x', 'x', 'x', 'x', 'Common Stock', 'x', 'x', 'x', 'x', '')] })],
  ['holdings rows filled in', fixture({ tableII: [rowII('Stock Option (right to buy)', '$4.10', '', '', '', '', '', '', '11/05/2011', '11/05/2020', 'Common Stock', '1,000', '$2.00 (1)', '1,000', 'D', '')], footnotes: ['(1) Note.'] })],
  ['nothing reported', fixture({})],
  ['31 rows', fixture({ tableI: Array.from({ length: 31 }, (_, i) => rowI('Common Stock', '08/06/2013', '', 'P', '', '10', 'A', '$18.00', String(55_500 + 10 * (i + 1)), 'D', '')) })],
  ['two owners with one CIK', fixture({ header: [...header().slice(0, 6), ...header()], tableI: [PURCHASE] })],
  ['eleven owners', fixture({ header: [...Array.from({ length: 10 }, (_, i) => [`1. Name and Address of Reporting Person: Owner ${i}`, `   CIK: 00000000${10 + i}`]).flat(), ...header()], tableI: [PURCHASE] })],
  ['an option exercise', fixture({ tableII: [OPTION] })],
  ['the exercise and sale', EXERCISE_AND_SALE],
  ['almost nothing', 'FORM 4\n\n1. Name and Address of Reporting Person: Nobody\n'],
  ['nothing at all', ''],
];

const samples: readonly Sample[] = [...PROBLEM_DRAFTS.map(([name, text]): Sample => ({ name, kind: 'draft', text })), ...messageSamples()];

/** Each distinct message once, with the first draft that gives it. */
function exportMessages(): Map<string, string> {
  const messages = new Map<string, string>();
  for (const sample of samples) {
    for (const p of exportOwnershipXml(parseSource(sample.kind, sample.text).filing).problems) {
      if (!messages.has(p.message)) messages.set(p.message, sample.name);
    }
  }
  return messages;
}

describe('export messages', () => {
  const messages = exportMessages();

  test('the drafts give many different problems', () => {
    // Messages differ by their values; their first words tell the kinds of problem apart.
    const kinds = new Set([...messages.keys()].map((m) => m.replace(/\d+|"[^"]*"/g, '#').split(/[.:]/)[0]));
    assert.ok(kinds.size >= 60, `${kinds.size} kinds of problem`);
  });

  test('every export problem has a message that meets the standard', () => {
    const bad = [...messages].map(([message, name]) => ({ message, problems: messageProblems(message), name })).filter((m) => m.problems.length > 0);
    assert.deepEqual(
      bad.map((m) => `${m.message}\n    ${m.problems.join('; ')} (in ${m.name})`),
      [],
    );
  });
});
