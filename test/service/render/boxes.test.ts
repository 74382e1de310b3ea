/**
 * The top of the page: the two checkboxes, boxes 1 to 6 with what the draft (or the XML) puts in
 * them, the 4/A mark, joint filers listed after the boxes, and the values EDGAR's XML has no box
 * for (box 6) shown as EDGAR's rendering shows them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byClass, type Element, hasClass, one, select, text } from '../../support/html';
import { draft } from '../../support/drafts';
import { ownershipXml } from '../../support/xml';
import { FULL, renderDraft, renderXml } from './fixtures';

/** Box n of the header (a joint filing's other persons have their own boxes 1 and 5 further down). */
function box(page: Element, n: number): Element {
  const boxes = one(page, (e) => hasClass(e, 'boxes'), 'the boxes');
  return one(boxes, (e) => hasClass(e, 'box') && hasClass(e, `box-${n}`), `box ${n}`);
}

/** The labels of the checked boxes under `root`. */
function checked(root: Element): string[] {
  return select(root, (e) => hasClass(e, 'checkbox') && e.attributes['aria-checked'] === 'true').map((e) => e.attributes['aria-label'] ?? '');
}

function unchecked(root: Element): string[] {
  return select(root, (e) => hasClass(e, 'checkbox') && e.attributes['aria-checked'] === 'false').map((e) => e.attributes['aria-label'] ?? '');
}

describe('render: the header boxes of a draft', () => {
  const { page } = renderDraft(FULL);

  test('the exit box and the Rule 10b5-1(c) box are checked with an X', () => {
    const head = one(page, (e) => e.name === 'header', 'header');
    assert.deepEqual(checked(head), ['No longer subject to Section 16', 'Rule 10b5-1(c)']);
    assert.deepEqual(byClass(head, 'checked').map(text), ['X', 'X']);
  });

  test('a 4/A says so under FORM 4', () => {
    assert.equal(text(one(page, (e) => hasClass(e, 'form-number'), 'form number')), 'FORM 4 (Amendment)');
    assert.equal(one(page, (e) => e.name === 'main', 'main').attributes['data-document-type'], '4/A');
  });

  test('box 1: the name over (Last) (First) (Middle), the streets, city, state and ZIP', () => {
    const b = box(page, 1);
    assert.equal(text(one(b, (e) => hasClass(e, 'owner-name'), 'name')), 'Wilson John N');
    assert.deepEqual(byClass(b, 'street').map(text), ['C/O QUALYS, INC.', '1600 BRIDGE PARKWAY']);
    assert.equal(text(one(b, (e) => hasClass(e, 'city'), 'city')), 'REDWOOD CITY');
    assert.equal(text(one(b, (e) => hasClass(e, 'state'), 'state')), 'CA');
    assert.equal(text(one(b, (e) => hasClass(e, 'zip'), 'zip')), '94065');
    assert.match(text(b), /^1\. Name and Address of Reporting Person\* Wilson John N \(Last\) \(First\) \(Middle\)/);
  });

  test('box 1 written on one line: the same parts', () => {
    const b = box(renderDraft(draft()).page, 1);
    assert.equal(text(b), '1. Name and Address of Reporting Person* Wilson John N (Last) (First) (Middle) C/O QUALYS, INC. 1600 BRIDGE PARKWAY (Street) REDWOOD CITY CA 94065 (City) (State) (Zip)');
  });

  test('box 2: the issuer and its symbol in brackets', () => {
    const b = box(page, 2);
    assert.equal(text(b), '2. Issuer Name and Ticker or Trading Symbol QUALYS, INC. [ QLYS ]');
  });

  test('boxes 3 and 4: the dates', () => {
    assert.equal(text(box(page, 3)), '3. Date of Earliest Transaction (Month/Day/Year) 08/06/2013');
    assert.equal(text(box(page, 4)), '4. If Amendment, Date of Original Filed (Month/Day/Year) 08/08/2013');
  });

  test('box 5: Director and Officer checked, the title below', () => {
    const b = box(page, 5);
    assert.deepEqual(checked(b), ['Director', 'Officer (give title below)']);
    assert.deepEqual(unchecked(b), ['10% Owner', 'Other (specify below)']);
    assert.equal(text(one(b, (e) => hasClass(e, 'officer-title'), 'title')), 'EVP, Worldwide Field Ops');
  });

  test('box 6: one reporting person', () => {
    const b = box(page, 6);
    assert.deepEqual(checked(b), ['Form filed by One Reporting Person']);
    assert.deepEqual(unchecked(b), ['Form filed by More than One Reporting Person']);
    assert.equal(byClass(b, 'derived').length, 0);
  });

  test('no checkbox checked where the draft shows no mark', () => {
    const { page: plain } = renderDraft(draft({ header: ['2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]'] }));
    assert.deepEqual(checked(plain), []);
    assert.equal(unchecked(plain).length, 8);
  });
});

describe('render: joint filers', () => {
  const joint = draft({
    header: [
      '1. Name and Address of Reporting Person: Acme Capital Partners, L.P.',
      '1. Name and Address of Reporting Person: Acme GP LLC',
      '2. Issuer Name and Ticker or Trading Symbol: EXAMPLE CORP. [EXMP]',
      '3. Date of Earliest Transaction: 08/06/2013',
      '5. Relationship of Reporting Person(s) to Issuer: 10% Owner',
      '5. Relationship of Reporting Person(s) to Issuer: Other (Member of 13(d) group)',
      '6. Individual or Joint/Group Filing: Form filed by More than One Reporting Person',
    ],
  });
  const { page } = renderDraft(joint);

  test('the first person in box 1, each other one after the boxes with its box 5', () => {
    assert.deepEqual(byClass(page, 'owner-name').map(text), ['Acme Capital Partners, L.P.', 'Acme GP LLC']);
    const other = one(page, (e) => hasClass(e, 'other-owner'), 'other owner');
    assert.deepEqual(checked(other), ['Other (specify below)']);
    assert.equal(text(one(other, (e) => hasClass(e, 'other-text'), 'other text')), 'Member of 13(d) group');
    assert.deepEqual(checked(box(page, 5)), ['10% Owner']);
  });

  test('box 6: more than one reporting person', () => {
    assert.deepEqual(checked(box(page, 6)), ['Form filed by More than One Reporting Person']);
  });
});

describe('render: the header boxes of an EDGAR XML filing', () => {
  const { page } = renderXml(ownershipXml());

  test('box 1 from the address elements, box 2, box 3 as MM/DD/YYYY, box 5', () => {
    assert.equal(text(one(box(page, 1), (e) => hasClass(e, 'owner-name'), 'name')), 'Wilson John N');
    assert.deepEqual(byClass(box(page, 1), 'street').map(text), ['C/O QUALYS, INC.', '1600 BRIDGE PARKWAY']);
    assert.equal(text(box(page, 2)), '2. Issuer Name and Ticker or Trading Symbol QUALYS, INC. [ QLYS ]');
    assert.equal(text(box(page, 3)), '3. Date of Earliest Transaction (Month/Day/Year) 08/06/2013');
    assert.deepEqual(checked(box(page, 5)), ['Officer (give title below)']);
  });

  test('box 6, which the XML does not have, from the number of reporting persons, marked as derived', () => {
    const b = box(page, 6);
    assert.deepEqual(checked(b), ['Form filed by One Reporting Person']);
    assert.equal(byClass(b, 'derived').length, 2);
  });
});
