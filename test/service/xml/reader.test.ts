/**
 * The XML front end: an ownership document read into the filing model, every value placed on
 * its `<value>`, every field on its element; the rules of RULES.md running on it and reporting
 * at the element; EDGAR full-submission `.txt` files in their own coordinates; fixes written as
 * XML; and no input that makes it throw.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkDocument } from '../../../server/src/service/check';
import { formatIsoDate } from '../../../server/src/service/model/calendarDate';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { applyEdits } from '../../../server/src/service/text/edits';
import { toRange } from '../../../server/src/service/text/range';
import type { Span } from '../../../server/src/service/text/position';
import { lineOf } from '../../support/drafts';
import { checkXml, EXERCISE_XML, OPTION_XML, OWNER, ownershipXml, SALE_XML, transactionI } from '../../support/xml';

/** The text a span covers (spans on one line). */
function textAt(text: string, span: Span): string {
  const r = toRange(span);
  const lines = text.split('\n');
  if (r.start.line === r.end.line) return (lines[r.start.line] ?? '').slice(r.start.character, r.end.character);
  return [lines[r.start.line]?.slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line]?.slice(0, r.end.character)].join('\n');
}

describe('the model read from XML', () => {
  const text = ownershipXml();
  const { filing, problems } = parseOwnershipXml(text);

  test('the header: issuer, owner with address parts and CIK, relationship, box 3, signature', () => {
    assert.deepEqual(problems, []);
    assert.equal(filing.documentType, '4');
    assert.equal(filing.schemaVersion, 'X0508');
    assert.equal(filing.issuer?.cik.value, '0001107843');
    assert.equal(filing.issuer?.name.value, 'QUALYS, INC.');
    assert.equal(filing.issuer?.tradingSymbol.value, 'QLYS');
    const owner = filing.reportingOwners[0];
    assert.equal(owner?.cik.value, '0001234567');
    assert.equal(owner?.name.value, 'Wilson John N');
    assert.deepEqual([owner?.address.street1.value, owner?.address.street2.value, owner?.address.city.value, owner?.address.state.value, owner?.address.zipCode.value], ['C/O QUALYS, INC.', '1600 BRIDGE PARKWAY', 'REDWOOD CITY', 'CA', '94065']);
    assert.equal(owner?.relationship?.isOfficer, true);
    assert.equal(owner?.relationship?.officerTitle.value, 'EVP, Worldwide Field Ops');
    assert.equal(filing.periodOfReport?.value && formatIsoDate(filing.periodOfReport.value), '2013-08-06');
    assert.equal(filing.signatures[0]?.name.value, '/s/ John N. Wilson');
    assert.equal(filing.signatures[0]?.date?.value && formatIsoDate(filing.signatures[0].date.value), '2013-08-07');
  });

  test('every value spans the text of its <value>, every field its element', () => {
    const sale = filing.nonDerivativeTable?.rows[1];
    assert.ok(sale);
    assert.equal(textAt(text, sale.pricePerShare.valueSpan), '18.3654');
    assert.match(textAt(text, sale.pricePerShare.span), /^<transactionPricePerShare>[\s\S]*<\/transactionPricePerShare>$/);
    assert.equal(textAt(text, sale.ownedAfter.valueSpan), '55500');
    assert.equal(textAt(text, sale.coding.valueSpan), 'S');
    assert.deepEqual(sale.pricePerShare.refs.map((r) => [r.id, textAt(text, r.span), textAt(text, r.numberSpan)]), [[1, '<footnoteId id="F1"/>', '1']]);
    assert.equal(sale.acquiredDisposed.value, 'D');
    const option = filing.derivativeTable?.rows[0];
    assert.ok(option && option.table === 'II');
    assert.equal(textAt(text, option.exercisePrice.valueSpan), '4.10');
    assert.equal(option.disposedShares, option.shares);
    assert.equal(option.acquiredShares.text, '');
    assert.equal(textAt(text, option.underlyingShares.valueSpan), '10000');
    const footnote = filing.footnotes[0];
    assert.equal(footnote?.id, 1);
    assert.equal(textAt(text, footnote?.markerSpan ?? { start: 0, end: 0 }), 'id="F1"');
  });

  test('holdings, dollar values, an early (form type 5) row, a footnote-only date exercisable', () => {
    const holding = `    <nonDerivativeHolding>
      <securityTitle><value>Common Stock</value></securityTitle>
      <postTransactionAmounts><valueOwnedFollowingTransaction><value>2500000</value></valueOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership><natureOfOwnership><value>By Trust</value></natureOfOwnership></ownershipNature>
    </nonDerivativeHolding>`;
    const early = transactionI({ code: 'G', shares: '100', price: '0', ad: 'D', owned: '55400', formType: '5', date: '2013-06-01' });
    const tableII = `    <derivativeHolding>
      <securityTitle><value>Restricted Stock Units</value></securityTitle>
      <conversionOrExercisePrice><footnoteId id="F2"/></conversionOrExercisePrice>
      <exerciseDate><footnoteId id="F2"/></exerciseDate>
      <expirationDate><footnoteId id="F2"/></expirationDate>
      <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle><underlyingSecurityShares><value>4000</value></underlyingSecurityShares></underlyingSecurity>
      <postTransactionAmounts><sharesOwnedFollowingTransaction><value>4000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
    </derivativeHolding>`;
    const doc = ownershipXml({ tableI: `${EXERCISE_XML}\n${SALE_XML}\n${early}\n${holding}`, tableII: `${OPTION_XML}\n${tableII}`, footnotes: `${ownershipXml().match(/ {4}<footnote id="F1">.*<\/footnote>/)?.[0]}\n    <footnote id="F2">Each unit is one share on vesting; the units vest in four annual tranches.</footnote>` });
    const parsed = parseOwnershipXml(doc);
    const rows = parsed.filing.nonDerivativeTable?.rows ?? [];
    assert.deepEqual(rows.map((r) => r.kind), ['transaction', 'transaction', 'transaction', 'holding']);
    assert.equal(rows[2]?.timeliness.value, 'E', 'form type 5: reported early, the printed V');
    assert.deepEqual(rows[3]?.ownedAfter.value?.dollars, true);
    const rsu = parsed.filing.derivativeTable?.rows[1];
    assert.ok(rsu && rsu.table === 'II');
    assert.equal(rsu.kind, 'holding');
    assert.equal(rsu.exerciseDate.text, '');
    assert.deepEqual(rsu.exerciseDate.refs.map((r) => r.id), [2]);
    assert.deepEqual(checkDocument(parsed).findings.map((f) => f.rule), []);
  });
});

describe('the rules of RULES.md on XML, at the element', () => {
  test('a wrong amount owned: holdings-mismatch on the <value> of sharesOwnedFollowingTransaction, with its fix written as XML', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML}\n${SALE_XML.replace('<value>55500</value>', '<value>54500</value>')}` });
    const parsed = parseOwnershipXml(text);
    const finding = checkDocument(parsed).findings.find((f) => f.rule === 'holdings-mismatch');
    assert.ok(finding);
    assert.equal(textAt(text, finding.span), '54500');
    assert.equal(finding.message, 'The amount owned should be 55,500 (65,500 − 10,000 disposed on 08/06/2013), not 54,500.');
    const fix = finding.fixes.find((f) => f.preferred);
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.ok(fixed.includes('<value>55500</value>'));
    assert.deepEqual(checkXml(fixed), []);
  });

  test('a sale coded A: code-direction at the code\'s value, the flip written into transactionAcquiredDisposedCode', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML}\n${transactionI({ code: 'S', shares: '10000', price: '18.3654', ad: 'A', owned: '55500', priceFootnote: 'F1' })}` });
    const parsed = parseOwnershipXml(text);
    const finding = checkDocument(parsed).findings.find((f) => f.rule === 'code-direction');
    assert.ok(finding);
    assert.equal(toRange(finding.span).start.line + 1, lineOf(text, '<value>A</value>') + SALE_LINES_AFTER(text));
    const fixed = applyEdits(text, finding.fixes[0]?.edits ?? []);
    assert.deepEqual(checkXml(fixed), []);
  });

  test('a missing footnote: footnote-undefined at the <footnoteId>, the stub footnote added inside <footnotes>', () => {
    const text = ownershipXml({ tableI: `${EXERCISE_XML.replace('<value>4.10</value>', '<value>4.10</value>\n          <footnoteId id="F2"/>')}\n${SALE_XML}` });
    const finding = checkDocument(parseOwnershipXml(text)).findings.find((f) => f.rule === 'footnote-undefined');
    assert.ok(finding);
    assert.equal(textAt(text, finding.span), '<footnoteId id="F2"/>');
    const fixed = applyEdits(text, finding.fixes[0]?.edits ?? []);
    assert.match(fixed, /<\/footnote>\n {4}<footnote id="F2"><\/footnote>\n {2}<\/footnotes>/);
    assert.equal(parseOwnershipXml(fixed).filing.footnotes.length, 2);
  });

  test('missing boxes: at the root\'s start tag; an owner without a relationship is reported', () => {
    const text = ownershipXml({ owners: OWNER.replace(/ {4}<reportingOwnerRelationship>[\s\S]*<\/reportingOwnerRelationship>\n/, '') });
    const found = checkXml(text);
    assert.deepEqual(found.filter((f) => f.rule === 'missing-box').map((f) => f.line), [lineOf(text, '<ownershipDocument>')]);
    assert.ok(found.some((f) => f.rule === 'xml-schema'));
  });
});

/** The sale's (A)/(D) value is the second `<value>A</value>`: the line of the second. */
function SALE_LINES_AFTER(text: string): number {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.includes('<value>A</value>'));
  const second = lines.findIndex((l, i) => i > first && l.includes('<value>A</value>'));
  return second - first;
}

describe('EDGAR full-submission .txt files', () => {
  test('the XML between <XML> and </XML>, every span in the .txt file\'s own coordinates', () => {
    const xml = ownershipXml({ tableI: `${EXERCISE_XML}\n${SALE_XML.replace('<value>55500</value>', '<value>54500</value>')}` });
    const header = '<SEC-DOCUMENT>0000000000-13-000001.txt : 20130807\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0000000000-13-000001\nCONFORMED SUBMISSION TYPE:\t4\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>4\n<SEQUENCE>1\n<FILENAME>doc4.xml\n<TEXT>\n<XML>\n';
    const text = `${header}${xml}</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n`;
    const parsed = parseOwnershipXml(text);
    assert.deepEqual(parsed.problems, []);
    const finding = checkDocument(parsed).findings.find((f) => f.rule === 'holdings-mismatch');
    assert.ok(finding);
    assert.equal(toRange(finding.span).start.line + 1, lineOf(text, '<value>54500</value>'));
    assert.equal(textAt(text, finding.span), '54500');
  });
});

describe('bad input gets a finding, never an exception', () => {
  test('random text, truncations and mutations of a document: no throw, every span inside the text', () => {
    const base = ownershipXml();
    const inside = (text: string, span: Span): boolean => {
      const r = toRange(span);
      const lines = text.split(/\r\n|\r|\n/);
      const ok = (p: { line: number; character: number }): boolean => p.line < lines.length && p.character <= (lines[p.line] ?? '').length;
      return ok(r.start) && ok(r.end) && span.start <= span.end;
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.nat({ max: base.length }).map((n) => base.slice(0, n)),
          fc.tuple(fc.nat({ max: base.length }), fc.nat({ max: 40 }), fc.constantFrom('', '<', '>', '&', '</value>', '<value>', '"', '<!DOCTYPE x [<!ENTITY a "b">]>', '&a;', '\u0000', '😀', '\r\n')).map(([at, cut, insert]) => base.slice(0, at) + insert + base.slice(at + cut)),
        ),
        (text) => {
          const parsed = parseOwnershipXml(text);
          const result = checkDocument(parsed);
          assert.deepEqual(result.failures, []);
          for (const f of result.findings) assert.ok(inside(text, f.span), `${f.rule} ${JSON.stringify(f.span)}`);
        },
      ),
      { numRuns: 300, seed: 4 },
    );
  });
});
