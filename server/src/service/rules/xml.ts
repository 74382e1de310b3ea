/**
 * What EDGAR ownership XML can get wrong and a draft cannot: its well-formedness, its root, the
 * SEC schema's structure, the lexical form of its values, its footnote ids, its lengths, an
 * amendment without its original's date, an owner listed twice. The XML front end
 * (`parse/xml/`) reports these while it reads; the rules of the model run on the filing it
 * builds, like on a draft's.
 */
import type { RuleDefinition } from './types';

const GROUP = 'EDGAR XML' as const;

export const xmlMalformed: RuleDefinition = {
  id: 'xml-malformed',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'The XML is not well formed: a tag not closed, an end tag that does not match, a bare `&`, a DOCTYPE or a processing instruction.',
  description:
    'EDGAR parses an ownership document as XML 1.0 and suspends one it cannot parse (Technical Specification §5): every start tag has its end tag, `&`, `<` and `>` in text are written `&amp;`, `&lt;`, `&gt;`, and only the five entities of XML exist (`&nbsp;` is HTML: write `&#160;`). A DOCTYPE, a stylesheet reference or any other processing instruction is suspended too. The checker reads on after each problem, so the rest of the filing is still checked; a DOCTYPE is never read and its entities are never expanded.',
  example: { draft: '<securityTitle><value>Common Stock</securityTitle>', message: 'The element <value> opened on line 1 has no end tag: </securityTitle> on line 1 closes it.' },
};

export const xmlRoot: RuleDefinition = {
  id: 'xml-root',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'The root element is not `ownershipDocument`, or the documentType is not 4 or 4/A.',
  description:
    'A Form 4 is an `<ownershipDocument>` whose `<documentType>` is `4`, or `4/A` for an amendment. A file named on the command line that holds another kind of XML, or a Form 3 or 5, is reported here; in the editor, an XML file whose root is not `ownershipDocument` is left alone.',
  example: { draft: '<html>…</html>', message: 'The root element is <html>, but an EDGAR ownership document (Form 4) is an <ownershipDocument>.' },
};

export const xmlSchema: RuleDefinition = {
  id: 'xml-schema',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'An element out of the order of the SEC schema, a required one missing, one the schema does not know, or one too many.',
  description:
    'EDGAR validates an ownership document against the SEC\'s schema (ownership4Document, X0508) and suspends one that does not conform: every element in the order of the schema (Technical Specification §2.1, §3.5), every required element there (a transaction\'s `securityTitle`, `transactionDate`, `transactionAmounts`, `postTransactionAmounts`, `ownershipNature`), no element the schema does not have, no more than it allows (10 reporting owners, 30 rows a table, 99 footnotes), a CIK of one to ten digits, a zip code of letters, digits, space, `#` and `-`, and a state or country code of Appendix A (`CA`, `A6` for Ontario; a state written by its name is reported with its code). The finding is on the element at fault, or on its parent for one that is missing.',
  example: { draft: '<issuer><issuerTradingSymbol>QLYS</issuerTradingSymbol><issuerCik>0001107843</issuerCik></issuer>', message: 'The element <issuerCik> is out of order in <issuer>: the schema puts it before <issuerTradingSymbol>.' },
};

export const xmlChoice: RuleDefinition = {
  id: 'xml-choice',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'A yes/no value that is not 1, 0, true or false, a transactionFormType that is not 4 or 5, or an early timeliness on a form type 4 transaction.',
  description:
    'Booleans are `1`/`true` or `0`/`false` and may not be blank (Technical Specification §3.2); a transaction of a Form 4 has transactionFormType 4, or 5 for a Form 5 transaction reported early, which is the printed form\'s V (timeliness E). Codes, (A)/(D) and the ownership form have their own rules (unknown-code, invalid-choice), the same for drafts and XML.',
  example: { draft: '<equitySwapInvolved>N</equitySwapInvolved>', message: 'The value of equitySwapInvolved is "N", but EDGAR\'s XML writes a no as 0 or false.' },
};

export const xmlDate: RuleDefinition = {
  id: 'xml-date',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'A date not written YYYY-MM-DD, or a date element left blank.',
  description:
    'EDGAR\'s XML writes dates as `2013-08-06` (Technical Specification §3.2); a date written as on paper (`08/06/2013`) is read so that the other checks run, and reported here. A blank date is suspended: leave the element out, or give a footnote where the schema allows one. A date that does not exist (2024-02-30) is an invalid-date.',
  example: { draft: '<transactionDate><value>08/06/2013</value></transactionDate>', message: 'The transactionDate "08/06/2013" is written as on paper. EDGAR\'s XML writes dates YYYY-MM-DD.' },
};

export const xmlDecimal: RuleDefinition = {
  id: 'xml-decimal',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'A number with `,` or `$`, with more than 4 decimals, over 999,999,999,999.9999, or left blank.',
  description:
    'EDGAR\'s decimals are digits and a period only: no thousands separator, no `$`, no sign, at most four decimals, at most 999,999,999,999.9999 (Technical Specification §3.2, POSITIVE_DECIMAL). A number written as on paper (`10,000`, `$4.10`) is read so that the other checks run, and reported here; a blank one is suspended (give a footnote instead, where the schema allows it). Text that is no number at all is an invalid-number.',
  example: { draft: '<transactionShares><value>10,000</value></transactionShares>', message: 'The amount "10,000" is written as on paper. EDGAR\'s XML takes digits and a period only: write 10000.' },
};

export const xmlFootnoteId: RuleDefinition = {
  id: 'xml-footnote-id',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'A footnote id or reference that is not `F1` … `F99`.',
  description:
    'Footnote ids are a capital F and a number from 1 to 99, without a leading zero: `F1`, `F2`, `F88` (Technical Specification §4.3.5). EDGAR suspends `f3`, `1`, `(5)` and `F01`. The number is still read, so that references and footnotes are matched and checked.',
  example: { draft: '<footnoteId id="F01"/>', message: 'The footnote id "F01" is not F1 to F99: EDGAR suspends a filing with any other form ("F01", "f3", "1").' },
};

export const xmlLength: RuleDefinition = {
  id: 'xml-length',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'A text longer than EDGAR stores: a title over 60 characters, a nature over 100, an officer title over 30, an address part over its limit.',
  description:
    'The schema limits each text (Technical Specification §3.5): a security title 60 characters, the nature of ownership 100, the officer title and the other text 30, the issuer and owner names 150, the trading symbol 10, a street 40, the city 30, the zip code 10, the signature name 255, counted in characters as XML counts them (an emoji is one). EDGAR suspends a longer one. Footnotes (1,000 characters) and remarks (2,000) have the footnote-limits rule, for drafts too.',
  example: { draft: '<officerTitle>Executive Vice President, Worldwide Field Operations</officerTitle>', message: 'The officerTitle has 48 characters, and EDGAR stores at most 30.' },
};

export const xmlAmendment: RuleDefinition = {
  id: 'xml-amendment',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'A documentType of 4/A without dateOfOriginalSubmission, or of 4 with one.',
  description:
    'An amendment (documentType `4/A`) gives the date the original Form 4 was filed (`dateOfOriginalSubmission`, box 4 of the printed form); the schema of a 4/A requires it and that of a 4 does not have it. A draft is a 4/A exactly when box 4 has a date, so only XML can disagree with itself here.',
  example: { draft: '<documentType>4/A</documentType>\n<periodOfReport>2013-08-06</periodOfReport>', message: 'The documentType is 4/A but there is no dateOfOriginalSubmission. An amendment gives the date the original was filed.' },
};

export const xmlOwnerCik: RuleDefinition = {
  id: 'xml-owner-cik',
  group: GROUP,
  defaultSeverity: 'error',
  source: 'xml',
  summary: 'Two reporting owners with the same CIK.',
  description:
    'Each reporting owner is listed once: a duplicate reporting owner CIK is suspended (Technical Specification §4.3.2, §5). CIKs are compared without their leading zeros (0001107843 is 1107843).',
  example: { draft: '<rptOwnerCik>0001234567</rptOwnerCik> … <rptOwnerCik>1234567</rptOwnerCik>', message: 'The reporting owner with CIK 1234567 is listed twice, and EDGAR suspends a filing that names an owner more than once (Technical Specification §4.3).' },
};
