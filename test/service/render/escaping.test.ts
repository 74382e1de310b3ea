/**
 * Nothing a draft or an XML file holds becomes markup: `<script>`, a value that closes an
 * attribute (`"><img onerror=…>`), `</style>`, and entities are shown as the text they are, in
 * cells, boxes, footnotes, remarks, signatures and in the titles that carry finding messages.
 * The draft's own syntax already drops raw tags (docs/format.md), so the hostile text is written
 * as entities, which the draft reader decodes into exactly the characters an attack needs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderFilingHtml } from '../../../server/src/service/render/renderHtml';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import type { Finding } from '../../../server/src/service/rules/types';
import { all, bodyRows, byClass, type Element, formTable, hasClass, one, readPage, text } from '../../support/html';
import { draft, rowI } from '../../support/drafts';
import { ISSUER, ownershipXml } from '../../support/xml';
import { renderDraft, renderXml } from './fixtures';

const SCRIPT = '&lt;script&gt;alert&lt;/script&gt;';
const BREAKOUT = '&quot;&gt;&lt;img src=x onerror=alert&gt;';

const HOSTILE = draft({
  header: [
    `1. Name and Address of Reporting Person: ${BREAKOUT}`,
    `2. Issuer Name and Ticker or Trading Symbol: ${SCRIPT} [QLYS]`,
    '3. Date of Earliest Transaction: 08/06/2013',
  ],
  tableI: [rowI(SCRIPT, '08/06/2013', '', 'P', '', '100', 'A', '$4.10', '65,500', 'I', `By ${BREAKOUT} &amp;amp; R&amp;D`)],
  footnotes: [`(1) ${SCRIPT} &amp; &lt;/style&gt;`],
  remarks: '&lt;/style&gt;&lt;script&gt;alert&lt;/script&gt;',
  signature: [`/s/ ${BREAKOUT}`, '', '08/07/2013'],
});

/** No element or attribute a page could run: the page's own elements only. */
function assertInert(page: Element): void {
  const names = new Set(all(page).map((e) => e.name));
  for (const name of ['script', 'img', 'svg', 'iframe', 'object']) assert.ok(!names.has(name), `the page has a <${name}>`);
  for (const e of all(page)) {
    for (const attribute of Object.keys(e.attributes)) assert.ok(!attribute.startsWith('on'), `<${e.name}> has ${attribute}`);
  }
}

describe('render: escaping', () => {
  const { html, page } = renderDraft(HOSTILE);

  test('the page is well formed and holds no script, image or event handler', () => {
    assertInert(page);
    assert.ok(!/<script/i.test(html));
    assert.ok(!/<img/i.test(html));
  });

  test('cells show the characters as text', () => {
    const [cells] = bodyRows(formTable(page, 'I'));
    assert.equal(text(cells?.[0] ?? page), '<script>alert</script>');
    assert.equal(text(cells?.[10] ?? page), 'By "><img src=x onerror=alert> &amp; R&D');
  });

  test('boxes, footnotes, remarks and the signature too', () => {
    assert.equal(text(one(page, (e) => hasClass(e, 'owner-name'), 'name')), '"><img src=x onerror=alert>');
    assert.equal(text(one(page, (e) => hasClass(e, 'issuer-name'), 'issuer')), '<script>alert</script>');
    assert.equal(text(one(page, (e) => hasClass(e, 'fn-text'), 'footnote')), '<script>alert</script> & </style>');
    assert.equal(text(one(page, (e) => hasClass(e, 'remarks'), 'remarks')), '</style><script>alert</script>');
    assert.equal(text(one(page, (e) => hasClass(e, 'signature-name'), 'signature')), '"><img src=x onerror=alert>');
  });

  test('the style element holds only the style sheet: </style> in a value does not close it', () => {
    const styles = all(page).filter((e) => e.name === 'style');
    assert.equal(styles.length, 1);
    assert.equal(html.match(/<\/style>/g)?.length, 1);
  });

  test('a finding message with quotes and markup stays inside the title attribute', () => {
    const parsed = parseDraft(HOSTILE);
    const cell = parsed.filing.nonDerivativeTable?.rows[0]?.nature;
    assert.ok(cell);
    const finding: Finding = { rule: 'test', severity: 'warning', message: 'Nature "><script>alert</script>', span: cell.span, related: [], unnecessary: false, fixes: [] };
    const marked = readPage(renderFilingHtml(parsed.filing, { findings: [finding] }));
    assertInert(marked);
    const [cells] = bodyRows(formTable(marked, 'I'));
    assert.equal(cells?.[10]?.attributes['title'], 'warning test: Nature "><script>alert</script>');
  });

  test('a title given by the host is escaped', () => {
    const html0 = renderFilingHtml(parseDraft(draft()).filing, { title: '</title><script>x</script>' });
    assertInert(readPage(html0));
    assert.equal(text(one(readPage(html0), (e) => e.name === 'title', 'title')), '</title><script>x</script>');
  });

  test('control characters and lone surrogates become U+FFFD, never raw', () => {
    const { page: p } = renderDraft(draft({ tableI: [rowI('Common\u0001Stock\ud800', '08/06/2013', '', 'P', '', '100', 'A', '$4.10', '65,500', 'D', '')] }));
    const [cells] = bodyRows(formTable(p, 'I'));
    assert.equal(text(cells?.[0] ?? p), 'Common\ufffdStock\ufffd');
  });
});

describe('render: escaping in an EDGAR XML filing', () => {
  test('values decoded from &lt; and &quot; are text on the page', () => {
    const issuer = ISSUER.replace('QUALYS, INC.', '&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img onerror=x&gt; AT&amp;T');
    const { html, page } = renderXml(ownershipXml({ issuer }));
    assertInert(page);
    assert.ok(!/<script/i.test(html));
    assert.equal(text(one(page, (e) => hasClass(e, 'issuer-name'), 'issuer')), '<script>alert(1)</script> "><img onerror=x> AT&T');
    assert.equal(byClass(page, 'unreadable').length, 0);
  });
});
