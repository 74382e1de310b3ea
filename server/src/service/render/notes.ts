/**
 * The bottom of the form: the Explanation of Responses (the footnotes, numbered as the form numbers
 * them), the remarks, the signatures with their dates, and the printed reminders.
 */
import type { Filing } from '../model/filing';
import { escapeHtml } from './html';
import type { Marks } from './marks';
import { fieldElement } from './header';

export function explanationHtml(filing: Filing, marks: Marks): string {
  let items = '';
  for (const footnote of filing.footnotes) {
    items += `<li${marks.attributes(footnote.span, ['footnote'])} data-footnote="${footnote.id}"><span class="fn-number">${footnote.id}.</span> <span class="fn-text">${escapeHtml(footnote.text)}</span></li>`;
  }
  const list = items !== '' ? `<ol class="footnotes">${items}</ol>` : '';
  const remarks = filing.remarks !== undefined
    ? `<div class="remarks-title">Remarks:</div><div${marks.attributes(filing.remarks.span, ['remarks'])}>${escapeHtml(filing.remarks.text)}</div>`
    : '';
  return `<section class="explanation"><div class="section-title">Explanation of Responses:</div>${list}${remarks}</section>`;
}

export function signatureHtml(filing: Filing, marks: Marks): string {
  let rows = '';
  for (const signature of filing.signatures) {
    // A draft's name is what follows `/s/`; an XML signatureName often carries the `/s/` itself.
    const mark = /^\s*\/s\//i.test(signature.name.text) ? '' : '<span class="sig-mark">/s/</span> ';
    rows += `<tr class="signature"><td>${mark}${fieldElement(signature.name, 'text', marks, ['signature-name'])}</td><td>${fieldElement(signature.date, 'date', marks, ['signature-date'])}</td></tr>`;
  }
  if (rows === '') rows = '<tr class="signature"><td></td><td></td></tr>';
  return `<section class="signatures"><table class="signature-table"><tbody>${rows}<tr class="signature-labels"><td>** Signature of Reporting Person</td><td>Date</td></tr></tbody></table></section>
<footer class="reminders">
<p>Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.</p>
<p>* If the form is filed by more than one reporting person, <i>see</i> Instruction 4 (b)(v).</p>
<p>** Intentional misstatements or omissions of facts constitute Federal Criminal Violations <i>See</i> 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</p>
<p>Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, <i>see</i> Instruction 6 for procedure.</p>
<p>Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.</p>
</footer>`;
}
