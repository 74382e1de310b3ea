/**
 * Real data through the exporter: each filing of `../shared/corpus` (bare XML and full EDGAR
 * submissions), read by the XML front end, exports with no problem, validates against the SEC's
 * schema, and reads back as the same filing. Nineteen filings of every shape the corpus has:
 * joint filers, holdings only, trusts, conversions, early gifts, dollar values, long remarks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { exportOwnershipXml } from '../../../server/src/service/export/ownershipXml';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { filingFacts } from '../../support/filingFacts';
import { CORPUS, sharedFile } from '../../support/paths';
import { NO_XSD, validateMany } from '../../support/xsd';

const FILES = sharedFile('corpus') ? readdirSync(CORPUS).filter((f) => /\.(?:xml|txt)$/.test(f)).sort() : [];

describe('export: the corpus filings, read and written again', { skip: FILES.length === 0 ? `no corpus at ${CORPUS}` : false }, () => {
  test('19 filings', () => assert.equal(FILES.length, 19));

  test('each exports with no problem and reads back as the same filing', () => {
    for (const file of FILES) {
      const read = parseOwnershipXml(readFileSync(join(CORPUS, file), 'utf8'));
      const { xml, problems } = exportOwnershipXml(read.filing);
      assert.deepEqual(problems.map((p) => p.message), [], file);
      const again = parseOwnershipXml(xml);
      assert.deepEqual(again.problems.map((p) => p.message), [], file);
      assert.deepEqual(filingFacts(again.filing), filingFacts(read.filing), file);
    }
  });

  test('each written again validates against the schema', { skip: NO_XSD }, async () => {
    const documents = FILES.map((file) => ({ name: `${file.replace(/[^A-Za-z0-9.]+/g, '-')}.xml`, xml: exportOwnershipXml(parseOwnershipXml(readFileSync(join(CORPUS, file), 'utf8')).filing).xml }));
    for (const [name, errors] of await validateMany(documents)) assert.deepEqual(errors, [], name);
  });
});
