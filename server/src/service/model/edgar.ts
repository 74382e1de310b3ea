/**
 * EDGAR's constraints on an ownership document, as data, in one place: what the SEC's schema
 * X0508 (`ownership4Document.X0508.xsd.xml` and `ownershipDocumentCommon.xsd.xml`) and the
 * Ownership XML Technical Specification v3 (§3.2 data types, §3.5 lengths, §3.6 choice lists,
 * Appendix A) allow. The exporter reads it to say what a filing cannot be written as, and the XML
 * checks can read it to say what a document should not have been written as. A test compares the
 * lists and limits here with the schema's own text, so that they cannot drift from it.
 */
import { type Decimal, decimal } from './decimal';

/** The schema version the exporter writes (`<schemaVersion>`). */
export const SCHEMA_VERSION = 'X0508';

/** DocTypeList (§3.6.2) for a primary document: the six ownership forms. */
export const DOCUMENT_TYPES = ['3', '3/A', '4', '4/A', '5', '5/A'] as const;

/** The document types of a Form 4: the original and its amendment (which needs `dateOfOriginalSubmission`). */
export const FORM4_DOCUMENT_TYPES = ['4', '4/A'] as const;

/**
 * FormTypeList (§3.6.3) for a transaction on a Form 4: `4`, or `5` for a Form 5 transaction
 * reported early on this Form 4 (the printed V column).
 */
export const TRANSACTION_FORM_TYPES = ['4', '5'] as const;

/** TransCodeList (§3.6.9, TRANS_CODE_PICKLIST): V and K are not codes (form type 5, equitySwapInvolved). */
export const TRANSACTION_CODES = ['A', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'L', 'M', 'O', 'P', 'S', 'U', 'W', 'X', 'Z'] as const;

/** TimelinessList (§3.6.8): E early, L late; on time is no value (the element left out). */
export const TIMELINESS = ['E', 'L'] as const;

/** AcqDispList (§3.6.1). */
export const ACQUIRED_DISPOSED = ['A', 'D'] as const;

/** OwnerTypeList (§3.6.4): direct or indirect. */
export const OWNERSHIP_FORMS = ['D', 'I'] as const;

/**
 * The longest text each element takes (§3.5 "Max Length", the schema's maxLength), in
 * characters. The footnote's 1,000 is §3.5's (the schema's FOOTNOTE type sets none); the
 * rest are the schema's own.
 */
export const MAX_LENGTH = {
  issuerName: 150,
  issuerTradingSymbol: 10,
  rptOwnerName: 150,
  rptOwnerStreet1: 40,
  rptOwnerStreet2: 40,
  rptOwnerCity: 30,
  rptOwnerZipCode: 10,
  officerTitle: 30,
  otherText: 30,
  securityTitle: 60,
  underlyingSecurityTitle: 60,
  natureOfOwnership: 100,
  footnote: 1000,
  remarks: 2000,
  signatureName: 255,
} as const;

/** Elements that may not be empty (the schema's minLength 1). */
export const MIN_LENGTH = {
  issuerTradingSymbol: 1,
  securityTitle: 1,
  underlyingSecurityTitle: 1,
  signatureName: 1,
} as const;

export type LimitedElement = keyof typeof MAX_LENGTH;

/** A CIK: one to ten digits; leading zeros may be left out (§4.3.1, the schema's CIK type). */
export const CIK_PATTERN = /^[0-9]{1,10}$/;

/** rptOwnerZipCode: letters, digits, space, `#` and `-` (the schema's pattern), at most 10. */
export const ZIP_CODE_PATTERN = /^[0-9A-Za-z #-]*$/;

/** A footnote id and a reference to one: `F1` … `F99` (FID, FIDREF). */
export const FOOTNOTE_ID_PATTERN = /^F[1-9][0-9]?$/;

/** Counts the schema allows (§3.3 "Max Occur"). */
export const MAX_OCCURS = {
  reportingOwner: 10,
  ownerSignature: 10,
  /** Transactions and holdings together, in each table. */
  tableRows: 30,
  footnote: 99,
  /** References on one element. */
  footnoteId: 99,
} as const;

/** POSITIVE_DECIMAL: every amount, price and value of the tables. */
export const POSITIVE_DECIMAL = {
  min: '0',
  max: '999999999999.9999',
  totalDigits: 16,
  fractionDigits: 4,
} as const;

const MAX_DECIMAL: Decimal = decimal(POSITIVE_DECIMAL.max);

/** Why a decimal is not a POSITIVE_DECIMAL, or undefined when it is one. */
export type DecimalFault = 'negative' | 'fraction-digits' | 'maximum' | 'total-digits';

export function positiveDecimalFault(value: Decimal): DecimalFault | undefined {
  if (!value.isFinite()) return 'maximum';
  if (value.isNegative() && !value.isZero()) return 'negative';
  if (value.decimalPlaces() > POSITIVE_DECIMAL.fractionDigits) return 'fraction-digits';
  if (value.greaterThan(MAX_DECIMAL)) return 'maximum';
  // Implied by the two above (12 whole digits and 4 decimals at most), kept for the schema's sake.
  if (value.precision(true) > POSITIVE_DECIMAL.totalDigits) return 'total-digits';
  return undefined;
}

/** The length of a text as XML Schema counts it: characters (code points), not UTF-16 units. */
export function xmlLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Whether XML 1.0 can carry a character at all (its `Char` production): tab, line feed,
 * carriage return, and everything from U+0020 but the surrogates, U+FFFE and U+FFFF. No escape
 * writes the others (`&#1;` is not well-formed either).
 */
export function isXmlCharacter(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

export interface StateCode {
  readonly code: string;
  /** The state, province or country, as Appendix A names it. */
  readonly name: string;
  /**
   * One of the schema's obsolete codes (Czechoslovakia, the Soviet Union…), which it still
   * lists but EDGAR suspends in a filer's submission.
   */
  readonly obsolete: boolean;
}

/**
 * `rptOwnerState`: the designators of Appendix A (§3.6.5, StateCodeList): U.S. states, Canadian
 * provinces, countries and territories, in the schema's order, then its obsolete codes. The
 * schema's three blank values ('', ' ', '  ') mean no state: the exporter leaves the element out.
 */
const CURRENT: readonly (readonly [string, string])[] = [
  ['AL', 'ALABAMA'],
  ['AK', 'ALASKA'],
  ['AZ', 'ARIZONA'],
  ['AR', 'ARKANSAS'],
  ['CA', 'CALIFORNIA'],
  ['CO', 'COLORADO'],
  ['CT', 'CONNECTICUT'],
  ['DE', 'DELAWARE'],
  ['DC', 'DISTRICT OF COLUMBIA'],
  ['FL', 'FLORIDA'],
  ['GA', 'GEORGIA'],
  ['HI', 'HAWAII'],
  ['ID', 'IDAHO'],
  ['IL', 'ILLINOIS'],
  ['IN', 'INDIANA'],
  ['IA', 'IOWA'],
  ['KS', 'KANSAS'],
  ['KY', 'KENTUCKY'],
  ['LA', 'LOUISIANA'],
  ['ME', 'MAINE'],
  ['MD', 'MARYLAND'],
  ['MA', 'MASSACHUSETTS'],
  ['MI', 'MICHIGAN'],
  ['MN', 'MINNESOTA'],
  ['MS', 'MISSISSIPPI'],
  ['MO', 'MISSOURI'],
  ['MT', 'MONTANA'],
  ['NE', 'NEBRASKA'],
  ['NV', 'NEVADA'],
  ['NH', 'NEW HAMPSHIRE'],
  ['NJ', 'NEW JERSEY'],
  ['NM', 'NEW MEXICO'],
  ['NY', 'NEW YORK'],
  ['NC', 'NORTH CAROLINA'],
  ['ND', 'NORTH DAKOTA'],
  ['OH', 'OHIO'],
  ['OK', 'OKLAHOMA'],
  ['OR', 'OREGON'],
  ['PA', 'PENNSYLVANIA'],
  ['RI', 'RHODE ISLAND'],
  ['SC', 'SOUTH CAROLINA'],
  ['SD', 'SOUTH DAKOTA'],
  ['TN', 'TENNESSEE'],
  ['TX', 'TEXAS'],
  ['X1', 'UNITED STATES'],
  ['UT', 'UTAH'],
  ['VT', 'VERMONT'],
  ['VA', 'VIRGINIA'],
  ['WA', 'WASHINGTON'],
  ['WV', 'WEST VIRGINIA'],
  ['WI', 'WISCONSIN'],
  ['WY', 'WYOMING'],
  ['A0', 'ALBERTA, CANADA'],
  ['A1', 'BRITISH COLUMBIA, CANADA'],
  ['Z4', 'CANADA (FEDERAL LEVEL)'],
  ['A2', 'MANITOBA, CANADA'],
  ['A3', 'NEW BRUNSWICK, CANADA'],
  ['A4', 'NEWFOUNDLAND, CANADA'],
  ['A5', 'NOVA SCOTIA, CANADA'],
  ['A6', 'ONTARIO, CANADA'],
  ['A7', 'PRINCE EDWARD ISLAND, CANADA'],
  ['A8', 'QUEBEC, CANADA'],
  ['A9', 'SASKATCHEWAN, CANADA'],
  ['B0', 'YUKON, CANADA'],
  ['B2', 'AFGHANISTAN'],
  ['Y6', 'ALAND ISLANDS'],
  ['B3', 'ALBANIA'],
  ['B4', 'ALGERIA'],
  ['B5', 'AMERICAN SAMOA'],
  ['B6', 'ANDORRA'],
  ['B7', 'ANGOLA'],
  ['1A', 'ANGUILLA'],
  ['B8', 'ANTARCTICA'],
  ['B9', 'ANTIGUA AND BARBUDA'],
  ['C1', 'ARGENTINA'],
  ['1B', 'ARMENIA'],
  ['1C', 'ARUBA'],
  ['C3', 'AUSTRALIA'],
  ['C4', 'AUSTRIA'],
  ['1D', 'AZERBAIJAN'],
  ['C5', 'BAHAMAS'],
  ['C6', 'BAHRAIN'],
  ['C7', 'BANGLADESH'],
  ['C8', 'BARBADOS'],
  ['1F', 'BELARUS'],
  ['C9', 'BELGIUM'],
  ['D1', 'BELIZE'],
  ['G6', 'BENIN'],
  ['D0', 'BERMUDA'],
  ['D2', 'BHUTAN'],
  ['D3', 'BOLIVIA'],
  ['1E', 'BOSNIA AND HERZEGOVINA'],
  ['B1', 'BOTSWANA'],
  ['D4', 'BOUVET ISLAND'],
  ['D5', 'BRAZIL'],
  ['D6', 'BRITISH INDIAN OCEAN TERRITORY'],
  ['D9', 'BRUNEI DARUSSALAM'],
  ['E0', 'BULGARIA'],
  ['X2', 'BURKINA FASO'],
  ['E2', 'BURUNDI'],
  ['E3', 'CAMBODIA'],
  ['E4', 'CAMEROON'],
  ['E8', 'CAPE VERDE'],
  ['E9', 'CAYMAN ISLANDS'],
  ['F0', 'CENTRAL AFRICAN REPUBLIC'],
  ['F2', 'CHAD'],
  ['F3', 'CHILE'],
  ['F4', 'CHINA'],
  ['F6', 'CHRISTMAS ISLAND'],
  ['F7', 'COCOS (KEELING) ISLANDS'],
  ['F8', 'COLOMBIA'],
  ['F9', 'COMOROS'],
  ['G0', 'CONGO'],
  ['Y3', 'CONGO, THE DEMOCRATIC REPUBLIC OF THE'],
  ['G1', 'COOK ISLANDS'],
  ['G2', 'COSTA RICA'],
  ['L7', 'COTE D\'IVOIRE'],
  ['1M', 'CROATIA'],
  ['G3', 'CUBA'],
  ['G4', 'CYPRUS'],
  ['2N', 'CZECH REPUBLIC'],
  ['G7', 'DENMARK'],
  ['1G', 'DJIBOUTI'],
  ['G9', 'DOMINICA'],
  ['G8', 'DOMINICAN REPUBLIC'],
  ['H1', 'ECUADOR'],
  ['H2', 'EGYPT'],
  ['H3', 'EL SALVADOR'],
  ['H4', 'EQUATORIAL GUINEA'],
  ['1J', 'ERITREA'],
  ['1H', 'ESTONIA'],
  ['H5', 'ETHIOPIA'],
  ['H7', 'FALKLAND ISLANDS (MALVINAS)'],
  ['H6', 'FAROE ISLANDS'],
  ['H8', 'FIJI'],
  ['H9', 'FINLAND'],
  ['I0', 'FRANCE'],
  ['I3', 'FRENCH GUIANA'],
  ['I4', 'FRENCH POLYNESIA'],
  ['2C', 'FRENCH SOUTHERN TERRITORIES'],
  ['I5', 'GABON'],
  ['I6', 'GAMBIA'],
  ['2Q', 'GEORGIA'],
  ['2M', 'GERMANY'],
  ['J0', 'GHANA'],
  ['J1', 'GIBRALTAR'],
  ['J3', 'GREECE'],
  ['J4', 'GREENLAND'],
  ['J5', 'GRENADA'],
  ['J6', 'GUADELOUPE'],
  ['GU', 'GUAM'],
  ['J8', 'GUATEMALA'],
  ['Y7', 'GUERNSEY'],
  ['J9', 'GUINEA'],
  ['S0', 'GUINEA-BISSAU'],
  ['K0', 'GUYANA'],
  ['K1', 'HAITI'],
  ['K4', 'HEARD ISLAND AND MCDONALD ISLANDS'],
  ['X4', 'HOLY SEE (VATICAN CITY STATE)'],
  ['K2', 'HONDURAS'],
  ['K3', 'HONG KONG'],
  ['K5', 'HUNGARY'],
  ['K6', 'ICELAND'],
  ['Y8', 'ISLE OF MAN'],
  ['K7', 'INDIA'],
  ['K8', 'INDONESIA'],
  ['K9', 'IRAN, ISLAMIC REPUBLIC OF'],
  ['L0', 'IRAQ'],
  ['L2', 'IRELAND'],
  ['L3', 'ISRAEL'],
  ['L6', 'ITALY'],
  ['L8', 'JAMAICA'],
  ['M0', 'JAPAN'],
  ['Y9', 'JERSEY'],
  ['M2', 'JORDAN'],
  ['1P', 'KAZAKSTAN'],
  ['M3', 'KENYA'],
  ['J2', 'KIRIBATI'],
  ['M4', 'KOREA, DEMOCRATIC PEOPLE\'S REPUBLIC OF'],
  ['M5', 'KOREA, REPUBLIC OF'],
  ['M6', 'KUWAIT'],
  ['1N', 'KYRGYZSTAN'],
  ['M7', 'LAO PEOPLE\'S DEMOCRATIC REPUBLIC'],
  ['1R', 'LATVIA'],
  ['M8', 'LEBANON'],
  ['M9', 'LESOTHO'],
  ['N0', 'LIBERIA'],
  ['N1', 'LIBYAN ARAB JAMAHIRIYA'],
  ['N2', 'LIECHTENSTEIN'],
  ['1Q', 'LITHUANIA'],
  ['N4', 'LUXEMBOURG'],
  ['N5', 'MACAU'],
  ['1U', 'MACEDONIA, THE FORMER YUGOSLAV REPUBLIC OF'],
  ['N6', 'MADAGASCAR'],
  ['N7', 'MALAWI'],
  ['N8', 'MALAYSIA'],
  ['N9', 'MALDIVES'],
  ['O0', 'MALI'],
  ['O1', 'MALTA'],
  ['1T', 'MARSHALL ISLANDS'],
  ['O2', 'MARTINIQUE'],
  ['O3', 'MAURITANIA'],
  ['O4', 'MAURITIUS'],
  ['2P', 'MAYOTTE'],
  ['O5', 'MEXICO'],
  ['1K', 'MICRONESIA, FEDERATED STATES OF'],
  ['1S', 'MOLDOVA, REPUBLIC OF'],
  ['O9', 'MONACO'],
  ['P0', 'MONGOLIA'],
  ['Z5', 'MONTENEGRO'],
  ['P1', 'MONTSERRAT'],
  ['P2', 'MOROCCO'],
  ['P3', 'MOZAMBIQUE'],
  ['E1', 'MYANMAR'],
  ['T6', 'NAMIBIA'],
  ['P5', 'NAURU'],
  ['P6', 'NEPAL'],
  ['P7', 'NETHERLANDS'],
  ['P8', 'NETHERLANDS ANTILLES'],
  ['1W', 'NEW CALEDONIA'],
  ['Q2', 'NEW ZEALAND'],
  ['Q3', 'NICARAGUA'],
  ['Q4', 'NIGER'],
  ['Q5', 'NIGERIA'],
  ['Q6', 'NIUE'],
  ['Q7', 'NORFOLK ISLAND'],
  ['1V', 'NORTHERN MARIANA ISLANDS'],
  ['Q8', 'NORWAY'],
  ['P4', 'OMAN'],
  ['R0', 'PAKISTAN'],
  ['1Y', 'PALAU'],
  ['1X', 'PALESTINIAN TERRITORY, OCCUPIED'],
  ['R1', 'PANAMA'],
  ['R2', 'PAPUA NEW GUINEA'],
  ['R4', 'PARAGUAY'],
  ['R5', 'PERU'],
  ['R6', 'PHILIPPINES'],
  ['R8', 'PITCAIRN'],
  ['R9', 'POLAND'],
  ['S1', 'PORTUGAL'],
  ['PR', 'PUERTO RICO'],
  ['S3', 'QATAR'],
  ['S4', 'REUNION'],
  ['S5', 'ROMANIA'],
  ['1Z', 'RUSSIAN FEDERATION'],
  ['S6', 'RWANDA'],
  ['U8', 'SAINT HELENA'],
  ['U7', 'SAINT KITTS AND NEVIS'],
  ['U9', 'SAINT LUCIA'],
  ['Z0', 'SAINT BARTHELEMY'],
  ['Z1', 'SAINT MARTIN'],
  ['V0', 'SAINT PIERRE AND MIQUELON'],
  ['V1', 'SAINT VINCENT AND THE GRENADINES'],
  ['Y0', 'SAMOA'],
  ['S8', 'SAN MARINO'],
  ['S9', 'SAO TOME AND PRINCIPE'],
  ['T0', 'SAUDI ARABIA'],
  ['T1', 'SENEGAL'],
  ['Z2', 'SERBIA'],
  ['T2', 'SEYCHELLES'],
  ['T8', 'SIERRA LEONE'],
  ['U0', 'SINGAPORE'],
  ['2B', 'SLOVAKIA'],
  ['2A', 'SLOVENIA'],
  ['D7', 'SOLOMON ISLANDS'],
  ['U1', 'SOMALIA'],
  ['T3', 'SOUTH AFRICA'],
  ['1L', 'SOUTH GEORGIA AND THE SOUTH SANDWICH ISLANDS'],
  ['U3', 'SPAIN'],
  ['F1', 'SRI LANKA'],
  ['V2', 'SUDAN'],
  ['V3', 'SURINAME'],
  ['L9', 'SVALBARD AND JAN MAYEN'],
  ['V6', 'SWAZILAND'],
  ['V7', 'SWEDEN'],
  ['V8', 'SWITZERLAND'],
  ['V9', 'SYRIAN ARAB REPUBLIC'],
  ['F5', 'TAIWAN, PROVINCE OF CHINA'],
  ['2D', 'TAJIKISTAN'],
  ['W0', 'TANZANIA, UNITED REPUBLIC OF'],
  ['W1', 'THAILAND'],
  ['Z3', 'TIMOR-LESTE'],
  ['W2', 'TOGO'],
  ['W3', 'TOKELAU'],
  ['W4', 'TONGA'],
  ['W5', 'TRINIDAD AND TOBAGO'],
  ['W6', 'TUNISIA'],
  ['W8', 'TURKEY'],
  ['2E', 'TURKMENISTAN'],
  ['W7', 'TURKS AND CAICOS ISLANDS'],
  ['2G', 'TUVALU'],
  ['W9', 'UGANDA'],
  ['2H', 'UKRAINE'],
  ['C0', 'UNITED ARAB EMIRATES'],
  ['X0', 'UNITED KINGDOM'],
  ['2J', 'UNITED STATES MINOR OUTLYING ISLANDS'],
  ['X3', 'URUGUAY'],
  ['2K', 'UZBEKISTAN'],
  ['2L', 'VANUATU'],
  ['X5', 'VENEZUELA'],
  ['Q1', 'VIET NAM'],
  ['D8', 'VIRGIN ISLANDS, BRITISH'],
  ['VI', 'VIRGIN ISLANDS, U.S.'],
  ['X8', 'WALLIS AND FUTUNA'],
  ['U5', 'WESTERN SAHARA'],
  ['T7', 'YEMEN'],
  ['Y4', 'ZAMBIA'],
  ['Y5', 'ZIMBABWE'],
  ['XX', 'UNKNOWN'],
];

const OBSOLETE: readonly (readonly [string, string])[] = [
  ['C2', 'ASHMORE & CARTIER IS'],
  ['E5', 'CANAL ZONE'],
  ['E7', 'CANTON/ENDERBURY IS'],
  ['G5', 'CZECHOSLOVAKIA'],
  ['I7', 'GAZA STRIP'],
  ['X9', 'GERMANY (BERLIN)'],
  ['I8', 'GERMANY (WEST)'],
  ['I9', 'GERMANY, FED. REP.'],
  ['2F', 'EAST TIMOR'],
  ['L1', 'IRAQ-SAUDI'],
  ['L4', 'ISRAEL-JORDAN'],
  ['L5', 'ISRAEL-SYRIA'],
  ['M1', 'JOHNSTON ATOLL'],
  ['O6', 'MIDWAY ISLAND'],
  ['Q9', 'PACIFIC ISLANDS TRU'],
  ['R3', 'PARACEL ISLANDS'],
  ['T4', 'SOUTHERN RHODESIA'],
  ['U2', 'SOVIET UNION'],
  ['U4', 'SPANISH NORTH AFRICA'],
  ['U6', 'SPRATLY ISLAND'],
  ['X7', 'WAKE ISLAND'],
  ['Y2', 'YUGOSLAVIA'],
];

export const STATE_CODES: ReadonlyMap<string, StateCode> = new Map([
  ...CURRENT.map(([code, name]): [string, StateCode] => [code, { code, name, obsolete: false }]),
  ...OBSOLETE.map(([code, name]): [string, StateCode] => [code, { code, name, obsolete: true }]),
]);

const BY_NAME = new Map<string, string>();
for (const [code, name] of CURRENT) {
  const key = nameKey(name);
  if (!BY_NAME.has(key)) BY_NAME.set(key, code);
  // "ONTARIO, CANADA" is also "Ontario".
  const comma = name.indexOf(', CANADA');
  if (comma > 0 && !BY_NAME.has(nameKey(name.slice(0, comma)))) BY_NAME.set(nameKey(name.slice(0, comma)), code);
}

function nameKey(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();
}

/** The code of a state, province or country written by its name ("California" → CA), when Appendix A has it. */
export function stateCodeForName(name: string): string | undefined {
  return BY_NAME.get(nameKey(name));
}
