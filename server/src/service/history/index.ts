/**
 * The filing history: an insider's filings for one issuer, read together (`filings.ts`), what
 * they reported per holding (`holdings.ts`), and the next draft started from the last filing
 * (`nextDraft.ts`). The history-mismatch rule (`rules/history.ts`) checks a filing against it.
 */
export {
  buildHistories,
  cikKey,
  compareFilings,
  describeFiling,
  earliestDate,
  type FilingHistory,
  filingDate,
  historiesOf,
  historyFiling,
  type HistoryFiling,
  nameKey,
} from './filings';
export {
  historyBalances,
  historyKey,
  type HoldingBalances,
  holdingsBefore,
  mergePriorHoldings,
  type PriorHoldings,
  priorHoldingsFor,
  type ReportedHolding,
  reportsOf,
  sameFiling,
  unmentionedHoldings,
} from './holdings';
export { nextDraft, type NextDraftOptions } from './nextDraft';
