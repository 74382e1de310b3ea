/**
 * Property tests of the exporter (fast-check, 100 runs each, so that `npm test` stays fast), on
 * generated valid drafts (test/support/draftGenerator.ts):
 * - a valid draft exports with no problem, and its XML, read back by the XML front end, is the
 *   same filing: every fact of every box, row, footnote and signature;
 * - every such XML validates against the SEC's schema X0508 (the 4/A one for amendments), all of
 *   a run's documents in one libxml2 call.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { draftArbitrary } from '../../support/draftGenerator';
import { filingFacts } from '../../support/filingFacts';
import { NO_XSD, validateMany } from '../../support/xsd';

const RUNS = 100;

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
});
