/**
 * What a preview needs from the page: `data-span` on every element that shows a value (the
 * field's source range, 0-based as LSP counts), the cells a finding touches marked with its
 * severity and message, the findings no cell shows listed apart, and the Content Security Policy
 * of a standalone page and of a webview.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Field } from '../../../server/src/service/model/filing';
import { renderFilingHtml } from '../../../server/src/service/render/renderHtml';
import { parseDraft } from '../../../server/src/service/parse/draft/parser';
import type { Finding, Severity } from '../../../server/src/service/rules/types';
import { toRange } from '../../../server/src/service/text/range';
import { all, bodyRows, byClass, classes, type Element, formTable, hasClass, one, readPage, select, text } from '../../support/html';
import { draft } from '../../support/drafts';
import { ownershipXml } from '../../support/xml';
import { FULL, renderDraft, renderXml } from './fixtures';

/** What `data-span` holds for a field: its value's range. */
function spanOf(field: Field<unknown>): string {
  const { start, end } = toRange(field.valueSpan);
  return `${start.line},${start.character},${end.line},${end.character}`;
}

/** The source text a `data-span` points at. */
function sourceAt(source: string, attribute: string | undefined): string {
  const [sl, sc, el, ec] = (attribute ?? '').split(',').map(Number);
  const lines = source.split('\n');
  if (sl !== el) return lines.slice(sl, (el ?? 0) + 1).join('\n');
  return (lines[sl ?? 0] ?? '').slice(sc, ec);
}

describe('render: data-span', () => {
  const { page, parsed } = renderDraft(FULL);
  const filing = parsed.filing;

  test('every cell of both tables carries its value\'s span', () => {
    for (const [id, table] of [['I', filing.nonDerivativeTable], ['II', filing.derivativeTable]] as const) {
      const rows = bodyRows(formTable(page, id));
      assert.equal(rows.length, table?.rows.length);
      table?.rows.forEach((row, r) => {
        assert.deepEqual(rows[r]?.map((c) => c.attributes['data-span']), row.fields.map(spanOf));
      });
    }
  });

  test('a cell\'s span is its value in the source, as typed, without its footnote reference', () => {
    const [first] = bodyRows(formTable(page, 'I'));
    assert.equal(first?.[0]?.attributes['data-span'], '23,2,23,14');
    assert.equal(sourceAt(FULL, first?.[0]?.attributes['data-span']), 'Common Stock');
    assert.equal(sourceAt(FULL, first?.[3]?.attributes['data-span']), 'M');
    assert.equal(sourceAt(FULL, first?.[7]?.attributes['data-span']), '$4.10');
  });

  test('a blank cell\'s span is an empty range inside its cell, where a value would be typed', () => {
    const [first] = bodyRows(formTable(page, 'I'));
    const [sl, sc, el, ec] = (first?.[2]?.attributes['data-span'] ?? '').split(',').map(Number);
    assert.equal(sl, el);
    assert.equal(sc, ec);
    const line = FULL.split('\n')[sl ?? 0] ?? '';
    assert.equal(line.slice(0, sc).split('|').length - 1, 3);
  });

  test('the boxes, footnotes, remarks and signature carry their spans', () => {
    const owner = filing.reportingOwners[0];
    assert.ok(owner);
    const spanned = (cls: string): string | undefined => one(page, (e) => hasClass(e, cls), cls).attributes['data-span'];
    assert.equal(spanned('owner-name'), spanOf(owner.name));
    assert.equal(spanned('city'), spanOf(owner.address.city));
    assert.equal(spanned('issuer-name'), spanOf(filing.issuer!.name));
    assert.equal(spanned('symbol'), spanOf(filing.issuer!.tradingSymbol));
    // The draft reader gives box 2's name and symbol the box's value as their value span.
    assert.equal(sourceAt(FULL, spanned('symbol')), 'QUALYS, INC. [QLYS]');
    assert.equal(spanned('signature-name'), spanOf(filing.signatures[0]!.name));
    assert.equal(spanned('signature-date'), spanOf(filing.signatures[0]!.date!));
    const footnotes = byClass(page, 'footnote');
    assert.equal(sourceAt(FULL, footnotes[2]?.attributes['data-span']), '(3) Immediately exercisable.');
    assert.equal(sourceAt(FULL, spanned('remarks')), 'Remarks: Exhibit 24 - Power of Attorney.');
    const box3 = one(page, (e) => hasClass(e, 'box-3'), 'box 3');
    assert.equal(one(box3, (e) => hasClass(e, 'value'), 'box 3 value').attributes['data-span'], spanOf(filing.periodOfReport!));
  });

  test('a footnote mark reveals its own reference', () => {
    const [, second] = bodyRows(formTable(page, 'I'));
    const sup = one(second![7]!, (e) => e.name === 'sup', 'mark');
    assert.equal(sup.attributes['data-footnote'], '2');
    assert.equal(sourceAt(FULL, sup.attributes['data-span']), '(2)');
  });

  test('every element showing a value has one; spans are 0-based line,char,line,char', () => {
    const values = select(page, (e) => hasClass(e, 'value') && !hasClass(e, 'absent'));
    assert.ok(values.length >= 10);
    for (const e of values) assert.match(e.attributes['data-span'] ?? '', /^\d+,\d+,\d+,\d+$/, `${e.name}.${classes(e).join('.')}`);
  });

  test('an XML filing: the span of each value\'s element', () => {
    const xml = ownershipXml();
    const { page: p } = renderXml(xml);
    const [first] = bodyRows(formTable(p, 'I'));
    assert.equal(sourceAt(xml, first?.[5]?.attributes['data-span']), '10000');
    assert.equal(sourceAt(xml, first?.[1]?.attributes['data-span']), '2013-08-06');
  });
});

describe('render: findings', () => {
  const { page, findings } = renderDraft(FULL);

  test('the check finds what the fixture holds: a late box 4 and a footnote without the undertaking', () => {
    assert.deepEqual(findings.map((f) => [f.rule, f.severity]), [['amendment-date', 'error'], ['weighted-average', 'warning']]);
  });

  test('the cell a finding touches gets its severity and its message as a title', () => {
    const box4 = one(page, (e) => hasClass(e, 'box-4'), 'box 4');
    const value = one(box4, (e) => hasClass(e, 'value'), 'box 4 value');
    assert.deepEqual(classes(value), ['value', 'finding', 'finding-error']);
    assert.equal(value.attributes['title'], `error amendment-date: ${findings[0]?.message}`);
    const footnote = byClass(page, 'footnote')[1];
    assert.deepEqual(footnote && classes(footnote), ['footnote', 'finding', 'finding-warning']);
  });

  test('nothing else is marked, and no finding is listed apart when every one has its cell', () => {
    assert.equal(byClass(page, 'finding').length, 2);
    assert.equal(byClass(page, 'unshown').length, 0);
  });

  test('several findings on one cell: the most severe class, every message in the title', () => {
    const parsed = parseDraft(FULL);
    const cell = parsed.filing.nonDerivativeTable!.rows[1]!.pricePerShare;
    const make = (severity: Severity, message: string): Finding => ({ rule: 'r', severity, message, span: cell.valueSpan, related: [], unnecessary: false, fixes: [] });
    const p = readPage(renderFilingHtml(parsed.filing, { findings: [make('hint', 'second'), make('warning', 'first')] }));
    const price = bodyRows(formTable(p, 'I'))[1]?.[7];
    assert.deepEqual(price && classes(price), ['col-price', 'r', 'finding', 'finding-warning']);
    assert.equal(price?.attributes['title'], 'warning r: first\nhint r: second');
  });

  for (const severity of ['error', 'warning', 'information', 'hint'] as const) {
    test(`class finding-${severity}`, () => {
      const parsed = parseDraft(FULL);
      const cell = parsed.filing.derivativeTable!.rows[0]!.expirationDate;
      const finding: Finding = { rule: 'r', severity, message: 'm', span: cell.span, related: [], unnecessary: false, fixes: [] };
      const p = readPage(renderFilingHtml(parsed.filing, { findings: [finding] }));
      assert.ok(hasClass(bodyRows(formTable(p, 'II'))[0]![9]!, `finding-${severity}`));
    });
  }

  test('an empty finding span marks the blank cell it stands in, not its neighbour', () => {
    const parsed = parseDraft(FULL);
    const deemed = parsed.filing.nonDerivativeTable!.rows[0]!.deemedExecutionDate;
    const finding: Finding = { rule: 'r', severity: 'error', message: 'm', span: deemed.valueSpan, related: [], unnecessary: false, fixes: [] };
    const p = readPage(renderFilingHtml(parsed.filing, { findings: [finding] }));
    const marked = bodyRows(formTable(p, 'I'))[0]!.map((c) => hasClass(c, 'finding'));
    assert.deepEqual(marked, [false, false, true, false, false, false, false, false, false, false, false]);
  });

  test('a finding no cell shows (the draft has no box 3) is listed after the form, with its span', () => {
    const text0 = draft({ header: ['2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]'] });
    const { page: p, findings: found } = renderDraft(text0);
    const listed = byClass(p, 'unshown');
    assert.equal(listed.length, 1);
    const items = select(listed[0]!, (e) => e.name === 'li');
    assert.ok(items.length > 0);
    const shownElsewhere = new Set(select(p, (e) => hasClass(e, 'finding') && e.name !== 'li').map((e) => e.attributes['data-span']));
    assert.ok(items.every((li) => /^\d+,\d+,\d+,\d+$/.test(li.attributes['data-span'] ?? '')));
    assert.ok(found.some((f) => items.some((li) => text(li) === `${f.severity} ${f.rule}: ${f.message}`)));
    assert.ok(shownElsewhere.size >= 0);
  });

  test('without findings given, no marks and no list', () => {
    const p = readPage(renderFilingHtml(parseDraft(FULL).filing));
    assert.equal(byClass(p, 'finding').length, 0);
    assert.equal(byClass(p, 'unshown').length, 0);
  });
});

describe('render: the page', () => {
  const filing = parseDraft(FULL).filing;

  function csp(page: Element): string {
    return one(page, (e) => e.name === 'meta' && e.attributes['http-equiv'] === 'Content-Security-Policy', 'CSP').attributes['content'] ?? '';
  }

  test('standalone: its own inline style only, no script, nothing fetched', () => {
    const html = renderFilingHtml(filing);
    const page = readPage(html);
    assert.equal(csp(page), "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.equal(all(page).filter((e) => e.name === 'script' || e.name === 'link').length, 0);
    assert.ok(!/(?:src|href)="(?:https?:)?\/\//.test(html));
    assert.ok(!/@import|url\(/.test(html));
  });

  test('in a webview: the nonce\'d script and style, the webview\'s origin, nothing else', () => {
    const page = readPage(renderFilingHtml(filing, { page: { nonce: 'abc123', cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/preview.js', styleUri: 'vscode-webview://x/preview.css' } }));
    assert.equal(csp(page), "default-src 'none'; style-src vscode-webview://x 'nonce-abc123'; script-src 'nonce-abc123'; img-src vscode-webview://x data:; font-src vscode-webview://x");
    const scripts = all(page).filter((e) => e.name === 'script');
    assert.deepEqual(scripts.map((s) => [s.attributes['nonce'], s.attributes['src']]), [['abc123', 'vscode-webview://x/preview.js']]);
    assert.equal(one(page, (e) => e.name === 'style', 'style').attributes['nonce'], 'abc123');
    assert.equal(one(page, (e) => e.name === 'link', 'link').attributes['href'], 'vscode-webview://x/preview.css');
  });

  test('the title names the form, the issuer and the person, unless the host gives one', () => {
    assert.equal(text(one(readPage(renderFilingHtml(filing)), (e) => e.name === 'title', 'title')), 'Form 4/A · QUALYS, INC. · Wilson John N');
    assert.equal(text(one(readPage(renderFilingHtml(filing, { title: 'Preview' })), (e) => e.name === 'title', 'title')), 'Preview');
  });

  test('it prints in landscape with no row cut across pages', () => {
    const html = renderFilingHtml(filing);
    assert.match(html, /@page \{ size: landscape;/);
    assert.match(html, /@media print \{[\s\S]*tr, li, \.box, \.signatures \{ break-inside: avoid;/);
  });

  test('any string read as a draft gives a page', () => {
    for (const source of ['', '|', '| a | b |\n|---|', 'FORM 4\n\n1. Name and Address of Reporting Person:\n/s/']) {
      assert.ok(readPage(renderFilingHtml(parseDraft(source).filing)));
    }
  });
});
