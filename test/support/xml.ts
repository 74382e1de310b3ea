/**
 * Test support for EDGAR ownership XML: a complete, correct Form 4 document written from the
 * facts of the Wilson filing (an option exercise and a same-day sale, 08/06/2013), built from
 * parts that a test replaces one at a time, and the checker's findings on it with 1-based
 * positions, as `check()` gives them for drafts.
 */
import { checkDocument } from '../../server/src/service/check';
import { parseOwnershipXml } from '../../server/src/service/parse/xml/reader';
import { type Found, toFound } from './drafts';

export interface XmlParts {
  readonly schemaVersion?: string;
  readonly documentType?: string;
  readonly header?: string;
  readonly issuer?: string;
  readonly owners?: string;
  readonly aff10b5One?: string;
  readonly tableI?: string;
  readonly tableII?: string;
  readonly footnotes?: string;
  readonly remarks?: string;
  readonly signatures?: string;
}

export const ISSUER = `  <issuer>
    <issuerCik>0001107843</issuerCik>
    <issuerName>QUALYS, INC.</issuerName>
    <issuerTradingSymbol>QLYS</issuerTradingSymbol>
  </issuer>`;

export const OWNER = `  <reportingOwner>
    <reportingOwnerId>
      <rptOwnerCik>0001234567</rptOwnerCik>
      <rptOwnerName>Wilson John N</rptOwnerName>
    </reportingOwnerId>
    <reportingOwnerAddress>
      <rptOwnerStreet1>C/O QUALYS, INC.</rptOwnerStreet1>
      <rptOwnerStreet2>1600 BRIDGE PARKWAY</rptOwnerStreet2>
      <rptOwnerCity>REDWOOD CITY</rptOwnerCity>
      <rptOwnerState>CA</rptOwnerState>
      <rptOwnerZipCode>94065</rptOwnerZipCode>
    </reportingOwnerAddress>
    <reportingOwnerRelationship>
      <isDirector>0</isDirector>
      <isOfficer>1</isOfficer>
      <isTenPercentOwner>0</isTenPercentOwner>
      <isOther>0</isOther>
      <officerTitle>EVP, Worldwide Field Ops</officerTitle>
    </reportingOwnerRelationship>
  </reportingOwner>`;

/** A Table I transaction from its facts. */
export function transactionI(f: { title?: string; date?: string; code: string; shares: string; price: string; ad: string; owned: string; form?: string; priceFootnote?: string; formType?: string; timeliness?: string }): string {
  return `    <nonDerivativeTransaction>
      <securityTitle>
        <value>${f.title ?? 'Common Stock'}</value>
      </securityTitle>
      <transactionDate>
        <value>${f.date ?? '2013-08-06'}</value>
      </transactionDate>
      <transactionCoding>
        <transactionFormType>${f.formType ?? '4'}</transactionFormType>
        <transactionCode>${f.code}</transactionCode>
        <equitySwapInvolved>0</equitySwapInvolved>
      </transactionCoding>${f.timeliness !== undefined ? `
      <transactionTimeliness>
        <value>${f.timeliness}</value>
      </transactionTimeliness>` : ''}
      <transactionAmounts>
        <transactionShares>
          <value>${f.shares}</value>
        </transactionShares>
        <transactionPricePerShare>
          <value>${f.price}</value>${f.priceFootnote ? `
          <footnoteId id="${f.priceFootnote}"/>` : ''}
        </transactionPricePerShare>
        <transactionAcquiredDisposedCode>
          <value>${f.ad}</value>
        </transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction>
          <value>${f.owned}</value>
        </sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
      <ownershipNature>
        <directOrIndirectOwnership>
          <value>${f.form ?? 'D'}</value>
        </directOrIndirectOwnership>
      </ownershipNature>
    </nonDerivativeTransaction>`;
}

export const EXERCISE_XML = transactionI({ code: 'M', shares: '10000', price: '4.10', ad: 'A', owned: '65500' });
export const SALE_XML = transactionI({ code: 'S', shares: '10000', price: '18.3654', ad: 'D', owned: '55500', priceFootnote: 'F1' });

export const OPTION_XML = `    <derivativeTransaction>
      <securityTitle>
        <value>Stock Option (right to buy)</value>
      </securityTitle>
      <conversionOrExercisePrice>
        <value>4.10</value>
      </conversionOrExercisePrice>
      <transactionDate>
        <value>2013-08-06</value>
      </transactionDate>
      <transactionCoding>
        <transactionFormType>4</transactionFormType>
        <transactionCode>M</transactionCode>
        <equitySwapInvolved>0</equitySwapInvolved>
      </transactionCoding>
      <transactionAmounts>
        <transactionShares>
          <value>10000</value>
        </transactionShares>
        <transactionPricePerShare>
          <value>0</value>
        </transactionPricePerShare>
        <transactionAcquiredDisposedCode>
          <value>D</value>
        </transactionAcquiredDisposedCode>
      </transactionAmounts>
      <exerciseDate>
        <value>2010-11-05</value>
      </exerciseDate>
      <expirationDate>
        <value>2020-11-05</value>
      </expirationDate>
      <underlyingSecurity>
        <underlyingSecurityTitle>
          <value>Common Stock</value>
        </underlyingSecurityTitle>
        <underlyingSecurityShares>
          <value>10000</value>
        </underlyingSecurityShares>
      </underlyingSecurity>
      <postTransactionAmounts>
        <sharesOwnedFollowingTransaction>
          <value>140591</value>
        </sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
      <ownershipNature>
        <directOrIndirectOwnership>
          <value>D</value>
        </directOrIndirectOwnership>
      </ownershipNature>
    </derivativeTransaction>`;

export const WEIGHTED_AVERAGE_XML =
  '    <footnote id="F1">The price reported is the weighted average sale price of the shares sold, ranging from $18.00 to $18.81 per share. Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the Reporting Person will provide full information regarding the number of shares sold at each separate price.</footnote>';

/** A complete document from its parts; with none, the correct Wilson filing. */
export function ownershipXml(parts: XmlParts = {}): string {
  const lines = ['<?xml version="1.0"?>', '<ownershipDocument>'];
  lines.push(`  <schemaVersion>${parts.schemaVersion ?? 'X0508'}</schemaVersion>`);
  lines.push(`  <documentType>${parts.documentType ?? '4'}</documentType>`);
  lines.push(parts.header ?? '  <periodOfReport>2013-08-06</periodOfReport>');
  lines.push(parts.issuer ?? ISSUER);
  lines.push(parts.owners ?? OWNER);
  if (parts.aff10b5One !== undefined) lines.push(parts.aff10b5One);
  lines.push('  <nonDerivativeTable>', parts.tableI ?? `${EXERCISE_XML}\n${SALE_XML}`, '  </nonDerivativeTable>');
  lines.push('  <derivativeTable>', parts.tableII ?? OPTION_XML, '  </derivativeTable>');
  lines.push('  <footnotes>', parts.footnotes ?? WEIGHTED_AVERAGE_XML, '  </footnotes>');
  if (parts.remarks !== undefined) lines.push(parts.remarks);
  lines.push(parts.signatures ?? '  <ownerSignature>\n    <signatureName>/s/ John N. Wilson</signatureName>\n    <signatureDate>2013-08-07</signatureDate>\n  </ownerSignature>');
  lines.push('</ownershipDocument>', '');
  return lines.join('\n');
}

/** Every finding of an XML document, with 1-based positions. */
export function checkXml(text: string): Found[] {
  const result = checkDocument(parseOwnershipXml(text));
  if (result.failures.length > 0) throw new Error(`rules failed: ${result.failures.map((f) => `${f.rule}: ${String(f.error)}`).join('; ')}`);
  return result.findings.map(toFound);
}

// ---- documents from facts ---------------------------------------------------------------------
//
// The builders below write each element from its facts, in the schema's order, with its text
// escaped for XML: the import tests and the property test write their filings with them.

/** A value with its footnote references (`F1`…), or only references (`value` absent). */
export interface XmlValue {
  readonly value?: string;
  readonly footnotes?: readonly string[];
}

/** A value, written `'10000'`, or with references `{ value: '10000', footnotes: ['F2'] }`. */
export type Val = string | XmlValue;

/** Text escaped for an XML element's content. */
export function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function footnoteIds(ids: readonly string[] | undefined): string {
  return (ids ?? []).map((id) => `<footnoteId id="${id}"/>`).join('');
}

/** `<tag><value>…</value><footnoteId id="F1"/></tag>`; nothing when `v` is undefined. */
export function valueElement(tag: string, v: Val | undefined): string {
  if (v === undefined) return '';
  const { value, footnotes } = typeof v === 'string' ? { value: v, footnotes: undefined } : v;
  return `<${tag}>${value === undefined ? '' : `<value>${xmlText(value)}</value>`}${footnoteIds(footnotes)}</${tag}>`;
}

/** `<tag>text</tag>`; nothing when `text` is undefined. */
export function plainElement(tag: string, text: string | undefined): string {
  return text === undefined ? '' : `<${tag}>${xmlText(text)}</${tag}>`;
}

export interface OwnerXml {
  readonly cik: string;
  readonly name: string;
  readonly street1?: string;
  readonly street2?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zipCode?: string;
  readonly stateDescription?: string;
  readonly director?: boolean;
  readonly officer?: boolean;
  readonly tenPercentOwner?: boolean;
  readonly other?: boolean;
  readonly officerTitle?: string;
  readonly otherText?: string;
}

const flag = (tag: string, on: boolean | undefined): string => (on === undefined ? '' : `<${tag}>${on ? 1 : 0}</${tag}>`);

export function ownerXml(o: OwnerXml): string {
  const address = [
    plainElement('rptOwnerStreet1', o.street1),
    plainElement('rptOwnerStreet2', o.street2),
    plainElement('rptOwnerCity', o.city),
    plainElement('rptOwnerState', o.state),
    plainElement('rptOwnerZipCode', o.zipCode),
    plainElement('rptOwnerStateDescription', o.stateDescription),
  ].join('');
  return `  <reportingOwner>
    <reportingOwnerId>${plainElement('rptOwnerCik', o.cik)}${plainElement('rptOwnerName', o.name)}</reportingOwnerId>
    <reportingOwnerAddress>${address}</reportingOwnerAddress>
    <reportingOwnerRelationship>${flag('isDirector', o.director)}${flag('isOfficer', o.officer)}${flag('isTenPercentOwner', o.tenPercentOwner)}${flag('isOther', o.other)}${plainElement('officerTitle', o.officerTitle)}${plainElement('otherText', o.otherText)}</reportingOwnerRelationship>
  </reportingOwner>`;
}

export function issuerXml(cik: string, name: string, symbol: string): string {
  return `  <issuer>${plainElement('issuerCik', cik)}${plainElement('issuerName', name)}${plainElement('issuerTradingSymbol', symbol)}</issuer>`;
}

export interface RowXml {
  /** A holding (no transaction columns) rather than a transaction. */
  readonly holding?: boolean;
  readonly title: Val;
  readonly exercisePrice?: Val;
  readonly date?: Val;
  readonly deemed?: Val;
  readonly coding?: { readonly formType?: string; readonly code: string; readonly swap?: boolean; readonly footnotes?: readonly string[] };
  readonly timeliness?: Val;
  readonly shares?: Val;
  readonly totalValue?: Val;
  readonly price?: Val;
  readonly acquiredDisposed?: Val;
  readonly exerciseDate?: Val;
  readonly expirationDate?: Val;
  readonly underlyingTitle?: Val;
  readonly underlyingShares?: Val;
  readonly underlyingValue?: Val;
  readonly owned?: Val;
  readonly ownedValue?: Val;
  readonly ownership: Val;
  readonly nature?: Val;
}

function codingXml(c: RowXml['coding']): string {
  if (!c) return '';
  return `<transactionCoding><transactionFormType>${c.formType ?? '4'}</transactionFormType><transactionCode>${c.code}</transactionCode><equitySwapInvolved>${c.swap ? 1 : 0}</equitySwapInvolved>${footnoteIds(c.footnotes)}</transactionCoding>`;
}

function amountsXml(r: RowXml): string {
  if (r.holding) return '';
  return `<transactionAmounts>${valueElement('transactionShares', r.shares)}${valueElement('transactionTotalValue', r.totalValue)}${valueElement('transactionPricePerShare', r.price)}${valueElement('transactionAcquiredDisposedCode', r.acquiredDisposed)}</transactionAmounts>`;
}

function tailXml(r: RowXml): string {
  return `<postTransactionAmounts>${valueElement('sharesOwnedFollowingTransaction', r.owned)}${valueElement('valueOwnedFollowingTransaction', r.ownedValue)}</postTransactionAmounts><ownershipNature>${valueElement('directOrIndirectOwnership', r.ownership)}${valueElement('natureOfOwnership', r.nature)}</ownershipNature>`;
}

/** A nonDerivativeTransaction (or nonDerivativeHolding) from its facts. */
export function nonDerivativeXml(r: RowXml): string {
  const tag = r.holding ? 'nonDerivativeHolding' : 'nonDerivativeTransaction';
  const transaction = r.holding ? '' : `${valueElement('transactionDate', r.date)}${valueElement('deemedExecutionDate', r.deemed)}${codingXml(r.coding)}${valueElement('transactionTimeliness', r.timeliness)}${amountsXml(r)}`;
  return `    <${tag}>${valueElement('securityTitle', r.title)}${transaction}${tailXml(r)}</${tag}>`;
}

/** A derivativeTransaction (or derivativeHolding) from its facts. */
export function derivativeXml(r: RowXml): string {
  const tag = r.holding ? 'derivativeHolding' : 'derivativeTransaction';
  const transaction = r.holding ? '' : `${valueElement('transactionDate', r.date)}${valueElement('deemedExecutionDate', r.deemed)}${codingXml(r.coding)}${valueElement('transactionTimeliness', r.timeliness)}${amountsXml(r)}`;
  const underlying = `<underlyingSecurity>${valueElement('underlyingSecurityTitle', r.underlyingTitle)}${valueElement('underlyingSecurityShares', r.underlyingShares)}${valueElement('underlyingSecurityValue', r.underlyingValue)}</underlyingSecurity>`;
  return `    <${tag}>${valueElement('securityTitle', r.title)}${valueElement('conversionOrExercisePrice', r.exercisePrice)}${transaction}${valueElement('exerciseDate', r.exerciseDate)}${valueElement('expirationDate', r.expirationDate)}${underlying}${tailXml(r)}</${tag}>`;
}

export function footnotesXml(footnotes: readonly (readonly [id: string, text: string])[]): string {
  return footnotes.map(([id, text]) => `    <footnote id="${id}">${xmlText(text)}</footnote>`).join('\n');
}

export function signatureXml(name: string, date: string | undefined): string {
  return `  <ownerSignature>${plainElement('signatureName', name)}${plainElement('signatureDate', date)}</ownerSignature>`;
}

/** An EDGAR full-submission text holding the document, as EDGAR serves it (`.txt`). */
export function fullSubmission(xml: string, accession = '0001234567-13-000001'): string {
  return [
    `<SEC-DOCUMENT>${accession}.txt : 20130807`,
    `<SEC-HEADER>${accession}.hdr.sgml : 20130807`,
    `ACCESSION NUMBER:\t\t${accession}`,
    'CONFORMED SUBMISSION TYPE:\t4',
    '</SEC-HEADER>',
    '<DOCUMENT>',
    '<TYPE>4',
    '<SEQUENCE>1',
    '<FILENAME>form4.xml',
    '<TEXT>',
    '<XML>',
    xml.trimEnd(),
    '</XML>',
    '</TEXT>',
    '</DOCUMENT>',
    '</SEC-DOCUMENT>',
    '',
  ].join('\n');
}
