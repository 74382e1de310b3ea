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
