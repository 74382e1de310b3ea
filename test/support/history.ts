/**
 * Test support for filing histories: an insider's filings written from their facts (EDGAR XML
 * of any form, with the XML writers of `xml.ts`), and a folder of them checked as the hosts
 * check it: every file read, the histories built, each file checked with the holdings before it.
 */
import { checkDocument } from '../../server/src/service/check';
import { parseSource, sourceKindOf } from '../../server/src/service/document';
import { buildHistories, type FilingHistory, historyFiling, type HistoryFiling, priorHoldingsFor } from '../../server/src/service/history';
import type { Finding } from '../../server/src/service/rules/types';
import { issuerXml, nonDerivativeXml, derivativeXml, footnotesXml, ownerXml, ownershipXml, type OwnerXml, type RowXml, signatureXml } from './xml';

export const WILSON: OwnerXml = {
  cik: '0001234567',
  name: 'Wilson John N',
  street1: 'C/O QUALYS, INC.',
  street2: '1600 BRIDGE PARKWAY',
  city: 'REDWOOD CITY',
  state: 'CA',
  zipCode: '94065',
  director: false,
  officer: true,
  tenPercentOwner: false,
  other: false,
  officerTitle: 'EVP, Worldwide Field Ops',
};

export const QUALYS = issuerXml('0001107843', 'QUALYS, INC.', 'QLYS');

export interface FormFacts {
  /** documentType: 3, 3/A, 4, 4/A, 5, 5/A (default 4). */
  readonly form?: string;
  /** periodOfReport, YYYY-MM-DD. */
  readonly period: string;
  /** The signature date, YYYY-MM-DD. */
  readonly signed: string;
  /** dateOfOriginalSubmission, for an amendment. */
  readonly original?: string;
  readonly owners?: readonly OwnerXml[];
  readonly issuer?: string;
  readonly tableI?: readonly RowXml[];
  readonly tableII?: readonly RowXml[];
  readonly footnotes?: readonly (readonly [string, string])[];
}

/** An ownership document of any form from its facts. */
export function formXml(f: FormFacts): string {
  return ownershipXml({
    documentType: f.form ?? '4',
    header: `  <periodOfReport>${f.period}</periodOfReport>${f.original ? `\n  <dateOfOriginalSubmission>${f.original}</dateOfOriginalSubmission>` : ''}`,
    issuer: f.issuer ?? QUALYS,
    owners: (f.owners ?? [WILSON]).map(ownerXml).join('\n'),
    tableI: (f.tableI ?? []).map(nonDerivativeXml).join('\n'),
    tableII: (f.tableII ?? []).map(derivativeXml).join('\n'),
    footnotes: footnotesXml(f.footnotes ?? []),
    signatures: signatureXml('/s/ John N. Wilson', f.signed),
  });
}

/** A Table I transaction of Common Stock held directly. */
export function trade(code: string, date: string, shares: string, direction: 'A' | 'D', owned: string, more: Partial<RowXml> = {}): RowXml {
  return { title: 'Common Stock', date, coding: { code, formType: more.coding?.formType ?? '4' }, shares, price: code === 'G' ? '0' : '18.00', acquiredDisposed: direction, owned, ownership: 'D', ...more };
}

/** A Table I holding of Common Stock (direct unless a nature is given). */
export function holding(owned: string, nature?: string): RowXml {
  return nature ? { holding: true, title: 'Common Stock', owned, ownership: 'I', nature } : { holding: true, title: 'Common Stock', owned, ownership: 'D' };
}

/** The files of a folder, by name, read as the hosts read them. */
export function readFolder(files: Readonly<Record<string, string>>): { filings: HistoryFiling[]; histories: FilingHistory[] } {
  const filings: HistoryFiling[] = [];
  for (const [uri, text] of Object.entries(files)) {
    const kind = sourceKindOf(uri, text);
    if (!kind) continue;
    const filing = historyFiling(uri, parseSource(kind, text));
    if (filing) filings.push(filing);
  }
  return { filings, histories: buildHistories(filings) };
}

/** The findings of one file of a folder, checked with the holdings before it in its histories. */
export function checkInFolder(files: Readonly<Record<string, string>>, uri: string, rule?: string): Finding[] {
  const { histories } = readFolder(files);
  const text = files[uri];
  if (text === undefined) throw new Error(`no file ${uri}`);
  const kind = sourceKindOf(uri, text);
  if (!kind) throw new Error(`${uri} is not a filing`);
  const result = checkDocument(parseSource(kind, text), { history: priorHoldingsFor(histories, uri) });
  if (result.failures.length > 0) throw new Error(`rules failed: ${result.failures.map((f) => `${f.rule}: ${String(f.error)}`).join('; ')}`);
  return result.findings.filter((f) => rule === undefined || f.rule === rule);
}
