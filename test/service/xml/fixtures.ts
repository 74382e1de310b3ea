/**
 * XML written for these tests (never copied from the corpus): a small Form 4 ownership document
 * with the features the reader must keep exact (declaration, attributes, entities, CDATA, a
 * comment, empty elements), and a generator of large documents for the speed tests.
 */
import { elementsOf, type XmlElement, type XmlTree } from '../../../server/src/service/parse/xml/xmlTree';

export const FORM4_XML = `<?xml version="1.0" encoding="UTF-8"?>
<ownershipDocument>
    <schemaVersion>X0508</schemaVersion>
    <documentType>4</documentType>
    <periodOfReport>2024-03-15</periodOfReport>
    <issuer>
        <issuerCik>0000012345</issuerCik>
        <issuerName>Smith &amp; Wesson Example Corp</issuerName>
        <issuerTradingSymbol>SWEX</issuerTradingSymbol>
    </issuer>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0000067890</rptOwnerCik>
            <rptOwnerName>Doe Jane</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerRelationship>
            <isOfficer>1</isOfficer>
            <officerTitle>Chief &quot;Everything&quot; Officer</officerTitle>
        </reportingOwnerRelationship>
    </reportingOwner>
    <aff10b5One>0</aff10b5One>
    <nonDerivativeTable>
        <nonDerivativeTransaction>
            <securityTitle>
                <value>Common Stock</value>
            </securityTitle>
            <transactionDate>
                <value>2024-03-15</value>
            </transactionDate>
            <transactionCoding>
                <transactionFormType>4</transactionFormType>
                <transactionCode>S</transactionCode>
                <equitySwapInvolved>0</equitySwapInvolved>
            </transactionCoding>
            <transactionAmounts>
                <transactionShares>
                    <value>1000</value>
                </transactionShares>
                <transactionPricePerShare>
                    <value>12.34</value>
                    <footnoteId id="F1"/>
                </transactionPricePerShare>
                <transactionAcquiredDisposedCode>
                    <value>D</value>
                </transactionAcquiredDisposedCode>
            </transactionAmounts>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction>
                    <value>9000</value>
                </sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature>
                <directOrIndirectOwnership>
                    <value>D</value>
                </directOrIndirectOwnership>
            </ownershipNature>
        </nonDerivativeTransaction>
    </nonDerivativeTable>
    <!-- the weighted average -->
    <footnotes>
        <footnote id="F1">Weighted average price; prices ranged from $12.00 to $12.60 &lt;inclusive&gt;.</footnote>
    </footnotes>
    <remarks><![CDATA[Filed <late> & sorry]]></remarks>
    <ownerSignature>
        <signatureName>/s/ Jane Doe</signatureName>
        <signatureDate>2024-03-18</signatureDate>
    </ownerSignature>
</ownershipDocument>
`;

/** One compact row shaped like Table I's (not schema-valid: the wrappers are left out), 266 characters. */
const TRANSACTION_BLOCK =
  '<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>' +
  '<transactionDate><value>2024-03-15</value></transactionDate><transactionCode>S</transactionCode>' +
  '<transactionShares><value>1000</value></transactionShares></nonDerivativeTransaction>\n';

/** An ownership document with `rows` repeated `<nonDerivativeTransaction>` blocks (20,000: 5.3 MB). */
export function largeOwnershipXml(rows: number): string {
  return `<?xml version="1.0"?>\n<ownershipDocument>\n<nonDerivativeTable>\n${TRANSACTION_BLOCK.repeat(rows)}</nonDerivativeTable>\n</ownershipDocument>\n`;
}

/** The elements of a tree, in document order. */
export function allElements(tree: XmlTree): XmlElement[] {
  return tree.root ? [...elementsOf(tree.root)] : [];
}

/** The first element with this local name, anywhere in the tree. */
export function find(tree: XmlTree, localName: string): XmlElement {
  const found = allElements(tree).find((e) => e.localName === localName);
  if (!found) throw new Error(`no <${localName}> in the tree`);
  return found;
}
