/**
 * Test support: the robustness properties of the language service, as functions that return
 * every way an input breaks them (an empty list when it breaks none). The property tests
 * (test/service/robustness.property.test.ts) and `npm run fuzz` (test/fuzz/fuzz.ts) run the same
 * functions, so that a failure the fuzz finds is one the tests can state.
 *
 * On a draft:
 * - no call throws (parse, check, formatting, quick fixes, fix-all, hover, completion, inlay
 *   hints, symbols, folding, footnote navigation), no rule fails, and no call takes over a second;
 * - every span returned (findings, related locations, edits, hovers, completions, hints,
 *   symbols, folding) lies inside the text;
 * - formatting is idempotent and keeps every character that is not a space (separator dashes aside);
 * - applying an offered quick fix removes the finding it targets and adds no error-level finding,
 *   but those `FIX_REVEALS` names (each with a test of its own);
 * - fix-all adds no error-level finding and converges in one or two passes (its last pass
 *   finds nothing more to fix);
 * and on a holdings chain whose amounts owned all follow from a wrong one, the one fix of the
 * wrong row carries through the rows after it and leaves the draft clean again.
 * On ownership XML: no call throws or takes over a second, every span lies inside the text, and
 * quick fixes and fix-all apply.
 */
import { performance } from 'node:perf_hooks';
import { type Analysis, analyze } from '../../server/src/service/analysis/analysis';
import { checkDocument, type CheckResult } from '../../server/src/service/check';
import { fixAll } from '../../server/src/service/features/codeActions';
import { completionsAt } from '../../server/src/service/features/completion';
import { foldingRanges } from '../../server/src/service/features/folding';
import { definitionAt, prepareRename, referencesAt } from '../../server/src/service/features/footnoteNavigation';
import { formatDraft } from '../../server/src/service/features/formatting';
import { hoverAt } from '../../server/src/service/features/hover';
import { hoverInFiling } from '../../server/src/service/features/hoverXml';
import { inlayHints } from '../../server/src/service/features/inlayHints';
import { documentSymbols, type DraftSymbol } from '../../server/src/service/features/symbols';
import { dayNumber } from '../../server/src/service/model/calendarDate';
import { decimal, formatDecimal } from '../../server/src/service/model/decimal';
import type { TableRow } from '../../server/src/service/model/filing';
import { parseDraft, type ParsedDraft } from '../../server/src/service/parse/draft/parser';
import { parseOwnershipXml } from '../../server/src/service/parse/xml/reader';
import type { Finding, TextEdit } from '../../server/src/service/rules/types';
import { applyEdits, offsetIn } from '../../server/src/service/text/edits';
import { type SourceLine, splitLines } from '../../server/src/service/text/lines';
import { columnOf, lineOf, type Pos, pos, type Span } from '../../server/src/service/text/position';
import type { FuzzCase } from './fuzzInputs';
import { generateDraft } from './generate';

export interface Failure {
  /** What broke, e.g. `throw:hover`, `fix-kept:holdings-mismatch`, `format-characters`. */
  readonly kind: string;
  readonly detail: string;
}

export interface PropertyOptions {
  /** A call slower than this is a failure. Default 1,000 ms. */
  readonly slowMs?: number;
  /** Quick fixes applied per case (from `fixPick` on). Default 4. */
  readonly maxFixes?: number;
}

/**
 * Errors a quick fix may add because the error it fixed was hiding them, or because the fix is
 * meant to leave something to write. Each pair has a test of its own in
 * test/service/robustness.property.test.ts that shows the case.
 */
export const FIX_REVEALS: readonly { readonly fixed: string; readonly added: string; readonly why: string }[] = [
  { fixed: 'footnote-undefined', added: 'footnote-empty', why: 'the fix writes a stub footnote for the drafter to complete; footnote-empty keeps it from being filed empty' },
  { fixed: 'earliest-date', added: 'amendment-date', why: 'box 4 dates the original before the transactions it reports; box 3, wrong, made it look later' },
];

function revealed(fixed: string, added: string): boolean {
  return FIX_REVEALS.some((r) => r.fixed === fixed && r.added === added);
}

class Recorder {
  readonly failures: Failure[] = [];

  constructor(private readonly slowMs: number) {}

  fail(kind: string, detail: string): void {
    this.failures.push({ kind, detail });
  }

  /**
   * Runs one call of the service: its exception or its slowness is a failure. Slowness is CPU
   * time (the process's, which is this thread's while it runs a call): on a machine shared with
   * other work, the wall clock of a call says more about the machine than about the call.
   */
  call<T>(api: string, f: () => T): T | undefined {
    const start = process.cpuUsage();
    const wall = performance.now();
    try {
      const result = f();
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      if (ms > this.slowMs) this.fail(`slow:${api}`, `${Math.round(ms)} ms of CPU (${Math.round(performance.now() - wall)} ms on the clock)`);
      return result;
    } catch (error) {
      this.fail(`throw:${api}`, error instanceof Error ? (error.stack ?? error.message).slice(0, 600) : String(error));
      return undefined;
    }
  }
}

// ---- positions ---------------------------------------------------------------------------------

/** Whether a position is inside the text: an existing line, a column at most its length. */
function inside(lines: readonly SourceLine[], p: Pos): boolean {
  const line = lines[lineOf(p)];
  return Number.isInteger(p) && p >= 0 && line !== undefined && columnOf(p) <= line.text.length;
}

function checkSpan(r: Recorder, lines: readonly SourceLine[], what: string, s: Span | undefined): void {
  if (!s) return;
  if (!inside(lines, s.start) || !inside(lines, s.end) || s.start > s.end) {
    r.fail(`range:${what}`, `${lineOf(s.start)}:${columnOf(s.start)}-${lineOf(s.end)}:${columnOf(s.end)} in ${lines.length} lines`);
  }
}

/** The position of an offset. */
function positionAt(lines: readonly SourceLine[], offset: number): Pos {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lines[mid]?.offset ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  return pos(lo, Math.min(offset - (line?.offset ?? 0), line?.text.length ?? 0));
}

/** Where a position of `text` is after `edits`: shifted by the edits before it, at the start of one around it. */
function mapPosition(text: string, lines: readonly SourceLine[], edits: readonly TextEdit[], after: readonly SourceLine[], p: Pos): Pos {
  const offset = offsetIn(text, lines, p);
  let delta = 0;
  let moved = offset;
  for (const e of edits) {
    const start = offsetIn(text, lines, e.span.start);
    const end = offsetIn(text, lines, e.span.end);
    if (end <= offset && !(start === end && start === offset)) delta += e.newText.length - (end - start);
    else if (start < offset && offset < end) moved = start;
  }
  return positionAt(after, (moved === offset ? offset : moved) + delta);
}

// ---- drafts ------------------------------------------------------------------------------------

/** The text's characters that formatting must keep: all but white space, and but the dashes of separator rows. */
export function keptCharacters(text: string): string {
  return splitLines(text)
    // A separator row: only white space, pipes, colons and dashes, with a dash and a pipe. Tested
    // with a regular expression that cannot backtrack (the one before was quadratic: a megabyte
    // line of tabs took two minutes, and the fuzz counted it as a hang of the service).
    .map((l) => (/^[\s|:-]*$/.test(l.text) && l.text.includes('-') && l.text.includes('|') ? l.text.replace(/-/g, '') : l.text))
    .join('')
    .replace(/\s+/g, '');
}

function errorsOf(result: CheckResult): Finding[] {
  return result.findings.filter((f) => f.severity === 'error');
}

function describe(f: Finding): string {
  return `${f.rule} at ${lineOf(f.span.start) + 1}:${columnOf(f.span.start) + 1}: ${f.message}`;
}

function checkFindingSpans(r: Recorder, lines: readonly SourceLine[], findings: readonly Finding[]): void {
  for (const f of findings) {
    checkSpan(r, lines, `finding:${f.rule}`, f.span);
    for (const rel of f.related) checkSpan(r, lines, `related:${f.rule}`, rel.span);
    for (const fix of f.fixes) for (const e of fix.edits) checkSpan(r, lines, `fix:${f.rule}`, e.span);
  }
}

function checkSymbols(r: Recorder, lines: readonly SourceLine[], symbols: readonly DraftSymbol[]): void {
  for (const s of symbols) {
    checkSpan(r, lines, 'symbol', s.span);
    checkSpan(r, lines, 'symbol-selection', s.selectionSpan);
    if (s.selectionSpan.start < s.span.start || s.selectionSpan.end > s.span.end) r.fail('range:symbol-selection', `${s.name}: selection outside its symbol`);
    checkSymbols(r, lines, s.children);
  }
}

/** The positions to probe: the fractions of the text, and one past the end of a line. */
function probePositions(text: string, lines: readonly SourceLine[], probes: readonly number[]): Pos[] {
  const at = probes.map((f) => positionAt(lines, Math.min(text.length, Math.floor(f * (text.length + 1)))));
  const first = at[0] ?? 0;
  return [...at, pos(lineOf(first), columnOf(first) + 1000), pos(lines.length + 2, 0)];
}

function positionFeatures(r: Recorder, draft: ParsedDraft, analysis: Analysis, lines: readonly SourceLine[], positions: readonly Pos[]): void {
  for (const p of positions) {
    const hover = r.call('hover', () => hoverAt(draft, analysis, p));
    checkSpan(r, lines, 'hover', hover?.span);
    for (const c of r.call('completion', () => completionsAt(draft, analysis, p)) ?? []) checkSpan(r, lines, 'completion', c.span);
    for (const s of r.call('definition', () => definitionAt(draft, analysis, p)) ?? []) checkSpan(r, lines, 'definition', s);
    for (const s of r.call('references', () => referencesAt(draft, analysis, p, true)) ?? []) checkSpan(r, lines, 'references', s);
    const rename = r.call('prepareRename', () => prepareRename(draft, analysis, p));
    if (rename && 'span' in rename) checkSpan(r, lines, 'prepareRename', rename.span);
  }
  for (const h of r.call('inlayHints', () => inlayHints(draft.filing, analysis)) ?? []) checkSpan(r, lines, 'inlayHint', { start: h.position, end: h.position });
  checkSymbols(r, lines, r.call('symbols', () => documentSymbols(draft)) ?? []);
  for (const f of r.call('folding', () => foldingRanges(draft)) ?? []) {
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.length)) r.fail('range:folding', `${f.startLine}-${f.endLine} in ${lines.length} lines`);
  }
}

function formatting(r: Recorder, draft: ParsedDraft, text: string, lines: readonly SourceLine[]): void {
  const edits = r.call('format', () => formatDraft(draft));
  // No edit: the draft is its own formatting, and formatting it again is the same call.
  if (!edits || edits.length === 0) return;
  for (const e of edits) checkSpan(r, lines, 'format', e.span);
  const formatted = r.call('applyEdits:format', () => applyEdits(text, edits));
  if (formatted === undefined) return;
  if (keptCharacters(formatted) !== keptCharacters(text)) r.fail('format-characters', 'formatting changed a character that is not a space');
  const again = r.call('format', () => formatDraft(parseDraft(formatted)));
  if (again && again.length > 0) {
    const twice = applyEdits(formatted, again);
    if (twice !== formatted) r.fail('format-idempotent', `formatting the formatted draft changes line ${lineOf(again[0]?.span.start ?? 0) + 1} again`);
  }
}

type Source = 'draft' | 'xml';

function parseKind(kind: Source, text: string): ParsedDraft | ReturnType<typeof parseOwnershipXml> {
  return kind === 'xml' ? parseOwnershipXml(text) : parseDraft(text);
}

/** Applies quick fixes (from `fixPick` on, `maxFixes` of them) and re-checks each result. */
function quickFixProperties(r: Recorder, kind: Source, text: string, lines: readonly SourceLine[], result: CheckResult, fixPick: number, maxFixes: number): void {
  const offered = result.findings.flatMap((finding) => finding.fixes.map((fix) => ({ finding, fix })));
  const prefix = kind === 'xml' ? 'xml:' : '';
  const count = Math.min(maxFixes, offered.length);
  for (let k = 0; k < count; k++) {
    const { finding, fix } = offered[(fixPick + k) % offered.length] ?? (offered[0] as (typeof offered)[number]);
    const fixedText = r.call(`applyEdits:fix:${finding.rule}`, () => applyEdits(text, fix.edits));
    if (fixedText === undefined) continue;
    const after = r.call('check', () => checkDocument(parseKind(kind, fixedText)));
    if (!after) continue;
    const afterLines = splitLines(fixedText);
    const map = (p: Pos): Pos => mapPosition(text, lines, fix.edits, afterLines, p);
    const target = map(finding.span.start);
    const key = (f: Finding): string => `${f.rule}|${f.message}`;
    // The finding is gone when none of its rule stands where it was, or fewer of its very message
    // remain (two identical footnotes: removing one leaves the other at the same place). Where
    // the fix deleted the finding's text, what stands there now is what followed it: only the
    // same message counts.
    const deleted = fix.edits.some((e) => e.newText === '' && e.span.start <= finding.span.start && finding.span.end <= e.span.end);
    const sameBefore = result.findings.filter((f) => key(f) === key(finding)).length;
    const sameAfter = after.findings.filter((f) => key(f) === key(finding)).length;
    const kept = after.findings.find((f) => f.rule === finding.rule && f.span.start === target && (!deleted || key(f) === key(finding)));
    if (kept && (key(kept) !== key(finding) || sameAfter >= sameBefore)) r.fail(`${prefix}fix-kept:${finding.rule}`, `"${fix.title}" leaves ${describe(kept)}`);
    // An error is new when none of its rule stood at its place, none had its message (a finding
    // of the whole draft, such as a missing signature, moves with the text's end), and its line
    // has more of its rule than before (an unreadable amount moved to the other column is the
    // same error).
    const atBefore = new Set(errorsOf(result).map((f) => `${f.rule}@${map(f.span.start)}`));
    const messagesBefore = countByKey(errorsOf(result).map(key));
    const linesBefore = countByKey(errorsOf(result).map((f) => `${f.rule}@${lineOf(map(f.span.start))}`));
    const messagesAfter = new Map<string, number>();
    const linesAfter = new Map<string, number>();
    for (const e of errorsOf(after)) {
      const k = key(e);
      const l = `${e.rule}@${lineOf(e.span.start)}`;
      messagesAfter.set(k, (messagesAfter.get(k) ?? 0) + 1);
      linesAfter.set(l, (linesAfter.get(l) ?? 0) + 1);
      if (e === kept || atBefore.has(`${e.rule}@${e.span.start}`) || revealed(finding.rule, e.rule)) continue;
      if ((messagesAfter.get(k) ?? 0) <= (messagesBefore.get(k) ?? 0) || (linesAfter.get(l) ?? 0) <= (linesBefore.get(l) ?? 0)) continue;
      r.fail(`${prefix}fix-adds-error:${finding.rule}->${e.rule}`, `"${fix.title}" (for ${describe(finding)}) adds ${describe(e)}`);
    }
  }
}

function countByKey(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

function countByRule(findings: readonly Finding[]): Map<string, number> {
  return countByKey(findings.map((f) => f.rule));
}

function fixAllProperties(r: Recorder, kind: Source, text: string, result: CheckResult): void {
  const prefix = kind === 'xml' ? 'xml:' : '';
  const all = r.call('fixAll', () => fixAll(text, undefined, kind));
  if (!all || all.applied === 0) return;
  if (all.passes > 2) r.fail(`${prefix}fix-all-passes`, `${all.passes} passes`);
  const fixedText = r.call('applyEdits:fixAll', () => applyEdits(text, all.edits));
  if (fixedText === undefined) return;
  const after = r.call('check', () => checkDocument(parseKind(kind, fixedText)));
  if (!after) return;
  const before = countByRule(errorsOf(result));
  const fixedRules = new Set(result.findings.filter((f) => f.fixes.some((x) => x.preferred)).map((f) => f.rule));
  for (const [rule, n] of countByRule(errorsOf(after))) {
    if (n <= (before.get(rule) ?? 0) || [...fixedRules].some((fixed) => revealed(fixed, rule))) continue;
    r.fail(`${prefix}fix-all-adds-error:${rule}`, `${n} ${rule} error(s) after fix-all, ${before.get(rule) ?? 0} before: ${describe(errorsOf(after).find((f) => f.rule === rule) as Finding)}`);
  }
  // Fix-all of its own result would change nothing: its last pass checked that result and found
  // no preferred fix, unless it stopped at its limit of passes, which `passes` above reports.
}

/** Every way a draft breaks the properties. */
export function draftFailures(c: FuzzCase, options: PropertyOptions = {}): Failure[] {
  const r = new Recorder(options.slowMs ?? 1000);
  const text = c.text;
  const draft = r.call('parse', () => parseDraft(text));
  if (!draft) return r.failures;
  const lines = splitLines(text);
  const analysis = analyze(draft.filing);
  const result = r.call('check', () => checkDocument(draft, { analysis }));
  if (!result) return r.failures;
  for (const f of result.failures) r.fail(`rule-throws:${f.rule}`, f.error instanceof Error ? (f.error.stack ?? f.error.message).slice(0, 600) : String(f.error));
  checkFindingSpans(r, lines, result.findings);
  positionFeatures(r, draft, analysis, lines, probePositions(text, lines, c.probes));
  formatting(r, draft, text, lines);
  // On a megabyte draft one fix is enough: each costs a whole check.
  quickFixProperties(r, 'draft', text, lines, result, c.fixPick, text.length > 200_000 ? 1 : (options.maxFixes ?? 4));
  fixAllProperties(r, 'draft', text, result);
  return r.failures;
}

/** Every way an ownership XML document breaks the properties. */
export function xmlFailures(c: FuzzCase, options: PropertyOptions = {}): Failure[] {
  const r = new Recorder(options.slowMs ?? 1000);
  const text = c.text;
  const parsed = r.call('parseXml', () => parseOwnershipXml(text));
  if (!parsed) return r.failures;
  const lines = splitLines(text);
  const analysis = analyze(parsed.filing);
  const result = r.call('checkXml', () => checkDocument(parsed, { analysis }));
  if (!result) return r.failures;
  for (const f of result.failures) r.fail(`xml:rule-throws:${f.rule}`, f.error instanceof Error ? (f.error.stack ?? f.error.message).slice(0, 600) : String(f.error));
  checkFindingSpans(r, lines, result.findings);
  for (const p of probePositions(text, lines, c.probes)) checkSpan(r, lines, 'xml-hover', r.call('hoverXml', () => hoverInFiling(parsed.filing, analysis, p))?.span);
  quickFixProperties(r, 'xml', text, lines, result, c.fixPick, options.maxFixes ?? 4);
  fixAllProperties(r, 'xml', text, result);
  return r.failures;
}

// ---- holdings chains ----------------------------------------------------------------------------

export interface ChainCase {
  readonly rows: number;
  readonly seed: number;
  /** Which chained row to make wrong, as a fraction of them. */
  readonly at: number;
  /** What to add to it and to every amount owned after it in its holding. */
  readonly delta: number;
}

/**
 * A clean generated draft, one amount owned made wrong and every later row of its holding
 * computed from the wrong figure (as a drafter carries a mistake down): holdings-mismatch must
 * report the wrong row alone, and its preferred fix, one fix, must put every row back, leaving
 * the draft as clean as it was.
 */
export function chainFailures(c: ChainCase, options: PropertyOptions = {}): Failure[] {
  const r = new Recorder(options.slowMs ?? 1000);
  const text = generateDraft({ rows: c.rows, seed: c.seed }).text;
  const draft = parseDraft(text);
  const analysis = analyze(draft.filing);
  const next = new Map<TableRow, TableRow>();
  for (const row of analysis.rows.trusted) {
    const previous = analysis.holdings.steps.get(row)?.previous;
    if (previous) next.set(previous, row);
  }
  // Not a Table II row with the code and date of its previous row: made wrong, it reads as a lot
  // of its own (holdings-mismatch then informs and prefers no fix, by design).
  const ownLot = (row: TableRow, previous: TableRow): boolean =>
    row.table === 'II' && row.coding.value?.code === previous.coding.value?.code && row.transactionDate.value !== undefined && previous.transactionDate.value !== undefined && dayNumber(row.transactionDate.value) === dayNumber(previous.transactionDate.value);
  const chained = analysis.rows.trusted.filter((row) => {
    const previous = analysis.holdings.steps.get(row)?.previous;
    return previous && !ownLot(row, previous) && row.ownedAfter.value && !row.ownedAfter.value.dollars;
  });
  if (chained.length === 0) return r.failures;
  const first = chained[Math.min(chained.length - 1, Math.floor(c.at * chained.length))] as TableRow;
  const chain: TableRow[] = [];
  for (let row: TableRow | undefined = first; row; row = next.get(row)) chain.push(row);
  const edits: TextEdit[] = chain.flatMap((row) => {
    const owned = row.ownedAfter.value;
    return owned ? [{ span: row.ownedAfter.valueSpan, newText: formatDecimal(owned.amount.plus(decimal(String(c.delta)))) }] : [];
  });
  const broken = applyEdits(text, edits);
  const clean = (t: string): Finding[] => checkDocument(parseDraft(t)).findings.filter((f) => f.rule !== 'too-many-rows');
  const baseline = new Set(clean(text).map(describe));
  const found = clean(broken).filter((f) => !baseline.has(describe(f)));
  const wrongLine = lineOf(first.ownedAfter.valueSpan.start);
  const mismatches = found.filter((f) => f.rule === 'holdings-mismatch');
  if (mismatches.length !== 1 || lineOf(mismatches[0]?.span.start ?? 0) !== wrongLine) {
    r.fail('chain-findings', `${chain.length} rows from line ${wrongLine + 1} off by ${c.delta}: ${found.map(describe).join('; ') || 'nothing found'}`);
    return r.failures;
  }
  const fix = mismatches[0]?.fixes.find((f) => f.preferred);
  if (!fix) {
    r.fail('chain-no-fix', `${describe(mismatches[0] as Finding)} has no preferred fix`);
    return r.failures;
  }
  if (fix.edits.length !== chain.length) r.fail('chain-edits', `"${fix.title}" edits ${fix.edits.length} cells for a chain of ${chain.length} rows`);
  const fixed = applyEdits(broken, fix.edits);
  const left = clean(fixed).filter((f) => !baseline.has(describe(f)));
  if (left.length > 0) r.fail('chain-left', `after "${fix.title}": ${left.map(describe).join('; ')}`);
  return r.failures;
}
