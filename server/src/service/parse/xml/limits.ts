/**
 * What EDGAR's schema and §4.3 limit beyond structure, checked on an ownership document once it
 * is read: string lengths (`xml-length`), the CIK and zip code patterns and the decimal facets
 * (`xml-schema`, `xml-decimal`), an amendment without the date of the original (`xml-amendment`)
 * and a reporting owner listed twice (`xml-owner-cik`, §4.3: EDGAR suspends it).
 */
import type { Decimal } from '../../model/decimal';
import { decimal } from '../../model/decimal';
import type { Field, Filing } from '../../model/filing';
import type { Span } from '../../text/position';
import type { XmlElement } from './xmlTree';

type Report = (rule: string, span: Span, message: string) => void;

/** The schema's maximum lengths (§3.5, ownershipDocumentCommon.xsd). */
const LENGTHS = {
  securityTitle: 60,
  natureOfOwnership: 100,
  officerTitle: 30,
  otherText: 30,
  issuerName: 150,
  issuerTradingSymbol: 10,
  rptOwnerName: 150,
  rptOwnerStreet: 40,
  rptOwnerCity: 30,
  rptOwnerZipCode: 10,
  signatureName: 255,
} as const;

const MAX_DECIMAL: Decimal = decimal('999999999999.9999');

function tooLong(field: Field<unknown> | undefined, limit: number, what: string, report: Report): void {
  if (!field || field.text.length <= limit) return;
  report('xml-length', field.valueSpan, `${what} has ${field.text.length} characters; EDGAR stores at most ${limit}`);
}

function decimalFacets(field: Field<unknown>, what: string, report: Report): void {
  const value = field.value;
  const amount = (value && typeof value === 'object' && 'amount' in value ? (value as { amount: Decimal }).amount : value) as Decimal | undefined;
  if (!amount || typeof amount.decimalPlaces !== 'function') return;
  if (amount.decimalPlaces() > 4) report('xml-decimal', field.valueSpan, `${what} ${amount.toFixed()} has ${amount.decimalPlaces()} decimals; EDGAR takes at most 4`);
  else if (amount.greaterThan(MAX_DECIMAL)) report('xml-decimal', field.valueSpan, `${what} ${amount.toFixed()} is over EDGAR's maximum, 999,999,999,999.9999`);
}

function cik(field: Field<unknown>, what: string, report: Report): void {
  if (field.text !== '' && !/^\d{1,10}$/.test(field.text)) report('xml-schema', field.valueSpan, `${what} "${field.text}" is not a CIK: one to ten digits`);
}

export function checkXmlLimits(filing: Filing, document: XmlElement | undefined, report: Report, _elements: ReadonlyMap<Field<unknown>, XmlElement>): void {
  if (!document) return;
  if (filing.issuer) {
    cik(filing.issuer.cik, 'The issuerCik', report);
    tooLong(filing.issuer.name, LENGTHS.issuerName, 'The issuerName', report);
    tooLong(filing.issuer.tradingSymbol, LENGTHS.issuerTradingSymbol, 'The issuerTradingSymbol', report);
  }
  const seen = new Map<string, Field<unknown>>();
  for (const owner of filing.reportingOwners) {
    cik(owner.cik, 'The rptOwnerCik', report);
    const key = owner.cik.text.replace(/^0+/, '');
    const earlier = key !== '' ? seen.get(key) : undefined;
    if (earlier) report('xml-owner-cik', owner.cik.valueSpan, `The reporting owner with CIK ${owner.cik.text} is listed twice: EDGAR suspends a filing that names an owner more than once (§4.3)`);
    else if (key !== '') seen.set(key, owner.cik);
    tooLong(owner.name, LENGTHS.rptOwnerName, 'The rptOwnerName', report);
    tooLong(owner.address.street1, LENGTHS.rptOwnerStreet, 'The rptOwnerStreet1', report);
    tooLong(owner.address.street2, LENGTHS.rptOwnerStreet, 'The rptOwnerStreet2', report);
    tooLong(owner.address.city, LENGTHS.rptOwnerCity, 'The rptOwnerCity', report);
    const zip = owner.address.zipCode;
    tooLong(zip, LENGTHS.rptOwnerZipCode, 'The rptOwnerZipCode', report);
    if (zip.text !== '' && !/^[0-9A-Za-z #-]*$/.test(zip.text)) report('xml-schema', zip.valueSpan, `The rptOwnerZipCode "${zip.text}" has characters EDGAR does not take (letters, digits, space, # and - only)`);
    if (owner.relationship) {
      tooLong(owner.relationship.officerTitle, LENGTHS.officerTitle, 'The officerTitle', report);
      tooLong(owner.relationship.otherText, LENGTHS.otherText, 'The otherText', report);
    }
  }
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    for (const row of table?.rows ?? []) {
      tooLong(row.securityTitle, LENGTHS.securityTitle, 'The securityTitle', report);
      tooLong(row.nature, LENGTHS.natureOfOwnership, 'The natureOfOwnership', report);
      decimalFacets(row.shares, 'The amount', report);
      decimalFacets(row.pricePerShare, 'The price', report);
      decimalFacets(row.ownedAfter, 'The amount owned', report);
      if (row.table === 'II') {
        tooLong(row.underlyingTitle, LENGTHS.securityTitle, 'The underlyingSecurityTitle', report);
        decimalFacets(row.exercisePrice, 'The conversion or exercise price', report);
        decimalFacets(row.underlyingShares, 'The underlying amount', report);
      }
    }
  }
  for (const s of filing.signatures) tooLong(s.name, LENGTHS.signatureName, 'The signatureName', report);
  const original = filing.dateOfOriginalSubmission;
  if (filing.documentType === '4/A' && !original) {
    report('xml-amendment', filing.places.top, 'The documentType is 4/A but there is no dateOfOriginalSubmission: an amendment gives the date the original was filed');
  } else if (filing.documentType === '4' && original) {
    report('xml-amendment', original.span, 'The documentType is 4 but the document gives a dateOfOriginalSubmission: an amendment is a 4/A');
  }
}
