/**
 * Property tests of the exporter (fast-check, 100 runs each, so that `npm test` stays fast), on
 * generated valid drafts (test/support/draftGenerator.ts):
 * - a valid draft exports with no problem, and its XML, read back by the XML front end, is the
 *   same filing: every fact of every box, row, footnote and signature;
 * - every such XML validates against the SEC's schema X0508 (the 4/A one for amendments), all of
 *   a run's documents in one libxml2 call;
 * - whatever the draft (damaged, cut, full of control characters), the exporter does not throw
 *   and writes well-formed XML; and when it reports no problem, the XML validates.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { readXmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { draftArbitrary } from '../../support/draftGenerator';
import { FIXTURES } from './fixtures';
import { filingFacts } from '../../support/filingFacts';
import { NO_XSD, validateMany } from '../../support/xsd';

const RUNS = 100;

/** A fixture hit by a few random edits: pieces of syntax, control characters, cells cut. */
const piece = fc.oneof(fc.constantFrom('|', '(1)', '$', '\u0000', '\u0007', '&', '<', ']]>', '\uD800', 'CIK:', '\n', '/s/', '\t', '(K)', 'V', '99'), fc.string({ maxLength: 5 }));
const damagedDraft = fc
  .tuple(fc.constantFrom(...Object.values(FIXTURES)), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), piece), { maxLength: 8 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [at, cut, insert] of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + insert + t.slice(i + cut);
    }
    return t;
  });

describe('export: generated drafts', () => {
  test(`a valid draft exports with no problem and reads back as the same filing (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(draftArbitrary, ({ text, spec }) => {
        const draft = parseDraft(text);
        assert.deepEqual(draft.problems, [], 'the generated draft is well formed');
        assert.equal(draft.filing.reportingOwners.length, spec.owners.length);
        const { xml, problems } = exportOwnershipXml(draft.filing);
        assert.deepEqual(problems.map((p) => p.message), []);
        const read = parseOwnershipXml(xml);
        assert.deepEqual(read.problems.map((p) => `${p.rule}: ${p.message}`), [], 'the XML front end finds nothing wrong with it');
        assert.deepEqual(filingFacts(read.filing), filingFacts(draft.filing));
      }),
      { numRuns: RUNS },
    );
  });

  test(`every exported XML validates against the schema (${RUNS} drafts)`, { skip: NO_XSD }, async () => {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff);
    const drafts = fc.sample(draftArbitrary, { numRuns: RUNS, seed });
    const documents = drafts.map((d, i) => ({ name: `generated-${i}.xml`, xml: exportOwnershipXml(parseDraft(d.text).filing).xml }));
    const results = await validateMany(documents);
    const amendments = documents.filter((d) => d.xml.includes('<documentType>4/A</documentType>')).length;
    assert.ok(amendments > 0 && amendments < RUNS, `both schemas used (${amendments} amendments)`);
    documents.forEach((d, i) => {
      assert.deepEqual(results.get(d.name), [], `seed ${seed}, draft ${i}:\n${drafts[i]?.text ?? ''}\n${d.xml}`);
    });
  });

  test(`any text, and any damage to a draft: no throw, well-formed XML (${RUNS} runs each)`, () => {
    const wellFormed = (text: string): void => {
      const { xml, problems } = exportOwnershipXml(parseDraft(text).filing);
      assert.deepEqual(readXmlTree(xml).problems.map((p) => p.message), [], 'well formed');
      for (const p of problems) assert.ok(p.message.length > 0 && p.span.start <= p.span.end);
    };
    fc.assert(fc.property(fc.string({ maxLength: 400 }), wellFormed), { numRuns: RUNS });
    fc.assert(fc.property(damagedDraft, wellFormed), { numRuns: RUNS });
  });

  test(`a damaged draft the exporter reports no problem on validates (${2 * RUNS} drafts)`, { skip: NO_XSD }, async () => {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff);
    const texts = fc.sample(damagedDraft, { numRuns: 2 * RUNS, seed });
    const clean = texts.map((text) => ({ text, ...exportOwnershipXml(parseDraft(text).filing) })).filter((r) => r.problems.length === 0);
    assert.ok(clean.length >= RUNS / 5, `enough drafts survive their damage without a problem (${clean.length})`);
    const results = await validateMany(clean.map((r, i) => ({ name: `damaged-${i}.xml`, xml: r.xml })));
    clean.forEach((r, i) => assert.deepEqual(results.get(`damaged-${i}.xml`), [], `seed ${seed}:\n${r.text}\n${r.xml}`));
  });
});
