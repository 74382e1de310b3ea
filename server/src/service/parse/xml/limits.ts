/**
 * What EDGAR's schema and §4.3 limit beyond structure, checked on an ownership document once it
 * is read: string lengths (`xml-length`), the CIK and zip code patterns and the decimal facets
 * (`xml-schema`, `xml-decimal`), an amendment without the date of the original (`xml-amendment`)
 * and a reporting owner listed twice (`xml-owner-cik`, §4.3: EDGAR suspends it).
 */
import type { Decimal } from '../../model/decimal';
import { CIK_PATTERN, type LimitedElement, MAX_LENGTH, POSITIVE_DECIMAL, positiveDecimalFault, STATE_CODES, stateCodeForName, xmlLength, ZIP_CODE_PATTERN } from '../../model/edgar';
import type { Field, Filing } from '../../model/filing';
import { grouped } from '../../text/count';
import type { Span } from '../../text/position';
import { quoted } from '../../text/sentence';
import type { XmlElement } from './xmlTree';

type Report = (rule: string, span: Span, message: string) => void;

/** A text over its element's maximum length (model/edgar.ts, from the schema and §3.5). */
function tooLong(field: Field<unknown> | undefined, element: LimitedElement, report: Report, what = `The ${element}`): void {
  if (!field) return;
  const limit = MAX_LENGTH[element];
  const length = xmlLength(field.text);
  if (length <= limit) return;
  report('xml-length', field.valueSpan, `${what} has ${grouped(length)} characters, and EDGAR stores at most ${grouped(limit)}`);
}

function decimalFacets(field: Field<unknown>, what: string, report: Report): void {
  const value = field.value;
  const amount = (value && typeof value === 'object' && 'amount' in value ? (value as { amount: Decimal }).amount : value) as Decimal | undefined;
  if (!amount || typeof amount.decimalPlaces !== 'function') return;
  const fault = positiveDecimalFault(amount);
  if (fault === 'fraction-digits') report('xml-decimal', field.valueSpan, `${what} ${amount.toFixed()} has ${amount.decimalPlaces()} decimals, and EDGAR takes at most ${POSITIVE_DECIMAL.fractionDigits}`);
  else if (fault === 'maximum' || fault === 'total-digits') report('xml-decimal', field.valueSpan, `${what} ${amount.toFixed()} is over EDGAR's maximum, 999,999,999,999.9999`);
}

function cik(field: Field<unknown>, what: string, report: Report): void {
  if (field.text !== '' && !CIK_PATTERN.test(field.text)) report('xml-schema', field.valueSpan, `${what} ${quoted(field.text)} is not a CIK, which is one to ten digits`);
}

/** A state or country code that Appendix A of the specification does not list. */
function stateCode(field: Field<unknown>, report: Report): void {
  const code = field.text;
  if (code === '' || STATE_CODES.has(code)) return;
  const named = stateCodeForName(code);
  const hint = named ? `: its code is ${named}` : ', which are two letters or a letter and a digit, such as CA';
  report('xml-schema', field.valueSpan, `The rptOwnerState ${quoted(code, 12)} is not one of EDGAR's state or country codes (Appendix A)${hint}`);
}

export function checkXmlLimits(filing: Filing, document: XmlElement | undefined, report: Report, _elements: ReadonlyMap<Field<unknown>, XmlElement>): void {
  if (!document) return;
  if (filing.issuer) {
    cik(filing.issuer.cik, 'The issuerCik', report);
    tooLong(filing.issuer.name, 'issuerName', report);
    tooLong(filing.issuer.tradingSymbol, 'issuerTradingSymbol', report);
  }
  const seen = new Map<string, Field<unknown>>();
  for (const owner of filing.reportingOwners) {
    cik(owner.cik, 'The rptOwnerCik', report);
    const key = owner.cik.text.replace(/^0+/, '');
    const earlier = key !== '' ? seen.get(key) : undefined;
    if (earlier) report('xml-owner-cik', owner.cik.valueSpan, `The reporting owner with CIK ${owner.cik.text} is listed twice, and EDGAR suspends a filing that names an owner more than once (Technical Specification §4.3)`);
    else if (key !== '') seen.set(key, owner.cik);
    tooLong(owner.name, 'rptOwnerName', report);
    tooLong(owner.address.street1, 'rptOwnerStreet1', report);
    tooLong(owner.address.street2, 'rptOwnerStreet2', report);
    tooLong(owner.address.city, 'rptOwnerCity', report);
    stateCode(owner.address.state, report);
    const zip = owner.address.zipCode;
    tooLong(zip, 'rptOwnerZipCode', report);
    if (zip.text !== '' && !ZIP_CODE_PATTERN.test(zip.text)) report('xml-schema', zip.valueSpan, `The rptOwnerZipCode ${quoted(zip.text)} has characters EDGAR does not take (it takes letters, digits, space, # and -)`);
    if (owner.relationship) {
      tooLong(owner.relationship.officerTitle, 'officerTitle', report);
      tooLong(owner.relationship.otherText, 'otherText', report);
    }
  }
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      tooLong(row.securityTitle, 'securityTitle', report);
      tooLong(row.nature, 'natureOfOwnership', report);
      decimalFacets(row.shares, 'The amount', report);
      decimalFacets(row.pricePerShare, 'The price', report);
      decimalFacets(row.ownedAfter, 'The amount owned', report);
      if (row.table === 'II') {
        tooLong(row.underlyingTitle, 'underlyingSecurityTitle', report);
        decimalFacets(row.exercisePrice, 'The conversion or exercise price', report);
        decimalFacets(row.underlyingShares, 'The underlying amount', report);
      }
    }
  }
  for (const s of filing.signatures) tooLong(s.name, 'signatureName', report);
  const original = filing.dateOfOriginalSubmission;
  if (filing.documentType === '4/A' && !original) {
    report('xml-amendment', filing.places.top, 'The documentType is 4/A but there is no dateOfOriginalSubmission. An amendment gives the date the original was filed');
  } else if (filing.documentType === '4' && original) {
    report('xml-amendment', original.span, 'The documentType is 4 but the document gives a dateOfOriginalSubmission. An amendment is a 4/A');
  }
}
