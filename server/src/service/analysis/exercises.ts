/**
 * Pairing the two halves of an exercise or conversion (codes M, C, O, X): the Table II row that
 * disposes of the derivative and the row that acquires the underlying, usually in Table I, in
 * Table II when the acquired security is itself a derivative (a convertible Class B).
 */
import { dayNumber } from '../model/calendarDate';
import { isExerciseCode } from '../model/codes';
import { type DerivativeRow, type Filing, type TableRow, titleKey } from '../model/filing';

export interface ExerciseGroup {
  readonly code: string;
  /** Table II rows disposing of the derivative. */
  readonly disposals: readonly DerivativeRow[];
  /** Rows acquiring what it was exercised for. One-to-one groups pair single rows. */
  readonly acquisitions: readonly TableRow[];
}

export interface Exercises {
  readonly groups: readonly ExerciseGroup[];
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
  return { groups, unpairedDisposals, unpairedAcquisitions, decidable };
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
