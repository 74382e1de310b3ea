/**
 * The renderer on many inputs (fast-check, 100 runs each, so that `npm test` stays fast): a
 * generated valid draft (test/support/draftGenerator.ts) gives a well-formed page with one row of
 * 11 or 16 cells per row of the model, each cell's `data-span` its field's value; any text at all,
 * however damaged, gives a well-formed page with nothing executable in it; and every filing of
 * ../shared/corpus renders so (skipped when the corpus is absent).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkDocument } from '../../../server/src/service/check';
import { parseSource, sourceKindOf } from '../../../server/src/service/document';
import type { Filing } from '../../../server/src/service/model/filing';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import { renderFilingHtml } from '../../../server/src/service/render/renderHtml';
import { spanAttribute } from '../../../server/src/service/render/spans';
import { draftArbitrary } from '../../support/draftGenerator';
import { all, bodyRows, type Element, formTable, readPage } from '../../support/html';
import { CORPUS } from '../../support/paths';

const RUNS = 100;

/** The page mirrors the model: rows and cells by table, each cell pointing at its field's value. */
function assertMirrors(page: Element, filing: Filing): void {
  for (const [id, table, width] of [['I', filing.nonDerivativeTable, 11], ['II', filing.derivativeTable, 16]] as const) {
    const rows = bodyRows(formTable(page, id));
    const model = table?.rows ?? [];
    assert.equal(rows.length, model.length, `Table ${id}`);
    model.forEach((row, r) => {
      assert.equal(rows[r]?.length, width);
      assert.deepEqual(rows[r]?.map((c) => c.attributes['data-span']), row.fields.map((f) => spanAttribute(f.valueSpan)));
    });
  }
}

function assertInert(page: Element): void {
  for (const e of all(page)) {
    assert.ok(!['script', 'img', 'svg', 'iframe', 'object', 'link'].includes(e.name), `<${e.name}>`);
    for (const attribute of Object.keys(e.attributes)) assert.ok(!attribute.startsWith('on'), attribute);
  }
}

const piece = fc.oneof(
  fc.constantFrom('|', '(1)', '$', '\u0000', '\u0007', '&', '<', '>', '"', "'", '&lt;', '&quot;', ']]>', '\uD800', '\n', '/s/', '\t', '[x]', '</style>', '<script>'),
  fc.string({ maxLength: 6 }),
);

describe('render: generated drafts', () => {
  test(`a valid draft: a well-formed page that mirrors the model (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(draftArbitrary, ({ text }) => {
        const parsed = parseDraft(text);
        const page = readPage(renderFilingHtml(parsed.filing, { findings: checkDocument(parsed).findings }));
        assertMirrors(page, parsed.filing);
        assertInert(page);
      }),
      { numRuns: RUNS },
    );
  });

  test(`any text: a well-formed, inert page that mirrors what was read (${RUNS} runs)`, () => {
    const damaged = fc
      .tuple(draftArbitrary, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), piece), { maxLength: 10 }))
      .map(([{ text }, edits]) => {
        let t = text;
        for (const [at, cut, insert] of edits) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + insert + t.slice(i + cut);
        }
        return t;
      });
    fc.assert(
      fc.property(damaged, (text) => {
        const parsed = parseDraft(text);
        const page = readPage(renderFilingHtml(parsed.filing, { findings: checkDocument(parsed).findings }));
        assertMirrors(page, parsed.filing);
        assertInert(page);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('render: the corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => sourceKindOf(f, readFileSync(join(CORPUS, f), 'utf8')) === 'xml').sort() : [];
  test(`every filing of the corpus renders, mirroring its model (${files.length} filings)`, { skip: existsSync(CORPUS) ? false : `${CORPUS} is absent` }, () => {
    assert.ok(files.length >= 15);
    for (const file of files) {
      const document = parseSource('xml', readFileSync(join(CORPUS, file), 'utf8'));
      const page = readPage(renderFilingHtml(document.filing, { findings: checkDocument(document).findings }));
      assertMirrors(page, document.filing);
      assertInert(page);
    }
  });
});
