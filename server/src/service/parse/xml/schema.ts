/**
 * The structure of a Form 4 ownership document as the SEC's schema X0508 defines it
 * (`ownership4Document.X0508.xsd.xml` and its common types): which children each element has,
 * in which order, how many times. The XML front end checks every element against it and
 * reports an element out of order, a required one missing, one the schema does not know, one
 * too many (`xml-schema`), each at the element, in words. Leaf values (dates, decimals, choice
 * lists, lengths) are checked by the reader where it reads them.
 *
 * A particle is a name (or a choice of names) with its minimum and maximum occurrences. The
 * schema is deterministic, so a greedy walk over the children matches it exactly.
 */
export interface Particle {
  readonly names: readonly string[];
  readonly min: number;
  readonly max: number;
}

function one(...names: string[]): Particle {
  return { names, min: 1, max: 1 };
}
function optional(...names: string[]): Particle {
  return { names, min: 0, max: 1 };
}
function many(min: number, max: number, ...names: string[]): Particle {
  return { names, min, max };
}

const FOOTNOTES = many(0, 99, 'footnoteId');
/** value, footnoteId*: NUMBER_WITH_FOOTNOTE, DATE_WITH_FOOTNOTE, SECURITY_TITLE, ACQ_DISP_CODE, OWNERSHIP_TYPE, INDIRECT_NATURE. */
const VALUE = [one('value'), FOOTNOTES];
/** (value | footnoteId), footnoteId*: OPT_NUMBER_WITH_FOOTNOTE, OPT_DATE_WITH_FOOTNOTE (cm(8)). */
const VALUE_OR_FOOTNOTE = [one('value', 'footnoteId'), FOOTNOTES];
/** value?, footnoteId*: DATE_AND_OR_FOOTNOTE, TRANSACTION_TIMELINESS. */
const OPTIONAL_VALUE = [optional('value'), FOOTNOTES];

/** Content models by element name; `parent/name` where the same name differs by its parent. */
const MODELS: Readonly<Record<string, readonly Particle[]>> = {
  ownershipDocument: [
    optional('schemaVersion'),
    one('documentType'),
    one('periodOfReport'),
    // Required in a 4/A and absent from a 4; `xml-amendment` says which.
    optional('dateOfOriginalSubmission'),
    optional('notSubjectToSection16'),
    one('issuer'),
    many(1, 10, 'reportingOwner'),
    optional('aff10b5One'),
    optional('nonDerivativeTable'),
    optional('derivativeTable'),
    optional('footnotes'),
    optional('remarks'),
    many(1, 10, 'ownerSignature'),
  ],
  issuer: [one('issuerCik'), optional('issuerName'), one('issuerTradingSymbol')],
  reportingOwner: [one('reportingOwnerId'), optional('reportingOwnerAddress'), one('reportingOwnerRelationship')],
  reportingOwnerId: [one('rptOwnerCik'), optional('rptOwnerCcc'), optional('rptOwnerName')],
  reportingOwnerAddress: [
    optional('rptOwnerStreet1'),
    optional('rptOwnerStreet2'),
    optional('rptOwnerCity'),
    optional('rptOwnerState'),
    optional('rptOwnerZipCode'),
    optional('rptOwnerStateDescription'),
    optional('rptOwnerGoodAddress'),
  ],
  reportingOwnerRelationship: [
    optional('isDirector'),
    optional('isOfficer'),
    optional('isTenPercentOwner'),
    optional('isOther'),
    optional('officerTitle'),
    optional('otherText'),
  ],
  nonDerivativeTable: [many(0, 30, 'nonDerivativeTransaction', 'nonDerivativeHolding')],
  derivativeTable: [many(0, 30, 'derivativeTransaction', 'derivativeHolding')],
  nonDerivativeTransaction: [
    one('securityTitle'),
    one('transactionDate'),
    optional('deemedExecutionDate'),
    optional('transactionCoding'),
    optional('transactionTimeliness'),
    one('transactionAmounts'),
    one('postTransactionAmounts'),
    one('ownershipNature'),
  ],
  derivativeTransaction: [
    one('securityTitle'),
    one('conversionOrExercisePrice'),
    one('transactionDate'),
    optional('deemedExecutionDate'),
    optional('transactionCoding'),
    optional('transactionTimeliness'),
    one('transactionAmounts'),
    one('exerciseDate'),
    one('expirationDate'),
    one('underlyingSecurity'),
    one('postTransactionAmounts'),
    one('ownershipNature'),
  ],
  nonDerivativeHolding: [one('securityTitle'), one('postTransactionAmounts'), one('ownershipNature')],
  derivativeHolding: [
    one('securityTitle'),
    one('conversionOrExercisePrice'),
    one('exerciseDate'),
    one('expirationDate'),
    one('underlyingSecurity'),
    one('postTransactionAmounts'),
    one('ownershipNature'),
  ],
  transactionCoding: [one('transactionFormType'), one('transactionCode'), one('equitySwapInvolved'), FOOTNOTES],
  transactionTimeliness: OPTIONAL_VALUE,
  'nonDerivativeTransaction/transactionAmounts': [one('transactionShares'), one('transactionPricePerShare'), one('transactionAcquiredDisposedCode')],
  'derivativeTransaction/transactionAmounts': [one('transactionShares', 'transactionTotalValue'), one('transactionPricePerShare'), one('transactionAcquiredDisposedCode')],
  postTransactionAmounts: [one('sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction')],
  ownershipNature: [one('directOrIndirectOwnership'), optional('natureOfOwnership')],
  underlyingSecurity: [one('underlyingSecurityTitle'), optional('underlyingSecurityShares', 'underlyingSecurityValue')],
  securityTitle: VALUE,
  underlyingSecurityTitle: VALUE,
  transactionDate: VALUE,
  deemedExecutionDate: OPTIONAL_VALUE,
  transactionShares: VALUE,
  transactionTotalValue: VALUE,
  sharesOwnedFollowingTransaction: VALUE,
  valueOwnedFollowingTransaction: VALUE,
  transactionAcquiredDisposedCode: VALUE,
  directOrIndirectOwnership: VALUE,
  natureOfOwnership: VALUE,
  transactionPricePerShare: VALUE_OR_FOOTNOTE,
  conversionOrExercisePrice: VALUE_OR_FOOTNOTE,
  underlyingSecurityShares: VALUE_OR_FOOTNOTE,
  underlyingSecurityValue: VALUE_OR_FOOTNOTE,
  exerciseDate: VALUE_OR_FOOTNOTE,
  expirationDate: VALUE_OR_FOOTNOTE,
  footnotes: [many(0, 99, 'footnote')],
  ownerSignature: [one('signatureName'), one('signatureDate')],
};

/** The content model of an element, or undefined for a leaf (text only, no children). */
export function contentModel(parent: string | undefined, name: string): readonly Particle[] | undefined {
  return (parent !== undefined ? MODELS[`${parent}/${name}`] : undefined) ?? MODELS[name];
}

/** Whether the schema knows the element at all (as a leaf or with children). */
export function isKnownElement(name: string): boolean {
  return KNOWN.has(name);
}

const KNOWN = new Set<string>();
for (const [key, particles] of Object.entries(MODELS)) {
  KNOWN.add(key.includes('/') ? key.slice(key.indexOf('/') + 1) : key);
  for (const p of particles) for (const n of p.names) KNOWN.add(n);
}

export interface StructureIssue {
  readonly kind: 'order' | 'missing' | 'unknown' | 'extra';
  /** The child at fault (order, unknown, extra); undefined for a missing one. */
  readonly child?: number;
  readonly message: string;
}

function list(names: readonly string[]): string {
  return names.map((n) => `<${n}>`).join(' or ');
}

/** Matches an element's children (their local names, in order) against its content model. */
export function matchContent(element: string, particles: readonly Particle[], children: readonly string[]): StructureIssue[] {
  const issues: StructureIssue[] = [];
  let i = 0;
  for (let p = 0; p < particles.length; p++) {
    const particle = particles[p] as Particle;
    let count = 0;
    while (i < children.length) {
      const name = children[i] as string;
      if (particle.names.includes(name)) {
        // Full: a later particle that takes the name takes it (`<value>` then `<footnoteId>`).
        if (count === particle.max && particles.slice(p + 1).some((q) => q.names.includes(name))) break;
        count++;
        if (count > particle.max) issues.push({ kind: 'extra', child: i, message: `The element <${element}> holds at most ${particle.max} ${list(particle.names)}; this one is too many` });
        i++;
        continue;
      }
      // A child the schema places earlier, or not at all: report it and read on.
      if (particles.slice(p + 1).some((q) => q.names.includes(name))) break;
      const earlier = particles.slice(0, p).find((q) => q.names.includes(name));
      if (earlier) issues.push({ kind: 'order', child: i, message: `The element <${name}> is out of order in <${element}>: the schema puts it before ${list(particle.names)}` });
      else if (isKnownElement(name)) issues.push({ kind: 'unknown', child: i, message: `The element <${name}> does not belong in <${element}>` });
      else issues.push({ kind: 'unknown', child: i, message: `The element <${name}> is not in EDGAR's ownership schema (X0508)` });
      i++;
    }
    // Missing, unless it is there out of order (reported as such).
    if (count < particle.min && !children.some((c) => particle.names.includes(c))) {
      issues.push({ kind: 'missing', message: `The element <${element}> has no ${list(particle.names)}, which the schema requires` });
    }
  }
  for (; i < children.length; i++) {
    const name = children[i] as string;
    issues.push({ kind: isKnownElement(name) ? 'order' : 'unknown', child: i, message: isKnownElement(name) ? `The element <${name}> is out of order in <${element}>` : `The element <${name}> is not in EDGAR's ownership schema (X0508)` });
  }
  return issues;
}
