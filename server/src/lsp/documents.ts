/**
 * One parse per document version, shared by every feature; one check per version and settings
 * generation. A document is read by the front end its name and content call for: a draft
 * (`*.form4`, `*.form4.md`, language `form4`), or EDGAR ownership XML (an `.xml` file whose root
 * is `ownershipDocument`, a `.txt` EDGAR submission holding one). Any other XML or text file is
 * recognised as none in microseconds (`sniffOwnership` looks at its first 64 KB) and gets
 * nothing: no parse, no diagnostics, no hover. Entries for closed documents are dropped.
 *
 * A large document (from `workerFrom` characters) is checked in the check worker
 * (`checkRunner.ts`), so that the main thread keeps answering hover, completion and formatting
 * from its own parse meanwhile; a small one is checked here, where a check costs less than the
 * trip to the worker and back.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Analysis,
  analyze,
  checkDocument,
  type CheckResult,
  type ParsedDraft,
  parseSource,
  type PriorHoldings,
  RULES,
  reparseDraft,
  type RuleSeverities,
  type SourceDocument,
  sniffOwnership,
} from '../service';
import type { CheckRunner } from './checkRunner';

/** A check's findings and how many holdings it could reconcile (for the status). */
export interface CheckOutcome {
  readonly result: CheckResult;
  readonly holdingsChecked: number;
}

/** A check under way in the worker, shared by everyone who asks for the same version and settings. */
interface Running {
  readonly generation: number;
  readonly fingerprint: string;
  readonly promise: Promise<CheckOutcome | undefined>;
  waiters: number;
  cancelled: boolean;
  cancel: () => void;
}

/**
 * One version of a document. Its parse is made when first asked for: a large document checked in
 * the worker is not parsed here until a feature (hover, symbols…) needs it, so opening it does
 * not hold up the main thread. An edit re-reads from the last parse made, however old.
 */
class Entry {
  private parsed: { source: SourceDocument | undefined; analysis: Analysis | undefined } | undefined;
  check?: { readonly generation: number; readonly fingerprint: string; readonly outcome: CheckOutcome };
  running?: Running;

  constructor(
    readonly version: number,
    readonly kind: 'draft' | 'xml' | undefined,
    private readonly text: string,
    private previous: SourceDocument | undefined,
  ) {}

  get source(): SourceDocument | undefined {
    return this.read().source;
  }

  get analysis(): Analysis | undefined {
    return this.read().analysis;
  }

  /** The last parse made of this document, this version's or an earlier one's. */
  get lastParse(): SourceDocument | undefined {
    return this.parsed ? this.parsed.source : this.previous;
  }

  read(): { source: SourceDocument | undefined; analysis: Analysis | undefined } {
    if (!this.parsed) {
      const { kind, text, previous } = this;
      // A draft typed in is re-read in proportion to the edit: the row typed in, the rest reused.
      const source = kind === 'draft' && previous?.kind === 'draft' ? reparseDraft(previous, text) : kind ? parseSource(kind, text) : undefined;
      this.parsed = { source, analysis: source ? analyze(source.filing) : undefined };
      this.previous = undefined;
    }
    return this.parsed;
  }
}

/**
 * What the earlier filings of the document's histories reported (`priorHoldingsFor`), with its
 * fingerprint (`priorFingerprint`): a check is kept for one version, settings and fingerprint.
 */
export interface CheckHistory {
  readonly prior: PriorHoldings | undefined;
  readonly fingerprint: string;
}

const NO_HISTORY: CheckHistory = { prior: undefined, fingerprint: '' };

/** The rules that need the history: the only ones run here after a check in the worker. */
const HISTORY_ONLY: RuleSeverities = Object.fromEntries(RULES.filter((r) => r.group !== 'Across filings').map((r) => [r.id, 'off' as const]));

/** What the caller's cancellation looks like (an LSP CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

const NOTHING: CheckOutcome = { result: { findings: [], failures: [] }, holdingsChecked: 0 };

/** Documents from this size (characters; about 2,000 rows of a draft) are checked in the worker. */
export const WORKER_FROM = 200_000;

/** The front end for a document, or undefined for one that is not a Form 4 source. */
export function kindOf(document: TextDocument): 'draft' | 'xml' | undefined {
  const uri = document.uri.toLowerCase();
  if (document.languageId === 'form4' || uri.endsWith('.form4') || uri.endsWith('.form4.md')) return 'draft';
  if (document.languageId === 'xml' || uri.endsWith('.xml') || uri.endsWith('.txt')) return sniffOwnership(document.getText()) ? 'xml' : undefined;
  return undefined;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  /** `runner`: the check worker, for documents from `workerFrom` characters; none checks all here. */
  constructor(
    private readonly runner?: CheckRunner,
    private readonly workerFrom = WORKER_FROM,
  ) {}

  /** The parse of the document's current version; `source` is undefined for a non-Form 4 file. */
  get(document: TextDocument): { source: SourceDocument | undefined; analysis: Analysis | undefined } {
    return this.entry(document).read();
  }

  private entry(document: TextDocument): Entry {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = new Entry(document.version, kindOf(document), document.getText(), entry?.lastParse);
      this.entries.set(document.uri, entry);
    }
    return entry;
  }

  /**
   * Whether a check of this document would wait for the worker: features that only decorate
   * their answer with findings (hover) must not wait behind a long check for them.
   */
  checksInWorker(document: TextDocument): boolean {
    return this.runner !== undefined && document.getText().length >= this.workerFrom;
  }

  /** The findings of the current version if its check has finished, without starting one. */
  finished(document: TextDocument): CheckOutcome | undefined {
    const entry = this.entries.get(document.uri);
    return entry && entry.version === document.version ? entry.check?.outcome : undefined;
  }

  /** The document's draft parse, for the features only drafts have (formatting, completion…). */
  draft(document: TextDocument): { parsed: ParsedDraft; analysis: Analysis } | undefined {
    const { source, analysis } = this.get(document);
    return source?.kind === 'draft' && analysis ? { parsed: source, analysis } : undefined;
  }

  /**
   * The findings of the document's current version under settings `generation` (none for a
   * file that is not a Form 4 source); undefined when the check was cancelled, by `token` or by a
   * newer version. A check cancelled part-way is not kept. The text is taken when this is
   * called: the result describes that version even if the document changes meanwhile.
   */
  async check(document: TextDocument, generation: number, rules: RuleSeverities, token?: Cancellation, history: CheckHistory = NO_HISTORY): Promise<CheckOutcome | undefined> {
    const entry = this.entry(document);
    if (!entry.kind) return NOTHING;
    const { fingerprint } = history;
    if (entry.check && entry.check.generation === generation && entry.check.fingerprint === fingerprint) return entry.check.outcome;
    if (token?.isCancellationRequested) return undefined;
    if (!this.runner || document.getText().length < this.workerFrom) return this.checkHere(entry, generation, rules, token, history);
    let running = entry.running;
    if (!running || running.generation !== generation || running.fingerprint !== fingerprint || running.cancelled) running = this.startInWorker(document, entry, generation, rules, history);
    const shared = running;
    shared.waiters++;
    // The job is cancelled when everyone who asked for it has cancelled.
    const listening = token?.onCancellationRequested(() => {
      if (--shared.waiters === 0) {
        shared.cancelled = true;
        shared.cancel();
      }
    });
    try {
      return await shared.promise;
    } finally {
      listening?.dispose();
    }
  }

  private checkHere(entry: Entry, generation: number, rules: RuleSeverities, token: Cancellation | undefined, history: CheckHistory): CheckOutcome | undefined {
    const { source, analysis } = entry.read();
    if (!source || !analysis) return NOTHING;
    // The entry's analysis: the holdings, pairs and footnote index that hover and inlay hints use too.
    const result = checkDocument(source, { rules, isCancelled: token ? () => token.isCancellationRequested : undefined, analysis, history: history.prior });
    if (token?.isCancellationRequested) return undefined;
    let holdingsChecked = 0;
    for (const step of analysis.holdings.steps.values()) if (step.expected !== undefined) holdingsChecked++;
    const outcome = { result, holdingsChecked };
    entry.check = { generation, fingerprint: history.fingerprint, outcome };
    return outcome;
  }

  /**
   * The findings of the rules across filings, on this thread: the prior holdings hold rows of
   * other files' models, which do not cross to the worker. They look at first rows only.
   */
  private historyFindings(entry: Entry, rules: RuleSeverities, prior: PriorHoldings): CheckResult {
    const { source, analysis } = entry.read();
    if (!source || !analysis) return { findings: [], failures: [] };
    return checkDocument(source, { rules: { ...rules, ...HISTORY_ONLY }, analysis, history: prior });
  }

  private startInWorker(document: TextDocument, entry: Entry, generation: number, rules: RuleSeverities, history: CheckHistory): Running {
    const runner = this.runner as CheckRunner;
    const kind = entry.kind as 'draft' | 'xml';
    let cancel = (): void => {};
    const job = runner.check(document.uri, kind, document.getText(), rules, (c) => (cancel = c));
    const running: Running = {
      generation,
      fingerprint: history.fingerprint,
      waiters: 0,
      cancelled: false,
      cancel: () => cancel(),
      promise: job.then((done) => {
        if (entry.running === running) entry.running = undefined;
        if (!done) return undefined;
        let result: CheckResult = { findings: done.findings, failures: done.failures };
        if (history.prior && history.prior.holdings.size > 0) {
          const across = this.historyFindings(entry, rules, history.prior);
          result = { findings: [...result.findings, ...across.findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)), failures: [...result.failures, ...across.failures] };
        }
        const outcome: CheckOutcome = { result, holdingsChecked: done.holdingsChecked };
        // Kept only while it describes the cached version (the entry is replaced on an edit).
        if (this.entries.get(document.uri) === entry) entry.check = { generation, fingerprint: history.fingerprint, outcome };
        return outcome;
      }),
    };
    entry.running = running;
    return running;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.runner?.forget(uri);
  }
}
