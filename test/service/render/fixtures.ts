/**
 * The drafts the renderer's tests read: one that fills every box, both tables and the notes, and
 * the helpers that render a draft or an XML filing and read the page back as a tree.
 */
import { checkDocument } from '../../../server/src/service/check';
import type { Finding } from '../../../server/src/service/rules/types';
import { parseDraft, type ParsedDraft } from '../../../server/src/service/parse/draft/parser';
import { parseOwnershipXml } from '../../../server/src/service/parse/xml/reader';
import { renderFilingHtml, type RenderOptions } from '../../../server/src/service/render/renderHtml';
import { rowI, rowII, TABLE_I_HEADER, TABLE_II_HEADER } from '../../support/drafts';
import { type Element, readPage } from '../../support/html';

/** A 4/A that fills every box: both checkboxes, box 1 in parts, box 4, two relationships. */
export const FULL = [
  'FORM 4',
  '',
  '[x] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).',
  '',
  '1. Name and Address of Reporting Person: Wilson John N',
  '   CIK: 0001234567',
  '   Street 1: C/O QUALYS, INC.',
  '   Street 2: 1600 BRIDGE PARKWAY',
  '   City: REDWOOD CITY',
  '   State: CA',
  '   ZIP: 94065',
  '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
  '   CIK: 0001107843',
  '3. Date of Earliest Transaction: 08/06/2013',
  '4. If Amendment, Date of Original Filed: 08/08/2013',
  '5. Relationship of Reporting Person(s) to Issuer: Director, Officer (EVP, Worldwide Field Ops)',
  '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
  'Rule 10b5-1(c) Transaction Indication: [x]',
  '',
  ...TABLE_I_HEADER,
  rowI('Common Stock', '08/06/2013', '', 'M (1)', '', '10,000', 'A', '$4.10', '65,500', 'D', ''),
  rowI('Common Stock', '08/06/2013', '08/07/2013', 'S (1)', '', '10,000', 'D', '$18.3654 (2)', '55,500', 'I', 'By Trust'),
  '',
  ...TABLE_II_HEADER,
  rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M (1)', '', '', '10,000', '(3)', '11/05/2020', 'Common Stock', '10,000', '$0', '140,591', 'D', ''),
  '',
  'Explanation of Responses:',
  '',
  '(1) Effected pursuant to a Rule 10b5-1 trading plan adopted on February 21, 2013.',
  '(2) The weighted average sale price; the prices ranged from $18.00 to $18.81.',
  '(3) Immediately exercisable.',
  '',
  'Remarks: Exhibit 24 - Power of Attorney.',
  '',
  '/s/ Bruce Posey by power of attorney for John N. Wilson',
  '',
  '08/07/2013',
  '',
].join('\n');

export interface Rendered {
  readonly html: string;
  readonly page: Element;
  readonly findings: readonly Finding[];
  readonly parsed: ParsedDraft;
}

/** A draft rendered with the findings of its check, and the page read back. */
export function renderDraft(text: string, options: RenderOptions = {}): Rendered {
  const parsed = parseDraft(text);
  const findings = checkDocument(parsed).findings;
  const html = renderFilingHtml(parsed.filing, { findings, ...options });
  return { html, page: readPage(html), findings, parsed };
}

/** An XML filing rendered with the findings of its check. */
export function renderXml(text: string): { readonly html: string; readonly page: Element } {
  const parsed = parseOwnershipXml(text);
  const html = renderFilingHtml(parsed.filing, { findings: checkDocument(parsed).findings });
  return { html, page: readPage(html) };
}
