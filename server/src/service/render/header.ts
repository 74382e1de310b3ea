/**
 * The top of the form: the title block with the OMB box, the two checkboxes (no longer subject to
 * Section 16; Rule 10b5-1(c)), and boxes 1 to 6 in the printed arrangement: box 1 on the left,
 * boxes 2 to 4 in the middle, boxes 5 and 6 on the right.
 */
import type { Field, Filing, Relationship, ReportingOwner } from '../model/filing';
import type { Span } from '../text/position';
import { escapeHtml } from './html';
import type { Marks } from './marks';
import { fieldHtml, refsHtml, type ValueKind } from './values';

/**
 * An element showing one field: its value and references, marked by the findings touching the
 * field's cell (or box line), its `data-span` the value itself (where a value would be typed,
 * when it is blank), so that revealing it selects what the page shows.
 */
export function fieldElement(field: Field<unknown> | undefined, kind: ValueKind, marks: Marks, classes: readonly string[] = [], tag = 'span'): string {
  const own = ['value', ...classes];
  if (field === undefined) return `<${tag} class="${[...own, 'absent'].join(' ')}"></${tag}>`;
  return `<${tag}${marks.attributes(field.span, own, field.valueSpan)}>${fieldHtml(field, kind)}</${tag}>`;
}

/** A printed checkbox: `X` when checked. */
function checkbox(checked: boolean, span: Span | undefined, marks: Marks, label: string): string {
  const mark = checked ? 'X' : '';
  const state = checked ? 'checked' : 'unchecked';
  const attributes = span !== undefined ? marks.attributes(span, ['checkbox', state]) : ` class="checkbox ${state}"`;
  return `<span${attributes} role="checkbox" aria-checked="${checked}" aria-label="${escapeHtml(label)}">${mark}</span>`;
}

/**
 * A checkbox from a Field<boolean>: checked for true. Without a mark the box is shown empty; a
 * mark that could not be read is shown as written, marked unreadable, beside the empty box.
 */
function booleanBox(field: Field<boolean> | undefined, marks: Marks, label: string): string {
  const box = checkbox(field?.value === true, field?.span, marks, label) + refsHtml(field?.refs ?? []);
  if (field?.problem === undefined) return box;
  return box + fieldElement(field, 'text', marks, ['mark']);
}

export function titleHtml(filing: Filing, marks: Marks): string {
  const amendment = filing.documentType === '4/A' ? ' <span class="amendment">(Amendment)</span>' : '';
  return `<header class="form-head">
<div class="form-name"><div class="sec-form">SEC Form 4</div><div class="form-number">FORM 4${amendment}</div>
<div class="exit">${booleanBox(filing.notSubjectToSection16, marks, 'No longer subject to Section 16')}<span>Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. <i>See</i> Instruction 1(b).</span></div>
<div class="exit">${booleanBox(filing.aff10b5One, marks, 'Rule 10b5-1(c)')}<span>Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.</span></div></div>
<div class="agency"><div class="agency-name">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</div><div>Washington, D.C. 20549</div>
<h1>STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP</h1>
<div class="pursuant">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940</div></div>
<table class="omb"><tr><th colspan="2">OMB APPROVAL</th></tr><tr><td>OMB Number:</td><td>3235-0287</td></tr><tr><td>Estimated average burden hours per response:</td><td>0.5</td></tr></table>
</header>`;
}

/** Box 1 for one owner: the name over (Last) (First) (Middle), the street, city, state and ZIP. */
export function ownerBox(owner: ReportingOwner | undefined, marks: Marks): string {
  let out = '<div class="box-title">1. Name and Address of Reporting Person<sup>*</sup></div>';
  if (owner === undefined) return `<div class="box box-1">${out}<div class="line"></div><div class="under">(Last) (First) (Middle)</div></div>`;
  const { address } = owner;
  out += `<div class="line">${fieldElement(owner.name, 'text', marks, ['owner-name'])}</div><div class="under three"><div>(Last)</div><div>(First)</div><div>(Middle)</div></div>`;
  const parts = [address.street1, address.street2].filter((f) => f.text !== '' || f.refs.length > 0);
  for (const street of parts) out += `<div class="line">${fieldElement(street, 'text', marks, ['street'])}</div>`;
  if (parts.length === 0 && address.text !== '') out += `<div class="line"><span class="value address">${escapeHtml(address.text)}</span></div>`;
  if (parts.length === 0 && address.text === '') out += '<div class="line"></div>';
  out += '<div class="under">(Street)</div>';
  out += `<div class="line three">${fieldElement(address.city, 'text', marks, ['city'], 'div')}${fieldElement(address.state, 'text', marks, ['state'], 'div')}${fieldElement(address.zipCode, 'text', marks, ['zip'], 'div')}</div>`;
  out += '<div class="under three"><div>(City)</div><div>(State)</div><div>(Zip)</div></div>';
  return `<div${marks.attributes(owner.span, ['box', 'box-1'])}>${out}</div>`;
}

/** Box 5: the four relationships, the officer's title and the other relationship below. */
export function relationshipBox(relationship: Relationship | undefined, marks: Marks): string {
  const r = relationship;
  const box = (checked: boolean, label: string): string => `<span class="choice">${checkbox(checked, r?.span, marks, label)}<span>${label}</span></span>`;
  let out = '<div class="box-title">5. Relationship of Reporting Person(s) to Issuer <span class="instr">(Check all applicable)</span></div>';
  out += `<div class="choices">${box(r?.isDirector ?? false, 'Director')}${box(r?.isTenPercentOwner ?? false, '10% Owner')}${box(r?.isOfficer ?? false, 'Officer (give title below)')}${box(r?.isOther ?? false, 'Other (specify below)')}</div>`;
  if (r !== undefined) {
    out += `<div class="line officer-title">${fieldElement(r.officerTitle, 'text', marks)}${refsHtml(r.refs)}</div>`;
    if (r.otherText.text !== '' || r.otherText.refs.length > 0) out += `<div class="line other-text">${fieldElement(r.otherText, 'text', marks)}</div>`;
  }
  return `<div class="box box-5">${out}</div>`;
}

export function boxesHtml(filing: Filing, marks: Marks): string {
  const first = filing.reportingOwners[0];
  const issuer = filing.issuer;
  const issuerLine = issuer !== undefined
    ? `${fieldElement(issuer.name, 'text', marks, ['issuer-name'])} <span class="ticker">[ ${fieldElement(issuer.tradingSymbol, 'text', marks, ['symbol'])} ]</span>`
    : '';
  // EDGAR's XML has no box 6: its rendering checks the line the number of reporting persons gives,
  // and so does this page when the source does not say.
  const stated = filing.filingMode?.value;
  const owners = filing.reportingOwners.length;
  const joint = stated ?? (owners > 1 ? true : owners === 1 ? false : undefined);
  const modeSpan = filing.filingMode?.span;
  const derived = stated === undefined && joint !== undefined ? ' derived' : '';
  const mode = (checked: boolean, label: string): string => `<div class="choice${derived}">${checkbox(checked, modeSpan, marks, label)}<span>${label}</span></div>`;
  return `<section class="boxes">
${ownerBox(first, marks)}
<div class="box-column">
<div class="box box-2"><div class="box-title">2. Issuer Name <b>and</b> Ticker or Trading Symbol</div><div class="line">${issuerLine}</div></div>
<div class="box box-3"><div class="box-title">3. Date of Earliest Transaction <span class="instr">(Month/Day/Year)</span></div><div class="line">${fieldElement(filing.periodOfReport, 'date', marks)}</div></div>
<div class="box box-4"><div class="box-title">4. If Amendment, Date of Original Filed <span class="instr">(Month/Day/Year)</span></div><div class="line">${fieldElement(filing.dateOfOriginalSubmission, 'date', marks)}</div></div>
</div>
<div class="box-column">
${relationshipBox(first?.relationship ?? filing.relationships[0], marks)}
<div class="box box-6"><div class="box-title">6. Individual or Joint/Group Filing <span class="instr">(Check Applicable Line)</span></div>
${mode(joint === false, 'Form filed by One Reporting Person')}${mode(joint === true, 'Form filed by More than One Reporting Person')}${refsHtml(filing.filingMode?.refs ?? [])}</div>
</div>
</section>`;
}

/** Every owner after the first, with box 1 and box 5 each, as EDGAR lists a joint filing's other persons. */
export function otherOwnersHtml(filing: Filing, marks: Marks): string {
  const others = filing.reportingOwners.slice(1);
  if (others.length === 0) return '';
  let out = '';
  for (const owner of others) out += `<div class="other-owner">${ownerBox(owner, marks)}${relationshipBox(owner.relationship, marks)}</div>`;
  return `<section class="other-owners">${out}</section>`;
}
