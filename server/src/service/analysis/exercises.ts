/**
 * Pairing the two halves of an exercise or conversion (codes M, C, O, X): the Table II row that
 * disposes of the derivative and the row that acquires the underlying, usually in Table I, in
 * Table II when the acquired security is itself a derivative (a convertible Class B).
 */
import { dayNumber } from '../model/calendarDate';
import type { Decimal } from '../model/decimal';
import { isExerciseCode } from '../model/codes';
import { type DerivativeRow, type Filing, type TableRow, titleKey } from '../model/filing';

export interface ExerciseGroup {
  readonly code: string;
  /** Table II rows disposing of the derivative. */
  readonly disposals: readonly DerivativeRow[];
  /** Rows acquiring what it was exercised for. One-to-one groups pair single rows. */
  readonly acquisitions: readonly TableRow[];
}

/**
 * Disposals whose acquisition carries another code: at an IPO, preferred stock converts (Table
 * II, C, disposed) into common stock that the filer reports acquired the same day with code J
 * and a footnote. The halves match by date, underlying title and amount (one acquisition may
 * take several series' conversions together).
 */
export interface CrossCodedGroup {
  readonly code: string;
  readonly disposals: readonly DerivativeRow[];
  readonly acquisition: TableRow;
  /** The acquisition's own code (J in the IPO case). */
  readonly acquisitionCode: string;
}

export interface Exercises {
  readonly groups: readonly ExerciseGroup[];
  /** Pairs found only by date, title and amount: the acquisition is coded differently. */
  readonly crossCoded: readonly CrossCodedGroup[];
  readonly unpairedDisposals: readonly DerivativeRow[];
  readonly unpairedAcquisitions: readonly TableRow[];
  /** False when a damaged row could hold the missing half: then nothing is reported unpaired. */
  readonly decidable: boolean;
}

function exerciseKey(row: TableRow): string | undefined {
  const code = row.coding.value?.code;
  const date = row.transactionDate.value;
  if (row.damaged || row.kind !== 'transaction' || !isExerciseCode(code) || !date) return undefined;
  return `${code}\u0000${dayNumber(date)}`;
}

function sameAmount(a: TableRow, b: DerivativeRow): boolean {
  const amount = a.shares.value?.amount;
  const wanted = b.underlyingShares.value?.amount ?? b.shares.value?.amount;
  return amount !== undefined && wanted !== undefined && amount.equals(wanted);
}

export function pairExercises(filing: Filing): Exercises {
  const rowsI = filing.nonDerivativeTable?.rows ?? [];
  const rowsII = filing.derivativeTable?.rows ?? [];
  const decidable = rowsI.every((r) => !r.damaged) && rowsII.every((r) => !r.damaged);
  const disposalsByKey = new Map<string, DerivativeRow[]>();
  const acquisitionsByKey = new Map<string, TableRow[]>();
  for (const row of rowsII) {
    const key = exerciseKey(row);
    if (key === undefined) continue;
    const direction = row.acquiredDisposed.value;
    if (direction === 'D') push(disposalsByKey, key, row);
    else if (direction === 'A') push(acquisitionsByKey, key, row);
  }
  for (const row of rowsI) {
    const key = exerciseKey(row);
    if (key === undefined || row.acquiredDisposed.value !== 'A') continue;
    push(acquisitionsByKey, key, row);
  }

  const groups: ExerciseGroup[] = [];
  const unpairedDisposals: DerivativeRow[] = [];
  const unpairedAcquisitions: TableRow[] = [];
  const keys = new Set([...disposalsByKey.keys(), ...acquisitionsByKey.keys()]);
  for (const key of keys) {
    const code = key.split('\u0000')[0] ?? '';
    const disposals = disposalsByKey.get(key) ?? [];
    const free = [...(acquisitionsByKey.get(key) ?? [])];
    // Disposals by the underlying they were exercised for; each takes the acquisitions of
    // that title (Table I first, as the underlying is usually common stock), else Table II.
    const byUnderlying = new Map<string, DerivativeRow[]>();
    for (const d of disposals) {
      const title = titleKey(d.underlyingTitle.value);
      push(byUnderlying, title, d);
    }
    const leftover: DerivativeRow[] = [];
    for (const [title, ds] of byUnderlying) {
      let matched = free.filter((a) => a.table === 'I' && titleKey(a.securityTitle.value) === title);
      if (matched.length === 0) matched = free.filter((a) => a.table === 'II' && titleKey(a.securityTitle.value) === title);
      if (matched.length === 0) {
        leftover.push(...ds);
        continue;
      }
      for (const a of matched) free.splice(free.indexOf(a), 1);
      groups.push(...matchGroup(code, ds, matched));
    }
    // Titles that do not match ("Common Stock" against "Class A Common Stock"): pair what is
    // left on the same code and date, the way a reader of the form would.
    if (leftover.length > 0) {
      if (free.length > 0) {
        groups.push(...matchGroup(code, leftover, free.filter((a) => a.table === 'I').length > 0 ? free.filter((a) => a.table === 'I') : free));
        const used = new Set(groups.flatMap((g) => g.acquisitions));
        for (let i = free.length - 1; i >= 0; i--) if (used.has(free[i] as TableRow)) free.splice(i, 1);
      } else {
        unpairedDisposals.push(...leftover);
      }
    }
    unpairedAcquisitions.push(...free);
  }
  const crossCoded = pairAcrossCodes(unpairedDisposals, [...rowsI, ...rowsII]);
  const paired = new Set(crossCoded.flatMap((g) => g.disposals));
  const stillUnpaired = paired.size > 0 ? unpairedDisposals.filter((d) => !paired.has(d)) : unpairedDisposals;
  return { groups, crossCoded, unpairedDisposals: stillUnpaired, unpairedAcquisitions, decidable };
}

/**
 * Unpaired disposals matched with an acquisition of another code on the same date: of the
 * disposal's underlying title (or, when no acquisition has it, any title), for the underlying
 * amount of one disposal or of all the disposals of that date and title together.
 */
function pairAcrossCodes(disposals: readonly DerivativeRow[], rows: readonly TableRow[]): CrossCodedGroup[] {
  if (disposals.length === 0) return [];
  const candidates = rows.filter((r) => !r.damaged && r.kind === 'transaction' && r.acquiredDisposed.value === 'A' && r.coding.value !== undefined && !isExerciseCode(r.coding.value.code) && r.transactionDate.value !== undefined);
  if (candidates.length === 0) return [];
  const groups: CrossCodedGroup[] = [];
  const used = new Set<TableRow>();
  const byDateAndTitle = new Map<string, { day: number; title: string; disposals: DerivativeRow[] }>();
  for (const d of disposals) {
    const day = dayOf(d);
    if (day === undefined) continue;
    const title = titleKey(d.underlyingTitle.value);
    const key = `${day}\u0000${title}`;
    const group = byDateAndTitle.get(key);
    if (group) group.disposals.push(d);
    else byDateAndTitle.set(key, { day, title, disposals: [d] });
  }
  for (const { day, title, disposals: ds } of byDateAndTitle.values()) {
    const sameDay = candidates.filter((c) => !used.has(c) && dayOf(c) === day);
    const titled = sameDay.filter((c) => titleKey(c.securityTitle.value) === title);
    const pool = titled.length > 0 ? titled : sameDay;
    const left = [...ds];
    // One acquisition per disposal, by equal amounts…
    for (const d of ds) {
      const match = pool.find((c) => !used.has(c) && sameAmount(c, d));
      if (!match) continue;
      used.add(match);
      left.splice(left.indexOf(d), 1);
      groups.push({ code: d.coding.value?.code ?? '', disposals: [d], acquisition: match, acquisitionCode: match.coding.value?.code ?? '' });
    }
    // …or one acquisition for all of them together (several series converting into one line).
    if (left.length > 1) {
      const total = sumOf(left);
      const match = total ? pool.find((c) => !used.has(c) && c.shares.value?.amount.equals(total) === true) : undefined;
      if (match) {
        used.add(match);
        groups.push({ code: left[0]?.coding.value?.code ?? '', disposals: left, acquisition: match, acquisitionCode: match.coding.value?.code ?? '' });
      }
    }
  }
  return groups;
}

function dayOf(row: TableRow): number | undefined {
  const date = row.transactionDate.value;
  return date ? dayNumber(date) : undefined;
}

function sumOf(disposals: readonly DerivativeRow[]): Decimal | undefined {
  let total: Decimal | undefined;
  for (const d of disposals) {
    const amount = d.underlyingShares.value?.amount ?? d.shares.value?.amount;
    if (amount === undefined) return undefined;
    total = total ? total.plus(amount) : amount;
  }
  return total;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One-to-one when the counts agree (equal amounts first, then in order), else one aggregate group. */
function matchGroup(code: string, disposals: readonly DerivativeRow[], acquisitions: readonly TableRow[]): ExerciseGroup[] {
  if (disposals.length !== acquisitions.length) return [{ code, disposals, acquisitions }];
  const left = [...acquisitions];
  const pairs: ExerciseGroup[] = [];
  const pending: DerivativeRow[] = [];
  for (const d of disposals) {
    const i = left.findIndex((a) => sameAmount(a, d));
    if (i === -1) {
      pending.push(d);
      continue;
    }
    pairs.push({ code, disposals: [d], acquisitions: [left[i] as TableRow] });
    left.splice(i, 1);
  }
  pending.forEach((d, i) => {
    const a = left[i];
    if (a) pairs.push({ code, disposals: [d], acquisitions: [a] });
  });
  return pairs;
}
