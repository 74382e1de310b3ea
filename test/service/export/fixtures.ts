/**
 * Drafts for the exporter's tests, written from the facts of typical Form 4 filings (not copied
 * from any real one): each checks clean, gives its CIKs on detail lines, and exercises one thing
 * the XML must carry. The test for each states what the XML says.
 */
import { draft, type DraftParts, rowI, rowII } from '../../support/drafts';

export const OWNER_CIK = '0001234567';
export const ISSUER_CIK = '0001107843';

const BOX1 = '1. Name and Address of Reporting Person: Wilson John N';
// `Street:` is street 1; a `Street 2:` line needs the parser's detail labels with digits (on main later).
const ADDRESS = ['   Street: 1600 BRIDGE PARKWAY', '   City: REDWOOD CITY', '   State: CA', '   ZIP: 94065'];
const BOX2 = '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]';

/** A complete header with CIKs and the address in parts; the parts a fixture changes as options. */
export function header(o: { box3?: string; box4?: string; relationship?: string; exit?: string; tenB51?: string; cik?: boolean } = {}): string[] {
  const cik = o.cik ?? true;
  return [
    ...(o.exit !== undefined ? [`${o.exit} Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.`] : []),
    BOX1,
    ...(cik ? [`   CIK: ${OWNER_CIK}`] : []),
    ...ADDRESS,
    BOX2,
    ...(cik ? [`   CIK: ${ISSUER_CIK}`] : []),
    `3. Date of Earliest Transaction: ${o.box3 ?? '08/06/2013'}`,
    ...(o.box4 !== undefined ? [`4. If Amendment, Date of Original Filed: ${o.box4}`] : []),
    `5. Relationship of Reporting Person(s) to Issuer: ${o.relationship ?? 'Officer (EVP, Worldwide Field Ops)'}`,
    '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
    ...(o.tenB51 !== undefined ? [`Rule 10b5-1(c) Transaction Indication: ${o.tenB51}`] : []),
  ];
}

/** A draft from its parts, with the header above unless a fixture gives its own. */
export function fixture(parts: DraftParts): string {
  return draft({ header: header(), ...parts });
}

const WEIGHTED =
  'The price reported is a weighted average price; the shares were sold in multiple transactions at prices ranging from $132.65 to $133.23, inclusive. Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the Reporting Person will provide full information regarding the number of shares sold at each separate price.';

/** An option exercise and a same-day sale under a 10b5-1 plan, the box checked. */
export const EXERCISE_AND_SALE = fixture({
  header: header({ box3: '06/20/2024', tenB51: '[x]' }),
  tableI: [
    rowI('Common Stock', '06/20/2024', '', 'M', '', '1,000', 'A', '$25.56', '60,616', 'D', ''),
    rowI('Common Stock', '06/20/2024', '', 'S (1)', '', '1,000', 'D', '$132.9362 (2)', '59,616', 'D', ''),
  ],
  tableII: [rowII('Stock Option (right to buy)', '$25.56', '06/20/2024', '', 'M', '', '', '1,000', '(3)', '04/28/2026', 'Common Stock', '1,000', '$0', '4,000', 'D', '')],
  footnotes: [
    '(1) The sale reported in this Form 4 was effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on August 28, 2023.',
    `(2) ${WEIGHTED}`,
    '(3) The option is fully vested and immediately exercisable.',
  ],
  signature: ['/s/ Bruce Posey, by power of attorney for John N. Wilson', '', '06/21/2024'],
});

/**
 * Restricted stock units vesting, shares withheld for the tax: the RSU has no exercise price and
 * vests on a schedule, both given only by footnote (cm(8)).
 */
export const RSU_VEST = fixture({
  tableI: [
    rowI('Common Stock', '08/06/2013', '', 'M', '', '1,000', 'A', '$0', '56,500', 'D', ''),
    rowI('Common Stock', '08/06/2013', '', 'F (1)', '', '350', 'D', '$18.00', '56,150', 'D', ''),
  ],
  tableII: [rowII('Restricted Stock Units', '(2)', '08/06/2013', '', 'M', '', '', '1,000', '(3)', '(3)', 'Common Stock', '1,000', '$0', '3,000', 'D', '')],
  footnotes: [
    '(1) Shares withheld by the Issuer to satisfy tax withholding obligations upon the vesting of restricted stock units.',
    '(2) Each restricted stock unit represents a contingent right to receive one share of the Issuer\'s common stock.',
    '(3) The restricted stock units vest in four equal annual installments beginning on August 6, 2012, and have no expiration date.',
  ],
});

/** A gift from direct holdings into a trust: two G rows, the trust's holding indirect. */
export const GIFT_INTO_TRUST = fixture({
  tableI: [
    rowI('Common Stock', '08/06/2013', '', 'G', '', '500', 'D', '$0', '55,000', 'D', ''),
    rowI('Common Stock', '08/06/2013', '', 'G', '', '500', 'A', '$0', '10,500', 'I', 'By Trust (1)'),
  ],
  footnotes: ['(1) The shares are held by the Wilson Family Trust, of which the Reporting Person & his spouse are the trustees.'],
});

/** Class B converted into Class A: Table II disposes (C, D), Table I acquires (C, A). */
export const CONVERSION = fixture({
  tableI: [rowI('Class A Common Stock', '08/06/2013', '', 'C', '', '1,000', 'A', '(1)', '1,000', 'D', '')],
  tableII: [rowII('Class B Common Stock', '(1)', '08/06/2013', '', 'C', '', '', '1,000', '(1)', '(1)', 'Class A Common Stock', '1,000', '$0', '9,000', 'D', '')],
  footnotes: ['(1) Each share of Class B Common Stock is convertible into one share of Class A Common Stock at any time at the option of the holder, for no consideration, and has no expiration date.'],
});

/** Two reporting persons, each with a box 1, a box 5 and a signature. */
export const JOINT_FILERS = fixture({
  header: [
    BOX1,
    `   CIK: ${OWNER_CIK}`,
    ...ADDRESS,
    '1. Name and Address of Reporting Person: Wilson Family Trust',
    '   CIK: 0007654321',
    ...ADDRESS,
    BOX2,
    `   CIK: ${ISSUER_CIK}`,
    '3. Date of Earliest Transaction: 08/06/2013',
    '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
    '5. Relationship of Reporting Person(s) to Issuer: Other (Trust of an officer)',
    '6. Individual or Joint/Group Filing: Form filed by More than One Reporting Person',
  ],
  tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '11,000', 'I', 'By Trust')],
  signature: ['/s/ John N. Wilson', '', '08/07/2013', '', '/s/ John N. Wilson, Trustee of the Wilson Family Trust', '', '08/07/2013'],
});

/** Holdings only, in both tables: no transaction. */
export const HOLDINGS_ONLY = fixture({
  tableI: [
    rowI('Common Stock', '', '', '', '', '', '', '', '55,500', 'D', ''),
    rowI('Common Stock', '', '', '', '', '', '', '', '10,000', 'I', 'By Spouse'),
  ],
  tableII: [rowII('Stock Option (right to buy)', '$4.10', '', '', '', '', '', '', '11/05/2011', '11/05/2020', 'Common Stock', '140,591', '', '140,591', 'D', '')],
});

/** Holdings only, the reporting person no longer subject to Section 16 (the exit box checked). */
export const HOLDINGS_ONLY_EXIT = fixture({
  header: header({ exit: '[x]' }),
  tableI: [rowI('Common Stock', '', '', '', '', '', '', '', '55,500', 'D', '')],
});

/** Holdings rows beside transactions, in both tables, with footnotes on the holdings. */
export const HOLDINGS_BESIDE_TRANSACTIONS = fixture({
  tableI: [
    rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', ''),
    rowI('Common Stock', '', '', '', '', '', '', '', '2,500 (1)', 'I', 'By 401(k) Plan'),
  ],
  tableII: [
    rowII('Stock Option (right to buy)', '$4.10', '', '', '', '', '', '', '11/05/2011', '11/05/2020', 'Common Stock', '140,591', '', '140,591', 'D', ''),
    rowII('Stock Option (right to buy)', '$18.00', '08/06/2013', '', 'A', '', '5,000', '', '(2)', '08/06/2023', 'Common Stock', '5,000', '$0', '5,000', 'D', ''),
  ],
  footnotes: [
    '(1) As of the date of the most recent plan statement.',
    '(2) The option vests in 48 equal monthly installments beginning on September 6, 2013.',
  ],
});

/** Convertible notes bought by principal amount: dollar values in Table II amount, underlying and owned. */
export const DOLLAR_VALUES = fixture({
  tableII: [
    rowII('6.00% Convertible Senior Notes due 2028', '$25.00', '08/06/2013', '', 'P', '', '$1,000,000', '', '(1)', '08/01/2028', 'Common Stock', '40,000', '$1,020.50', '$1,000,000', 'D', ''),
    rowII('Total Return Swap', '(2)', '08/06/2013', '', 'J(K) (2)', '', '', '$250,000.50', '(2)', '08/06/2014', 'Common Stock', '$250,000.50', '$0', '$0', 'D', ''),
  ],
  footnotes: [
    '(1) The notes are convertible at any time at a conversion price of $25.00 per share.',
    '(2) Termination of a cash-settled total return swap with a notional amount of $250,000.50 referencing the Issuer\'s common stock; it has no exercise price.',
  ],
});

/** A 4/A: box 4 gives the date of the original filing. */
export const AMENDMENT = fixture({
  header: header({ box4: '08/07/2013' }),
  tableI: [rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,500', 'D', '')],
  remarks: 'This amendment corrects the amount owned reported on the original Form 4.',
  signature: ['/s/ John N. Wilson', '', '08/07/2013'],
});

/** A gift reported early (V): transactionFormType 5, timeliness E; box 3 is the Form 4 transaction's date. */
export const EARLY = fixture({
  tableI: [
    rowI('Common Stock', '06/03/2013', '', 'G', 'V', '500', 'D', '$0', '55,000', 'D', ''),
    rowI('Common Stock', '08/06/2013', '', 'P', '', '1,000', 'A', '$18.00', '56,000', 'D', ''),
  ],
});

/** A purchase reported late (L). */
export const LATE = fixture({
  header: header({ box3: '07/30/2013' }),
  tableI: [rowI('Common Stock', '07/30/2013', '', 'P', 'L', '1,000', 'A', '$18.00', '56,500', 'D', '')],
});

/** A sale in an equity swap: J(K), described in a footnote. */
export const EQUITY_SWAP = fixture({
  tableI: [rowI('Common Stock', '08/06/2013', '', 'J(K) (1)', '', '10,000', 'D', '$18.00', '45,500', 'D', '')],
  footnotes: ['(1) Shares delivered on settlement of a prepaid variable forward ("equity swap") contract entered into on August 6, 2011.'],
});

export const FIXTURES: Readonly<Record<string, string>> = {
  'exercise and sale': EXERCISE_AND_SALE,
  'RSU vest with withholding': RSU_VEST,
  'gift into a trust': GIFT_INTO_TRUST,
  conversion: CONVERSION,
  'joint filers': JOINT_FILERS,
  'holdings only': HOLDINGS_ONLY,
  'holdings only, exit box checked': HOLDINGS_ONLY_EXIT,
  'holdings beside transactions': HOLDINGS_BESIDE_TRANSACTIONS,
  'dollar values': DOLLAR_VALUES,
  amendment: AMENDMENT,
  'early (V)': EARLY,
  'late (L)': LATE,
  'equity swap (K)': EQUITY_SWAP,
};
