/**
 * Detail lines under box 1 and box 2: what EDGAR needs and the printed form leaves to the
 * address block. A draft may give them on lines of their own right after the box, one fact a
 * line, in any order:
 *
 *     1. Name and Address of Reporting Person: Wilson John N
 *        CIK: 0001234567
 *        Street 1: C/O QUALYS, INC.
 *        Street 2: 1600 BRIDGE PARKWAY
 *        City: REDWOOD CITY
 *        State: CA
 *        ZIP: 94065
 *     2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]
 *        CIK: 0001107843
 *
 * Under box 2 only `CIK:` is read. A draft without them stays valid: the address is then read
 * from box 1's text, and the CIKs are asked for only when the draft is exported to EDGAR XML.
 */
export type DetailKind = 'cik' | 'street1' | 'street2' | 'city' | 'state' | 'zipCode';

const LABELS: readonly { kind: DetailKind; re: RegExp }[] = [
  { kind: 'cik', re: /^cik$/i },
  { kind: 'street1', re: /^street(?:\s*(?:1|one))?$/i },
  { kind: 'street2', re: /^street\s*(?:2|two)$/i },
  { kind: 'city', re: /^city$/i },
  { kind: 'state', re: /^state$/i },
  { kind: 'zipCode', re: /^(?:zip(?:\s*code)?|postal\s*code)$/i },
];

/** The label as it is written for each detail, in the order an importer writes them. */
export const DETAIL_LABELS: Readonly<Record<DetailKind, string>> = {
  cik: 'CIK',
  street1: 'Street 1',
  street2: 'Street 2',
  city: 'City',
  state: 'State',
  zipCode: 'ZIP',
};

// Letters, digits and spaces: `Street 1` and `Street 2` carry a digit.
const LINE = /^(\s*(?:[-*+]\s+)?)([A-Za-z][A-Za-z0-9 ]{1,15}?)\s*:/;

/** Reads a detail line: its kind, where its label is, and where its value starts. */
export function detailLine(text: string): { kind: DetailKind; labelStart: number; labelEnd: number; valueStart: number } | undefined {
  const m = LINE.exec(text);
  if (!m) return undefined;
  const label = m[2] ?? '';
  const found = LABELS.find((l) => l.re.test(label));
  if (!found) return undefined;
  const labelStart = (m[1] ?? '').length;
  return { kind: found.kind, labelStart, labelEnd: m[0].length, valueStart: m[0].length };
}
